package in.workbench.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code workbench bench all}: the whole performance report in one go. Runs every other
 * {@code bench} subcommand in turn on data of the given size, after a header naming the machine,
 * and prints their tables one after another; a benchmark that cannot run here (start-up without a
 * display) says why and the report goes on.
 */
@Command(name = "all", description = {
    "Run every benchmark in turn (import, charts, models, start-up …) on generated data of the given size and",
    "print the whole performance report, headed by the machine it ran on."})
final class BenchAll implements Callable<Integer> {

    /** Speed benchmarks that take the report's sizes; the others measure model quality on the sample's own size. */
    private static final List<String> SCALED_BY_SHIPMENTS = List.of("import", "charts");
    private static final List<String> SCALED_BY_ADDRESSES = List.of("deliverability");
    /** Benchmarks that take hours on 2 cores (the lab's memory limits): run only when --only names them. */
    private static final List<String> ONLY_WHEN_NAMED = List.of("lab");

    @Option(names = "--shipments", defaultValue = "1000000",
            description = "Shipments for the import and chart benchmarks (default ${DEFAULT-VALUE}).")
    int shipments;

    @Option(names = "--addresses", defaultValue = "100000",
            description = "Addresses for the address benchmarks (default ${DEFAULT-VALUE}).")
    int addresses;

    @Option(names = "--skip", split = ",", description = "Benchmarks to leave out, e.g. --skip startup,import.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--only", split = ",", description = "Run only these benchmarks, e.g. --only import,charts.")
    List<String> only = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("# Workbench performance report");
        out.println();
        out.println(Machine.description());
        int failed = 0;
        CommandLine bench = spec.commandLine().getParent();
        for (Map.Entry<String, CommandLine> e : bench.getSubcommands().entrySet()) {
            String name = e.getKey();
            if (name.equals("all") || skip.contains(name) || (!only.isEmpty() && !only.contains(name))
                    || (ONLY_WHEN_NAMED.contains(name) && !only.contains(name))) {
                continue;
            }
            CommandLine sub = e.getValue();
            List<String> args = new ArrayList<>();
            if (SCALED_BY_SHIPMENTS.contains(name)) {
                size(sub, "--rows", shipments, args);
                size(sub, "--shipments", shipments, args);
            }
            if (SCALED_BY_ADDRESSES.contains(name)) {
                size(sub, "--addresses", addresses, args);
            }
            out.println();
            out.println("## " + name + (args.isEmpty() ? "" : " (" + String.join(" ", args) + ")"));
            out.println();
            out.flush();
            sub.setOut(out);
            sub.setErr(err);
            long t0 = System.nanoTime();
            int code = sub.execute(args.toArray(String[]::new));
            if (code != 0) {
                failed++;
                out.println("Not measured here (exit " + code + "); the reason is on standard error.");
            }
            out.printf("%n(%s took %.0f s)%n", name, Samples.secondsSince(t0));
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private static void size(CommandLine sub, String option, int value, List<String> args) {
        if (sub.getCommandSpec().findOption(option) != null) {
            args.add(option);
            args.add(Integer.toString(value));
        }
    }
}
