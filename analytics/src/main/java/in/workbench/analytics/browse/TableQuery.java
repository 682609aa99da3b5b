package in.workbench.analytics.browse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the analyst is looking at in a table or view: per-column filters, a search text and a
 * sort. The data browser pages it and the exporter writes exactly its rows. Immutable.
 *
 * <p>Filters: on text columns, a case-insensitive "contains" (prefix with {@code =} for an exact
 * match); on numbers, dates and timestamps, {@code 5}, {@code =5}, {@code >=5}, {@code <5},
 * {@code 1..10}; on booleans, {@code true}/{@code false}/{@code yes}/{@code no}.
 *
 * @param table a table or view of the workspace (case-insensitive)
 * @param columnFilters column → filter text; blank filters are ignored
 * @param search text searched for in every text column, or blank
 * @param sortColumn the column to sort by, or null for the table's natural order
 * @param ascending sort direction
 */
public record TableQuery(String table, Map<String, String> columnFilters, String search, String sortColumn, boolean ascending) {

    public TableQuery {
        columnFilters = Map.copyOf(new LinkedHashMap<>(columnFilters));
        search = search == null ? "" : search;
    }

    /** Everything in a table, unsorted. */
    public static TableQuery all(String table) {
        return new TableQuery(table, Map.of(), "", null, true);
    }

    /** This query with one more column filter. */
    public TableQuery withFilter(String column, String filter) {
        Map<String, String> f = new LinkedHashMap<>(columnFilters);
        if (filter == null || filter.isBlank()) {
            f.remove(column);
        } else {
            f.put(column, filter);
        }
        return new TableQuery(table, f, search, sortColumn, ascending);
    }

    /** This query with another search text. */
    public TableQuery withSearch(String text) {
        return new TableQuery(table, columnFilters, text, sortColumn, ascending);
    }

    /** This query sorted by another column. */
    public TableQuery sortedBy(String column, boolean asc) {
        return new TableQuery(table, columnFilters, search, column, asc);
    }
}
