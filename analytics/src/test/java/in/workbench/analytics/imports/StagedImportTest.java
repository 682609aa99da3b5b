package in.workbench.analytics.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.StagingTables;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk path: a swap into an empty table keeps its indexes, constraints and views; a failure after it is undone. */
class StagedImportTest {

    static final String HEADER = "shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
            + "promised_days,delivered_days,attempts,status\n";

    @TempDir
    Path dir;

    Path shipments(String name, int first, int count, String extra) throws Exception {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = first; i < first + count; i++) {
            b.append("S").append(i).append(",2025-03-0").append(1 + i % 9).append(",P1,A").append(i % 7).append(",polybag,1,40,3,")
                    .append(2 + i % 3).append(",1,").append(i % 5 == 0 ? "damaged" : "delivered").append('\n');
        }
        b.append(extra);
        Path p = dir.resolve(name);
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    static List<String> column(Workspace ws, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aLargeImportIntoAnEmptyTableIsSwappedInWithItsIndexesConstraintsAndViews() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            List<String> indexesBefore = column(ws, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'SHIPMENTS' "
                    + "AND INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY 1");
            CsvImporter importer = new CsvImporter(ws, List.of(), 10);
            ImportSummary first = importer.importFile(shipments("a.csv", 1, 50, "S99,2025-03-01,P1,A1,polybag,1,40,3,2,1,lost\n"),
                    DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            assertEquals(50, first.imported());
            assertEquals(1, first.rejected());
            assertEquals(List.of("line 52: status 'lost' is not one of delivered, damaged, undeliverable, returned"),
                    column(ws, "SELECT reason FROM rejected_rows WHERE run_id = " + first.runId()));
            assertEquals(indexesBefore, column(ws, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'SHIPMENTS' "
                    + "AND INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY 1"));
            assertEquals(List.of("50"), column(ws, "SELECT COUNT(*) FROM packaging_shipments"));
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO shipments (shipment_id, order_date, product_id, "
                        + "address_id, package_type, status) VALUES ('X', DATE '2025-01-01', 'P', 'A', 'polybag', 'lost')"),
                        "the status check still guards the swapped-in table");
                assertEquals(List.of(), StagingTables.leftovers(c));
            }

            ImportSummary second = importer.importFile(shipments("b.csv", 41, 20, ""), DataTable.SHIPMENTS, ImportOptions.defaults(),
                    ProgressMonitor.NONE);
            assertEquals(20, second.imported());
            assertEquals(10, second.updated());
            assertEquals(60L, ws.rowCounts().get("shipments"));
            assertEquals(List.of(String.valueOf(second.runId())), column(ws, "SELECT run_id FROM shipments WHERE shipment_id = 'S45'"));
        }
    }

    @Test
    void anImportThatFailsAfterItsSwapLeavesTheWorkspaceExactlyAsItWas() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            List<String> before = WorkspaceSnapshot.of(ws);
            ImportHook failing = (c, table, runId) -> {
                throw new SQLException("the aggregates could not be written");
            };
            CsvImporter importer = new CsvImporter(ws, List.of(failing), 10);
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> importer.importFile(shipments("a.csv", 1, 50, ""),
                    DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("was undone"), e.getMessage());
            assertEquals(before, WorkspaceSnapshot.of(ws));
        }
    }

    @Test
    void aCancelledImportLeavesNoStagingTablesBehind() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            List<String> before = WorkspaceSnapshot.of(ws);
            ProgressMonitor cancelAfterFirstBatch = new ProgressMonitor() {
                private int updates;

                @Override
                public void update(long done, long total, String message) {
                    updates++;
                }

                @Override
                public boolean isCancelled() {
                    return updates > 0;
                }
            };
            assertThrows(in.workbench.analytics.task.CancelledException.class, () -> new CsvImporter(ws).importFile(
                    shipments("a.csv", 1, 12_000, ""), DataTable.SHIPMENTS, ImportOptions.defaults(), cancelAfterFirstBatch));
            assertEquals(before, WorkspaceSnapshot.of(ws));
        }
    }
}
