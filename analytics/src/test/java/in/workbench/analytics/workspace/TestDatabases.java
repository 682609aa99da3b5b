package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases a workspace lives in, for tests that must pass on both: {@code h2} (a folder)
 * and {@code postgresql} (a fresh schema on the test server named by {@code WORKBENCH_TEST_PG_URL},
 * which {@code .ci/postgres start} prints, with its password file in {@code PGPASSFILE}).
 *
 * <p>Without that variable the PostgreSQL cases are skipped (a developer without the server);
 * with {@code WORKBENCH_TEST_PG_REQUIRED=true} (CI) they fail instead. The server's analysts are
 * {@code wb_owner}, {@code wb_labeler} and {@code wb_reader}, one per role.
 */
public final class TestDatabases {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private TestDatabases() {
    }

    /** The database kinds a parameterized test runs on. */
    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    /** The test server, if this run has one; fails when CI requires it and it is missing. */
    public static Optional<ServerAddress> server() {
        String url = System.getenv("WORKBENCH_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("WORKBENCH_TEST_PG_REQUIRED"))) {
                fail("WORKBENCH_TEST_PG_REQUIRED is set but WORKBENCH_TEST_PG_URL is not: the PostgreSQL test server is missing.");
            }
            return Optional.empty();
        }
        return Optional.of(ServerAddress.parse(url));
    }

    /** The test server with a schema no other test uses, as its owner; skips the test without a server. */
    public static ServerAddress freshServerSchema() {
        Optional<ServerAddress> server = server();
        Assumptions.assumeTrue(server.isPresent(), "No PostgreSQL test server (WORKBENCH_TEST_PG_URL); start one with .ci/postgres start");
        return server.get().inSchema("t" + RUN + "_" + SCHEMAS.incrementAndGet());
    }

    /** The login of the test server's analyst with {@code role}. */
    public static String login(TeamRole role) {
        return "wb_" + role.word().toLowerCase(Locale.ROOT);
    }

    /**
     * A new, empty workspace of {@code kind}: a folder under {@code dir}, or on the test server a
     * schema migrated once per test run and emptied for each test (migrating a schema per test
     * would cost seconds each). Tests that need a schema of their own use {@link #freshServerSchema}.
     */
    public static Workspace open(String kind, Path dir) {
        return open(kind, dir, "shared");
    }

    /** As {@link #open(String, Path)}, for tests that need several workspaces at once: one per {@code name}. */
    public static Workspace open(String kind, Path dir, String name) {
        if (kind.equals("h2")) {
            return Workspace.open(dir.resolve(name + "-" + SCHEMAS.incrementAndGet()));
        }
        Optional<ServerAddress> server = server();
        Assumptions.assumeTrue(server.isPresent(), "No PostgreSQL test server (WORKBENCH_TEST_PG_URL); start one with .ci/postgres start");
        ServerAddress address = server.get().inSchema("t" + RUN + "_" + name);
        Workspace ws = Workspace.openServer(address, PasswordSource.NONE, dir.resolve("local-" + address.schema()));
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') FROM pg_tables "
                        + "WHERE schemaname = '" + address.schema() + "' AND tablename <> 'flyway_schema_history'")) {
            rs.next();
            try (Statement t = c.createStatement()) {
                t.execute("TRUNCATE " + rs.getString(1) + " RESTART IDENTITY CASCADE");
            }
        } catch (SQLException e) {
            ws.close();
            throw new IllegalStateException("Could not empty the shared test schema " + address.schema(), e);
        }
        return ws;
    }
}
