package in.workbench.analytics.workspace;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams an import's accepted rows into a PostgreSQL staging table with {@code COPY … FROM STDIN}
 * (the driver's {@link org.postgresql.copy.CopyManager}), then publishes them into the data table
 * with one {@code INSERT … SELECT} ({@code ON CONFLICT … DO UPDATE} when rows may already be there).
 *
 * <p>All of it runs in the caller's open transaction: the staging table is a temporary table
 * dropped at commit, so a failed, cancelled or killed import (the connection gone mid-COPY) leaves
 * the workspace exactly as it was; the server rolls the transaction back. The importer validates
 * rows and records rejected ones as on H2; this class only moves accepted values.
 *
 * <p>Usage: {@link #begin}, {@link #add} per row, {@link #publish}; {@link #close} cancels an
 * unfinished COPY. Not thread-safe: one import, one thread.
 */
public final class PostgresBulkLoader implements AutoCloseable {

    private static final int FLUSH_BYTES = 1 << 18;
    private static final AtomicLong STAGES = new AtomicLong();

    private final Connection c;
    private final String stage;
    private final List<String> columns;
    private final String copySql;
    private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 4096);
    private CopyIn copy;
    private long rows;

    private PostgresBulkLoader(Connection c, String stage, List<String> columns) {
        this.c = c;
        this.stage = stage;
        this.columns = columns;
        this.copySql = "COPY " + stage + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    /**
     * Creates a staging table with {@code columns} of {@code target} (dropped at commit) and opens a
     * COPY into it.
     *
     * @param c a PostgreSQL connection with auto-commit off (the import's transaction)
     */
    public static PostgresBulkLoader begin(Connection c, String target, List<String> columns) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("A bulk load runs inside the import's transaction (auto-commit off).");
        }
        String stage = "import_stage_" + STAGES.incrementAndGet();
        String cols = String.join(", ", columns);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE " + stage + " ON COMMIT DROP AS SELECT " + cols + " FROM " + target + " WITH NO DATA");
        }
        return new PostgresBulkLoader(c, stage, List.copyOf(columns));
    }

    /** Adds one row, its values in the order of the columns given to {@link #begin}. */
    public void add(Object[] values) throws SQLException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append(',');
            }
            appendCsv(buffer, values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    /**
     * Ends the COPY in progress so that the connection can run other statements (such as saving
     * rejected rows); the next {@link #add} opens a new one into the same staging table.
     */
    public void pause() throws SQLException {
        flush();
        if (copy != null) {
            copy.endCopy();
            copy = null;
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            if (copy == null) {
                copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /**
     * Ends the COPY and moves the staged rows into {@code target}: a plain insert, or, with a
     * {@code keyColumn}, an insert that replaces rows with the same key.
     *
     * @return the number of staged rows whose key was already in {@code target} (replaced)
     */
    public long publish(String target, String keyColumn) throws SQLException {
        pause();
        String cols = String.join(", ", columns);
        long replaced = 0;
        try (Statement s = c.createStatement()) {
            String sql = "INSERT INTO " + target + " (" + cols + ") SELECT " + cols + " FROM " + stage;
            if (keyColumn != null) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + stage + " n JOIN " + target + " o ON o." + keyColumn
                        + " = n." + keyColumn)) {
                    rs.next();
                    replaced = rs.getLong(1);
                }
                List<String> rest = columns.stream().filter(col -> !col.equals(keyColumn)).toList();
                sql += " ON CONFLICT (" + keyColumn + ") " + (rest.isEmpty() ? "DO NOTHING"
                        : "DO UPDATE SET " + rest.stream().map(col -> col + " = EXCLUDED." + col).collect(Collectors.joining(", ")));
            }
            s.executeUpdate(sql);
            s.execute("DROP TABLE " + stage);
        }
        return replaced;
    }

    /** Cancels a COPY still open (the import failed or was cancelled); the caller rolls back. */
    @Override
    public void close() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the connection is gone: the server has already rolled the transaction back
            }
        }
        copy = null;
    }

    /** CSV as COPY reads it: an unquoted empty field is NULL, text is always quoted (so "" stays empty text). */
    static void appendCsv(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            String text = value.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"') {
                    out.append('"');
                }
                if (ch != '\0') { // PostgreSQL text cannot hold NUL
                    out.append(ch);
                }
            }
            out.append('"');
        }
    }
}
