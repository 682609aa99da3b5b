package in.workbench.analytics.browse;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pages, counts, sorts and filters any table or view of a workspace straight from the database,
 * so that a million-row table never sits in memory. Every identifier is checked against the
 * database's own catalogue and every value is a bound parameter (the SQL is {@link BrowseStore}'s).
 *
 * <p>Thread-safe: each call takes its own connection.
 */
public final class TableBrowser {

    /** Bookkeeping columns of the data tables that analysts do not need to see. */
    private static final Set<String> HIDDEN = Set.of("run_id");

    private final BrowseStore store;

    public TableBrowser(Workspace workspace) {
        this.store = new BrowseStore(workspace);
    }

    /** Every browsable table and view, data tables first, then the rest alphabetically. */
    public List<String> tables() {
        List<String> names = store.tableNames();
        List<String> ordered = new ArrayList<>();
        for (String t : DataTable.names()) {
            if (names.remove(t)) {
                ordered.add(t);
            }
        }
        ordered.addAll(names);
        return ordered;
    }

    /** The visible columns of a table or view, in table order. */
    public List<ColumnInfo> columns(String table) {
        String t = checkTable(table);
        List<ColumnInfo> cols = new ArrayList<>();
        for (BrowseStore.CatalogColumn c : store.columns(t)) {
            if (!HIDDEN.contains(c.name()) || DataTable.bySqlName(t).isEmpty() || t.equals("rejected_rows")) {
                cols.add(new ColumnInfo(c.name(), c.type(), ColumnInfo.kindOf(c.type())));
            }
        }
        return cols;
    }

    /** How many rows the query selects. */
    public long count(TableQuery query) {
        return store.count(select(query));
    }

    /** One page of rows, values in {@link #columns} order (text, numbers, dates, booleans or null). */
    public List<List<Object>> page(TableQuery query, long offset, int limit) {
        return store.page(select(query), offset, limit);
    }

    /**
     * Runs the query and hands every row to {@code sink} in order, streaming; for exports.
     *
     * @return the number of rows
     */
    public long stream(TableQuery query, RowSink sink) {
        return store.stream(select(query), sink);
    }

    /** Receives streamed rows; the array is reused between calls. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Object[] row);
    }

    private BrowseStore.Select select(TableQuery q) {
        String table = checkTable(q.table());
        return BrowseStore.select(q, table, columns(table));
    }

    private String checkTable(String table) {
        String t = table == null ? "" : table.trim().toLowerCase(Locale.ROOT);
        List<String> all = tables();
        if (!all.contains(t)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The workspace has no table or view called '" + table
                    + "'. It has: " + String.join(", ", all) + ".");
        }
        return t;
    }
}
