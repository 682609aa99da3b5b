package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.TeamRole.Right;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's command × role table (section "Team workspace") says what {@link CommandRights}
 * enforces: every command that opens a workspace is in it, in the row of the right it needs.
 */
class ReadmeRightsTableTest {

    private static final String HEADER = "| command | reader | labeler | owner |";

    /** Command (as written in the README, e.g. "lab list") → the least right its row gives. */
    private static Map<String, Right> readmeTable() throws Exception {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf(HEADER);
        assertTrue(start >= 0, "README.md has the command × role table (" + HEADER + ")");
        Map<String, Right> out = new LinkedHashMap<>();
        Pattern command = Pattern.compile("`([a-z][a-z -]*)`");
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            Right right = cells[2].contains("✓") ? Right.READ : cells[3].contains("✓") ? Right.LABEL : Right.CHANGE;
            Matcher m = command.matcher(cells[1]);
            while (m.find()) {
                out.put(m.group(1).trim(), right);
            }
        }
        return out;
    }

    /** Every command path that takes {@code -w}, e.g. "train", "lab list", "workspace publish". */
    private static List<String> workspaceCommands() {
        List<String> out = new ArrayList<>();
        collect(new CommandLine(new WorkbenchCommand()), "", out);
        return out;
    }

    private static void collect(CommandLine cli, String path, List<String> out) {
        cli.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return;
            }
            String p = (path + " " + name).trim();
            if (sub.getCommandSpec().findOption("-w") != null && !p.startsWith("bench")) {
                out.add(p);
            }
            collect(sub, p, out);
        });
    }

    @Test
    void everyWorkspaceCommandIsInTheReadmeTableWithTheRightItNeeds() throws Exception {
        Map<String, Right> table = readmeTable();
        List<String> commands = workspaceCommands();
        assertTrue(commands.containsAll(List.of("info", "import", "train", "lab list", "workspace publish", "workspace copy")), commands.toString());
        for (String command : commands) {
            assertTrue(table.containsKey(command), "README's command × role table lacks `" + command + "`: " + table.keySet());
            String own = command.substring(command.lastIndexOf(' ') + 1);
            assertEquals(CommandRights.rightOf(own), table.get(command), "`" + command + "` in README's command × role table");
        }
    }
}
