package in.workbench.app.cli;

import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every workspace command shares: {@code -w}, {@code --json} and {@code -q}. */
public final class WorkspaceOptions {

    @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "DIR",
            description = "Workspace folder; created on first use.")
    Path workspace;

    @Option(names = "--json", description = "Print a machine-readable summary as the last line of standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress output on standard error.")
    boolean quiet;

    /** Opens (or creates) the workspace named by {@code -w}. */
    public Workspace open() {
        return Workspace.open(workspace);
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }
}
