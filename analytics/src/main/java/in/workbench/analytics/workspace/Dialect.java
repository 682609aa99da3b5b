package in.workbench.analytics.workspace;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL that H2 and PostgreSQL write differently, so that every store and repository speaks to
 * both databases through the same code: a store asks its workspace's dialect for the few
 * statements that differ ({@link Workspace#dialect()}) and writes everything else in standard SQL.
 *
 * <p>Stateless; thread-safe.
 */
public enum Dialect {
    /** The embedded H2 2.x database of a workspace folder. */
    H2,
    /** A PostgreSQL 15+ server holding a team workspace. */
    POSTGRESQL;

    /** The dialect of the database {@code c} is connected to. */
    public static Dialect of(java.sql.Connection c) throws java.sql.SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

    /**
     * An insert-or-replace of one row keyed by {@code keys}, with one {@code ?} per column in the
     * order of {@code columns} (H2's {@code MERGE … KEY}, PostgreSQL's {@code ON CONFLICT … DO UPDATE}).
     */
    public String upsert(String table, List<String> columns, List<String> keys) {
        String cols = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + cols + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks + ")";
        }
        List<String> rest = columns.stream().filter(c -> !keys.contains(c)).toList();
        String action = rest.isEmpty() ? "DO NOTHING"
                : "DO UPDATE SET " + rest.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ") ON CONFLICT (" + String.join(", ", keys) + ") "
                + action;
    }

    /** A DATE or TIMESTAMP expression as text {@code yyyy-MM} (its month). */
    public String monthText(String expression) {
        return this == H2 ? "FORMATDATETIME(" + expression + ", 'yyyy-MM')" : "to_char(" + expression + ", 'YYYY-MM')";
    }

    /** The first day (a DATE) of the month of a DATE expression. */
    public String monthStart(String expression) {
        return this == H2 ? "DATE_TRUNC(MONTH, " + expression + ")" : "CAST(date_trunc('month', " + expression + ") AS DATE)";
    }

    /** The distinct values of a text expression in a group, joined by {@code separator}. */
    public String distinctList(String expression, String separator) {
        String sep = "'" + separator.replace("'", "''") + "'";
        return this == H2 ? "LISTAGG(DISTINCT " + expression + ", " + sep + ")"
                : "string_agg(DISTINCT " + expression + ", " + sep + ")";
    }
}
