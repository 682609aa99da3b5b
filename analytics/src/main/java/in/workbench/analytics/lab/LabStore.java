package in.workbench.analytics.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.browse.TableBrowser;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Dialect;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's one door to the database: its registry of generic tables and models
 * ({@code lab_tables}, {@code lab_models}), the generic tables' DDL and inserts, streaming the
 * rows of any table or view, and the predictions tables and views that scoring adds. Every
 * identifier is a checked name ({@link LabNames}) or one the database's catalogue lists, and is
 * quoted.
 *
 * <p>Thread-safe: each call takes its own connection, or uses the one it is given.
 */
public final class LabStore {

    /** Rows fetched from the database at a time while streaming a table. */
    static final int FETCH_ROWS = 5_000;

    private final Workspace workspace;
    private final TableBrowser browser;
    private final ObjectMapper json = new ObjectMapper();

    public LabStore(Workspace workspace) {
        this.workspace = workspace;
        this.browser = new TableBrowser(workspace);
    }

    /** The workspace this store works on. */
    public Workspace workspace() {
        return workspace;
    }

    /** A generic table as registered at import. */
    public record TableEntry(String table, String sourceFile, String idColumn, boolean idIsRowNumber,
            List<LabColumn> columns, long rows, OffsetDateTime importedAt) {
    }

    // ---------------------------------------------------------------- tables and columns

    /** Every table and view an analyst can train on or score: the browser's list without the bookkeeping tables. */
    public List<String> tablesAndViews() {
        return browser.tables().stream()
                .filter(t -> !t.equals("rejected_rows") && !t.equals("import_runs") && !t.equals("workspace_settings")
                        && !t.startsWith("lab_") && !t.equals("trained_models"))
                .toList();
    }

    /**
     * The columns of a table or view.
     *
     * @throws WorkbenchException INPUT_UNUSABLE naming the tables there are, when there is no such table
     */
    public List<ColumnInfo> columns(String table) {
        return browser.columns(table);
    }

    /** The id column(s) of a table or view: registered for generic tables, the key of data tables, else an {@code *_id} column. */
    public List<String> idColumns(String table, List<ColumnInfo> columns) {
        Optional<TableEntry> entry = table(table);
        if (entry.isPresent()) {
            return List.of(entry.get().idColumn());
        }
        Optional<DataTable> data = DataTable.bySqlName(table);
        if (data.isPresent()) {
            return List.of(data.get().keyColumn());
        }
        for (ColumnInfo c : columns) {
            if (c.name().equals("id") || c.name().endsWith("_id")) {
                return List.of(c.name());
            }
        }
        return List.of();
    }

    /** How many rows a table or view has. */
    public long count(String table) {
        String t = checkedTable(table);
        return Sql.count(workspace, "SELECT COUNT(*) FROM " + LabNames.quote(t), List.of(), "Could not count the rows of " + t);
    }

    private String checkedTable(String table) {
        browser.columns(table);
        return table.trim().toLowerCase(Locale.ROOT);
    }

