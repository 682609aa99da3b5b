package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The read-write open that undoes what a stopped process left in a workspace file (decision 0010):
 * H2 rolls back the uncommitted transaction, the workbench sweeps staging tables and the unfinished
 * import run. It runs in an H2 instance of its own, closed with a plain {@code SHUTDOWN} before the
 * workspace's session starts, on a file first copied aside; the copy goes only once the recovered
 * file has been checked read-only, and is put back if anything fails (also at the next open, when the
 * recovering process itself was stopped).
 *
 * <p>Why an instance of its own: H2 2.2.224 could damage a file at the close of the session that had
 * rolled back a killed import's transaction (its free-space accounting after the rollback), so the
 * rollback no longer shares an instance with a session's work and its compacting close.
 */
final class RecoveringOpen {

    private RecoveringOpen() {
    }

    /** Where the database file is copied before a recovering open; it exists only while one is unfinished. */
    static Path copyOf(Path dir) {
        return database(dir).resolveSibling(database(dir).getFileName() + ".before-recovery");
    }

    private static Path database(Path dir) {
        return dir.resolve(Workspace.DATABASE_NAME + ".mv.db");
    }

    /**
     * Puts back the copy a recovering open left when its process was stopped before the recovery was
     * checked: the file beside it may be half recovered. No H2 instance has the file open here.
     */
    static void putBackUnfinishedRecovery(Path dir) {
        Path copy = copyOf(dir);
        try {
            Files.deleteIfExists(partial(copy));
            if (Files.exists(copy)) {
                org.slf4j.LoggerFactory.getLogger(RecoveringOpen.class).warn(
                        "{}: a recovery was stopped before it finished; putting back the file as it was before it", dir);
                Files.move(copy, database(dir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                    + " has an unfinished recovery whose copy " + copy + " could not be put back: " + e.getMessage()
                    + ". Move that file over " + database(dir).getFileName() + " by hand, then open the workspace again.", e);
        }
    }

    /**
     * Copies the file aside, runs {@code recover} on a read-write pool of an H2 instance of its own,
     * shuts that instance down, and returns what {@code check} finds; any failure puts the copy back.
     */
    static <T> T recover(Path dir, String url, Consumer<JdbcConnectionPool> recover, Supplier<T> check) {
        Path copy = copyOf(dir);
        try {
            Files.copy(database(dir), partial(copy), StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial(copy), copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                    + " was left mid-write by a process that stopped, and there is no room to copy it aside before undoing that ("
                    + e.getMessage() + "). Nothing was changed. Free some disk space and open it again.", e);
        }
        try {
            String recovering = url + ";IFEXISTS=TRUE";
            JdbcConnectionPool pool = JdbcConnectionPool.create(recovering, "analyst", "");
            Connection holder = null;
            try {
                holder = org.h2.Driver.load().connect(recovering, credentials());
                recover.accept(pool);
            } finally {
                pool.dispose();
                shutdown(holder);
            }
            T checked = check.get();
            Files.delete(copy);
            return checked;
        } catch (RuntimeException | IOException | SQLException e) {
            putBack(dir, copy, e);
            if (e instanceof WorkbenchException w) {
                throw w;
            }
            if (e instanceof SQLException sql) {
                throw Workspace.classifyOpenFailure(dir, sql);
            }
            throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, "The workspace at " + dir
                    + " was left mid-write by a process that stopped, and undoing that failed: " + e.getMessage()
                    + ". It is as the stopped process left it. Restore it from a backup or open another workspace.", e);
        }
    }

    private static void shutdown(Connection holder) throws SQLException {
        if (holder != null) {
            try (Connection c = holder; Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static void putBack(Path dir, Path copy, Exception failure) {
        try {
            if (Files.exists(copy)) {
                Files.move(copy, database(dir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static Path partial(Path copy) {
        return copy.resolveSibling(copy.getFileName() + ".partial");
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "analyst");
        p.setProperty("password", "");
        return p;
    }
}
