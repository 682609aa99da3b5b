package in.workbench.analytics.imports;

import in.workbench.analytics.workspace.DataTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Work a feature does inside an import's transaction after the rows are loaded, such as keeping
 * chart aggregates up to date. If it throws, the whole import is rolled back.
 */
@FunctionalInterface
public interface ImportHook {

    /**
     * Called after the rows of an import are in place and before the commit.
     *
     * @param transaction the import's connection, in its open transaction; do not commit or close it
     * @param table the table that was imported into
     * @param runId the import run
     */
    void afterImport(Connection transaction, DataTable table, long runId) throws SQLException;

    /**
     * As {@link #afterImport(Connection, DataTable, long)}, also naming a table that holds exactly
     * this run's accepted rows, with the imported table's columns (its primary key on the key
     * column). Reading the run's rows from it costs what the import brought, not what the
     * workspace holds. It may be the imported table itself when the run's rows are all it holds.
     * The default ignores it.
     */
    default void afterImport(Connection transaction, DataTable table, long runId, String runRows) throws SQLException {
        afterImport(transaction, table, runId);
    }

    /**
     * Called in the publishing transaction just before the run's staged rows become visible,
     * while the table still holds the rows they replace, so a hook can read what they were.
     * <b>Reads only:</b> a swap that may follow commits its DDL statement by statement, so a
     * write here could outlive a crash; write in
     * {@link #afterImport(Connection, DataTable, long, String, Object)}, which is handed what
     * this returned.
     *
     * @param stagedRows a table holding exactly the run's accepted rows (see {@link #afterImport(Connection, DataTable, long, String)})
     * @param replaced how many of them have a key already in the table (rows the import updates)
     * @return what {@code afterImport} should be handed, or null; the default reads nothing
     */
    default Object beforePublish(Connection transaction, DataTable table, long runId, String stagedRows, long replaced)
            throws SQLException {
        return null;
    }

    /**
     * Counts the run's accepted rows one by one while they are read, so that publishing need not
     * scan them again (docs/decisions/0010). The reading thread calls {@link #accept} for every
     * accepted row, in file order; after the last row the importing thread hands the tally to
     * {@link #beforePublish(Connection, DataTable, long, String, long, RowTally)}. A cancelled or
     * failed import drops it. Not thread-safe: one thread accepts, then one thread reads.
     */
    interface RowTally {
        /**
         * One accepted row, in the layout's column order (the values as staged, before the run id is
         * set); read it, do not keep or change it.
         */
        void accept(Object[] row);
    }

    /**
     * A tally of this run's rows, taken before the rows are read, or null (the default) when the
     * hook reads the staged rows instead. Called on the importing connection while no import of the
     * workspace is publishing; <b>reads only</b>.
     *
     * @param columns the layout's column names, in the order of {@link RowTally#accept}'s values
     */
    default RowTally tally(Connection transaction, DataTable table, List<String> columns) throws SQLException {
        return null;
    }

    /**
     * As {@link #beforePublish(Connection, DataTable, long, String, long)}, also handed the tally
     * {@link #tally} returned for this run (null when it returned none). The default ignores it.
     */
    default Object beforePublish(Connection transaction, DataTable table, long runId, String stagedRows, long replaced,
            RowTally tally) throws SQLException {
        return beforePublish(transaction, table, runId, stagedRows, replaced);
    }

    /**
     * As {@link #afterImport(Connection, DataTable, long, String)}, also handed what
     * {@link #beforePublish} returned for this run. The default ignores it.
     */
    default void afterImport(Connection transaction, DataTable table, long runId, String runRows, Object before)
            throws SQLException {
        afterImport(transaction, table, runId, runRows);
    }
}
