package in.workbench.analytics.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericTableImporterTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("orders.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void infersEachColumnsTypeAndKeepsPincodesAsText() {
        assertEquals(ColumnType.INTEGER, GenericTableImporter.infer(List.of("1", "22", "", "-3")));
        assertEquals(ColumnType.DECIMAL, GenericTableImporter.infer(List.of("1", "2.5", "0.75")));
        assertEquals(ColumnType.DATE, GenericTableImporter.infer(List.of("2026-01-02", "2026-12-31")));
        assertEquals(ColumnType.TIMESTAMP, GenericTableImporter.infer(List.of("2026-01-02T10:00:00+05:30")));
        assertEquals(ColumnType.BOOLEAN, GenericTableImporter.infer(List.of("yes", "no", "true")));
        assertEquals(ColumnType.TEXT, GenericTableImporter.infer(List.of("110001", "011000")));
        assertEquals(ColumnType.TEXT, GenericTableImporter.infer(List.of("", " ")));
    }

    @Test
    void importsAnyCsvWithRowNumbersAsIdsAndRejectsABadCellWithItsLine() throws Exception {
        Path f = csv("Order Id,Amount (INR),placed,returned\nO1,100.5,2026-01-02,yes\nO2,abc,2026-01-03,no\nO3,80,2026-01-04,\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Map<String, ColumnType> overrides = Map.of("Amount (INR)", ColumnType.DECIMAL);
            GenericTableImporter.Result r = new GenericTableImporter(new LabStore(ws)).importFile(
                    new GenericTableImporter.Request(f, "Orders", null, overrides, null), ProgressMonitor.NONE);
            assertEquals(2, r.summary().imported());
            assertEquals(1, r.summary().rejected());
            assertEquals("row_no", r.idColumn());
            assertEquals(List.of("order_id", "amount_inr", "placed", "returned"), r.columns().stream().map(LabColumn::name).toList());
            assertEquals(List.of(ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.BOOLEAN),
                    r.columns().stream().map(LabColumn::type).toList());
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT row_no, order_id, amount_inr FROM orders ORDER BY row_no");
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
                assertEquals(100.5, rs.getDouble(3));
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1));
                assertEquals("O3", rs.getString(2));
                rs = s.executeQuery("SELECT reason FROM rejected_rows WHERE table_name = 'orders'");
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("line 3: Amount (INR) 'abc' is not a number"), rs.getString(1));
            }
            assertEquals("orders", new LabStore(ws).table("orders").orElseThrow().table());
        }
    }

    @Test
    void namedIdColumnRejectsRepeatsAndBlanks() throws Exception {
        Path f = csv("sku,price\nA,1\nB,2\nA,3\n,4\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            GenericTableImporter.Result r = new GenericTableImporter(new LabStore(ws)).importFile(
                    new GenericTableImporter.Request(f, "skus", "SKU", Map.of(), null), ProgressMonitor.NONE);
            assertEquals("sku", r.idColumn());
            assertEquals(2, r.summary().imported());
            assertEquals(2, r.summary().rejected());
        }
    }

    @Test
    void reimportReplacesTheTableAndCancelLeavesTheOldOne() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            GenericTableImporter importer = new GenericTableImporter(new LabStore(ws));
            importer.importFile(new GenericTableImporter.Request(csv("a\n1\n2\n"), "t1", null, Map.of(), null), ProgressMonitor.NONE);
            ProgressMonitor cancelling = new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            StringBuilder big = new StringBuilder("a\n");
            for (int i = 0; i < 20_000; i++) {
                big.append(i).append('\n');
            }
            Path bigFile = csv(big.toString());
            assertThrows(CancelledException.class, () -> importer.importFile(
                    new GenericTableImporter.Request(bigFile, "t1", null, Map.of(), null), cancelling));
            assertEquals(2, new LabStore(ws).count("t1"));
            assertTrue(!new LabStore(ws).exists("t1_loading"));
            importer.importFile(new GenericTableImporter.Request(bigFile, "t1", null, Map.of(), null), ProgressMonitor.NONE);
            assertEquals(20_000, new LabStore(ws).count("t1"));
        }
    }

    @Test
    void refusesUnsafeOrTakenNamesWithASentence() throws Exception {
        Path f = csv("a\n1\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            GenericTableImporter importer = new GenericTableImporter(new LabStore(ws));
            WorkbenchException bad = assertThrows(WorkbenchException.class, () -> importer.importFile(
                    new GenericTableImporter.Request(f, "x; DROP TABLE shipments", null, Map.of(), null), ProgressMonitor.NONE));
            assertTrue(bad.getMessage().contains("cannot be a table name"), bad.getMessage());
            WorkbenchException taken = assertThrows(WorkbenchException.class, () -> importer.importFile(
                    new GenericTableImporter.Request(f, "shipments", null, Map.of(), null), ProgressMonitor.NONE));
            assertTrue(taken.getMessage().contains("workbench's own tables"), taken.getMessage());
            WorkbenchException view = assertThrows(WorkbenchException.class, () -> importer.importFile(
                    new GenericTableImporter.Request(f, "late_delivery", null, Map.of(), null), ProgressMonitor.NONE));
            assertTrue(view.getMessage().contains("choose another name"), view.getMessage());
        }
    }

    @Test
    void previewShowsTheSampleEachTypeWasInferredFromAndWhichCellsAnotherTypeWouldReject() throws Exception {
        Path f = csv("pin,qty,price,placed,gift,note\n560001,2,99.5,2026-01-02,yes,fast\n110001,,120,2026-01-03,no,\n"
                + "400001,3,80,2026-01-04,no,x\n560001,1,75.25,2026-01-05,yes,7\n");
        GenericTableImporter.Preview p = new GenericTableImporter(null).preview(
                new GenericTableImporter.Request(f, "", null, Map.of(), null));
        assertEquals(4, p.sampleRows());
        assertEquals(List.of(ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.BOOLEAN,
                ColumnType.TEXT), p.columns().stream().map(LabColumn::type).toList());
        GenericTableImporter.ColumnSample pin = p.samples().get(0);
        assertEquals(List.of("560001", "110001", "400001"), pin.examples(), "different values, in the order they appear");
        assertEquals(0, pin.misfits(ColumnType.TEXT).rows());
        assertEquals(4, pin.misfits(ColumnType.DATE).rows());
        assertEquals(1, p.samples().get(1).blank());
        GenericTableImporter.Misfits note = p.samples().get(5).misfits(ColumnType.INTEGER);
        assertEquals(2, note.rows());
        assertEquals("fast", note.firstValue());
        assertEquals("is not a whole number", note.reason());
        GenericTableImporter.Preview kept = new GenericTableImporter(null).preview(
                new GenericTableImporter.Request(f, "", "pin", Map.of("pin", ColumnType.TEXT), null));
        assertEquals(ColumnType.TEXT, kept.columns().get(0).type(), "the analyst's type wins");
        assertEquals(ColumnType.INTEGER, kept.inferred().get("pin"), "and the inferred one is still shown");
        assertEquals("pin", kept.idColumn());
    }

    @Test
    void aDatabaseFailureWhileLoadingUndoesTheRunAndSaysSoInASentence() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LabStore store = new LabStore(ws);
            List<LabColumn> columns = List.of(new LabColumn("a", "a", ColumnType.INTEGER));
            String failure = "The import of t.csv failed and was undone; the workspace is as it was. Cause";
            long runs = count(ws, "SELECT COUNT(*) FROM import_runs");
            long rejects = count(ws, "SELECT COUNT(*) FROM rejected_rows");
            // a row with more values than the staging table has columns: the database refuses it inside the writer
            WorkbenchException inWriter = assertThrows(WorkbenchException.class, () -> store.load("t_loading", "t", "t.csv", "t.csv",
                    "row_no", true, columns, failure, writer -> {
                        writer.insert(new Object[] {1L, 10});
                        writer.reject(3, "line 3: bad", "x");
                        writer.insert(new Object[] {2L, 11, 12});
                        return "00";
                    }));
            // two rows with the same row number: the staging table's key refuses them when the last batch is sent
            WorkbenchException atFlush = assertThrows(WorkbenchException.class, () -> store.load("t_loading", "t", "t.csv", "t.csv",
                    "row_no", true, columns, failure, writer -> {
                        writer.insert(new Object[] {1L, 10});
                        writer.insert(new Object[] {1L, 11});
                        return "00";
                    }));
            for (WorkbenchException e : List.of(inWriter, atFlush)) {
                assertEquals(WorkbenchException.Kind.OTHER, e.kind());
                assertTrue(e.getMessage().startsWith(failure + ": "), e.getMessage());
            }
            assertEquals(runs, count(ws, "SELECT COUNT(*) FROM import_runs"), "the run is rolled back");
            assertEquals(rejects, count(ws, "SELECT COUNT(*) FROM rejected_rows"), "and its rejected rows with it");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM \"T_LOADING\""), "the staging table holds no row");
        }
    }

    private static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
