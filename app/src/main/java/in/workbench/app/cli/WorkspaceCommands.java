package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.analytics.workspace.WorkspaceTransfer;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code workspace publish} and {@code workspace copy}: a workspace folder published to a team
 * workspace on a PostgreSQL server, and a server workspace copied to a folder for travel, both
 * verified table by table (rows and checksum) and all-or-nothing on the target
 * ({@link WorkspaceTransfer}).
 */
final class WorkspaceCommands {

    private WorkspaceCommands() {
    }

    /** {@code workspace}: the parent of publish and copy. */
    @Command(name = "workspace", description = "Publish a workspace folder to a server, or copy a server workspace to a folder.",
            subcommands = {WorkspaceCommands.Publish.class, WorkspaceCommands.Copy.class})
    static final class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new ParameterException(spec.commandLine(), "Name a workspace command: publish or copy.");
        }
    }

    /** {@code workspace publish -w DIR --to postgresql://… [--replace]}. */
    @Command(name = "publish", description = {"Publish the workspace folder -w to a team workspace on a PostgreSQL server (created when "
            + "new; you must be its owner). Every table is copied in one transaction and checked by row count and checksum before it "
            + "commits: the server gets all of it or nothing.",
        "Output: one line per table (rows, checksum); --json: {\"source\":…,\"target\":…,\"rows\":N,\"tables\":{TABLE:{\"rows\":N,"
            + "\"checksum\":…}},\"notes\":[…]}."})
    static final class Publish extends WorkspaceCommand {
        @Option(names = "--to", required = true, paramLabel = "ADDRESS",
                description = "The team workspace: postgresql://USER@HOST:PORT/DB[?currentSchema=S&sslmode=M].")
        String to;

        @Option(names = "--replace", description = "Replace a target that already holds data (otherwise it is refused).")
        boolean replace;

        private ServerAddress address;

        @Override
        void checkArguments() {
            if (!ServerAddress.looksLikeServer(to)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "--to must be a server address (postgresql://USER@HOST:PORT/DB); "
                        + "to copy into a folder use `workbench workspace copy`.");
            }
            address = ServerAddress.parse(to);
        }

        @Override
        void run(Workspace source, PrintWriter out) {
            WorkspaceTransfer.Result r;
            try (TerminalProgress progress = progress("Publishing to " + address.displayName())) {
                r = WorkspaceTransfer.publish(source, address, new ConsolePassword(), replace, progress);
            }
            report(out, source.location(), address.toString(), r, options.json());
        }
    }

    /** {@code workspace copy -w postgresql://… --to DIR [--replace]}. */
    @Command(name = "copy", description = {"Copy the workspace -w (usually a team workspace on a server) to the workspace folder --to, "
            + "for travel. Every table is copied in one transaction and checked by row count and checksum; a copy that fails leaves "
            + "no new folder behind.",
        "Output: as for publish."})
    static final class Copy extends WorkspaceCommand {
        @Option(names = "--to", required = true, paramLabel = "DIR", description = "The workspace folder to copy into (created when new).")
        Path to;

        @Option(names = "--replace", description = "Replace a folder workspace that already holds data (otherwise it is refused).")
        boolean replace;

        @Override
        void run(Workspace source, PrintWriter out) {
            WorkspaceTransfer.Result r;
            try (TerminalProgress progress = progress("Copying to " + to)) {
                r = WorkspaceTransfer.copyToFolder(source, to, replace, progress);
            }
            report(out, source.location(), to.toAbsolutePath().normalize().toString(), r, options.json());
        }
    }

    private static void report(PrintWriter out, String source, String target, WorkspaceTransfer.Result r, boolean json) {
        out.printf("Copied %,d rows in %d tables from %s to %s; every table's rows and checksum match.%n", r.rows(), r.tables().size(),
                source, target);
        for (WorkspaceTransfer.TableCheck t : r.tables()) {
            out.printf("  %-28s %,12d rows  %s%n", t.table(), t.rows(), t.checksum());
        }
        r.notes().forEach(n -> out.println("  note: " + n));
        if (json) {
            ObjectNode root = JsonSummary.object();
            root.put("source", source);
            root.put("target", target);
            root.put("rows", r.rows());
            ObjectNode tables = root.putObject("tables");
            for (WorkspaceTransfer.TableCheck t : r.tables()) {
                tables.putObject(t.table()).put("rows", t.rows()).put("checksum", t.checksum());
            }
            r.notes().forEach(root.putArray("notes")::add);
            JsonSummary.print(out, root);
        }
    }
}
