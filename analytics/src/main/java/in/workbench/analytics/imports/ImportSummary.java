package in.workbench.analytics.imports;

import java.util.List;

/**
 * What an import did. Immutable.
 *
 * @param type the import type ({@code catalog}, {@code shipments}, …)
 * @param imported rows accepted (new plus updated)
 * @param updated accepted rows whose id was already in the workspace and were updated
 * @param rejected rows rejected, each kept in {@code rejected_rows} with its line and reason
 * @param unresolved rows of this table that refer to something not (yet) in the workspace
 * @param ignoredColumns source columns that map to nothing and were not loaded
 * @param runId the {@code import_runs} row of this import
 * @param elapsedMillis wall-clock time of the whole import
 */
public record ImportSummary(String type, long imported, long updated, long rejected, long unresolved,
        List<String> ignoredColumns, long runId, long elapsedMillis) {

    /** Rows read per second, accepted and rejected together. */
    public double rowsPerSecond() {
        return elapsedMillis <= 0 ? 0 : (imported + rejected) * 1000.0 / elapsedMillis;
    }

    /** One sentence for the status bar and the command line. */
    public String sentence() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Imported %,d %s rows", imported, type));
        if (updated > 0) {
            b.append(String.format(" (%,d of them updated existing ids)", updated));
        }
        b.append(String.format("; %,d rejected", rejected));
        if (unresolved > 0) {
            b.append(String.format("; %,d refer to records not loaded yet", unresolved));
        }
        if (!ignoredColumns.isEmpty()) {
            b.append("; ignored columns: ").append(String.join(", ", ignoredColumns));
        }
        b.append('.');
        return b.toString();
    }
}
