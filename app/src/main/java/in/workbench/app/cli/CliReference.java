package in.workbench.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes docs/cli.md from the picocli model of {@link WorkbenchCommand}, so the command-line
 * reference cannot drift from the code: every command and subcommand with its synopsis,
 * description, parameters and options. {@code CliReferenceTest} fails when the committed file is
 * stale. Stateless; thread-safe.
 */
public final class CliReference {

    private static final String INTRO = """
            # Command-line reference

            <!-- Generated from the picocli model by in.workbench.app.cli.CliReference; do not edit by hand.
                 Regenerate: ./mvnw -B -o -pl app -am test -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dcli.write=true -->

            `java -jar app/target/workbench.jar ARGS` (or the installed `workbench` launcher) runs one
            command and never touches the JavaFX toolkit, so it works on a machine without a display; with
            no arguments it opens the window. Everything the window produces that is data, a command
            produces too, from the same analytics code.

            **Common options.** `-w, --workspace DIR` names a workspace folder (created on first use);
            `--json` prints a machine-readable summary as the last line of standard output; `-q` turns off
            progress, which otherwise goes to standard error, never to standard output. `-h, --help` and
            `-V, --version` work on every command.

            **Exit codes.** 0 done (an import that rejected some rows is still 0 and says how many);
            2 usage error; 3 input unusable (file missing or unreadable, a required column absent, nothing
            imported); 4 the workspace lacks what the command needs (for example no trained model), with a
            sentence saying what to run first; 1 anything else. Every non-zero exit prints one plain
            sentence on standard error, never a stack trace.

            File formats are described in docs/data-formats.md and docs/model-files.md.
            """;

    private CliReference() {
    }

    /** The whole reference as Markdown. */
    public static String markdown() {
        StringBuilder out = new StringBuilder(INTRO);
        CommandLine root = new CommandLine(new WorkbenchCommand());
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        for (CommandLine c : all) {
            command(c.getCommandSpec(), out);
        }
        return out.toString();
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                collect(sub, out);
            }
        });
    }

    private static void command(CommandSpec spec, StringBuilder out) {
        out.append("\n## `").append(spec.qualifiedName()).append("`\n\n");
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        out.append("```\n").append(help.synopsis(0).strip()).append("\n```\n\n");
        String description = text(spec.usageMessage().description());
        if (!description.isEmpty()) {
            out.append(description).append("\n\n");
        }
        List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp()).toList();
        if (params.isEmpty() && options.isEmpty()) {
            return;
        }
        out.append("| parameter | meaning |\n|---|---|\n");
        for (PositionalParamSpec p : params) {
            out.append("| `").append(p.paramLabel()).append("` | ").append(meaning(p)).append(" |\n");
        }
        for (OptionSpec o : options) {
            String label = o.typeInfo().isBoolean() ? "" : " " + o.paramLabel();
            out.append("| `").append(String.join(", ", o.names())).append(label).append("`").append(o.required() ? " (required)" : "")
                    .append(" | ").append(meaning(o)).append(" |\n");
        }
    }

    private static String meaning(ArgSpec a) {
        return text(a.description()).replace("|", "\\|");
    }

    private static String text(String[] lines) {
        return String.join(" ", lines).replace("%n", " ").replace("%%", "%").replaceAll("\\s+", " ").strip();
    }
}
