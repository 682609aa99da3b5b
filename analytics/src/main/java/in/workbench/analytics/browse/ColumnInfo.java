package in.workbench.analytics.browse;

/**
 * A column of a browsable table or view. Immutable.
 *
 * @param name the column name, lower case
 * @param sqlType the SQL data type as H2 reports it (CHARACTER VARYING, INTEGER, DATE, …)
 * @param kind how the column filters and sorts
 */
public record ColumnInfo(String name, String sqlType, Kind kind) {

    /** How a column filters, sorts and aligns. */
    public enum Kind { TEXT, NUMBER, DATE, TIMESTAMP, BOOLEAN }

    static Kind kindOf(String sqlType) {
        String t = sqlType.toUpperCase(java.util.Locale.ROOT);
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("LARGE OBJECT")) {
            return Kind.TEXT;
        }
        if (t.contains("TIMESTAMP")) {
            return Kind.TIMESTAMP;
        }
        if (t.equals("DATE")) {
            return Kind.DATE;
        }
        if (t.contains("BOOL")) {
            return Kind.BOOLEAN;
        }
        if (t.contains("INT") || t.contains("NUMERIC") || t.contains("DECIMAL") || t.contains("DOUBLE")
                || t.contains("REAL") || t.contains("FLOAT")) {
            return Kind.NUMBER;
        }
        return Kind.TEXT;
    }
}