    /** Receives streamed rows; values are in the order of the requested columns. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Object[] values) throws Exception;
    }

    /**
     * Streams the named columns of every row of a table or view to {@code sink}, in the table's
     * order or by {@code orderBy} when given. The database hands rows over {@value #FETCH_ROWS}
     * at a time, so a large table never sits in memory. Checks for cancel between pages.
     */
    public void stream(String table, List<String> columns, String orderBy, ProgressMonitor monitor, RowSink sink) {
        String t = checkedTable(table);
        List<String> known = browser.columns(t).stream().map(ColumnInfo::name).toList();
        for (String c : columns) {
            if (!known.contains(c)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, t + " has no column '" + c + "'. Its columns are: "
                        + String.join(", ", known) + ".");
            }
        }
        if (orderBy != null && !known.contains(orderBy)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, t + " has no column '" + orderBy + "'.");
        }
        String sql = "SELECT " + columns.stream().map(LabNames::quote).collect(Collectors.joining(", ")) + " FROM "
                + LabNames.quote(t) + (orderBy == null ? "" : " ORDER BY " + LabNames.quote(orderBy));
        try (Connection c = workspace.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_ROWS);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = columns.size();
                    long rows = 0;
                    while (rs.next()) {
                        Object[] values = new Object[n];
                        for (int i = 0; i < n; i++) {
                            values[i] = value(rs, i + 1);
                        }
                        sink.accept(values);
                        if (++rows % FETCH_ROWS == 0) {
                            monitor.checkCancelled();
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the rows of " + t, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the rows of " + t + ": " + e.getMessage(), e);
        }
    }

    private static Object value(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return v;
    }

    // ---------------------------------------------------------------- generic tables

    /** The registered generic table with this name, if any. */
    public Optional<TableEntry> table(String name) {
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT table_name, source_file, id_column, id_is_row_no, columns_json, row_count, imported_at "
                        + "FROM lab_tables WHERE table_name = ?")) {
            ps.setString(1, name.trim().toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(tableEntry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the lab's tables", e);
        }
    }

    /** Every registered generic table, by name. */
    public List<TableEntry> tables() {
        List<TableEntry> out = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, source_file, id_column, id_is_row_no, columns_json, row_count, imported_at "
                        + "FROM lab_tables ORDER BY table_name")) {
            while (rs.next()) {
                out.add(tableEntry(rs));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the lab's tables", e);
        }
        return out;
    }

    private TableEntry tableEntry(ResultSet rs) throws SQLException {
        List<LabColumn> columns;
        try {
            columns = json.readValue(rs.getString(5), new TypeReference<List<LabColumn>>() { });
        } catch (JsonProcessingException e) {
            throw new WorkbenchException(Kind.OTHER, "The lab's record of table " + rs.getString(1) + " is damaged.", e);
        }
        return new TableEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), columns, rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class));
    }

    /** True when a table or view of this name exists in the workspace (generic or not). */
    public boolean exists(String name) {
        return browser.tables().contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** Receives one generic import's rows while {@link #load} runs; a database failure ends the load. Used by one thread. */
    interface StagingWriter {
        /** Queues an accepted row: the row number first when it is the id, then the values in column order. */
        void insert(Object[] values);

        /** Queues a rejected row of the file: its line, the reason as the user reads it, and its text. */
        void reject(long line, String reason, String raw);
    }

    /** Reads a file into a {@link StagingWriter}. */
    @FunctionalInterface
    interface Loading {
        /** Hands every row to {@code writer}; returns the SHA-256 of the file read, in hex. */
        String load(StagingWriter writer) throws java.io.IOException;
    }

    /** What a load wrote: its {@code import_runs} row and how many rows it accepted and rejected. */
    record Loaded(long runId, long accepted, long rejected) {
    }

    /**
     * Loads a generic import into a fresh staging table {@code staging} in one transaction on a connection of its own:
     * records the run in {@code import_runs} (for {@code table}, read from {@code file}), lets {@code loading} hand over the
     * rows in batches, and commits. When {@code loading} or the database fails, the run and its rows are rolled back (the
     * empty staging table is left for {@link #dropQuietly}).
     *
     * @param failure what failed, as the user reads it, before the database's message
     * @throws java.io.IOException what {@code loading} threw reading the file
     */
    Loaded load(String staging, String table, String file, String fileName, String idColumn, boolean idIsRowNumber,
            List<LabColumn> columns, String failure, Loading loading) throws java.io.IOException {
        try (Connection c = workspace.connection()) {
            createStaging(c, staging, idColumn, idIsRowNumber, columns);
            c.setAutoCommit(false);
            try (PreparedStatement insert = prepareInsert(c, staging, idColumn, idIsRowNumber, columns);
                    PreparedStatement reject = prepareReject(c)) {
                long runId = startRun(c, table, file);
                StagingBatches batches = new StagingBatches(insert, reject, runId, table, fileName);
                String sha256 = loading.load(batches);
                batches.flush();
                finishRun(c, runId, sha256, batches.accepted, batches.rejected);
                c.commit();
                return new Loaded(runId, batches.accepted, batches.rejected);
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (BatchFailed e) {
            throw Sql.failure(failure, e.getCause());
        } catch (SQLException e) {
            throw Sql.failure(failure, e);
        }
    }

    /** A database failure inside a {@link StagingWriter} call, carried out of the caller's loop. */
    private static final class BatchFailed extends RuntimeException {
        BatchFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** The batched INSERTs of one load: rows in batches of {@value #STAGING_BATCH}, rejects of 1,000. Used by one thread. */
    private static final class StagingBatches implements StagingWriter {
        private static final int STAGING_BATCH = 5_000;
        private final PreparedStatement insert;
        private final PreparedStatement reject;
        private final long runId;
        private final String table;
        private final String fileName;
        private int pending;
        private int pendingRejects;
        long accepted;
        long rejected;

        StagingBatches(PreparedStatement insert, PreparedStatement reject, long runId, String table, String fileName) {
            this.insert = insert;
            this.reject = reject;
            this.runId = runId;
            this.table = table;
            this.fileName = fileName;
        }

        @Override
        public void insert(Object[] values) {
            try {
                Sql.bind(insert, java.util.Arrays.asList(values));
                insert.addBatch();
                accepted++;
                if (++pending >= STAGING_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            } catch (SQLException e) {
                throw new BatchFailed(e);
            }
        }

        @Override
        public void reject(long line, String reason, String raw) {
            try {
                rejected++;
                Sql.bind(reject, java.util.Arrays.asList(runId, table, fileName, line, reason, raw));
                reject.addBatch();
                if (++pendingRejects >= 1000) {
                    reject.executeBatch();
                    pendingRejects = 0;
                }
            } catch (SQLException e) {
                throw new BatchFailed(e);
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
            if (pendingRejects > 0) {
                reject.executeBatch();
                pendingRejects = 0;
            }
        }
    }

    /** Creates the empty staging table a generic import loads into (dropping a stale one first). */
    private static void createStaging(Connection c, String staging, String idColumn, boolean idIsRowNumber, List<LabColumn> columns)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + LabNames.quote(staging));
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(LabNames.quote(staging)).append(" (");
            if (idIsRowNumber) {
                ddl.append(LabNames.quote(idColumn)).append(" BIGINT PRIMARY KEY, ");
            }
            for (LabColumn col : columns) {
                ddl.append(LabNames.quote(col.name())).append(' ').append(col.sqlType());
                if (!idIsRowNumber && col.name().equals(idColumn)) {
                    ddl.append(" NOT NULL PRIMARY KEY");
                }
                ddl.append(", ");
            }
            ddl.setLength(ddl.length() - 2);
            ddl.append(')');
            s.execute(ddl.toString());
        }
    }

    /** The INSERT for a staging table's columns (the row number first when it is the id). */
    private static PreparedStatement prepareInsert(Connection c, String staging, String idColumn, boolean idIsRowNumber, List<LabColumn> columns)
            throws SQLException {
        List<String> names = new ArrayList<>();
        if (idIsRowNumber) {
            names.add(idColumn);
        }
        columns.forEach(col -> names.add(col.name()));
        return c.prepareStatement("INSERT INTO " + LabNames.quote(staging) + " ("
                + names.stream().map(LabNames::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                + "?, ".repeat(names.size() - 1) + "?)");
    }

    /** The {@code import_runs} row of a generic import. */
    private static long startRun(Connection c, String table, String file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO import_runs (table_name, file_name, started_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, table);
            ps.setString(2, file);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static PreparedStatement prepareReject(Connection c) throws SQLException {
        return c.prepareStatement(
                "INSERT INTO rejected_rows (run_id, table_name, file_name, line_no, reason, raw_text) VALUES (?, ?, ?, ?, ?, ?)");
    }

    private static void finishRun(Connection c, long runId, String sha256, long imported, long rejected) throws SQLException {
        Sql.update(c, "UPDATE import_runs SET file_sha256 = ?, finished_at = ?, imported = ?, rejected = ? WHERE run_id = ?", sha256,
                OffsetDateTime.now(ZoneOffset.UTC), imported, rejected, runId);
    }

    /** Drops a staging table left by a cancelled or failed import. */
    void dropQuietly(String table) {
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + LabNames.quote(table));
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(LabStore.class).warn("could not drop {}", table, e);
        }
    }

    /**
     * Puts a loaded staging table in the place of {@code table} (replacing an earlier import of the
     * same name, and the scored views built on it) and records it in {@code lab_tables}.
     */
    void publish(String staging, TableEntry entry, long runId) {
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + LabNames.quote(entry.table()) + " CASCADE");
            s.execute("ALTER TABLE " + LabNames.quote(staging) + " RENAME TO " + LabNames.quote(entry.table()));
            try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("lab_tables", List.of("table_name", "source_file", "id_column",
                    "id_is_row_no", "columns_json", "row_count", "run_id", "imported_at"), List.of("table_name")))) {
                ps.setString(1, entry.table());
                ps.setString(2, entry.sourceFile());
                ps.setString(3, entry.idColumn());
                ps.setBoolean(4, entry.idIsRowNumber());
                ps.setString(5, json.writeValueAsString(entry.columns()));
                ps.setLong(6, entry.rows());
                ps.setLong(7, runId);
                ps.setObject(8, entry.importedAt());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE lab_models SET scored_view = NULL WHERE source_table = ?")) {
                ps.setString(1, entry.table());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not put the imported table " + entry.table() + " in place", e);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not record the columns of " + entry.table(), e);
        }
    }

    // ---------------------------------------------------------------- models

    /** A saved lab model as the registry lists it. */
    public record ModelEntry(String name, String table, String target, String task, String algorithm, String validation,
            String primaryMetric, double primaryValue, long rows, long seed, String trainedAt, String scoredView) {
    }

    /** Records (or replaces) a saved model in {@code lab_models}. */
    void recordModel(LabModel.Description d) {
        Sql.inTransaction(workspace, "Could not record the lab model " + d.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("lab_models", List.of("model_name", "source_table", "target_column",
                    "task", "algorithm", "validation", "primary_metric", "primary_value", "training_rows", "seed", "model_file",
                    "metrics_json", "trained_at", "scored_view"), List.of("model_name")))) {
                Double value = d.kept().metrics().get(d.primaryMetric());
                ps.setString(1, d.name());
                ps.setString(2, d.table());
                ps.setString(3, d.target());
                ps.setString(4, d.task());
                ps.setString(5, d.algorithm());
                ps.setString(6, d.validation());
                ps.setString(7, d.primaryMetric());
                if (value == null || value.isNaN()) {
                    ps.setNull(8, java.sql.Types.DOUBLE);
                } else {
                    ps.setDouble(8, value);
                }
                ps.setLong(9, d.rows());
                ps.setLong(10, d.seed());
                ps.setString(11, d.modelFile());
                ps.setString(12, LabModel.toJson(d.candidates()));
                ps.setObject(13, OffsetDateTime.parse(d.trainedAt()));
                ps.setNull(14, java.sql.Types.VARCHAR);
                ps.executeUpdate();
            }
        });
    }

    /** The saved lab models, by name. */
    public List<ModelEntry> models() {
        List<ModelEntry> out = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT model_name, source_table, target_column, task, algorithm, validation, primary_metric, primary_value, "
                        + "training_rows, seed, trained_at, scored_view FROM lab_models ORDER BY model_name")) {
            while (rs.next()) {
                double v = rs.getDouble(8);
                out.add(new ModelEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.wasNull() ? Double.NaN : v, rs.getLong(9), rs.getLong(10),
                        rs.getObject(11, OffsetDateTime.class).toString(), rs.getString(12)));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not list the lab's models", e);
        }
        return out;
    }

    // ---------------------------------------------------------------- predictions

    /**
     * Creates the empty predictions table of a model (replacing the last one and its view).
     *
     * @param keyColumns the scored table's id columns with their SQL types, or {@code row_no BIGINT} when it has none
     * @param scoreColumns the probability columns ({@code p_CLASS}), DOUBLE PRECISION
     * @param numeric whether the prediction is a number
     */
    void createPredictions(String predictions, String view, Map<String, String> keyColumns, List<String> scoreColumns,
            boolean numeric) {
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            s.execute("DROP VIEW IF EXISTS " + LabNames.quote(view));
            s.execute("DROP TABLE IF EXISTS " + LabNames.quote(predictions));
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(LabNames.quote(predictions)).append(" (");
            keyColumns.forEach((name, type) -> ddl.append(LabNames.quote(name)).append(' ').append(type).append(", "));
            ddl.append(LabNames.quote("prediction")).append(numeric ? " DOUBLE PRECISION" : " VARCHAR");
            for (String p : scoreColumns) {
                ddl.append(", ").append(LabNames.quote(p)).append(" DOUBLE PRECISION");
            }
            ddl.append(", PRIMARY KEY (").append(keyColumns.keySet().stream().map(LabNames::quote).collect(Collectors.joining(", ")))
                    .append("))");
            s.execute(ddl.toString());
        } catch (SQLException e) {
            throw Sql.failure("Could not create the predictions table " + predictions, e);
        }
    }

    /** Adds rows to a predictions table while {@link #fillPredictions} runs; a database failure ends the filling. Used by one thread. */
    public interface PredictionInserter {
        /** Queues one row: its values in the table's column order. */
        void add(Object... values);

        /** Sends the queued rows. */
        void flush();
    }

    /**
     * Fills a predictions table of {@code columns} columns in one transaction on a connection of its own: {@code fill}
     * adds the rows; when it or the database fails, no row stays.
     *
     * @param failure what failed, as the user reads it, e.g. {@code "Could not score shipments"}
     */
    void fillPredictions(String predictions, int columns, String failure, java.util.function.Consumer<PredictionInserter> fill) {
        try (Connection c = workspace.connection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                + LabNames.quote(predictions) + " VALUES (" + "?, ".repeat(columns - 1) + "?)")) {
            Sql.inTransaction(c, tx -> fill.accept(new PredictionInserter() {
                @Override
                public void add(Object... values) {
                    try {
                        Sql.bind(insert, java.util.Arrays.asList(values));
                        insert.addBatch();
                    } catch (SQLException e) {
                        throw Sql.failure(failure, e);
                    }
                }

                @Override
                public void flush() {
                    try {
                        insert.executeBatch();
                    } catch (SQLException e) {
                        throw Sql.failure(failure, e);
                    }
                }
            }));
        } catch (SQLException e) {
            throw Sql.failure(failure, e);
        }
    }

    /**
     * Creates the view of a scored table with its predictions beside every row (joined on the id
     * columns; the predictions alone when the table has no id) and records it as the model's.
     */
    void createScoredView(String model, String view, String table, String predictions, List<String> ids, List<String> added) {
        String sql;
        if (ids.isEmpty()) {
            sql = "CREATE VIEW " + LabNames.quote(view) + " AS SELECT * FROM " + LabNames.quote(predictions);
        } else {
            sql = "CREATE VIEW " + LabNames.quote(view) + " AS SELECT s.*, "
                    + added.stream().map(a -> "p." + LabNames.quote(a)).collect(Collectors.joining(", "))
                    + " FROM " + LabNames.quote(table) + " s LEFT JOIN " + LabNames.quote(predictions) + " p ON "
                    + ids.stream().map(i -> "s." + LabNames.quote(i) + " = p." + LabNames.quote(i)).collect(Collectors.joining(" AND "));
        }
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
            try (PreparedStatement ps = c.prepareStatement("UPDATE lab_models SET scored_view = ? WHERE model_name = ?")) {
                ps.setString(1, view);
                ps.setString(2, model);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not create the view " + view, e);
        }
    }

    /** Parses a type name as the command line and the import screen give it. */
    public static ColumnType typeNamed(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "text", "string" -> ColumnType.TEXT;
            case "integer", "int" -> ColumnType.INTEGER;
            case "decimal", "number", "double" -> ColumnType.DECIMAL;
            case "boolean", "bool" -> ColumnType.BOOLEAN;
            case "date" -> ColumnType.DATE;
            case "timestamp" -> ColumnType.TIMESTAMP;
            default -> throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Unknown column type '" + name
                    + "': use integer, decimal, boolean, date, timestamp or text.");
        };
    }

    /** The lower-case name the command line and screen use for a type. */
    public static String typeName(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
