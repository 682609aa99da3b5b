package in.workbench.views.chart;

import java.util.List;

/**
 * The numbers behind a chart, as a table: what "Export data" writes as CSV. Immutable.
 *
 * @param columns the header
 * @param rows one list of cells per row, in the header's order
 */
public record ChartData(List<String> columns, List<List<Object>> rows) {

    public ChartData {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    /** No data (an empty chart). */
    public static ChartData empty(String... columns) {
        return new ChartData(List.of(columns), List.of());
    }
}
