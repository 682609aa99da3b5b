package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The JDBC steps the feature stores share: binding a list of placeholder values, running one statement, reading every row of
 * a query, counting the rows of a filtered query, running work in one transaction, and turning an {@link SQLException} into
 * the {@link WorkbenchException} the user sees ({@code "Could not …: " + the database's message}).
 *
 * <p>Stateless; thread-safe (each call uses the connection it is given, or takes its own).
 */
public final class Sql {

    private Sql() {
    }

    /** Work on a connection inside a transaction. */
    @FunctionalInterface
    public interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Work on a connection inside a transaction that gives a result. */
    @FunctionalInterface
    public interface Computation<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads one row of a result; called once for every row. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs the query {@code sql} (no parameters) on a connection of its own and hands every row to
     * {@code reader}.
     *
     * @param failure what failed, as the user reads it, e.g. {@code "Could not read the packaging data"}
     */
    public static void eachRow(Workspace ws, String sql, String failure, RowReader reader) {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    /**
     * Runs the query {@code sql} with {@code args} as parameters 1, 2, … on a connection of its own and hands every row to
     * {@code reader}.
     *
     * @param failure what failed, as the user reads it, e.g. {@code "Could not read the addresses"}
     */
    public static void eachRow(Workspace ws, String sql, List<?> args, String failure, RowReader reader) {
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    /** Sets {@code args} as parameters 1, 2, …; returns the index of the next parameter. */
    public static int bind(PreparedStatement ps, List<?> args) throws SQLException {
        return bind(ps, 1, args);
    }

    /** Sets {@code args} as parameters {@code first}, {@code first + 1}, …; returns the index of the next parameter. */
    public static int bind(PreparedStatement ps, int first, List<?> args) throws SQLException {
        int i = first;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }

    /**
     * Runs the statement {@code sql} (an INSERT, UPDATE or DELETE) on {@code c} with {@code args} as
     * parameters 1, 2, …, and returns how many rows it changed.
     */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(args));
            return ps.executeUpdate();
        }
    }

    /**
     * The number the query {@code sql} (a {@code SELECT COUNT(*) …}) gives with {@code args} bound.
     *
     * @param failure what failed, as the user reads it, e.g. {@code "Could not count the products"}
     */
    public static long count(Workspace ws, String sql, List<?> args, String failure) {
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    /** {@link Kind#OTHER} with {@code failure + ": " + e.getMessage()}, caused by {@code e}. */
    public static WorkbenchException failure(String failure, SQLException e) {
        return new WorkbenchException(Kind.OTHER, failure + ": " + e.getMessage(), e);
    }

    /**
     * Runs {@code work} on a connection of its own in one transaction.
     *
     * @param failure what failed, as the user reads it, e.g. {@code "Could not save the catalog results"}
     * @throws WorkbenchException when the database fails; the transaction is then rolled back
     */
    public static void inTransaction(Workspace ws, String failure, Work work) {
        try (Connection c = ws.connection()) {
            inTransaction(c, work);
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    /**
     * Runs {@code work} on {@code c} in one transaction: commits when it completes, rolls back and
     * rethrows when it throws; the connection's auto-commit is restored either way.
     */
    public static void inTransaction(Connection c, Work work) throws SQLException {
        computeInTransaction(c, tx -> {
            work.run(tx);
            return null;
        });
    }

    /** As {@link #inTransaction(Connection, Work)}, returning what {@code work} computed. */
    public static <T> T computeInTransaction(Connection c, Computation<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
