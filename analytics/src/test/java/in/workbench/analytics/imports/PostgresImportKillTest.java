package in.workbench.analytics.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.TestDatabases;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import whose server session is killed mid-COPY leaves the team workspace exactly as it was. */
class PostgresImportKillTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionKilledMidImportLeavesTheServerWorkspaceAsBefore() throws Exception {
        try (Workspace ws = TestDatabases.open("postgresql", dir)) {
            CsvImporter importer = new CsvImporter(ws);
            Path first = dir.resolve("first.csv");
            Files.writeString(first, "product_id,title,category,price_inr\nP1,Old title,Clothing,1\nP2,Two,Clothing,2\n");
            importer.importFile(first, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);

            StringBuilder big = new StringBuilder("product_id,title,category,price_inr\nP1,New title,Clothing,9\n");
            for (int i = 3; i < 60_000; i++) {
                big.append('P').append(i).append(",Kurta ").append(i).append(",Clothing,").append(i % 900 + 100).append('\n');
            }
            Path second = dir.resolve("second.csv");
            Files.writeString(second, big);

            AtomicInteger killed = new AtomicInteger();
            ProgressMonitor killer = new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                    if (killed.get() == 0 && done > 0) {
                        killed.set(terminateImportSession(ws));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            WorkbenchException e = assertThrows(WorkbenchException.class,
                    () -> importer.importFile(second, DataTable.PRODUCTS, ImportOptions.defaults(), killer));
            assertEquals(1, killed.get(), "the import's session was found and terminated");
            assertTrue(e.getMessage().contains("undone"), e.getMessage());

            assertEquals("2", one(ws, "SELECT COUNT(*) FROM products"));
            assertEquals("Old title", one(ws, "SELECT title FROM products WHERE product_id = 'P1'"));
            assertEquals("1", one(ws, "SELECT COUNT(*) FROM import_runs"));
            assertEquals("0", one(ws, "SELECT COUNT(*) FROM rejected_rows"));

            // The workspace is still usable, and the same file imports whole once the connection is back.
            ImportSummary again = importer.importFile(second, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            assertEquals(59_998, again.imported());
            assertEquals("59999", one(ws, "SELECT COUNT(*) FROM products"));
        }
    }

    /** Terminates the one session of this workspace's database that is inside a write transaction. */
    private static int terminateImportSession(Workspace ws) {
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL "
                        + "AND application_name = 'workbench'")) {
            int n = 0;
            while (rs.next()) {
                n += rs.getBoolean(1) ? 1 : 0;
            }
            return n;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String one(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
