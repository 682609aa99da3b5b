package in.workbench.analytics.workspace;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Moves an import's accepted rows into a PostgreSQL staging table with {@code COPY … FROM STDIN}
 * (the driver's {@link org.postgresql.copy.CopyManager}), the fastest way rows reach a server. The
 * staging table and its publication are {@link StagingTables}'; the importer validates the rows and
 * records rejected ones as on H2, and this class only moves accepted values.
 *
 * <p>Runs in the caller's open transaction: a failed, cancelled or killed import (the connection
 * gone mid-COPY) is rolled back by the server. Stateless and thread-safe; each call uses the
 * connection it is given.
 */
public final class PostgresBulkLoader {

    private PostgresBulkLoader() {
    }

    /**
     * Copies {@code rows} (values in the order of {@code columns}) into {@code table} with one COPY.
     *
     * @param c a PostgreSQL connection
     */
    public static void copy(Connection c, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder buffer = new StringBuilder(rows.size() * 64);
        for (Object[] values : rows) {
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
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)");
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
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
