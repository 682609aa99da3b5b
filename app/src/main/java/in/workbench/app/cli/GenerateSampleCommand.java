package in.workbench.app.cli;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.sample.SampleGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench generate-sample -o DIR}: a realistic sample world with known truth. */
@Command(name = "generate-sample", description = {
    "Generate a deterministic sample world (catalog, addresses, shipments, package ladder, images, and truth/ files",
    "for tests). The same seed gives the same bytes. Defaults are the bundled sample's sizes."})
public final class GenerateSampleCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path output;

    /** The sessions world's own folder under the output: it is a workspace of its own, not part of the marketplace sample. */
    static final String SESSIONS_FOLDER = "sessions";

    @Mixin
    WorldSizeOptions size = new WorldSizeOptions(3000, 100_000);

    @Mixin
    AddressesOption addressesOption = new AddressesOption(20_000);

    @Option(names = "--sessions", paramLabel = "N", description = "App sessions over six weeks, written to a folder of their own, "
            + "sessions/sessions.csv (default 1.5 per shipment, 150,000 for the bundled sizes; 0 for none).")
    Integer sessionsOption;

    @Mixin
    SeedOption seed = new SeedOption(20261124);

    @Mixin
    OutputOptions options;

    @Option(names = "--world", paramLabel = "WORLD", description = "workforce: the sample CRISP world (people, contacts, tests of "
            + "warehouses and delivery stations) instead of the e-commerce sample.")
    String world;

    @Option(names = "--people", defaultValue = "20000", description = "--world workforce: people (default ${DEFAULT-VALUE}).")
    int people;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (world != null) {
            if (!world.equals("workforce") || people < 100) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--world takes workforce, with at least 100 --people.");
            }
            return CrispCommands.generateWorld(output, people, seed.value(), options, spec.commandLine().getOut());
        }
        int products = size.products();
        int shipments = size.shipments();
        int addresses = addressesOption.value();
        int sessions = sessionsOption == null ? (int) Math.min(Integer.MAX_VALUE, shipments * 3L / 2) : sessionsOption;
        if (products < 30 || addresses < 120 || shipments < 1 || sessions < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Generate at least 30 products (one per subcategory), 120 addresses (all states) and 1 shipment.");
        }
        long t0 = System.nanoTime();
        SampleGenerator.Config config = size.config(addresses, seed.value());
        try (TerminalProgress progress = options.progress("Generating")) {
            PostalDirectory directory = PostalDirectory.load();
            new SampleGenerator(config, directory).generate(output, progress);
            if (sessions > 0) {
                progress.update(0, -1, "sessions");
                new in.workbench.sample.SessionSampler(new in.workbench.sample.SessionSampler.Config(sessions, 42, seed.value()), directory)
                        .write(output.resolve(SESSIONS_FOLDER));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Wrote %,d products, %,d addresses, %,d shipments and %,d sessions to %s in %.1f s%n", products, addresses, shipments,
                sessions, output, seconds);
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("products", products, "addresses", addresses, "shipments", shipments,
                    "seed", seed.value(), "seconds", Math.round(seconds * 10) / 10.0));
        }
        return 0;
    }
}
