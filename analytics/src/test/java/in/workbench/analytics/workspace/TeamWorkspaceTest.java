package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.task.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team workspaces on the PostgreSQL test server: the roles decide, on the server itself, who may
 * read, label and change; only an owner creates or upgrades the schema; a newer schema opens
 * read-only. Skipped without the test server.
 */
class TeamWorkspaceTest {

    @TempDir
    Path dir;

    private Workspace open(ServerAddress address, TeamRole as) {
        return Workspace.openServer(address.as(TestDatabases.login(as)), PasswordSource.NONE, dir.resolve(as.word()));
    }

    private static long count(Workspace ws, String sql) throws SQLException {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Path shipments() throws Exception {
        Path f = dir.resolve("shipments.csv");
        Files.writeString(f, "shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,promised_days,"
                + "delivered_days,attempts,status\nS1,2026-03-14,P1,A1,polybag,1,50,3,4,1,delivered\n");
        return f;
    }

    @Test
    void eachAnalystGetsTheRoleTheServerGivesThem() {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER)) {
            assertEquals(TeamRole.OWNER, owner.role());
            for (TeamRole role : List.of(TeamRole.LABELER, TeamRole.READER)) {
                try (Workspace ws = open(address, role)) {
                    assertEquals(role, ws.role());
                    assertEquals(0L, ws.rowCounts().get("shipments"));
                }
            }
        }
    }

    @Test
    void aReaderChangesNothingEvenWithItsOwnSql() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER)) {
            new CsvImporter(owner).importFile(shipments(), in.workbench.analytics.workspace.DataTable.SHIPMENTS, ImportOptions.defaults(),
                    ProgressMonitor.NONE);
        }
        try (Workspace reader = open(address, TeamRole.READER)) {
            WorkbenchException refused = assertThrows(WorkbenchException.class, () -> reader.require(TeamRole.Right.LABEL, "label addresses"));
            assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, refused.kind());
            assertTrue(refused.getMessage().contains("reader") && refused.getMessage().contains("labeler right"), refused.getMessage());
            SQLException denied = assertThrows(SQLException.class, () -> {
                try (Connection c = reader.connection(); Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM shipments");
                }
            });
            assertEquals("42501", denied.getSQLState(), "the server itself refuses: " + denied.getMessage());
            assertEquals(1L, count(reader, "SELECT COUNT(*) FROM shipments"));
        }
    }

    @Test
    void aLabelerLabelsButCannotImportAndAFailedImportChangesNothing() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER)) {
            assertEquals(TeamRole.OWNER, owner.role());
        }
        try (Workspace labeler = open(address, TeamRole.LABELER)) {
            LabelStore.Decision d = new LabelStore(labeler).decide(List.of("A1", "A2"), "undeliverable", null, "Asha");
            assertTrue(d.id() > 0);
            assertEquals(2L, count(labeler, "SELECT COUNT(*) FROM address_labels"));
            WorkbenchException refused = assertThrows(WorkbenchException.class, () -> labeler.require(TeamRole.Right.CHANGE, "import shipments"));
            assertTrue(refused.getMessage().contains("owner right"), refused.getMessage());
            assertThrows(WorkbenchException.class, () -> new CsvImporter(labeler).importFile(shipments(),
                    in.workbench.analytics.workspace.DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE));
            assertEquals(0L, count(labeler, "SELECT COUNT(*) FROM shipments"));
            assertEquals(0L, count(labeler, "SELECT COUNT(*) FROM import_runs"));
        }
    }

    @Test
    void onlyAnOwnerCreatesATeamWorkspace() {
        ServerAddress address = TestDatabases.freshServerSchema();
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> open(address, TeamRole.LABELER));
        assertTrue(e.getMessage().contains("an owner creates it"), e.getMessage());
    }

    @Test
    void aSchemaNewerThanThisClientOpensReadOnlyWithASentenceToUpgrade() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER); Connection c = owner.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                    + "execution_time, success) VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'wb_owner', 1, TRUE)");
        }
        try (Workspace ws = open(address, TeamRole.OWNER)) {
            String reason = ws.readOnlyReason().orElseThrow();
            assertTrue(reason.contains("read-only") && reason.contains("Upgrade the workbench"), reason);
            assertThrows(WorkbenchException.class, () -> ws.require(TeamRole.Right.LABEL, "label addresses"));
            SQLException e = assertThrows(SQLException.class, () -> {
                try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM workspace_settings");
                }
            });
            assertEquals("25006", e.getSQLState(), "the session is read-only: " + e.getMessage());
        }
    }

    @Test
    void aTeamWorkspaceWhoseAppliedMigrationWasEditedIsRefusedWithAPlainSentenceForEveryRole() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        try (Workspace owner = open(address, TeamRole.OWNER); Connection c = owner.connection(); Statement s = c.createStatement()) {
            // What an edited V40 file looks like from the server's side: its checksum no longer matches the one applied.
            s.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '40'");
        }
        for (TeamRole role : List.of(TeamRole.OWNER, TeamRole.READER)) {
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> open(address, role));
            assertEquals(WorkbenchException.Kind.WORKSPACE_UNUSABLE, e.kind());
            assertTrue(e.getMessage().startsWith("The team workspace " + address.displayName() + " was set up by a schema migration that "
                    + "differs from this workbench's V40 (packaging)"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), "one sentence, no Flyway report");
        }
    }

    @Test
    void asksForThePasswordOnlyWhenThePasswordFileHasNone() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        String realFile = System.getenv("PGPASSFILE");
        String password = Files.readAllLines(Path.of(realFile)).stream().filter(l -> l.contains(":wb_owner:")).findFirst()
                .map(l -> l.substring(l.lastIndexOf(':') + 1)).orElseThrow();
        Path empty = Files.writeString(dir.resolve("empty.pgpass"), "");
        System.setProperty("org.postgresql.pgpassfile", empty.toString());
        try {
            WorkbenchException e = assertThrows(WorkbenchException.class,
                    () -> Workspace.openServer(address, PasswordSource.NONE, dir.resolve("local")));
            assertTrue(e.getMessage().contains("needs a password"), e.getMessage());
            int[] asked = {0};
            try (Workspace ws = Workspace.openServer(address, a -> {
                asked[0]++;
                return Optional.of(password.toCharArray());
            }, dir.resolve("local"))) {
                assertEquals(TeamRole.OWNER, ws.role());
            }
            assertEquals(1, asked[0]);
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }
}
