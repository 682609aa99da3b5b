package in.workbench.app.cli;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.CancelledException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code workbench} command and its subcommands, as specified in docs/cli.md.
 *
 * <p>Exit codes: 0 done; 2 usage error; 3 input unusable; 4 the workspace lacks what the command
 * needs; 1 anything else. Every non-zero exit prints one plain sentence on standard error.
 *
 * <p>{@code --help} and {@code --version} are inherited by every subcommand, so {@code workbench CMD --help}
 * prints CMD's usage and exits 0 even when CMD's required options are missing.
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "E-commerce analyst workbench. With no arguments, opens the window.",
        subcommands = {
            InfoCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            in.workbench.app.bench.BenchCommand.class,
            GenerateSampleCommand.class,
            TrainCommand.class,
            ScoreCommand.class,
            SegmentCommand.class,
            ReportCommand.class,
            ExtractCommand.class,
            PackagingCommands.Predict.class,
            PackagingCommands.Recommend.class,
            LabCommands.Lab.class,
            WorkspaceCommands.Group.class,
        })
public final class WorkbenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command; see workbench --help.");
    }

    /** Runs the command line with {@code args} and returns the exit code; never calls System.exit. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing to the given streams (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        in.workbench.analytics.workspace.ProcessGuards.install();
        CommandLine cli = new CommandLine(new WorkbenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(plainSentence(ex));
            commandLine.getErr().flush();
            org.slf4j.LoggerFactory.getLogger(WorkbenchCommand.class).debug("command failed", ex);
            return exitCode(ex);
        });
        return cli.execute(args);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof WorkbenchException we) {
            return we.kind().exitCode();
        }
        if (ex instanceof CancelledException) {
            return 1;
        }
        return 1;
    }

    static String plainSentence(Throwable ex) {
        if (ex instanceof WorkbenchException || ex instanceof CancelledException) {
            return "workbench: " + ex.getMessage();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return "workbench: unexpected error (" + ex.getClass().getSimpleName() + "): " + message;
    }
}
