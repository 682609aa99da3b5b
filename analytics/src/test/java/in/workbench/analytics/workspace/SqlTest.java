package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlTest {

    private static final String COUNT = "SELECT COUNT(*) FROM workspace_settings WHERE setting_key LIKE ?";

    @TempDir
    Path folder;

    @Test
    void aTransactionThatCompletesIsCommittedAndCounted() {
        try (Workspace ws = Workspace.open(folder)) {
            Sql.inTransaction(ws, "Could not save the test settings", c -> {
                insert(c.prepareStatement(insertSql()), "test.a");
                insert(c.prepareStatement(insertSql()), "test.b");
            });
            assertEquals(2, Sql.count(ws, COUNT, List.of("test.%"), "Could not count the test settings"));
        }
    }

    @Test
    void aFailingTransactionChangesNothingAndSaysWhatFailed() {
        try (Workspace ws = Workspace.open(folder)) {
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> Sql.inTransaction(ws, "Could not save the test settings",
                    c -> {
                        insert(c.prepareStatement(insertSql()), "test.a");
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                        }
                    }));
            assertTrue(e.getMessage().startsWith("Could not save the test settings: "), e.getMessage());
            assertEquals(WorkbenchException.Kind.OTHER, e.kind());
            assertEquals(0, Sql.count(ws, COUNT, List.of("test.%"), "Could not count the test settings"));
        }
    }

    @Test
    void aRuntimeFailureIsRolledBackAndRethrownAsItIs() throws SQLException {
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection()) {
            IllegalStateException thrown = new IllegalStateException("cancelled");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Sql.inTransaction(c, tx -> {
                insert(tx.prepareStatement(insertSql()), "test.a");
                throw thrown;
            }));
            assertSame(thrown, e);
            assertTrue(c.getAutoCommit(), "auto-commit is restored");
            assertEquals(0, Sql.count(ws, COUNT, List.of("test.%"), "Could not count the test settings"));
        }
    }

    @Test
    void aStatementRunsWithItsValuesInOrderAndSaysHowManyRowsItChanged() throws SQLException {
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection()) {
            assertEquals(1, Sql.update(c, "INSERT INTO workspace_settings (setting_key, setting_value, updated_at) VALUES (?, ?, ?)",
                    "test.a", "1", java.time.OffsetDateTime.now()));
            assertEquals(1, Sql.update(c, insertSql(), "test.b"));
            assertEquals(2, Sql.update(c, "UPDATE workspace_settings SET setting_value = ? WHERE setting_key LIKE ?", "2", "test.%"));
            assertEquals(0, Sql.update(c, "DELETE FROM workspace_settings WHERE setting_key = ?", "test.none"));
            assertEquals(2, Sql.count(ws, "SELECT COUNT(*) FROM workspace_settings WHERE setting_value = ?", List.of("2"),
                    "Could not count the test settings"));
        }
    }

    private static String insertSql() {
        return "INSERT INTO workspace_settings (setting_key, setting_value, updated_at) VALUES (?, 'x', CURRENT_TIMESTAMP)";
    }

    private static void insert(PreparedStatement ps, String key) throws SQLException {
        try (ps) {
            Sql.bind(ps, List.of(key));
            ps.executeUpdate();
        }
    }
}
