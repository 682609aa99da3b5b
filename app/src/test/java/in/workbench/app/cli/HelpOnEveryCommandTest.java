package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code workbench CMD --help} prints CMD's usage and exits 0, for every registered command and subcommand. */
class HelpOnEveryCommandTest {

    /** The command path of every registered (sub)command, e.g. ["train"], ["bench", "deliverability"]. */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(new CommandLine(new WorkbenchCommand()), new ArrayList<>(), out);
        return out.stream();
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
        cli.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return;
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            out.add(p);
            collect(sub, p, out);
        });
    }

    @ParameterizedTest(name = "workbench {0} --help")
    @MethodSource("commands")
    void helpPrintsTheCommandsUsageAndExitsZero(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        CommandLineTest.Run run = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("Usage: workbench " + String.join(" ", command)), run.out());
        assertTrue(run.out().contains("-h, --help"), run.out());
        assertFalse(run.err().contains("Missing required"), run.err());
        assertFalse(run.out().contains("%n"), "every description formats (a bare % leaves %n unformatted): " + run.out());
    }
}
