package in.workbench.app.bench;

import in.workbench.app.cli.ConsolePassword;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench bench import-server -w postgresql://…}: the same generated shipments imported
 * into a workspace folder (H2) and into a team workspace (PostgreSQL, by COPY into a staging
 * table), each with the workbench's full import (validation, rejected rows, provenance, one
 * transaction), printed side by side for the README.
 */
@Command(name = "import-server", description = {
    "Generate an N-row shipments file and import it with the workbench's importer into a fresh workspace folder (H2)",
    "and into a fresh schema of the team workspace server named by -w (PostgreSQL, COPY); prints rows/s for both.",
    "The schema is dropped afterwards."})
final class ServerImportBench extends Benchmark {

    @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "postgresql://USER@HOST:PORT/DB",
            description = "The server (an owner's login); a schema of its own is created for the run and dropped after it.")
    String server;

    @Option(names = "--rows", defaultValue = "1000000", description = "Shipments to generate (default ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    FolderOption folder;

    @Override
    void measure(PrintWriter out) throws Exception {
        ServerAddress address = ServerAddress.parse(server).inSchema("bench_" + Long.toString(System.currentTimeMillis(), 36));
        try (ScratchFolder base = folder.open("workbench-bench-server")) {
            importBoth(address, base, out);
        }
    }

    private void importBoth(ServerAddress address, ScratchFolder base, PrintWriter out) throws Exception {
        Path csv = base.resolve("shipments-" + rows + ".csv");
        long mb = SyntheticCsv.writeShipments(csv, rows) / (1024 * 1024);
        out.printf("Generated %,d shipments (%,d MB) in %s%n", rows, mb, csv);

        ImportSummary h2;
        try (Workspace ws = Workspace.open(base.fresh("ws-h2"))) {
            h2 = new CsvImporter(ws).importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        }
        ImportSummary pg;
        try (Workspace ws = Workspace.openServer(address, new ConsolePassword(), base.resolve("ws-server-local"))) {
            try {
                pg = new CsvImporter(ws).importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            } finally {
                try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + address.schema() + " CASCADE");
                }
            }
        }
        out.println();
        MarkdownTable.header(out, "import of " + String.format("%,d", rows) + " shipments (workbench importer)", "rows/s", "time");
        out.printf("| workspace folder (H2, batched inserts) | %,.0f | %.1f s |%n", h2.rowsPerSecond(), h2.elapsedMillis() / 1000.0);
        out.printf("| team workspace (PostgreSQL %s, COPY into a staging table) | %,.0f | %.1f s |%n", address.host(),
                pg.rowsPerSecond(), pg.elapsedMillis() / 1000.0);
    }
}
