package in.workbench.analytics.imports;

import in.workbench.analytics.workspace.DataTable;
import java.sql.Connection;
import java.sql.SQLException;

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
}
