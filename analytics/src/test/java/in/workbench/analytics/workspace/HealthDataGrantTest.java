package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.crisp.CrispStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRISP tables are health data: on a team workspace a reader or labeler does not see them, a
 * member of {@code workbench_health} reads them (and changes nothing), an owner does everything.
 * Needs the test server's {@code wb_health} login ({@code .ci/postgres start}).
 */
class HealthDataGrantTest {

    @TempDir
    Path dir;

    private Workspace open(ServerAddress address, String login) {
        return Workspace.openServer(address.as(login), PasswordSource.NONE, dir.resolve(login));
    }

    private static long count(Workspace ws, String sql) throws SQLException {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void onlyAnalystsGrantedHealthDataReadTheCrispTables() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TestDatabases.login(TeamRole.OWNER)); Connection c = owner.connection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crisp_people (person_id, site) VALUES ('W1', 'Bhiwandi')");
            s.executeUpdate("INSERT INTO workspace_settings (setting_key, setting_value, updated_at) VALUES ('k', 'v', CURRENT_TIMESTAMP)");
            assertTrue(owner.mayReadHealthData());
            assertEquals(1L, owner.rowCounts().get("crisp_people"));
        }
        for (TeamRole role : List.of(TeamRole.READER, TeamRole.LABELER)) {
            try (Workspace ws = open(address, TestDatabases.login(role))) {
                assertFalse(ws.mayReadHealthData());
                SQLException denied = assertThrows(SQLException.class, () -> count(ws, "SELECT COUNT(*) FROM crisp_people"));
                assertEquals("42501", denied.getSQLState(), role + ": the server itself refuses: " + denied.getMessage());
                assertEquals(1L, count(ws, "SELECT COUNT(*) FROM workspace_settings"), "the rest stays readable");
                assertFalse(ws.rowCounts().containsKey("crisp_people"), "info leaves out what the analyst may not read");
                WorkbenchException e = assertThrows(WorkbenchException.class, () -> new CrispStore(ws));
                assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
                assertTrue(e.getMessage().contains("workbench_health"), e.getMessage());
            }
        }
        try (Workspace health = open(address, "wb_health")) {
            assertEquals(TeamRole.READER, health.role());
            assertTrue(health.mayReadHealthData());
            assertEquals(1L, count(health, "SELECT COUNT(*) FROM crisp_people"));
            assertEquals(1L, health.rowCounts().get("crisp_people"));
            SQLException denied = assertThrows(SQLException.class, () -> {
                try (Connection c = health.connection(); Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM crisp_people");
                }
            });
            assertEquals("42501", denied.getSQLState(), denied.getMessage());
        }
    }
}
