package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies every table of one workspace into another: a workspace folder published to a team
 * workspace on a server, or a server workspace copied to a folder for travel. The target receives
 * all of it or nothing: its rows are replaced inside one transaction, and before that transaction
 * commits each table's row count and checksum are read back from the target and compared with the
 * source's; any difference, failure or cancel rolls everything back.
 *
 * <p>The checksum of a table is the sum, modulo 2<sup>128</sup>, of the SHA-256 of each row's
 * values written in a form both databases give alike (numbers as their value, times as instants,
 * text and bytes as they are), so it depends neither on row order nor on the database.
 *
 * <p>An analyst not granted the CRISP health data ({@link HealthData}) copies everything else; the
 * copy then holds no CRISP rows, and the result says so.
 *
 * <p>Both workspaces must have the same schema (open both with this workbench first). Tables the
 * source made at run time (the lab's imported tables) are created on the target from their
 * columns; the lab's prediction views are not copied (predict again there to make them).
 *
 * <p>Stateless; each call uses its own connections.
 */
public final class WorkspaceTransfer {

    /** A copied table: its rows and checksum, equal on both sides. */
    public record TableCheck(String table, long rows, String checksum) {
    }

    /** What a copy did: every table checked, and what it left out. */
    public record Result(List<TableCheck> tables, List<String> notes) {

        /** Rows copied in all. */
        public long rows() {
            return tables.stream().mapToLong(TableCheck::rows).sum();
        }
    }

    private static final int BATCH = 1_000;

    private WorkspaceTransfer() {
    }

    /**
     * Copies {@code source} into {@code target}, replacing the target's rows.
     *
     * @param replace whether a target that already holds data may be replaced
     * @throws WorkbenchException PREREQUISITE_MISSING when the target holds data and {@code replace} is false, the schemas
     *     differ, or the analyst may not change the target or read all of the source; OTHER when a check fails (nothing changed)
     * @throws CancelledException when cancelled (nothing changed)
     */
    public static Result copy(Workspace source, Workspace target, boolean replace, ProgressMonitor monitor) {
        target.require(TeamRole.Right.CHANGE, "replace this workspace's data");
        source.models().sync();
        try (Connection from = source.connection(); Connection to = target.connection()) {
            checkSameSchema(from, to);
            List<String> tables = new ArrayList<>(tables(from));
            Set<String> targetTables = new LinkedHashSet<>(tables(to));
            List<String> notes = new ArrayList<>();
            if (!source.mayReadHealthData()) {
                tables.removeIf(HealthData::isHealthTable);
                notes.add("the CRISP tables were left out (health data: you lack the " + HealthData.SERVER_ROLE + " role), "
                        + "so the copy holds none");
            }
            for (String view : views(from)) {
                if (!views(to).contains(view)) {
                    notes.add("the view " + view + " was not copied (a lab prediction view: predict again on the copy to make it)");
                }
            }
            if (!replace) {
                for (String t : targetTables) {
                    if (holdsData(t) && count(to, t) > 0) {
                        throw new WorkbenchException(Kind.PREREQUISITE_MISSING, target.location() + " already holds data (" + t
                                + "). Pass --replace to replace all of it with " + source.location() + "; nothing was changed.");
                    }
                }
            }
            Dialect targetDialect = Dialect.of(to);
            List<TableCheck> checks = new ArrayList<>();
            List<String[]> identities = new ArrayList<>();
            Sql.inTransaction(to, tx -> {
                for (String t : tables) {
                    if (!targetTables.contains(t)) {
                        createLike(from, tx, t, targetDialect);
                    }
                }
                List<String> present = tables(tx);
                List<String> all = parentsFirst(tx, present, new LinkedHashSet<>(present));
                for (int i = all.size() - 1; i >= 0; i--) {
                    try (Statement s = tx.createStatement()) {
                        s.executeUpdate("DELETE FROM " + all.get(i));
                    }
                }
                long total = 0;
                Map<String, Long> sizes = new LinkedHashMap<>();
                for (String t : tables) {
                    long n = count(from, t);
                    sizes.put(t, n);
                    total += n;
                }
                long[] done = {0};
                for (String t : all) {
                    if (!sizes.containsKey(t)) {
                        continue;
                    }
                    monitor.checkCancelled();
                    TableCheck sent = copyTable(from, tx, t, monitor, done, total);
                    TableCheck landed = checksum(tx, t, monitor);
                    if (sent.rows() != landed.rows() || !sent.checksum().equals(landed.checksum())) {
                        throw new WorkbenchException(Kind.OTHER, "The copy of " + t + " does not match its source (" + sent.rows()
                                + " rows sent, " + landed.rows() + " arrived; checksums " + sent.checksum() + " and " + landed.checksum()
                                + "). Nothing was changed.");
                    }
                    checks.add(landed);
                    identities.addAll(identityColumns(tx, t));
                }
                if (targetDialect == Dialect.POSTGRESQL) {
                    restartIdentities(tx, identities);
                }
                monitor.checkCancelled();
                monitor.update(total, total, "checked " + checks.size() + " tables");
            });
            if (targetDialect == Dialect.H2) {
                // H2 commits around DDL, so its identity columns are moved on once the rows are in.
                restartIdentities(to, identities);
            }
            return new Result(List.copyOf(checks), List.copyOf(notes));
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not copy " + source.location() + " to " + target.location() + ": "
                    + e.getMessage() + ". Nothing was changed.", e);
        }
    }

    /**
     * Copies {@code source} into the workspace folder {@code folder} (created when missing). When
     * anything fails or is cancelled, a folder this call created is removed again.
     */
    public static Result copyToFolder(Workspace source, java.nio.file.Path folder, boolean replace, ProgressMonitor monitor) {
        boolean existed = java.nio.file.Files.exists(folder.resolve(Workspace.DATABASE_NAME + ".mv.db"));
        boolean folderExisted = java.nio.file.Files.exists(folder);
        Result result;
        try (Workspace target = Workspace.open(folder)) {
            result = copy(source, target, replace, monitor);
        } catch (RuntimeException e) {
            if (!existed) {
                removeNewWorkspace(folder, folderExisted);
            }
            throw e;
        }
        return result;
    }

    /** Publishes {@code source} to the team workspace at {@code address}, created when the analyst is an owner and it is new. */
    public static Result publish(Workspace source, ServerAddress address, PasswordSource passwords, boolean replace,
            ProgressMonitor monitor) {
        try (Workspace target = Workspace.openServer(address, passwords, Workspace.defaultLocalFolder(address))) {
            return copy(source, target, replace, monitor);
        }
    }

    private static void removeNewWorkspace(java.nio.file.Path folder, boolean keepFolder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!keepFolder || !p.equals(folder)) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(WorkspaceTransfer.class).warn("could not remove the unfinished copy {}", folder, e);
        }
    }

    /** The row count and checksum of one table, as {@link #copy} compares them. */
    public static TableCheck checksum(Workspace ws, String table) {
        try (Connection c = ws.connection()) {
            return checksum(c, table, ProgressMonitor.NONE);
        } catch (SQLException e) {
            throw Sql.failure("Could not check " + table, e);
        }
    }

    /** The tables whose rows mean the workspace holds data (what migrations put in does not count). */
    private static boolean holdsData(String table) {
        return DataTable.bySqlName(table).isPresent() || table.equals("model_files") || table.startsWith("lab_");
    }

    private static void checkSameSchema(Connection from, Connection to) throws SQLException {
        Set<String> a = appliedVersions(from);
        Set<String> b = appliedVersions(to);
        if (!a.equals(b)) {
            Set<String> onlyA = new TreeSet<>(a);
            onlyA.removeAll(b);
            Set<String> onlyB = new TreeSet<>(b);
            onlyB.removeAll(a);
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The two workspaces have different schemas (only the source has "
                    + (onlyA.isEmpty() ? "nothing more" : String.join(", ", onlyA)) + "; only the target has "
                    + (onlyB.isEmpty() ? "nothing more" : String.join(", ", onlyB))
                    + "). Open both with the same workbench version first; nothing was changed.");
        }
    }

    private static Set<String> appliedVersions(Connection c) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        return relations(c, "BASE TABLE");
    }

    private static List<String> views(Connection c) throws SQLException {
        return relations(c, "VIEW");
    }

    private static List<String> relations(Connection c, String type) throws SQLException {
        List<String> out = names(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = ? "
                + "ORDER BY table_name", type);
        out.remove("flyway_schema_history");
        return out;
    }

    /** The first column, lower case, of a query on the connection's schema (first parameter) and {@code arg} (second). */
    private static List<String> names(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, c.getSchema());
            ps.setString(2, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** {@code tables} ordered so that a table comes after every table its foreign keys name. */
    private static List<String> parentsFirst(Connection c, List<String> tables, Set<String> present) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean upper = Dialect.of(c) == Dialect.H2;
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : tables) {
            Set<String> p = new LinkedHashSet<>();
            if (present.contains(t)) {
                try (ResultSet rs = meta.getImportedKeys(null, c.getSchema(), upper ? t.toUpperCase(Locale.ROOT) : t)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(t)) {
                            p.add(parent);
                        }
                    }
                }
            }
            parents.put(t, p);
        }
        List<String> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (out.size() < tables.size()) {
            boolean moved = false;
            for (String t : tables) {
                if (!placed.contains(t) && placed.containsAll(parents.get(t).stream().filter(tables::contains).toList())) {
                    out.add(t);
                    placed.add(t);
                    moved = true;
                }
            }
            if (!moved) {
                tables.stream().filter(t -> !placed.contains(t)).forEach(out::add);
                break;
            }
        }
        return out;
    }

    private static TableCheck copyTable(Connection from, Connection to, String table, ProgressMonitor monitor, long[] done, long total)
            throws SQLException {
        boolean auto = from.getAutoCommit();
        from.setAutoCommit(false);
        try (Statement s = from.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                String insert = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                        + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
                RowChecksum sum = new RowChecksum();
                long rows = 0;
                try (PreparedStatement ps = to.prepareStatement(insert)) {
                    Object[] row = new Object[n];
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            row[i - 1] = value(rs, meta, i);
                            ps.setObject(i, row[i - 1]);
                        }
                        sum.add(row);
                        ps.addBatch();
                        if (++rows % BATCH == 0) {
                            ps.executeBatch();
                            done[0] += BATCH;
                            monitor.update(done[0], total, "copying " + table);
                            monitor.checkCancelled();
                        }
                    }
                    ps.executeBatch();
                    done[0] += rows % BATCH;
                    monitor.update(done[0], total, "copying " + table);
                }
                return new TableCheck(table, rows, sum.hex());
            }
        } finally {
            from.commit();
            from.setAutoCommit(auto);
        }
    }

    private static TableCheck checksum(Connection c, String table, ProgressMonitor monitor) throws SQLException {
        boolean auto = c.getAutoCommit();
        if (auto) {
            c.setAutoCommit(false);
        }
        try (Statement s = c.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                Object[] row = new Object[n];
                RowChecksum sum = new RowChecksum();
                long rows = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        row[i - 1] = value(rs, meta, i);
                    }
                    sum.add(row);
                    if (++rows % (BATCH * 50L) == 0) {
                        monitor.update(rows, -1, "checking " + table);
                        monitor.checkCancelled();
                    }
                }
                return new TableCheck(table, rows, sum.hex());
            }
        } finally {
            if (auto) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /** A column's value as both databases give it alike. */
    private static Object value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
        int type = meta.getColumnType(i);
        String name = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return rs.getObject(i, OffsetDateTime.class);
            case Types.TIMESTAMP:
                return name.contains("tz") || name.contains("time zone") ? rs.getObject(i, OffsetDateTime.class)
                        : rs.getObject(i, LocalDateTime.class);
            case Types.DATE:
                return rs.getObject(i, LocalDate.class);
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY:
                return rs.getBytes(i);
            case Types.CLOB, Types.NCLOB, Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR:
                return rs.getString(i);
            default:
                return rs.getObject(i);
        }
    }

    /** The order-free sum of the rows' SHA-256 (128 bits kept). */
    private static final class RowChecksum {
        private final MessageDigest digest;
        private long high;
        private long low;

        RowChecksum() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        void add(Object[] row) {
            for (Object v : row) {
                byte[] bytes = canonical(v);
                digest.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
                if (bytes != null) {
                    digest.update(bytes);
                }
            }
            ByteBuffer h = ByteBuffer.wrap(digest.digest());
            high += h.getLong();
            low += h.getLong();
        }

        String hex() {
            return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
        }

        private static byte[] canonical(Object v) {
            if (v == null) {
                return null;
            }
            if (v instanceof byte[] b) {
                return b;
            }
            String s;
            if (v instanceof OffsetDateTime t) {
                s = t.toInstant().toString();
            } else if (v instanceof BigDecimal d) {
                s = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            } else if (v instanceof Double || v instanceof Float) {
                s = Double.toString(((Number) v).doubleValue());
            } else if (v instanceof Number n) {
                s = Long.toString(n.longValue());
            } else if (v instanceof Boolean b) {
                s = b ? "true" : "false";
            } else {
                s = v.toString();
            }
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Creates on the target a table the source made at run time, from its columns and primary key. */
    private static void createLike(Connection from, Connection to, String table, Dialect target) throws SQLException {
        DatabaseMetaData meta = from.getMetaData();
        String name = Dialect.of(from) == Dialect.H2 ? table.toUpperCase(Locale.ROOT) : table;
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, from.getSchema(), name, null)) {
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + portableType(rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"), target)
                        + ("NO".equals(rs.getString("IS_NULLABLE")) ? " NOT NULL" : ""));
            }
        }
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, from.getSchema(), name)) {
            Map<Integer, String> bySeq = new java.util.TreeMap<>();
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            key.addAll(bySeq.values());
        }
        if (!key.isEmpty()) {
            cols.add("PRIMARY KEY (" + String.join(", ", key) + ")");
        }
        try (Statement s = to.createStatement()) {
            s.execute("CREATE TABLE " + table + " (" + String.join(", ", cols) + ")");
        }
    }

    private static String portableType(int type, String typeName, int size, int digits, Dialect target) {
        return switch (type) {
            case Types.BIGINT -> "BIGINT";
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> "INTEGER";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "DOUBLE PRECISION";
            case Types.DECIMAL, Types.NUMERIC -> size > 0 && size <= 1000 ? "DECIMAL(" + size + ", " + Math.max(digits, 0) + ")" : "DECIMAL";
            case Types.BOOLEAN, Types.BIT -> "BOOLEAN";
            case Types.DATE -> "DATE";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP WITH TIME ZONE";
            case Types.TIMESTAMP -> typeName.toLowerCase(Locale.ROOT).contains("tz") ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> target == Dialect.H2 ? "BLOB" : "BYTEA";
            default -> "VARCHAR(" + (size > 0 && size <= 1_000_000 ? size : 1_000_000) + ")";
        };
    }

    private static List<String[]> identityColumns(Connection c, String table) throws SQLException {
        return names(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND LOWER(table_name) = ? "
                + "AND is_identity = 'YES'", table).stream().map(column -> new String[] {table, column}).toList();
    }

    /** Moves each identity column on past the largest copied value, so that new rows get new ids. */
    private static void restartIdentities(Connection c, List<String[]> identities) throws SQLException {
        for (String[] id : identities) {
            long next;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + id[1] + "), 0) + 1 FROM " + id[0])) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + id[0] + " ALTER COLUMN " + id[1] + " RESTART WITH " + next);
            }
        }
    }
}
