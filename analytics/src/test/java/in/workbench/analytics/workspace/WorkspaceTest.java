package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void createsAnEmptyWorkspaceWithItsFoldersAndMarker() {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder)) {
            assertTrue(Files.isDirectory(ws.modelsDir()));
            assertTrue(Files.isDirectory(ws.exportsDir()));
            assertTrue(Files.exists(folder.resolve(Workspace.MARKER_FILE)));
            assertEquals(0L, ws.rowCounts().get("shipments"));
        }
    }

    @Test
    void reopensAndKeepsData() throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder)) {
            ws.putSetting("analyst", "Priya");
        }
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals("Priya", ws.setting("analyst").orElseThrow());
        }
    }

    @Test
    void refusesAWorkspaceWrittenByANewerVersionAndChangesNothing() throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder);
                Connection c = ws.connection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'analyst', 1, TRUE)");
        }
        assertFalse(Files.exists(folder.resolve(CleanClose.FILE)), "a close at another build's schema vouches for nothing");
        assertRefusedAndLeftAsItWas(folder, "newer version");
    }

    /** Opening {@code folder} fails with a sentence containing {@code because}, and its database file is byte for byte as before. */
    private static void assertRefusedAndLeftAsItWas(Path folder, String because) throws Exception {
        byte[] before = Files.readAllBytes(folder.resolve("workspace.mv.db"));
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));
        assertEquals(WorkbenchException.Kind.WORKSPACE_UNUSABLE, e.kind());
        assertTrue(e.getMessage().contains(because), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(folder.resolve("workspace.mv.db")));
    }

    @Test
    void refusesAWorkspaceWhoseAppliedMigrationWasEditedWithAPlainSentence() throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            // What an edited V40 file looks like from the workspace's side: its checksum no longer matches the one applied.
            s.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '40'");
        }
        byte[] before = Files.readAllBytes(folder.resolve("workspace.mv.db"));
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));
        assertEquals(WorkbenchException.Kind.WORKSPACE_UNUSABLE, e.kind());
        assertTrue(e.getMessage().startsWith("The workspace at " + folder.toAbsolutePath().normalize() + " was set up by a schema migration "
                + "that differs from this workbench's V40 (packaging)"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one sentence, no Flyway report");
        assertArrayEquals(before, Files.readAllBytes(folder.resolve("workspace.mv.db")));
    }

    @Test
    void aCleanCloseLeavesANoteThatEveryOpenTakesAway() throws Exception {
        Path folder = dir.resolve("ws");
        Workspace.open(folder).close();
        assertTrue(Files.exists(folder.resolve(CleanClose.FILE)));
        Workspace session = Workspace.open(folder);
        // Were this session killed now, the next open would find no note and check the file read-only.
        assertFalse(Files.exists(folder.resolve(CleanClose.FILE)));
        session.putSetting("analyst", "Priya");
        session.close();
        assertTrue(CleanClose.take(folder), "the close after a write vouches for the file as it was written");
    }

    @Test
    void aNoteTheFileNoLongerMatchesIsIgnoredAndATooNewFileIsStillLeftAsItWas() throws Exception {
        Path folder = dir.resolve("ws");
        Workspace.open(folder).close();
        assertTrue(Files.exists(folder.resolve(CleanClose.FILE)));
        // Another program (here H2 itself) writes to the file after the clean close: a newer workbench's schema.
        try (Connection c = org.h2.Driver.load().connect("jdbc:h2:file:" + folder.resolve("workspace") + ";IFEXISTS=TRUE",
                credentials()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'analyst', 1, TRUE)");
        }
        assertRefusedAndLeftAsItWas(folder, "newer version");
    }

    @Test
    void aNoteOfAnotherBuildOrAnotherFileVouchesForNothing() throws Exception {
        Path folder = dir.resolve("ws");
        Workspace.open(folder).close();
        Path note = folder.resolve(CleanClose.FILE);
        String written = Files.readString(note);
        assertTrue(CleanClose.take(folder), written);
        assertFalse(Files.exists(note), "taken away");
        Files.writeString(note, written.replaceFirst("migrations=", "migrations=1 V1__core_schema.sql 0;"));
        assertFalse(CleanClose.take(folder), "another build's migrations");
        Files.writeString(note, written);
        Files.setLastModifiedTime(folder.resolve("workspace.mv.db"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertFalse(CleanClose.take(folder), "the file's time changed");
        assertFalse(CleanClose.take(folder), "no note");
    }

    private static java.util.Properties credentials() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "analyst");
        p.setProperty("password", "");
        return p;
    }

    @Test
    void appliesAMigrationOfALowerFeatureRangeThatArrivesLater() throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            // A workspace made by a build without V41: the view and its history row are not there.
            s.execute("DROP VIEW packaging_shipments");
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '41'");
        }
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM packaging_shipments").close();
        }
    }

    @Test
    void refusesADamagedDatabaseWithAPlainMessageAndLeavesTheFileAlone() throws Exception {
        Path folder = dir.resolve("ws");
        Files.createDirectories(folder);
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(folder.resolve("workspace.mv.db"), garbage);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(folder.resolve("workspace.mv.db")));
    }

    @Test
    void refusesAFolderFullOfOtherFiles() throws Exception {
        Path folder = dir.resolve("documents");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("thesis.docx"), "not a workspace");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));
        assertTrue(e.getMessage().contains("other files"), e.getMessage());
    }

    @Test
    void closingCompactsAndLeavesNoErrorTraceInTheWorkspaceFolder() throws Exception {
        Path folder = dir.resolve("closing");
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO workspace_settings (setting_key, setting_value, updated_at) VALUES ('closing-test', 'kept', CURRENT_TIMESTAMP)");
        }
        for (int i = 0; i < 2; i++) {
            try (Workspace ws = Workspace.open(folder)) {
                assertEquals("kept", ws.setting("closing-test").orElseThrow());
            }
        }
        assertTrue(Files.notExists(folder.resolve("workspace.trace.db")), "H2 wrote errors at close: "
                + (Files.exists(folder.resolve("workspace.trace.db")) ? Files.readString(folder.resolve("workspace.trace.db")) : ""));
    }

    @Test
    void anOpenAfterAnInterruptedImportSweepsInAnInstanceOfItsOwnAndLeavesNoCopyBehind() throws Exception {
        Path folder = dir.resolve("interrupted");
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO import_runs (table_name, file_name, started_at) VALUES ('shipments', 'big.csv', CURRENT_TIMESTAMP)");
            s.execute("CREATE TABLE " + StagingTables.PREFIX + "99 (id INT PRIMARY KEY)");
            s.execute("INSERT INTO workspace_settings (setting_key, setting_value, updated_at) VALUES ('kept', 'yes', CURRENT_TIMESTAMP)");
        }
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            assertEquals(java.util.List.of(), StagingTables.leftovers(c));
            try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM import_runs")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the unfinished run is swept");
            }
            assertEquals("yes", ws.setting("kept").orElseThrow());
            assertTrue(Files.notExists(RecoveringOpen.copyOf(folder)), "the copy taken before the recovery is gone once it is checked");
        }
    }

    @Test
    void theCopyOfARecoveryThatWasStoppedIsPutBackAtTheNextOpen() throws Exception {
        Path folder = dir.resolve("stopped-recovery");
        try (Workspace ws = Workspace.open(folder)) {
            ws.putSetting("analyst", "Priya");
        }
        Path db = folder.resolve("workspace.mv.db");
        Files.copy(db, RecoveringOpen.copyOf(folder));
        byte[] garbage = new byte[8192];
        new java.util.Random(11).nextBytes(garbage);
        Files.write(db, garbage);
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals("Priya", ws.setting("analyst").orElseThrow());
        }
        assertTrue(Files.notExists(RecoveringOpen.copyOf(folder)));
    }
}
