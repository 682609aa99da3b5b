package in.workbench.app.cli;

import in.workbench.analytics.workspace.TeamRole.Right;
import in.workbench.analytics.workspace.Workspace;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The right each command needs on a team workspace (the README's command × role table): reading
 * commands need {@link Right#READ}, everything that rewrites shared tables or models needs
 * {@link Right#CHANGE}. A command not listed here needs {@code CHANGE}, so that a new command
 * never lets a reader change something by omission.
 */
final class CommandRights {

    private static final Map<String, Right> RIGHTS = Map.of(
            "info", Right.READ,
            "export", Right.READ,
            "report", Right.READ,
            "list", Right.READ,
            // workspace publish/copy read their -w; the target's CHANGE right is checked by WorkspaceTransfer
            "publish", Right.READ,
            "copy", Right.READ);

    private CommandRights() {
    }

    static void check(Workspace ws, CommandSpec command) {
        String name = command == null ? "" : command.name();
        Right right = RIGHTS.getOrDefault(name, Right.CHANGE);
        ws.require(right, command == null ? "do this" : "run `" + command.qualifiedName(" ").replaceFirst("^workbench ", "") + "`");
    }
}
