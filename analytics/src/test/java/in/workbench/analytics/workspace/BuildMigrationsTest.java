package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildMigrationsTest {

    @TempDir
    Path dir;

    @Test
    void listsTheMigrationsFlywayResolvesWithFlywaysChecksums() {
        Map<String, BuildMigrations.Migration> build = BuildMigrations.thisBuild().orElseThrow();
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:build-migrations", "sa", "");
        try {
            Map<String, String> flyway = new TreeMap<>();
            for (MigrationInfo m : Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().info().all()) {
                flyway.put(m.getVersion().getVersion(), m.getScript() + " " + m.getChecksum());
            }
            Map<String, String> ours = new TreeMap<>();
            build.values().forEach(m -> ours.put(m.version(), m.script() + " " + m.checksum()));
            assertEquals(flyway, ours);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void checksumsLinesWithoutTheirBreaksOrAByteOrderMarkAsFlywayDoes() throws Exception {
        int unix = checksum("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n");
        assertEquals(unix, checksum("CREATE TABLE a (x INT);\r\nCREATE TABLE b (y INT);\r\n"));
        assertEquals(unix, checksum("\uFEFFCREATE TABLE a (x INT);\nCREATE TABLE b (y INT);"));
        assertTrue(unix != checksum("CREATE TABLE a (x INT);\nCREATE TABLE b (z INT);\n"), "an edited line changes the checksum");
    }

    @Test
    void aWorkspaceAtThisBuildsSchemaMatchesWithoutFlyway() throws Exception {
        Path folder = dir.resolve("ws");
        Workspace.open(folder).close();
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection()) {
            assertTrue(BuildMigrations.historyMatches(c));
        }
    }

    /** Each is a history Flyway's full check must see: refused (edited, newer, failed) or migrated (pending). */
    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '40'",
        "UPDATE \"flyway_schema_history\" SET \"checksum\" = NULL WHERE \"version\" = '40'",
        "UPDATE \"flyway_schema_history\" SET \"script\" = 'V40__renamed.sql' WHERE \"version\" = '40'",
        "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '91'",
        "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '41'",
        "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                + "\"installed_by\", \"execution_time\", \"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, "
                + "'analyst', 1, TRUE)",
        "INSERT INTO \"flyway_schema_history\" SELECT 998, \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                + "\"installed_by\", \"installed_on\", \"execution_time\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" = '1'",
        "DROP TABLE \"flyway_schema_history\""})
    void anyOtherHistoryIsLeftToFlyway(String change) throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
            assertTrue(BuildMigrations.historyMatches(c));
            s.execute(change);
            assertFalse(BuildMigrations.historyMatches(c), change);
        }
    }

    @Test
    void readsMigrationsFromAFolderOnTheClassPathAndRefusesNamesFlywayWouldNotTakeAsVersioned() throws Exception {
        Path root = dir.resolve("classes");
        Path migrations = Files.createDirectories(root.resolve(BuildMigrations.LOCATION));
        Files.writeString(migrations.resolve("V1__first.sql"), "CREATE TABLE a (x INT);\n");
        Files.writeString(migrations.resolve("V2_1__second.sql"), "CREATE TABLE b (x INT);\n");
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null)) {
            Map<String, BuildMigrations.Migration> read = BuildMigrations.read(loader).orElseThrow();
            assertEquals(new TreeMap<>(Map.of("1", "V1__first.sql", "2.1", "V2_1__second.sql")), new TreeMap<>(
                    read.values().stream().collect(java.util.stream.Collectors.toMap(BuildMigrations.Migration::version,
                            BuildMigrations.Migration::script))));
            Files.writeString(migrations.resolve("R__repeatable.sql"), "SELECT 1;\n");
            assertFalse(BuildMigrations.read(loader).isPresent(), "a repeatable migration is Flyway's business");
        }
    }

    @Test
    void readsMigrationsFromAJarOnTheClassPath() throws Exception {
        Path jar = dir.resolve("workbench.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : new String[] {"db/", "db/migration/", "db/migration/V1__first.sql", "db/migration/V3__third.sql",
                "db/postgresql/V1__other.sql"}) {
                out.putNextEntry(new java.util.jar.JarEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write(("-- " + entry + "\nCREATE TABLE t (x INT);\n").getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            Map<String, BuildMigrations.Migration> read = BuildMigrations.read(loader).orElseThrow();
            assertEquals(java.util.Set.of("1", "3"), read.keySet());
            assertEquals(checksum("-- db/migration/V3__third.sql\nCREATE TABLE t (x INT);\n"), read.get("3").checksum());
        }
    }

    private static int checksum(String text) throws Exception {
        return BuildMigrations.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
