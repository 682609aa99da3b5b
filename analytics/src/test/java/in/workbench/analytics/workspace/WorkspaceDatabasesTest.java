package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workspace's own door behaves the same on H2 and on PostgreSQL. */
class WorkspaceDatabasesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("in.workbench.analytics.workspace.TestDatabases#kinds")
    void createsTheSameEmptyTablesOnBoth(String kind) {
        try (Workspace ws = TestDatabases.open(kind, dir)) {
            Map<String, Long> counts = ws.rowCounts();
            assertEquals(DataTable.names().size(), counts.size());
            assertTrue(counts.values().stream().allMatch(n -> n == 0L), counts.toString());
            assertEquals(kind.equals("h2") ? Dialect.H2 : Dialect.POSTGRESQL, ws.dialect());
            assertEquals(TeamRole.OWNER, ws.role());
        }
    }

    @ParameterizedTest
    @MethodSource("in.workbench.analytics.workspace.TestDatabases#kinds")
    void aSettingSavedTwiceKeepsTheLaterValue(String kind) {
        try (Workspace ws = TestDatabases.open(kind, dir)) {
            ws.putSetting("threshold", "0.4");
            ws.putSetting("threshold", "0.55");
            String big = "x".repeat(100_000);
            ws.putSetting("notes", big);
            assertEquals("0.55", ws.setting("threshold").orElseThrow());
            assertEquals(big, ws.setting("notes").orElseThrow());
        }
    }

    @ParameterizedTest
    @MethodSource("in.workbench.analytics.workspace.TestDatabases#kinds")
    void dialectUpsertAndMonthFunctionsGiveTheSameAnswers(String kind) throws Exception {
        try (Workspace ws = TestDatabases.open(kind, dir); Connection c = ws.connection()) {
            Dialect d = ws.dialect();
            try (PreparedStatement ps = c.prepareStatement(d.upsert("package_types",
                    List.of("package_type", "robustness_rank", "unit_cost_inr"), List.of("package_type")))) {
                for (Object[] row : new Object[][] {{"box", 1, 12.5}, {"bag", 2, 3.0}, {"box", 3, 14.0}}) {
                    ps.setString(1, (String) row[0]);
                    ps.setInt(2, (Integer) row[1]);
                    ps.setDouble(3, (Double) row[2]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT package_type, robustness_rank, "
                    + d.monthText("DATE '2026-03-17'") + ", " + d.monthStart("DATE '2026-03-17'")
                    + " FROM package_types ORDER BY package_type"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("bag", rs.getString(1));
                rs.next();
                assertEquals("box", rs.getString(1));
                assertEquals(3, rs.getInt(2));
                assertEquals("2026-03", rs.getString(3));
                assertEquals(java.time.LocalDate.of(2026, 3, 1), rs.getObject(4, java.time.LocalDate.class));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + d.distinctList("package_type", ",")
                    + " FROM package_types"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(List.of("bag", "box"), List.of(rs.getString(1).split(",")).stream().sorted().toList());
            }
        }
    }
}
