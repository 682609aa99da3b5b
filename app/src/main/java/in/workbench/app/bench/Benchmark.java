package in.workbench.app.bench;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code bench} subcommand: measures, prints its tables to standard output (progress to standard
 * error) and exits 0; a failure ends it with the exit code of the exception (see {@code Main}).
 * Not thread-safe; picocli makes one per run.
 */
abstract class Benchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        measure(out);
        out.flush();
        return 0;
    }

    /** Runs the benchmark and prints its report to {@code out}. */
    abstract void measure(PrintWriter out) throws Exception;

    /** Standard error, for progress lines. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error (exit 2) with one plain sentence. */
    ParameterException usage(String sentence) {
        return new ParameterException(spec.commandLine(), sentence);
    }
}
