package in.workbench.analytics.imports;

/**
 * The row checks every import makes before it reads a row's cells, and the wording of their
 * reasons, shared by the canonical imports and the model lab's generic tables so an analyst reads
 * the same sentence for the same fault. Stateless and thread-safe.
 */
public final class RowChecks {

    private RowChecks() {
    }

    /**
     * Why a record cannot be read as a row of a file whose header has {@code headerCells} cells:
     * it could not be parsed, or it has another number of cells. Null when its shape is right.
     */
    public static String shapeProblem(CsvRecordReader.Record record, int headerCells) {
        if (record.fields() == null) {
            return record.problem();
        }
        if (record.fields().length != headerCells) {
            return "has " + record.fields().length + " cells but the header has " + headerCells;
        }
        return null;
    }

    /** The reason for a row whose id an earlier row already has. */
    public static String duplicate(String idColumn, Object id, long firstLine) {
        return "duplicate " + idColumn + " '" + id + "' (first on line " + firstLine + ")";
    }

    /** A rejected row's reason as it is kept and shown: {@code line N: problem}. */
    public static String reason(long line, String problem) {
        return "line " + line + ": " + problem;
    }
}
