package in.workbench.analytics.browse;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data browser's door to the workspace database (STYLE.md rule 18): the catalogue of tables
 * and columns, and the statements {@link TableBrowser} pages, counts and streams, built from a
 * {@link TableQuery} with every value a bound parameter and every identifier quoted.
 *
 * <p>Thread-safe: each call takes its own connection.
 */
final class BrowseStore {

    private final Workspace workspace;

    BrowseStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A column as the database's catalogue names it: lower-case name and SQL type. */
    record CatalogColumn(String name, String type) {
    }

    /** A query's statement: the table, its columns in order, the WHERE and ORDER BY clauses and their parameters. */
    record Select(String table, List<ColumnInfo> columns, String where, String order, List<Object> params) {
        String sql() {
            StringBuilder b = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
            }
            return b.append(" FROM ").append(quote(table)).append(where).append(order).toString();
        }
    }

    /** Every table and view in the workspace's schema but Flyway's history, lower-case, alphabetically. */
    List<String> tableNames() {
        List<String> names = new ArrayList<>();
        Sql.eachRow(workspace, "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND LOWER(TABLE_NAME) <> 'flyway_schema_history' ORDER BY 1", List.of(),
                "Could not list the workspace's tables", rs -> names.add(rs.getString(1)));
        return names;
    }

    /** Every column of {@code table} (lower-case), in table order. */
    List<CatalogColumn> columns(String table) {
        List<CatalogColumn> cols = new ArrayList<>();
        Sql.eachRow(workspace, "SELECT LOWER(COLUMN_NAME), DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND LOWER(TABLE_NAME) = ? ORDER BY ORDINAL_POSITION", List.of(table),
                "Could not read the columns of " + table, rs -> cols.add(new CatalogColumn(rs.getString(1), rs.getString(2))));
        return cols;
    }

    /** How many rows {@code select} selects. */
    long count(Select select) {
        return Sql.count(workspace, "SELECT COUNT(*) FROM " + quote(select.table()) + select.where(), select.params(),
                "Could not count the rows of " + select.table());
    }

    /** Rows {@code offset} to {@code offset + limit} of {@code select}, values in its column order. */
    List<List<Object>> page(Select select, long offset, int limit) {
        List<List<Object>> rows = new ArrayList<>(Math.max(0, limit));
        List<Object> args = new ArrayList<>(select.params());
        args.add(limit);
        args.add(offset);
        int cols = select.columns().size();
        Sql.eachRow(workspace, select.sql() + " LIMIT ? OFFSET ?", args, "Could not read rows of " + select.table(), rs -> {
            List<Object> row = new ArrayList<>(cols);
            for (int i = 1; i <= cols; i++) {
                row.add(value(rs, i));
            }
            rows.add(row);
        });
        return rows;
    }

    /** Hands every row of {@code select} to {@code sink} in order, streaming; returns the number of rows. */
    long stream(Select select, TableBrowser.RowSink sink) {
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement(select.sql())) {
            Sql.bind(ps, select.params());
            ps.setFetchSize(2_000);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int cols = select.columns().size();
                Object[] row = new Object[cols];
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        row[i - 1] = value(rs, i);
                    }
                    sink.accept(row);
                    n++;
                }
            }
            return n;
        } catch (SQLException e) {
            throw Sql.failure("Could not read rows of " + select.table(), e);
        }
    }

    private static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        return v;
    }

    /**
     * The statement that selects what {@code q} asks for from {@code table} (checked to exist) with its visible columns
     * {@code cols}: filters and search as bound parameters, identifiers quoted.
     *
     * @throws WorkbenchException INPUT_UNUSABLE for a filter on an unknown column or with a value of the wrong type
     */
    static Select select(TableQuery q, String table, List<ColumnInfo> cols) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Map.Entry<String, String> f : q.columnFilters().entrySet()) {
            if (f.getValue() == null || f.getValue().isBlank()) {
                continue;
            }
            ColumnInfo col = column(cols, f.getKey(), table);
            filter(col, f.getValue().trim(), conditions, params);
        }
        if (!q.search().isBlank()) {
            List<String> any = new ArrayList<>();
            for (ColumnInfo col : cols) {
                if (col.kind() == ColumnInfo.Kind.TEXT) {
                    any.add("LOWER(" + quote(col.name()) + ") LIKE ? ESCAPE '\\'");
                    params.add(contains(q.search()));
                }
            }
            if (!any.isEmpty()) {
                conditions.add("(" + String.join(" OR ", any) + ")");
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        String order = "";
        if (q.sortColumn() != null && !q.sortColumn().isBlank()) {
            ColumnInfo col = column(cols, q.sortColumn(), table);
            order = " ORDER BY " + quote(col.name()) + (q.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST");
            if (!cols.isEmpty() && !cols.get(0).name().equals(col.name())) {
                order += ", " + quote(cols.get(0).name());
            }
        }
        return new Select(table, cols, where, order, params);
    }

    private static void filter(ColumnInfo col, String text, List<String> conditions, List<Object> params) {
        String c = quote(col.name());
        switch (col.kind()) {
            case TEXT -> {
                if (text.startsWith("=")) {
                    conditions.add(c + " = ?");
                    params.add(text.substring(1));
                } else {
                    conditions.add("LOWER(" + c + ") LIKE ? ESCAPE '\\'");
                    params.add(contains(text));
                }
            }
            case BOOLEAN -> {
                conditions.add(c + " = ?");
                params.add(ColumnType.BOOLEAN.parse(checked(col, text, ColumnType.BOOLEAN)));
            }
            default -> {
                ColumnType type = switch (col.kind()) {
                    case DATE -> ColumnType.DATE;
                    case TIMESTAMP -> ColumnType.TIMESTAMP;
                    default -> ColumnType.DECIMAL;
                };
                int range = text.indexOf("..");
                if (range > 0) {
                    conditions.add(c + " BETWEEN ? AND ?");
                    params.add(typed(col, text.substring(0, range), type));
                    params.add(typed(col, text.substring(range + 2), type));
                    return;
                }
                String op = "=";
                for (String candidate : new String[] {">=", "<=", "<>", "!=", ">", "<", "="}) {
                    if (text.startsWith(candidate)) {
                        op = candidate.equals("!=") ? "<>" : candidate;
                        text = text.substring(candidate.length());
                        break;
                    }
                }
                conditions.add(c + " " + op + " ?");
                params.add(typed(col, text, type));
            }
        }
    }

    private static String checked(ColumnInfo col, String text, ColumnType type) {
        try {
            type.parse(text);
            return text;
        } catch (ColumnType.InvalidValueException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Filter on " + col.name() + ": '" + text + "' " + e.getMessage() + ".");
        }
    }

    private static Object typed(ColumnInfo col, String text, ColumnType type) {
        String t = text.trim();
        try {
            return type.parse(t);
        } catch (ColumnType.InvalidValueException | DateTimeParseException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Filter on " + col.name() + ": '" + t + "' "
                    + (e.getMessage() == null ? "is not valid" : e.getMessage()) + ".");
        }
    }

    private static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static ColumnInfo column(List<ColumnInfo> cols, String name, String table) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return cols.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow(() -> new WorkbenchException(
                Kind.INPUT_UNUSABLE, table + " has no column " + name + ". Its columns are: "
                        + String.join(", ", cols.stream().map(ColumnInfo::name).toList()) + "."));
    }

    static String quote(String identifier) {
        return '"' + identifier.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }
}
