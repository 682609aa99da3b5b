package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Opens a team workspace on a PostgreSQL server: connects (password from the password file, else
 * asked once), finds the analyst's {@link TeamRole}, compares the server's schema with this
 * client's migrations, and migrates only when the analyst is an owner. A schema newer than this
 * client opens read-only with a sentence saying to upgrade.
 *
 * <p>Stateless; thread-safe.
 */
final class ServerWorkspaceOpener {

    /**
     * What opening found: the pool, the analyst's role, whether the analyst may read the CRISP
     * tables ({@link HealthData}), and why the workspace is read-only (if it is).
     */
    record Opened(ServerConnectionPool pool, TeamRole role, boolean healthData, Optional<String> readOnlyReason) {
    }

    private ServerWorkspaceOpener() {
    }

    static Opened open(ServerAddress address, PasswordSource passwords) {
        Properties props = properties(address, (char[]) null, false);
        ServerConnectionPool pool = new ServerConnectionPool(address.jdbcUrl(), props);
        try {
            probe(pool);
        } catch (SQLException e) {
            pool.close();
            if (!needsPassword(e)) {
                throw unreachable(address, e);
            }
            char[] password = passwords.ask(address).orElseThrow(() -> new WorkbenchException(Kind.WORKSPACE_UNUSABLE,
                    "The team workspace " + address + " needs a password: put it in the PostgreSQL password file "
                            + "(~/.pgpass or PGPASSFILE) or type it when asked."));
            props = properties(address, password, false);
            java.util.Arrays.fill(password, '\0');
            pool = new ServerConnectionPool(address.jdbcUrl(), props);
            try {
                probe(pool);
            } catch (SQLException again) {
                pool.close();
                throw unreachable(address, again);
            }
        }
        try {
            return prepare(address, pool, props);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static Opened prepare(ServerAddress address, ServerConnectionPool pool, Properties props) {
        TeamRole role;
        boolean ownerGroupExists;
        boolean memberOfOwnerGroup;
        boolean schemaExists;
        boolean healthData;
        try (Connection c = pool.get()) {
            ownerGroupExists = roleExists(c, TeamRole.OWNER.serverRole());
            memberOfOwnerGroup = ownerGroupExists && member(c, TeamRole.OWNER.serverRole());
            schemaExists = schemaExists(c, address.schema());
            role = role(c, address);
            healthData = role == TeamRole.OWNER || (roleExists(c, HealthData.SERVER_ROLE) && member(c, HealthData.SERVER_ROLE));
        } catch (SQLException e) {
            throw unreachable(address, e);
        }
        if (role == null) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, address.user() + " has no workbench role on " + address.displayName()
                    + ": ask an owner to grant workbench_reader, workbench_labeler or workbench_owner. Nothing was changed.");
        }
        // Flyway gets connections of its own: its SET ROLE must not leak into the analyst's pool.
        try (ServerConnectionPool migrations = new ServerConnectionPool(address.jdbcUrl(), props)) {
            Opened opened = prepare(address, pool, props, role, ownerGroupExists, memberOfOwnerGroup, schemaExists,
                    flyway(address, migrations, memberOfOwnerGroup));
            return new Opened(opened.pool(), opened.role(), healthData, opened.readOnlyReason());
        }
    }

