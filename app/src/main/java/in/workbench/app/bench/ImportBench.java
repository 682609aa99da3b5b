package in.workbench.app.bench;

import in.workbench.analytics.imports.ColumnSpec;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportLayout;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.StagingTables;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Import speed against H2's own CSVREAD on the same generated shipments file, a second file into
 * the loaded workspace, small imports into it, addresses with their state resolution, the peak
 * heap and the workspace's size on disk against the CSV files'.
 */
@Command(name = "import", description = {
    "Generate an N-row shipments file and import it into fresh workspaces: with the workbench (validation, rejected rows,",
    "indexes and aggregates), with H2's CSVREAD into a table with a primary key only, and with CSVREAD into the full",
    "shipments table. Then a second N-row file and 2 rows into the loaded workspace, N addresses with their state",
    "resolution, and the workspace's size on disk. Prints rows/s and the peak heap; run with -Xmx512m."})
final class ImportBench extends FolderBenchmark {

    @Option(names = "--rows", defaultValue = "1000000", description = "Shipments to generate (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--addresses", defaultValue = "-1", description = "Addresses to generate (default: as many as --rows).")
    int addresses;

    @Option(names = "--quick", description = "Only the first file against CSVREAD with a primary key only, and the addresses "
            + "(no second file, no CSVREAD into the full table).")
    boolean quick;

    @Option(names = "--warm-up-rows", defaultValue = "200000", description = "Before the timed runs, import a file of this many "
            + "shipments once each with the workbench, CSVREAD and H2 alone, so that no timed path pays the JIT compiler for another (default ${DEFAULT-VALUE}; 0 for none).")
    int warmUpRows;

    @Option(names = "--rounds", defaultValue = "1", description = "Rounds of the three first-file paths (the workbench into an "
            + "empty workspace, CSVREAD with a primary key only, H2 alone), each round in another order; with more than one, the "
            + "report adds every round and the medians of the ratios (default ${DEFAULT-VALUE}).")
    int rounds;

    /** One round of the three first-file paths, in rows per second. */
    record Round(double workbench, double csvRead, double h2Alone) {
        double workbenchToCsvRead() {
            return workbench / csvRead;
        }

        double h2AloneToCsvRead() {
            return h2Alone / csvRead;
        }

        double workbenchToH2Alone() {
            return workbench / h2Alone;
        }
    }

    @Override
    void measure(ScratchFolder base, PrintWriter out) throws Exception {
        importAll(base, out, err());
    }

