package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * A workspace: a folder holding the H2 database, its trained models ({@code models/}) and its
 * exports ({@code exports/}).
 *
 * <p>Opening a workspace creates the folder and schema on first use and upgrades the schema
 * through versioned Flyway migrations. A workspace written by a newer version of the workbench,
 * a damaged database, or one already open in another process is refused with a plain message
 * and left untouched: an existing file is checked read-only first, unless this build closed it
 * cleanly and nothing has written to it since ({@link CleanClose}). What an import killed mid-way
 * left (an uncommitted transaction, staging tables, a half-done swap) is rolled back when the
 * workspace opens; closing compacts the file.
 *
 * <p>Thread-safe: connections come from a pool; each caller takes its own and closes it.
 */
public final class Workspace implements AutoCloseable {

    /**
     * The marker file every workspace folder holds; installers associate its extension with the
     * workbench so that double-clicking it opens the workspace.
     */
    public static final String MARKER_FILE = "workspace.wbws";

    /** The database file name inside the workspace folder, without H2's {@code .mv.db}. */
    public static final String DATABASE_NAME = "workspace";

    private final Path folder;
    private final JdbcConnectionPool pool;
    /** The H2 database's URL (null for a team workspace). */
    private final String h2Url;
    private final ServerConnectionPool serverPool;
    private final ServerAddress server;
    private final TeamRole role;
    private final String readOnlyReason;
    private final boolean healthData;
    private final ModelStore models;
    private boolean closed;

    private Workspace(Path folder, JdbcConnectionPool pool, String h2Url) {
        this.folder = folder;
        this.pool = pool;
        this.h2Url = h2Url;
        this.serverPool = null;
        this.server = null;
        this.role = TeamRole.OWNER;
        this.readOnlyReason = null;
        this.healthData = true;
        this.models = new ModelStore(this, folder.resolve("models"));
    }

    private Workspace(Path localFolder, ServerAddress server, ServerWorkspaceOpener.Opened opened) {
        this.folder = localFolder;
        this.pool = null;
        this.h2Url = null;
        this.serverPool = opened.pool();
        this.server = server;
        this.role = opened.role();
        this.readOnlyReason = opened.readOnlyReason().orElse(null);
        this.healthData = opened.healthData();
        this.models = new ModelStore(this, localFolder.resolve("models"));
    }

    /**
     * Opens the workspace written as {@code where}: a folder (H2, created on first use) or a
     * server address ({@code postgresql://USER@HOST:PORT/DB?currentSchema=S&sslmode=M}, see
     * {@link ServerAddress}); the password of a server comes from the PostgreSQL password file or
     * {@code passwords}.
     */
    public static Workspace open(String where, PasswordSource passwords) {
        if (ServerAddress.looksLikeServer(where)) {
            ServerAddress address = ServerAddress.parse(where);
            return openServer(address, passwords, defaultLocalFolder(address));
        }
        return open(Path.of(where));
    }

