package in.workbench.analytics.lab;

import in.workbench.analytics.imports.ColumnType;

/**
 * A column of a generic table: the CSV header it came from, its SQL name and its type. Immutable.
 *
 * @param header the header cell in the file (the column name itself for the row-number id)
 * @param name the column's SQL name (lower case, safe)
 * @param type the value type: text, integer, decimal, boolean, date or timestamp
 */
public record LabColumn(String header, String name, ColumnType type) {

    /** The SQL type the column is created with; the same on H2 and PostgreSQL. */
    public String sqlType() {
        return switch (type) {
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
            default -> "VARCHAR";
        };
    }
}