    private void importAll(ScratchFolder base, PrintWriter out, PrintWriter err) throws Exception {
        if (addresses < 0) {
            addresses = rows;
        }
        Path csv = base.resolve("shipments-" + rows + ".csv");
        Path second = base.resolve("shipments-" + rows + "-second.csv");
        Path two = base.resolve("shipments-2.csv");
        Path addressCsv = base.resolve("addresses-" + addresses + ".csv");
        long csvBytes = SyntheticCsv.writeShipments(csv, rows, 0);
        long secondBytes = quick ? 0 : SyntheticCsv.writeShipments(second, rows, rows);
        SyntheticCsv.writeShipments(two, 2, 2 * rows);
        long addressBytes = SyntheticCsv.writeAddresses(addressCsv, addresses);
        out.printf("Generated %,d shipments (%,d MB) twice and %,d addresses (%,d MB) in %s%n", rows, csvBytes >> 20, addresses,
                addressBytes >> 20, base.path());
        Path workbench = base.fresh("ws-workbench");
        Path pkOnlyFolder = base.fresh("ws-pk-only");
        Path csvReadFolder = base.fresh("ws-csvread");
        Path addressFolder = base.fresh("ws-addresses");
        ImportHooks hooks = new ImportHooks();
        if (warmUpRows > 0) {
            warmUp(base, hooks, err);
        }

        System.gc();
        PeakHeap heap = new PeakHeap();
        ImportSummary first;
        ImportSummary again;
        ImportSummary small;
        double firstCpu;
        double againCpu;
        try (Workspace ws = Workspace.open(workbench)) {
            CsvImporter importer = new CsvImporter(ws, hooks.all());
            heap.start();
            long cpu0 = Machine.processCpuNanos();
            first = importer.importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            long cpu1 = Machine.processCpuNanos();
            progress(err, "first file", first.rowsPerSecond());
            again = quick ? null : importer.importFile(second, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            if (again != null) {
                progress(err, "second file", again.rowsPerSecond());
            }
            againCpu = (Machine.processCpuNanos() - cpu1) / 1e9;
            firstCpu = (cpu1 - cpu0) / 1e9;
            heap.stop();
            small = quick ? null : importer.importFile(two, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        }
        long workspaceBytes = databaseSize(workbench);

        double[] pkOnlyCpu = new double[1];
        double[] fullCpu = new double[1];
        double pkOnly = csvRead(pkOnlyFolder, csv, true, pkOnlyCpu);
        progress(err, "CSVREAD, primary key only", pkOnly);
        double[] floorCpu = new double[1];
        double floor = h2Floor(base.fresh("ws-h2-floor"), rows, floorCpu);
        progress(err, "H2 alone, rows from memory, key and index", floor);
        double full = quick ? Double.NaN : csvRead(csvReadFolder, csv, false, fullCpu);
        if (!quick) {
            progress(err, "CSVREAD, full table", full);
        }

        List<Round> all = new ArrayList<>(List.of(new Round(first.rowsPerSecond(), pkOnly, floor)));
        for (int r = 1; r < rounds; r++) {
            all.add(round(base, hooks, csv, r, err));
        }

        ImportSummary addressSummary;
        double addressCpu;
        try (Workspace ws = Workspace.open(addressFolder)) {
            long cpu0 = Machine.processCpuNanos();
            addressSummary = new CsvImporter(ws, hooks.all()).importFile(addressCsv, DataTable.ADDRESSES, ImportOptions.defaults(),
                    ProgressMonitor.NONE);
            addressCpu = (Machine.processCpuNanos() - cpu0) / 1e9;
        }
        long addressWorkspaceBytes = databaseSize(addressFolder);

        double ours = first.rowsPerSecond();
        out.println();
        MarkdownTable.header(out, "import of " + String.format("%,d", rows) + " shipments (" + (csvBytes >> 20) + " MB of CSV)", "rows/s",
                "time", "CPU time");
        out.printf("| workbench into an empty workspace (validation, rejected rows kept, indexes and aggregates built) | %,.0f | %.1f s | %.1f s |%n",
                ours, first.elapsedMillis() / 1000.0, firstCpu);
        out.printf("| H2 CSVREAD into a table with a primary key only (reference) | %,.0f | %.1f s | %.1f s |%n", pkOnly, rows / pkOnly,
                pkOnlyCpu[0]);
        out.printf("| H2 alone: the same rows made in memory (no file, no parsing, no validation), put into a table with the primary key "
                + "by the workbench's column-array insert, committed every %,d rows, then the index the Addresses screen needs "
                + "(reference: the least H2 work for this import) | %,.0f | %.1f s | %.1f s |%n", FLOOR_COMMIT_ROWS, floor, rows / floor,
                floorCpu[0]);
        if (!quick) {
            out.printf("| H2 CSVREAD into the full shipments table, one transaction (reference) | %,.0f | %.1f s | %.1f s |%n", full,
                    rows / full, fullCpu[0]);
            out.printf("| workbench, a second %,d-row file into that workspace | %,.0f | %.1f s | %.1f s |%n", rows, again.rowsPerSecond(),
                    again.elapsedMillis() / 1000.0, againCpu);
            out.printf("| workbench, 2 rows into that workspace of %,d | | %.2f s | |%n", 2L * rows, small.elapsedMillis() / 1000.0);
        }
        out.printf("| workbench, %,d addresses (%,d MB) with state resolution and aggregates | %,.0f | %.1f s | %.1f s |%n", addresses,
                addressBytes >> 20, addressSummary.rowsPerSecond(), addressSummary.elapsedMillis() / 1000.0, addressCpu);
        out.printf("%nWorkbench / CSVREAD with a primary key only: %.2f× by the clock, %.2f× by CPU time%s. H2 alone with the key and "
                + "the index / CSVREAD with a primary key only: %.2f× by the clock (the most any import building that index can reach); "
                + "workbench / H2 alone: %.2f×. %s Load average during the run: %.1f on %d cores.%n", ours / pkOnly, pkOnlyCpu[0] / firstCpu,
                again == null ? "" : String.format("; the second file at %.2f× the first's rate", again.rowsPerSecond() / ours),
                floor / pkOnly, ours / floor, warmUpRows > 0 ? String.format("Each path ran once on a %,d-row file first (JIT warm-up).",
                        warmUpRows) : "No warm-up: the workbench ran first, in a cold JVM.", Machine.loadAverage(), Machine.cores());
        if (all.size() > 1) {
            out.println();
            MarkdownTable.header(out, "round (order)", "workbench", "CSVREAD, primary key only", "H2 alone, key and index",
                    "workbench / CSVREAD", "H2 alone / CSVREAD", "workbench / H2 alone");
            for (int r = 0; r < all.size(); r++) {
                Round x = all.get(r);
                out.printf("| %d (%s) | %.1f s | %.1f s | %.1f s | %.2f× | %.2f× | %.2f× |%n", r + 1, String.join(", ", order(r)), rows / x.workbench(),
                        rows / x.csvRead(), rows / x.h2Alone(), x.workbenchToCsvRead(), x.h2AloneToCsvRead(), x.workbenchToH2Alone());
            }
            out.printf("%nMedians of %d rounds: workbench / CSVREAD %.2f×, H2 alone / CSVREAD %.2f×, workbench / H2 alone %.2f×.%n",
                    all.size(), Samples.of(all.stream().mapToDouble(Round::workbenchToCsvRead).toArray()).median(),
                    Samples.of(all.stream().mapToDouble(Round::h2AloneToCsvRead).toArray()).median(),
                    Samples.of(all.stream().mapToDouble(Round::workbenchToH2Alone).toArray()).median());
        }
        out.printf("Peak heap during the %s: %,d MB (max heap %,d MB).%n", quick ? "first import" : "two big imports", heap.peakMb(),
                Machine.maxHeapMb());
        out.printf("Workspace on disk after close: %,d MB for %,d MB of shipments CSV (%.2f×); %,d MB for %,d MB of addresses CSV (%.2f×).%n",
                workspaceBytes >> 20, (csvBytes + secondBytes) >> 20, (double) workspaceBytes / (csvBytes + secondBytes),
                addressWorkspaceBytes >> 20, addressBytes >> 20, (double) addressWorkspaceBytes / addressBytes);
    }

    /** The order of the three paths in round {@code r} (from 0): the first as the report's main table, then rotated. */
    static List<String> order(int r) {
        List<String> paths = new ArrayList<>(List.of("workbench", "CSVREAD", "H2 alone"));
        java.util.Collections.rotate(paths, -(r % paths.size()));
        return paths;
    }

    /** One more round of the three first-file paths, in the order of round {@code r}. */
    private Round round(ScratchFolder base, ImportHooks hooks, Path csv, int r, PrintWriter err) throws Exception {
        double workbench = 0;
        double csvRead = 0;
        double h2Alone = 0;
        for (String path : order(r)) {
            switch (path) {
                case "workbench" -> {
                    Path folder = base.fresh("ws-round");
                    try (Workspace ws = Workspace.open(folder)) {
                        workbench = new CsvImporter(ws, hooks.all()).importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(),
                                ProgressMonitor.NONE).rowsPerSecond();
                    }
                    ScratchFolder.deleteRecursively(folder);
                }
                case "CSVREAD" -> csvRead = csvRead(base.fresh("ws-round-csvread"), csv, true, new double[1]);
                default -> h2Alone = h2Floor(base.fresh("ws-round-h2-alone"), rows, new double[1]);
            }
        }
        Round done = new Round(workbench, csvRead, h2Alone);
        err.printf("round %d: workbench / CSVREAD %.2f×, H2 alone / CSVREAD %.2f× (%s)%n", r + 1, done.workbenchToCsvRead(),
                done.h2AloneToCsvRead(), Machine.load());
        err.flush();
        return done;
    }

    /** Runs the three timed paths once on a smaller file, so that each timed run starts with the same compiled code. */
    private void warmUp(ScratchFolder base, ImportHooks hooks, PrintWriter err) throws Exception {
        Path csv = base.resolve("warm-up-" + warmUpRows + ".csv");
        SyntheticCsv.writeShipments(csv, warmUpRows, 10 * rows);
        Path folder = base.fresh("ws-warm-up");
        try (Workspace ws = Workspace.open(folder)) {
            new CsvImporter(ws, hooks.all()).importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        }
        ScratchFolder.deleteRecursively(folder);
        csvRead(base.fresh("ws-warm-up-csvread"), csv, true, new double[1]);
        h2Floor(base.fresh("ws-warm-up-h2-floor"), warmUpRows, new double[1]);
        Files.delete(csv);
        err.printf("warm-up: %,d rows through the three paths (%s)%n", warmUpRows, Machine.load());
        err.flush();
    }

    private static void progress(PrintWriter err, String what, double rowsPerSecond) {
        err.printf("%s: %,.0f rows/s (%s)%n", what, rowsPerSecond, Machine.load());
        err.flush();
    }

    /** Commit interval of the H2-alone reference: the workbench's stage commits as often. */
    private static final int FLOOR_COMMIT_ROWS = 50_000;

    /**
     * Rows per second of H2 doing only what this import cannot avoid: the same rows as the file, made in memory by the
     * generator that wrote it (no reading, parsing or validation), inserted with one array per column per 5,000 rows
     * (as the workbench stages them) into a table with the primary key, committed every {@link #FLOOR_COMMIT_ROWS}, then
     * {@code shipments_address}'s index built on it.
     */
    private double h2Floor(Path folder, int count, double[] cpuSeconds) throws Exception {
        // The importer's own statement for a staged batch, with the shipments layout's columns and value types.
        List<ColumnSpec> layout = ImportLayout.of(DataTable.SHIPMENTS).orElseThrow().columns();
        String insert = new StagingTables.Stage("shipments_floor", null, "shipments_floor", layout.stream().map(ColumnSpec::name).toList(),
                "shipment_id", false).insertSql(layout.stream().map(column -> column.type().sqlType()).toList());
        SyntheticCsv.ShipmentRows source = new SyntheticCsv.ShipmentRows(0);
        int batch = 5_000;
        Object[][] columns = new Object[SyntheticCsv.ShipmentRows.COLUMNS][batch];
        Object[] row = new Object[SyntheticCsv.ShipmentRows.COLUMNS];
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            long cpu0 = Machine.processCpuNanos();
            s.executeUpdate("CREATE TABLE shipments_floor (" + PK_ONLY_COLUMNS + ")");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int done = 0; done < count; ) {
                    int n = Math.min(batch, count - done);
                    for (int r = 0; r < n; r++) {
                        source.next(row);
                        for (int k = 0; k < row.length; k++) {
                            columns[k][r] = row[k];
                        }
                    }
                    for (int k = 0; k < columns.length; k++) {
                        ps.setObject(k + 1, n == batch ? columns[k] : java.util.Arrays.copyOf(columns[k], n));
                    }
                    ps.executeUpdate();
                    done += n;
                    if (done % FLOOR_COMMIT_ROWS == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            s.executeUpdate("CREATE INDEX shipments_floor_address ON shipments_floor (address_id, status)");
            cpuSeconds[0] = (Machine.processCpuNanos() - cpu0) / 1e9;
            return Samples.perSecondSince(count, t0);
        } finally {
            ScratchFolder.deleteRecursively(folder);
        }
    }

    /** The columns of the primary-key-only references: the shipments file's, typed, the key its only index. */
    private static final String PK_ONLY_COLUMNS = "shipment_id VARCHAR(200) PRIMARY KEY, order_date DATE, "
            + "product_id VARCHAR(200), address_id VARCHAR(200), package_type VARCHAR(200), quantity INTEGER, "
            + "ship_cost_inr DECIMAL(12, 2), promised_days INTEGER, delivered_days INTEGER, attempts INTEGER, status VARCHAR(20)";

    /** Rows per second of H2's CSVREAD into a table with a primary key only, or into the full shipments table. */
    private double csvRead(Path folder, Path csv, boolean pkOnly, double[] cpuSeconds) throws Exception {
        String read = "SELECT * FROM CSVREAD('" + csv.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')";
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            long cpu0 = Machine.processCpuNanos();
            if (pkOnly) {
                s.executeUpdate("CREATE TABLE shipments_pk_only (" + PK_ONLY_COLUMNS + ") AS " + read);
            } else {
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, package_type, quantity, "
                        + "ship_cost_inr, promised_days, delivered_days, attempts, status) " + read);
                c.commit();
            }
            cpuSeconds[0] = (Machine.processCpuNanos() - cpu0) / 1e9;
            return Samples.perSecondSince(rows, t0);
        } finally {
            ScratchFolder.deleteRecursively(folder);
        }
    }

    /** The size of a closed workspace's database file. */
    private static long databaseSize(Path workspace) throws IOException {
        return Files.size(workspace.resolve(Workspace.DATABASE_NAME + ".mv.db"));
    }
}
