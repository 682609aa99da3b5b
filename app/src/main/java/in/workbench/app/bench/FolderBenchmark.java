package in.workbench.app.bench;

import java.io.PrintWriter;
import picocli.CommandLine.Mixin;

/**
 * A benchmark that writes its generated files and workspaces into one folder: the one named with
 * {@code -o/--dir} (kept), else a temporary folder named after the subcommand and removed
 * afterwards, whether the benchmark ended well or failed. Not thread-safe; picocli makes one per run.
 */
abstract class FolderBenchmark extends Benchmark {

    @Mixin
    FolderOption folder;

    @Override
    final void measure(PrintWriter out) throws Exception {
        try (ScratchFolder base = folder.open("workbench-bench-" + spec.name())) {
            measure(base, out);
        }
    }

    /** Runs the benchmark with its files in {@code base} and prints its report to {@code out}. */
    abstract void measure(ScratchFolder base, PrintWriter out) throws Exception;
}
