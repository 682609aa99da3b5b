package in.workbench.analytics.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.StagingTables;
import in.workbench.analytics.workspace.Workspace;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a real, separate workbench process in the middle of an import (as {@code kill -9} or a
 * power cut would) and checks that the workspace then opens normally, holds exactly what it held
 * before, and takes the same import again.
 */
class InterruptedImportTest {

    static final int ROWS = 30_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed at {0} with {1} shipments already in the workspace")
    @CsvSource({
        "0.10, 40",
        "0.50, 0",
        "0.99, 40",
        "publishing, 0",
        "halt-in-last-transaction, 0",
        "halt-in-last-transaction, 40",
        "halt-in-last-transaction-by-merge, 40"})
    void aKilledImportLeavesTheWorkspaceAsItWasAndCanBeRunAgain(String killAt, int shipmentsBefore) throws Exception {
        boolean halting = killAt.startsWith("halt-in-last-transaction");
        Path folder = dir.resolve("ws");
        List<ImportHook> hooks = List.of(new RegionalAggregates(() -> new AddressStates(new AddressParser(PostalDirectory.load()))));
        try (Workspace ws = Workspace.open(folder)) {
            CsvImporter importer = new CsvImporter(ws, hooks);
            importer.importFile(write("catalog.csv", "product_id,title,category,subcategory,price_inr\n"
                    + "P100001,Red Saree,Clothing,Sarees,999.00\nP100002,Runner,Footwear,Running Shoes,1999\n"),
                    DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            if (shipmentsBefore > 0) {
                importer.importFile(shipments("before.csv", 1, shipmentsBefore), DataTable.SHIPMENTS, ImportOptions.defaults(),
                        ProgressMonitor.NONE);
            }
        }
        List<String> before;
        try (Workspace ws = Workspace.open(folder)) {
            before = WorkspaceSnapshot.of(ws);
        }
        Path big = shipments("big.csv", 1, ROWS);

        Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ImportProcess.class.getName(), folder.toString(), big.toString(),
                halting ? "halt-in-last-transaction" : "kill", killAt.endsWith("by-merge") ? "merge" : "swap")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                assertFalse(line.equals("done"), "the import finished before it could be killed at " + killAt);
                if (reached(line, killAt)) {
                    child.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(killed || halting, "the import never reached " + killAt);
        if (halting) {
            assertEquals(3, child.exitValue(), "the process halts inside the import's last transaction (after a swap, or with the merge uncommitted)");
        }

        try (Workspace ws = Workspace.open(folder)) {
            assertEquals(before, WorkspaceSnapshot.of(ws), "the workspace after the kill is exactly as before");
            try (Connection c = ws.connection()) {
                assertEquals(List.of(), StagingTables.leftovers(c));
            }
        }
        // The first open's sweep and its close must have left a sound file: H2 alone opens it, with no
        // stage and no unfinished run left for another sweep, and the workbench opens it again unchanged.
        assertSweptAndSound(folder, shipmentsBefore);
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals(before, WorkspaceSnapshot.of(ws), "the second open after the kill finds the workspace as before");
            ImportSummary again = new CsvImporter(ws, hooks).importFile(big, DataTable.SHIPMENTS, ImportOptions.defaults(),
                    ProgressMonitor.NONE);
            assertEquals(ROWS, again.imported());
            assertEquals(shipmentsBefore, again.updated());
            assertEquals(ROWS, ws.rowCounts().get("shipments"));
        }
        assertSweptAndSound(folder, ROWS);
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals(ROWS, ws.rowCounts().get("shipments"));
        }
    }

    /** Opens the closed workspace's file with H2 alone, as another tool would, and reads what a sweep would touch. */
    private static void assertSweptAndSound(Path folder, int shipments) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve(Workspace.DATABASE_NAME) + ";IFEXISTS=TRUE;NON_KEYWORDS=DAY";
        try (Connection c = org.h2.Driver.load().connect(url, credentials()); Statement s = c.createStatement()) {
            assertEquals(List.of(), StagingTables.leftovers(c), "no staging table is left in the file");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM import_runs WHERE finished_at IS NULL")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the unfinished run's row is gone from the file");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shipments")) {
                rs.next();
                assertEquals(shipments, rs.getInt(1));
            }
            s.execute("SHUTDOWN");
        }
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "analyst");
        p.setProperty("password", "");
        return p;
    }

    private static boolean reached(String line, String killAt) {
        if (line.equals("publishing")) {
            return !killAt.startsWith("halt-in-last-transaction");
        }
        if (!line.startsWith("progress ") || !Character.isDigit(killAt.charAt(0))) {
            return false;
        }
        String[] parts = line.split(" ");
        return Long.parseLong(parts[1]) >= Double.parseDouble(killAt) * Long.parseLong(parts[2]);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path shipments(String name, int first, int count) throws Exception {
        Path p = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            w.write("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,promised_days,"
                    + "delivered_days,attempts,status\n");
            for (int i = first; i < first + count; i++) {
                w.write("SH" + (10_000_000 + i) + ",2025-0" + (1 + i % 9) + "-1" + (i % 10) + ",P10000" + (1 + i % 3) + ",A" + (i % 500)
                        + ",polybag," + (1 + i % 2) + ",45.50,3," + (i % 7 == 0 ? "" : String.valueOf(2 + i % 4)) + ",1,"
                        + (i % 11 == 0 ? "damaged" : "delivered") + "\n");
            }
        }
        return p;
    }
}
