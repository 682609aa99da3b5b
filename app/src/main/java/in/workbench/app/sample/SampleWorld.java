package in.workbench.app.sample;

import in.workbench.analytics.EnumLookup;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.crisp.CrispService;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.network.SlowNetworkTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.sample.SessionSampler;
import in.workbench.sample.crisp.WorkforceWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The sample workspaces File ▸ Open sample offers, each in its own folder under the workbench
 * home, so the marketplace sample stays small. The marketplace sample is shipped ready (unpacked
 * in well under a second); the workforce-contacts and app-sessions worlds are generated, imported
 * and trained on demand the first time they are opened (a minute or two, in the background with
 * progress), with the same generators as {@code generate-sample}. Thread-safe (stateless).
 */
public enum SampleWorld {

    /** Catalog, addresses, shipments and the package ladder, with every model trained: the first-run workspace. */
    MARKETPLACE("Marketplace: catalog, addresses, shipments"),
    /** People, contacts and tests of warehouses and delivery stations, with the CRISP model trained (Infection risk). */
    WORKFORCE("Workforce contacts (infection risk)"),
    /** App sessions over six weeks with the slow-network model trained (Slow networks). */
    SESSIONS("App sessions (slow networks)");

    /**
     * How big the worlds made on demand are.
     *
     * @param people the workforce world's people
     * @param emIterations its CRISP training's EM iterations (the command line's default is 20)
     * @param sweeps its CRISP scoring's kept sweeps per chain
     * @param sessions the sessions world's app sessions (generate-sample writes 150,000 beside the marketplace sample)
     * @param trees the slow-network model's boosting rounds
     */
    record Sizes(int people, int emIterations, int sweeps, int sessions, int trees) {
        /** Big enough for every site, shift and week, trained with the command line's settings but fewer EM iterations. */
        static final Sizes MENU = new Sizes(2_000, 10, CrispService.DEFAULT_SWEEPS, 20_000,
                SlowNetworkTrainer.Options.defaults(0).trees());
    }

    /** The generators' seed, as {@code generate-sample}'s default. */
    static final long WORLD_SEED = 20261124L;

    private final String title;

    SampleWorld(String title) {
        this.title = title;
    }

    /** What the menu calls it. */
    public String title() {
        return title;
    }

    /** Its folder in the workbench home. */
    public Path folderIn(Path home) {
        String folder = switch (this) {
            case MARKETPLACE -> "sample";
            case WORKFORCE -> "sample-workforce";
            case SESSIONS -> "sample-sessions";
        };
        return home.resolve("workspaces").resolve(folder);
    }

    /** True when opening it for the first time takes only an unpack (shipped ready with this build). */
    public boolean ready() {
        return this == MARKETPLACE && ReadySample.shipped();
    }

    /** The world whose menu title is {@code title}. */
    public static SampleWorld titled(String title) {
        return EnumLookup.find(SampleWorld.class, SampleWorld::title, title)
                .orElseThrow(() -> new IllegalArgumentException("no sample world titled " + title));
    }

    /**
     * Makes this sample workspace in {@code folder}, which must not hold a workspace yet, and returns
     * it open. Cancellable between steps.
     */
    public Workspace create(Path folder, ImportHooks hooks, Supplier<AddressParser> parser, ProgressMonitor monitor) throws IOException {
        return create(folder, hooks, parser, Sizes.MENU, monitor);
    }

    /** As {@link #create(Path, ImportHooks, Supplier, ProgressMonitor)} with other sizes for the worlds made on demand. */
    Workspace create(Path folder, ImportHooks hooks, Supplier<AddressParser> parser, Sizes sizes, ProgressMonitor monitor)
            throws IOException {
        return switch (this) {
            case MARKETPLACE -> ready() ? ReadySample.unpack(folder, monitor) : MarketplaceSample.build(folder, hooks, parser, monitor);
            case WORKFORCE -> workforce(folder, hooks, sizes, monitor);
            case SESSIONS -> sessions(folder, hooks, sizes, monitor);
        };
    }

    private static Workspace workforce(Path folder, ImportHooks hooks, Sizes sizes, ProgressMonitor monitor) throws IOException {
        SampleSteps steps = new SampleSteps(monitor, 5);
        return SampleFolder.make(folder, empty -> {
            Path source = empty.resolve("source");
            new WorkforceWorld(WorkforceWorld.Config.standard(WORLD_SEED).withPeople(sizes.people()))
                    .generate(source, steps.step(0, "generating the workforce"));
            return SampleFolder.filled(empty, ws -> {
                CsvImporter importer = new CsvImporter(ws, hooks.all());
                importer.importFile(source.resolve("people.csv"), DataTable.CRISP_PEOPLE, ImportOptions.defaults(), steps.step(1, "people"));
                importer.importFile(source.resolve("contacts.csv"), DataTable.CRISP_CONTACTS, ImportOptions.defaults(),
                        steps.step(2, "contacts"));
                importer.importFile(source.resolve("tests.csv"), DataTable.CRISP_TESTS, ImportOptions.defaults(), steps.step(3, "tests"));
                new CrispService(ws).train(MarketplaceSample.SEED, sizes.sweeps(), sizes.emIterations(), null, null,
                        steps.step(4, "training infection risk"));
            });
        });
    }

    private static Workspace sessions(Path folder, ImportHooks hooks, Sizes sizes, ProgressMonitor monitor) throws IOException {
        SampleSteps steps = new SampleSteps(monitor, 3);
        return SampleFolder.make(folder, empty -> {
            Path source = empty.resolve("source");
            steps.step(0, "generating app sessions");
            new SessionSampler(new SessionSampler.Config(sizes.sessions(), 42, WORLD_SEED), PostalDirectory.load()).write(source);
            return SampleFolder.filled(empty, ws -> {
                new CsvImporter(ws, hooks.all()).importFile(source.resolve("sessions.csv"), DataTable.SESSIONS, ImportOptions.defaults(),
                        steps.step(1, "sessions"));
                SlowNetworkTrainer.Options defaults = SlowNetworkTrainer.Options.defaults(MarketplaceSample.SEED);
                new SlowNetworkTrainer().trainAndSave(ws, new SlowNetworkTrainer.Options(defaults.seed(), sizes.trees(), defaults.depth(), defaults.eta()),
                        steps.step(2, "training slow networks"));
            });
        });
    }
}
