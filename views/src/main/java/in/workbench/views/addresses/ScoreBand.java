package in.workbench.views.addresses;

import java.util.Map;

/**
 * The score bands the Addresses list filters by, each with the data browser's filter it means:
 * a column of the address_deliverability view and the filter text in the browser's syntax.
 */
public enum ScoreBand {
    ALL("all scores", null),
    FLAGGED("flagged (below the threshold)", Map.entry("flagged", "true")),
    VERY_LOW("below 0.3", Map.entry("score", "<0.3")),
    LOW("0.3 – 0.5", Map.entry("score", "0.3..0.49999999")),
    MEDIUM("0.5 – 0.7", Map.entry("score", "0.5..0.69999999")),
    HIGH("0.7 and above", Map.entry("score", ">=0.7"));

    private final String label;
    private final Map.Entry<String, String> columnFilter;

    ScoreBand(String label, Map.Entry<String, String> columnFilter) {
        this.label = label;
        this.columnFilter = columnFilter;
    }

    /** The column of the address_deliverability view the band filters, or null for all. */
    public String column() {
        return columnFilter == null ? null : columnFilter.getKey();
    }

    /** The filter text in the data browser's syntax, or null for all. */
    public String filter() {
        return columnFilter == null ? null : columnFilter.getValue();
    }

    @Override
    public String toString() {
        return label;
    }
}
