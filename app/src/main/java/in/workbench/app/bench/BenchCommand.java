package in.workbench.app.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench bench …}: measured performance, printed as tables for the README. */
@Command(name = "bench", description = "Measure performance on generated data.", subcommands = {ImportBench.class,
    DeliverabilityBench.class, SegmentationBench.class, PackagingBench.class, BenchChartsCommand.class, StartupBench.class,
    BenchAll.class, ServerImportBench.class, SlowNetworkBench.class, CrispBench.class, LabBench.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a benchmark (see bench --help), or all.");
    }
}