    private static Opened prepare(ServerAddress address, ServerConnectionPool pool, Properties props, TeamRole role,
            boolean ownerGroupExists, boolean memberOfOwnerGroup, boolean schemaExists, Flyway flyway) {
        MigrationInfo[] applied;
        MigrationInfo[] pending;
        try {
            var info = flyway.info();
            applied = info.applied();
            pending = info.pending();
        } catch (FlywayException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The team workspace " + address.displayName()
                    + " cannot be read: " + e.getMessage(), e);
        }
        for (MigrationInfo m : applied) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                String reason = "The team workspace " + address.displayName() + " has schema " + m.getVersion()
                        + ", newer than this workbench knows; it is open read-only. Upgrade the workbench to change it.";
                pool.close();
                ServerConnectionPool readOnly = new ServerConnectionPool(address.jdbcUrl(), properties(address, props, true));
                return new Opened(readOnly, TeamRole.READER, false, Optional.of(reason));
            }
            if (m.getState() == MigrationState.FAILED) {
                throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The team workspace " + address.displayName()
                        + " has an unfinished schema upgrade (" + m.getVersion() + "). Ask its owner to repair it.");
            }
        }
        MigrationCheck.requireUnchanged(flyway, "The team workspace " + address.displayName());
        if (pending.length > 0) {
            if (role != TeamRole.OWNER) {
                throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, applied.length == 0
                        ? "There is no workspace in schema " + address.schema() + " of " + address.database()
                                + " yet: an owner creates it by opening it first. Nothing was changed."
                        : "The team workspace " + address.displayName() + " needs a schema upgrade to "
                                + pending[pending.length - 1].getVersion()
                                + " that only an owner may do: ask an owner to open it with this version. Nothing was changed.");
            }
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "Could not create or upgrade the team workspace "
                        + address.displayName() + ": " + e.getMessage(), e);
            }
            if (ownerGroupExists) {
                try (Connection c = pool.get()) {
                    TeamGrants.grant(c, address.schema(), memberOfOwnerGroup);
                } catch (SQLException e) {
                    throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "Created the team workspace " + address.displayName()
                            + " but could not grant the workbench roles their rights: " + e.getMessage(), e);
                }
            }
        } else if (!schemaExists) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "Schema " + address.schema() + " does not exist on "
                    + address.displayName() + ".");
        } else if (ownerGroupExists && role == TeamRole.OWNER) {
            // A role created since the last upgrade (workbench_health, say) gets its rights the next time an owner opens.
            try (Connection c = pool.get()) {
                TeamGrants.grant(c, address.schema(), memberOfOwnerGroup);
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(ServerWorkspaceOpener.class).warn("could not renew the workbench roles' rights on {}: {}",
                        address.displayName(), e.getMessage());
            }
        }
        return new Opened(pool, role, false, Optional.empty());
    }

    private static Flyway flyway(ServerAddress address, ServerConnectionPool pool, boolean asOwnerGroup) {
        var config = Flyway.configure()
                .dataSource(new PoolDataSource(pool))
                .resourceProvider(ServerMigrations.fromClassPath())
                .schemas(address.schema())
                .defaultSchema(address.schema())
                .createSchemas(true)
                .outOfOrder(true)
                // Migrating validates what was applied (an edited migration is refused), not what waits or is newer.
                .ignoreMigrationPatterns(MigrationCheck.IGNORED);
        if (asOwnerGroup) {
            // Objects belong to the owners' group, so that any owner may upgrade them later.
            config.initSql("SET ROLE " + TeamRole.OWNER.serverRole());
        }
        return config.load();
    }

    private static TeamRole role(Connection c, ServerAddress address) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (rs.next() && rs.getBoolean(1)) {
                return TeamRole.OWNER;
            }
        }
        boolean anyGroup = false;
        for (TeamRole r : List.of(TeamRole.OWNER, TeamRole.LABELER, TeamRole.READER)) {
            if (roleExists(c, r.serverRole())) {
                anyGroup = true;
                if (member(c, r.serverRole())) {
                    return r;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_has_role(current_user, nspowner, 'MEMBER') FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, address.schema());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return TeamRole.OWNER;
                }
            }
        }
        // A server without the workbench's roles is one analyst's own database: its GRANTs alone decide.
        return anyGroup ? null : TeamRole.OWNER;
    }

    static boolean roleExists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean member(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_has_role(current_user, ?, 'MEMBER')")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void probe(ServerConnectionPool pool) throws SQLException {
        try (Connection c = pool.get()) {
            c.isValid(5);
        }
    }

    private static boolean needsPassword(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        return "08004".equals(e.getSQLState()) && msg.contains("no password was provided");
    }

    private static WorkbenchException unreachable(ServerAddress address, SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals("28P01") || state.equals("28000")) {
            return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The server refused " + address.user() + " for "
                    + address.displayName() + ": wrong password or no access. Check the PostgreSQL password file or ask its owner.", e);
        }
        if (state.equals("3D000")) {
            return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "There is no database " + address.database() + " on "
                    + address.host() + ":" + address.port() + ". Ask the server's administrator to create it.", e);
        }
        return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "Could not reach the team workspace " + address + ": "
                + e.getMessage(), e);
    }

    private static Properties properties(ServerAddress address, char[] password, boolean readOnly) {
        Properties p = new Properties();
        p.setProperty("user", address.user());
        if (password != null) {
            p.setProperty("password", new String(password));
        }
        p.setProperty("currentSchema", address.schema());
        p.setProperty("ApplicationName", "workbench");
        p.setProperty("connectTimeout", "10");
        p.setProperty("tcpKeepAlive", "true");
        address.sslMode().ifPresent(m -> p.setProperty("sslmode", m));
        if (readOnly) {
            p.setProperty("options", "-c default_transaction_read_only=on");
        }
        return p;
    }

    private static Properties properties(ServerAddress address, Properties from, boolean readOnly) {
        Properties p = properties(address, (char[]) null, readOnly);
        if (from.getProperty("password") != null) {
            p.setProperty("password", from.getProperty("password"));
        }
        return p;
    }

    /** The pool as the {@link DataSource} Flyway asks for. */
    private static final class PoolDataSource implements DataSource {
        private final ServerConnectionPool pool;

        PoolDataSource(ServerConnectionPool pool) {
            this.pool = pool;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return pool.get();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("The team workspace connects as its analyst only.");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Flyway logs through SLF4J
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // the connection's connectTimeout applies
        }

        @Override
        public int getLoginTimeout() {
            return 10;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("Not a wrapper.");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
