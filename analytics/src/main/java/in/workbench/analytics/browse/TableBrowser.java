package in.workbench.analytics.browse;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.workspace.DataTable;
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
import java.util.Set;

/**
 * Pages, counts, sorts and filters any table or view of a workspace straight from the database,
 * so that a million-row table never sits in memory. Every identifier is checked against the
 * database's own catalogue and every value is a bound parameter.
 *
 * <p>Thread-safe: each call takes its own connection.
 */
public final class TableBrowser {

    /** Bookkeeping columns of the data tables that analysts do not need to see. */
    private static final Set<String> HIDDEN = Set.of("run_id");

    private final Workspace workspace;

    public TableBrowser(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every browsable table and view, data tables first, then the rest alphabetically. */
    public List<String> tables() {
        List<String> names = new ArrayList<>();
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement("SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND LOWER(TABLE_NAME) <> 'flyway_schema_history' ORDER BY 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure("list the workspace's tables", e);
        }
        List<String> ordered = new ArrayList<>();
        for (String t : DataTable.names()) {
            if (names.remove(t)) {
                ordered.add(t);
            }
        }
        ordered.addAll(names);
        return ordered;
    }

    /** The visible columns of a table or view, in table order. */
    public List<ColumnInfo> columns(String table) {
        String t = checkTable(table);
        List<ColumnInfo> cols = new ArrayList<>();
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement("SELECT LOWER(COLUMN_NAME), DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND LOWER(TABLE_NAME) = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (!HIDDEN.contains(name) || DataTable.bySqlName(t).isEmpty() || t.equals("rejected_rows")) {
                        cols.add(new ColumnInfo(name, rs.getString(2), ColumnInfo.kindOf(rs.getString(2))));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read the columns of " + t, e);
        }
        return cols;
    }

    /** How many rows the query selects. */
    public long count(TableQuery query) {
        Sql sql = build(query);
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + quote(sql.table) + sql.where)) {
            bind(ps, sql.params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count the rows of " + sql.table, e);
        }
    }

    /** One page of rows, values in {@link #columns} order (text, numbers, dates, booleans or null). */
    public List<List<Object>> page(TableQuery query, long offset, int limit) {
        Sql sql = build(query);
        List<List<Object>> rows = new ArrayList<>(Math.max(0, limit));
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement(sql.select() + " LIMIT ? OFFSET ?")) {
            int n = bind(ps, sql.params);
            ps.setInt(n + 1, limit);
            ps.setLong(n + 2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                int cols = sql.columns.size();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(cols);
                    for (int i = 1; i <= cols; i++) {
                        row.add(value(rs, i));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw failure("read rows of " + sql.table, e);
        }
        return rows;
    }

    /**
     * Runs the query and hands every row to {@code sink} in order, streaming; for exports.
     *
     * @return the number of rows
     */
    public long stream(TableQuery query, RowSink sink) {
        Sql sql = build(query);
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement(sql.select())) {
            bind(ps, sql.params);
            ps.setFetchSize(2_000);
            long n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int cols = sql.columns.size();
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
            throw failure("read rows of " + sql.table, e);
        }
    }

    /** Receives streamed rows; the array is reused between calls. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Object[] row);
    }

    private static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v instanceof Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        return v;
    }

    private record Sql(String table, List<ColumnInfo> columns, String where, String order, List<Object> params) {
        String select() {
            StringBuilder b = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
            }
            return b.append(" FROM ").append(quote(table)).append(where).append(order).toString();
        }
    }

    private Sql build(TableQuery q) {
        String table = checkTable(q.table());
        List<ColumnInfo> cols = columns(table);
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
        return new Sql(table, cols, where, order, params);
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

    private String checkTable(String table) {
        String t = table == null ? "" : table.trim().toLowerCase(Locale.ROOT);
        List<String> all = tables();
        if (!all.contains(t)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The workspace has no table or view called '" + table
                    + "'. It has: " + String.join(", ", all) + ".");
        }
        return t;
    }

    private static String quote(String identifier) {
        return '"' + identifier.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return params.size();
    }

    private static WorkbenchException failure(String what, SQLException e) {
        return new WorkbenchException(Kind.OTHER, "Could not " + what + ": " + e.getMessage(), e);
    }
}
