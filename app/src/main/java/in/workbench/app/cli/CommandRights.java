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
            // workspace copy reads its -w into a folder of the analyst's own; publish needs CHANGE (its target is checked too)
            "copy", Right.READ);

    private CommandRights() {
    }

    /** The right the command named {@code name} (its own name, e.g. {@code list} of {@code lab list}) needs. */
    static Right rightOf(String name) {
        return RIGHTS.getOrDefault(name, Right.CHANGE);
    }

    static void check(Workspace ws, CommandSpec command) {
        String name = command == null ? "" : command.name();
        Right right = rightOf(name);
        ws.require(right, command == null ? "do this" : "run `" + command.qualifiedName(" ").replaceFirst("^workbench ", "") + "`");
    }
}
