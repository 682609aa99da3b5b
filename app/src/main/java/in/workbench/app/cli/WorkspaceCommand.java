package in.workbench.app.cli;

import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The shell of a command that works on one workspace ({@code info}, {@code import}, {@code export},
 * {@code extract}, {@code report}, {@code predict}, {@code recommend}, {@code score}, {@code segment},
 * {@code lab list}, {@code workspace publish|copy}): the workspace options, checking the arguments
 * before anything is opened, opening and closing the workspace, and exit code 0 when it is done.
 * Failures are thrown and become exit codes in {@link WorkbenchCommand}.
 *
 * <p>A subclass declares its own parameters (a command that writes a CSV: its positional
 * parameter, then {@link CsvOutputOption} as a {@code @Mixin}, so the options keep their order)
 * and states only what it does in {@link #run}. One instance serves one invocation; not
 * thread-safe.
 */
abstract class WorkspaceCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        checkArguments();
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            run(ws, out);
        }
        return 0;
    }

    /** Rejects unusable arguments (with {@link #usageError}) before the workspace is opened; accepts all by default. */
    void checkArguments() {
    }

    /** Does the command's work in {@code ws} and prints its summary (and {@code --json} line) to {@code out}. */
    abstract void run(Workspace ws, PrintWriter out) throws Exception;

    /** A usage error (exit code 2) with {@code message}, shown with this command's usage. */
    final ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A progress bar for {@code task} on standard error, silent with {@code -q}. */
    final TerminalProgress progress(String task) {
        return options.progress(task);
    }
}
