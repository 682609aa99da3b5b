package in.workbench.app.cli;

import in.workbench.analytics.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every workspace command shares: {@code -w}, {@code --json} and {@code -q}. */
public final class WorkspaceOptions {

    @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "DIR",
            description = "Workspace folder (created on first use), or a team workspace on a PostgreSQL server: "
                    + "postgresql://USER@HOST:PORT/DB[?currentSchema=S&sslmode=M]; its password comes from the "
                    + "PostgreSQL password file (~/.pgpass or PGPASSFILE) or a prompt, never the command line.")
    String workspace;

    @Mixin
    OutputOptions output;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Opens (or creates) the workspace named by {@code -w}; on a team workspace, refuses a command
     * the analyst's role does not allow before it changes anything.
     */
    public Workspace open() {
        Workspace ws = Workspace.open(workspace, new ConsolePassword());
        try {
            CommandRights.check(ws, command);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    public boolean json() {
        return output.json();
    }

    public boolean quiet() {
        return output.quiet();
    }

    /** A progress bar for {@code task} on standard error, silent with {@code -q}. */
    public TerminalProgress progress(String task) {
        return output.progress(task);
    }
}
