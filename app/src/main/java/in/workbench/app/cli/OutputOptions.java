package in.workbench.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} and {@code -q} options of every command that prints a summary, as a picocli
 * mixin ({@link WorkspaceOptions} holds it too), and the progress bar {@code -q} silences. One
 * instance serves one invocation; not thread-safe.
 */
final class OutputOptions {

    @Option(names = "--json", description = "Print a machine-readable summary as the last line of standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on standard error.")
    boolean quiet;

    boolean json() {
        return json;
    }

    boolean quiet() {
        return quiet;
    }

    /** A progress bar for {@code task} on standard error, silent with {@code -q}. */
    TerminalProgress progress(String task) {
        return new TerminalProgress(task, quiet, System.err);
    }
}