    /**
     * Opens a team workspace on a PostgreSQL server, creating its schema when the analyst is an
     * owner and it does not exist yet. {@code localFolder} holds this machine's exports and model
     * cache for it.
     *
     * @throws WorkbenchException with kind {@link Kind#WORKSPACE_UNUSABLE} when the server cannot
     *     be reached, refuses the analyst, or the schema needs an upgrade only an owner may do
     */
    public static Workspace openServer(ServerAddress address, PasswordSource passwords, Path localFolder) {
        ServerWorkspaceOpener.Opened opened = ServerWorkspaceOpener.open(address, passwords);
        Workspace ws = new Workspace(localFolder.toAbsolutePath().normalize(), address, opened);
        try {
            Files.createDirectories(ws.modelsDir());
            ws.models().sync();
            Files.createDirectories(ws.exportsDir());
        } catch (IOException e) {
            ws.close();
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE,
                    "Cannot create the local folder " + localFolder + " for the team workspace: " + e.getMessage(), e);
        }
        return ws;
    }

    /**
     * This machine's folder for a team workspace's exports and models: {@code team/} in the
     * workbench home ({@code -Dworkbench.home}, else {@code ~/.workbench}).
     */
    public static Path defaultLocalFolder(ServerAddress address) {
        String name = (address.user() + "@" + address.host() + "_" + address.port() + "_" + address.database() + "_"
                + address.schema()).replaceAll("[^A-Za-z0-9@._-]", "_");
        String home = System.getProperty("workbench.home");
        return (home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".workbench")).resolve("team").resolve(name);
    }

    /**
     * Opens the workspace in {@code folder}, creating it if the folder is empty or missing.
     *
     * @throws WorkbenchException with kind {@link Kind#WORKSPACE_UNUSABLE} when the workspace is
     *     damaged, locked by another process, or was written by a newer version
     */
    public static Workspace open(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE,
                    dir + " is a file, not a workspace folder. Choose a folder.");
        }
        boolean existed = Files.exists(dir.resolve(DATABASE_NAME + ".mv.db"));
        if (!existed && Files.isDirectory(dir) && looksLikeSomethingElse(dir)) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, dir
                    + " already holds other files and no workspace. Choose an empty folder or an existing workspace.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE,
                    "Cannot create the workspace folder " + dir + ": " + e.getMessage(), e);
        }
        // DAY is a column of the CRISP contacts and tests; H2 reserves it unless told not to.
        String url = "jdbc:h2:file:" + dir.resolve(DATABASE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536;NON_KEYWORDS=DAY";
        if (existed) {
            RecoveringOpen.putBackUnfinishedRecovery(dir);
            // Before H2 runs any of the file's schema statements: a workspace from someone else must not run code.
            // (Also after a clean close: the note vouches for the schema's state, this check is about the file's origin.)
            WorkspaceFileCheck.refuseCode(dir, dir.resolve(DATABASE_NAME + ".mv.db"));
        }
        // This build closed this very file cleanly at its own schema, and nothing wrote to it since: no read-only check.
        boolean closedCleanly = existed && CleanClose.take(dir);
        boolean upToDate = closedCleanly;
        if (existed && !closedCleanly) {
            // Check read-only first, so that a damaged or too-new workspace is left byte for byte as it was.
            OpenCheck check = readOnlyCheck(dir, url);
            if (check.interrupted()) {
                // A process stopped mid-write (an import killed, a power cut) left an uncommitted transaction
                // that only a read-write open can roll back, or staging tables to sweep. That happens in an H2
                // instance of its own, on a file copied aside first, and is checked read-only afterwards: the
                // session then starts from a clean file, and a recovery that fails puts the copy back.
                check = RecoveringOpen.recover(dir, url, pool -> {
                    checkOpenable(dir, pool);
                    sweepInterruptedImports(pool);
                }, () -> {
                    OpenCheck after = readOnlyCheck(dir, url);
                    if (after.interrupted()) {
                        throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                                + " was left mid-write by a process that stopped, and undoing that write did not finish"
                                + (after.cause() == null ? " (" + after.leftBehind() + " still there)" : ": " + after.cause().getMessage())
                                + ". Nothing was changed. Restore it from a backup or open another workspace.");
                    }
                    return after;
                });
            }
            upToDate = check.upToDate();
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url + (existed ? ";IFEXISTS=TRUE" : ""), "analyst", "");
        pool.setMaxConnections(16);
        try {
            try (Connection probe = pool.getConnection()) {
                probe.isValid(1);
            } catch (SQLException e) {
                throw classifyOpenFailure(dir, e);
            }
            if (closedCleanly && !leftBehindByAnImport(dir, pool).isEmpty()) {
                // Cannot be after a clean close, unless an import started while it shut down: undo it as after a crash.
                pool.dispose();
                return open(folder);
            }
            if (!upToDate) {
                // (A workspace the check found with every migration applied and unchanged skips a third Flyway run.)
                flyway(pool).migrate();
            }
            // Nothing to sweep here: the read-only check (or, after a clean close, the query above) found nothing an import
            // left, or the recovering open swept it.
            Workspace ws = new Workspace(dir, pool, url);
            Files.createDirectories(ws.modelsDir());
            ws.models().sync();
            Files.createDirectories(ws.exportsDir());
            Path marker = dir.resolve(MARKER_FILE);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "{\"format\":\"workbench-workspace\",\"database\":\"" + DATABASE_NAME + ".mv.db\"}\n");
            }
            return ws;
        } catch (WorkbenchException e) {
            pool.dispose();
            throw e;
        } catch (IOException | RuntimeException e) {
            pool.dispose();
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE,
                    "The workspace at " + dir + " could not be opened: " + e.getMessage(), e);
        }
    }

    /**
     * Puts back what an import killed mid-way left: its staging tables, a half-done swap, its
     * unfinished {@code import_runs} row. The imports of this process have not started yet.
     */
    private static void sweepInterruptedImports(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            StagingTables.recover(c);
            s.executeUpdate("DELETE FROM import_runs WHERE finished_at IS NULL");
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace could not undo an interrupted import: "
                    + e.getMessage() + ". Restore it from a backup or open another workspace.", e);
        }
    }

    /**
     * What the read-only check found: whether every migration is applied, and whether a stopped
     * process left something for a read-write open to undo ({@code cause} says what, when the
     * read-only open itself failed in a way a read-write open may repair).
     */
    private record OpenCheck(boolean upToDate, String leftBehind, RuntimeException cause) {

        boolean interrupted() {
            return cause != null || !leftBehind.isEmpty();
        }
    }

    private static OpenCheck readOnlyCheck(Path dir, String url) {
        JdbcConnectionPool readOnly = JdbcConnectionPool.create(url + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "analyst", "");
        try {
            boolean upToDate = checkOpenable(dir, readOnly);
            return new OpenCheck(upToDate, leftBehindByAnImport(dir, readOnly), null);
        } catch (NeedsRecovery e) {
            org.slf4j.LoggerFactory.getLogger(Workspace.class).info("{} needs recovery after an interrupted write: {}", dir,
                    e.getMessage());
            return new OpenCheck(false, "", e);
        } finally {
            readOnly.dispose();
        }
    }

    /** What an import stopped mid-way left (its unfinished run, staging tables, a swap journal), or "" for nothing. */
    private static String leftBehindByAnImport(Path dir, DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM import_runs WHERE finished_at IS NULL")) {
            rs.next();
            long runs = rs.getLong(1);
            String left = StagingTables.leftBehind(c);
            return (runs > 0 ? runs + " unfinished import run" + (runs == 1 ? "" : "s") + (left.isEmpty() ? "" : ", ") : "") + left;
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace database at " + dir
                    + " cannot be read; the file may be damaged. Nothing was changed.", e);
        }
    }

    private static boolean looksLikeSomethingElse(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".") && !name.equals("models") && !name.equals("exports") && !name.equals("source")
                        && !name.startsWith(DATABASE_NAME);
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLocked(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("Database may be already in use") || msg.contains("locked");
    }

    /** The read-only open failed for a reason other than a lock: a read-write open may recover the file. */
    private static final class NeedsRecovery extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsRecovery(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    static WorkbenchException classifyOpenFailure(Path dir, SQLException e) {
        if (isLocked(e)) {
            return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                    + " is open in another workbench window or process. Close it there first.", e);
        }
        return new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace database at " + dir
                + " cannot be read; the file may be damaged. Nothing was changed. Restore it from a backup or open another workspace.",
                e);
    }

    private static Flyway flyway(DataSource pool) {
        return Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load();
    }

    /**
     * Refuses a workspace whose applied migrations differ from this build's files (one was edited
     * after it was applied, or one this build should know is gone). Migrations not applied yet,
     * below the newest applied one too (the per-feature ranges of decision 0002), are fine.
     */
    private static void checkMigrationsUnchanged(Path dir, DataSource dataSource) {
        MigrationCheck.requireUnchanged(flyway(dataSource), "The workspace at " + dir);
    }

    /**
     * Refuses a workspace that is damaged, locked, not ours, or written by a newer version.
     *
     * @return whether every migration of this build is applied (nothing for {@code migrate} to do)
     * @throws NeedsRecovery when the read-only open failed in a way a read-write open may repair
     */
    private static boolean checkOpenable(Path dir, JdbcConnectionPool pool) {
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
            if (BuildMigrations.historyMatches(probe)) {
                // Exactly this build's migrations, applied from unchanged files: nothing Flyway would refuse or migrate.
                return true;
            }
        } catch (SQLException e) {
            if (isLocked(e)) {
                throw classifyOpenFailure(dir, e);
            }
            throw new NeedsRecovery(e);
        }
        MigrationInfo[] applied;
        int pending;
        try {
            MigrationInfoService info = flyway(pool).info();
            applied = info.applied();
            pending = info.pending().length;
        } catch (FlywayException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace database at " + dir
                    + " cannot be read; the file may be damaged. Nothing was changed.", e);
        }
        for (MigrationInfo info : applied) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                        + " was written by a newer version of the workbench (schema " + info.getVersion()
                        + "). Update the workbench to open it; nothing was changed.");
            }
            if (info.getState() == MigrationState.FAILED) {
                throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                        + " has an unfinished schema upgrade (" + info.getVersion() + "). Restore it from a backup.");
            }
        }
        if (applied.length == 0) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The database at " + dir
                    + " is not a workbench workspace. Nothing was changed.");
        }
        checkMigrationsUnchanged(dir, pool);
        return pending == 0;
    }

    /** The workspace folder; for a team workspace, this machine's folder for its exports and models. */
    public Path folder() {
        return folder;
    }

    /**
     * Where trained models are read and saved, one file per model: this machine's copy of the
     * models stored in the workspace ({@link ModelStore}). On a team workspace it is brought in step
     * each time it is asked for, so that a model another analyst trained is here and one trained here
     * is stored; a folder workspace has no other analyst, so its table is brought in step on open and
     * on close (a model saved by a killed process is stored at the next open), and screens that read
     * models often do not hash every model file each time.
     */
    public Path modelsDir() {
        if (serverPool != null) {
            models.sync();
        }
        return folder.resolve("models");
    }

    /** The trained models stored in the workspace, with who trained each and when. */
    public ModelStore models() {
        return models;
    }

    /** Where the window writes exports by default. */
    public Path exportsDir() {
        return folder.resolve("exports");
    }

    /** Where the workspace is, as the analyst writes it: its folder, or its server address (never a password). */
    public String location() {
        return server == null ? folder.toString() : server.toString();
    }

    /** The server address of a team workspace; empty for a workspace folder. */
    public Optional<ServerAddress> server() {
        return Optional.ofNullable(server);
    }

    /** The SQL dialect of this workspace's database, for the few statements H2 and PostgreSQL write differently. */
    public Dialect dialect() {
        return server == null ? Dialect.H2 : Dialect.POSTGRESQL;
    }

    /** What the analyst may do here: always owner in a workspace folder; on a server, the analyst's role. */
    public TeamRole role() {
        return role;
    }

    /** Why this workspace is open read-only (a schema newer than this workbench), if it is. */
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    /**
     * Refuses work the analyst's role does not allow, before anything is changed.
     *
     * @param work what the analyst asked for, e.g. {@code "import shipments"}
     * @throws WorkbenchException ({@link Kind#PREREQUISITE_MISSING}) naming the missing right
     */
    public void require(TeamRole.Right right, String work) {
        if (readOnlyReason != null && right != TeamRole.Right.READ) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, readOnlyReason + " Nothing was changed.");
        }
        if (!role.may(right)) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "You are a " + role.word() + " on this team workspace and may not "
                    + work + ": that needs the " + right.least().word() + " right (PostgreSQL role " + right.least().serverRole()
                    + "). Ask an owner to grant it; nothing was changed.");
        }
    }

    /**
     * Whether the analyst may read the CRISP tables ({@link HealthData}): always in a workspace
     * folder; on a server, owners and members of {@value HealthData#SERVER_ROLE}.
     */
    public boolean mayReadHealthData() {
        return healthData;
    }

    /**
     * Refuses to show or use the CRISP tables to an analyst who was not granted them.
     *
     * @param work what the analyst asked for, e.g. {@code "see the CRISP risk ranking"}
     * @throws WorkbenchException ({@link Kind#PREREQUISITE_MISSING}) naming the grant to ask for
     */
    public void requireHealthData(String work) {
        if (!healthData) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The CRISP people, contacts, tests and results on this team workspace "
                    + "are health data: you may not " + work + " without the PostgreSQL role " + HealthData.SERVER_ROLE
                    + ". Ask an owner to grant it; nothing was changed.");
        }
    }

    /** A pooled connection with auto-commit on; the caller closes it. */
    public Connection connection() {
        try {
            return serverPool != null ? serverPool.get() : pool.getConnection();
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "Lost the connection to the workspace: " + e.getMessage(), e);
        }
    }

    /**
     * Row counts of the workspace's data tables, in a stable order; without the right to read the
     * CRISP tables ({@link #mayReadHealthData()}) they are left out.
     */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            for (String table : DataTable.names()) {
                if (!healthData && HealthData.isHealthTable(table)) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not count the workspace's rows: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Trained models by name, with the time each was trained (ISO-8601), in name order. */
    public Map<String, String> trainedModels() {
        Map<String, String> models = new LinkedHashMap<>();
        try (Connection c = connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT model_name, trained_at FROM trained_models ORDER BY model_name")) {
            while (rs.next()) {
                models.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toString());
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not list the trained models: " + e.getMessage(), e);
        }
        return models;
    }

    /**
     * Trained models by name, each with who trained it and when as the model lists show it
     * ("trained by asha on 2026-12-03 10:15 UTC"; "trained TIME" for a model stored before models
     * carried their trainer), in name order.
     */
    public Map<String, String> trainedModelLines() {
        Map<String, ModelStore.StoredModel> by = models.byModelName();
        Map<String, String> lines = new LinkedHashMap<>();
        trainedModels().forEach((name, when) -> lines.put(name, by.containsKey(name) ? by.get(name).trainedByLine() : "trained " + when));
        return lines;
    }

    /** A value from the workspace's key/value settings table, if set. */
    public Optional<String> setting(String key) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM workspace_settings WHERE setting_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read workspace setting " + key + ": " + e.getMessage(), e);
        }
    }

    /** Stores a value in the workspace's key/value settings table. */
    public void putSetting(String key, String value) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(dialect().upsert("workspace_settings",
                        java.util.List.of("setting_key", "setting_value", "updated_at"), java.util.List.of("setting_key")))) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.setObject(3, java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save workspace setting " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Closes the workspace, compacting its file: H2 rewrites the live pages into a fresh file, so
     * space the imports' batches and swaps left behind is given back (docs/decisions/0010).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        models.sync();
        if (serverPool != null) {
            serverPool.close();
            return;
        }
        // A connection of its own holds the database open while the pool's connections close as usual, and
        // SHUTDOWN runs on it: closing a pooled connection after the shutdown made H2 write an error to
        // workspace.trace.db at every close.
        Connection direct = null;
        try {
            direct = org.h2.Driver.load().connect(h2Url, credentials());
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(Workspace.class).warn("could not compact {} on close", folder, e);
        }
        pool.dispose();
        if (direct != null) {
            boolean clean = false;
            try (Connection c = direct; Statement s = c.createStatement()) {
                boolean thisBuildsSchema = BuildMigrations.historyMatches(c);
                s.execute("SHUTDOWN COMPACT");
                clean = thisBuildsSchema;
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(Workspace.class).warn("could not compact {} on close", folder, e);
            }
            if (clean) {
                CleanClose.leave(folder);
            }
        }
    }

    private static java.util.Properties credentials() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", "analyst");
        p.setProperty("password", "");
        return p;
    }
}
