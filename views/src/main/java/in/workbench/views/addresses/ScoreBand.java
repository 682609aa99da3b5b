package in.workbench.views.addresses;

/** The score bands the Addresses list filters by, with the browser filter each one means. */
public enum ScoreBand {
    ALL("all scores", null, null),
    FLAGGED("flagged (below the threshold)", "flagged", "true"),
    VERY_LOW("below 0.3", "score", "<0.3"),
    LOW("0.3 – 0.5", "score", "0.3..0.49999999"),
    MEDIUM("0.5 – 0.7", "score", "0.5..0.69999999"),
    HIGH("0.7 and above", "score", ">=0.7");

    private final String label;
    private final String column;
    private final String filter;

    ScoreBand(String label, String column, String filter) {
        this.label = label;
        this.column = column;
        this.filter = filter;
    }

    /** The column of the address_deliverability view the band filters, or null for all. */
    public String column() {
        return column;
    }

    /** The filter text in the data browser's syntax. */
    public String filter() {
        return filter;
    }

    @Override
    public String toString() {
        return label;
    }
}
