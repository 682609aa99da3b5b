package in.workbench.analytics.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads one canonical CSV file into a workspace table, all or nothing.
 *
 * <p>The file is streamed record by record ({@link CsvRecordReader}); each row is validated
 * against its {@link ImportLayout}; accepted rows go in JDBC batches, rejected ones into
 * {@code rejected_rows} with their line, raw text and reason. Everything, including the
 * {@code import_runs} row and the {@link ImportHook}s' work, happens in one transaction: a
 * cancelled or failed import leaves the workspace exactly as it was. Rows whose id is already in
 * the workspace are updated in place and counted as {@code updated}.
 *
 * <p>Thread-safe: holds no state between calls; each import uses its own connection.
 */
public final class CsvImporter {

    /** Rows per JDBC batch; measured best between 2,000 and 10,000 (docs/decisions/0003). */
    static final int BATCH_SIZE = 5_000;
    private static final int PREVIEW_ROWS = 20;
    private static final String ALIAS_SETTING = "import.aliases.";

    private final Workspace workspace;
    private final List<ImportHook> hooks;
    private final ObjectMapper json = new ObjectMapper();

    public CsvImporter(Workspace workspace) {
        this(workspace, List.of());
    }

    public CsvImporter(Workspace workspace, List<ImportHook> hooks) {
        this.workspace = workspace;
        this.hooks = List.copyOf(hooks);
    }

    /** The canonical columns of an importable table. */
    public List<ColumnSpec> columns(DataTable table) {
        return layout(table).columns();
    }

    private static ImportLayout layout(DataTable table) {
        return ImportLayout.of(table).orElseThrow(() -> new WorkbenchException(Kind.INPUT_UNUSABLE,
                "The " + table.sqlName() + " table is filled by the workbench itself and cannot be imported."));
    }

    /** Reads the header and the first rows of a file to show before importing it. */
    public ImportPreview preview(Path file, DataTable table, ImportOptions options) {
        ImportLayout layout = layout(table);
        char delimiter = delimiterOf(file, options);
        try (CsvRecordReader reader = new CsvRecordReader(file, delimiter)) {
            CsvRecordReader.Record header = reader.next();
            if (header == null || header.fields() == null) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " is empty: it has no header row.");
            }
            List<String> headers = List.of(header.fields());
            List<List<String>> rows = new ArrayList<>();
            CsvRecordReader.Record r;
            while (rows.size() < PREVIEW_ROWS && (r = reader.next()) != null) {
                rows.add(r.fields() == null ? List.of(r.raw()) : List.of(r.fields()));
            }
            Map<String, ColumnType> types = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                int col = i;
                types.put(headers.get(i), ColumnType.guess(rows.stream()
                        .map(row -> col < row.size() ? row.get(col) : null).toList()));
            }
            Mapping mapping = Mapping.resolve(headers, layout, options, savedAliases(table));
            Map<String, String> proposed = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                proposed.put(headers.get(i), mapping.canonicalOfSource[i]);
            }
            return new ImportPreview(headers, rows, delimiter, types, proposed, mapping.missingRequired);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Imports a file into a table.
     *
     * @throws WorkbenchException INPUT_UNUSABLE when the file is missing, unreadable, empty, or lacks
     *     a required column (nothing changed)
     * @throws CancelledException when the monitor cancels (nothing changed)
     */
    public ImportSummary importFile(Path file, DataTable table, ImportOptions options, ProgressMonitor monitor) {
        long started = System.nanoTime();
        ImportLayout layout = layout(table);
        char delimiter = delimiterOf(file, options);
        long fileSize = sizeOf(file);
        MessageDigest sha256 = sha256();
        try (CountingStream counting = new CountingStream(new DigestInputStream(Files.newInputStream(file), sha256));
                CsvRecordReader reader = new CsvRecordReader(counting, delimiter);
                Connection c = workspace.connection()) {
            CsvRecordReader.Record header = reader.next();
            if (header == null || header.fields() == null) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " is empty: it has no header row.");
            }
            List<String> headers = List.of(header.fields());
            Mapping mapping = Mapping.resolve(headers, layout, options, savedAliases(table));
            if (!mapping.missingRequired.isEmpty()) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " has no "
                        + String.join(", ", mapping.missingRequired) + " column"
                        + (mapping.missingRequired.size() > 1 ? "s" : "") + ", which a " + table.importType()
                        + " file needs; nothing was imported. Its columns are: " + String.join(", ", headers)
                        + ". Map one with --map SOURCE=" + mapping.missingRequired.get(0) + " (or in the mapping step).");
            }
            c.setAutoCommit(false);
            try {
                Loader loader = new Loader(c, table, layout, mapping, headers.size(), file, monitor, fileSize, counting, started);
                loader.load(reader);
                String digest = HexFormat.of().formatHex(sha256.digest());
                long unresolved = countUnresolved(c, table, loader.runId);
                for (ImportHook hook : hooks) {
                    hook.afterImport(c, table, loader.runId);
                }
                loader.finish(digest, unresolved);
                monitor.checkCancelled();
                c.commit();
                rememberAliases(table, options);
                return new ImportSummary(table.importType(), loader.accepted, loader.updated, loader.rejected, unresolved,
                        mapping.ignored, loader.runId, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException | SQLException | IOException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (NoSuchFileException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "The import of " + file.getFileName()
                    + " failed and was undone; the workspace is as it was. Cause: " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(CsvImporter.class).warn("rollback failed", e);
        }
    }

    private static WorkbenchException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " does not exist.", e);
        }
        return new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " cannot be read: " + e.getMessage(), e);
    }

    private static long sizeOf(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file + " is a folder, not a CSV file.");
            }
            return Files.size(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static char delimiterOf(Path file, ImportOptions options) {
        if (options.delimiter() != null) {
            return options.delimiter();
        }
        try {
            if (Files.isDirectory(file)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file + " is a folder, not a CSV file.");
            }
            String first = CsvRecordReader.firstLine(file);
            if (first == null) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " is empty: it has no header row.");
            }
            return CsvRecordReader.detectDelimiter(first);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static long countUnresolved(Connection c, DataTable table, long runId) throws SQLException {
        String sql = switch (table) {
            case SHIPMENTS -> "SELECT COUNT(*) FROM shipments s WHERE s.run_id = ? AND ("
                    + "NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = s.product_id) OR "
                    + "NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = s.address_id) OR "
                    + "NOT EXISTS (SELECT 1 FROM package_types k WHERE k.package_type = s.package_type))";
            case ADDRESS_LABELS -> "SELECT COUNT(*) FROM address_labels l WHERE l.run_id = ? AND "
                    + "NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = l.address_id)";
            case CRISP_CONTACTS, CRISP_TESTS -> in.workbench.analytics.crisp.CrispStore.unresolvedSql(table);
            default -> null;
        };
        if (sql == null) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Map<String, String> savedAliases(DataTable table) {
        return workspace.setting(ALIAS_SETTING + table.sqlName()).map(text -> {
            try {
                return json.readValue(text, new TypeReference<Map<String, String>>() { });
            } catch (IOException e) {
                return Map.<String, String>of();
            }
        }).orElse(Map.of());
    }

    private void rememberAliases(DataTable table, ImportOptions options) {
        if (options.columnMapping().isEmpty()) {
            return;
        }
        Map<String, String> aliases = new HashMap<>(savedAliases(table));
        options.columnMapping().forEach((source, canonical) -> {
            if (canonical != null && !canonical.isBlank()) {
                aliases.put(Mapping.normalise(source), canonical.trim().toLowerCase(Locale.ROOT));
            }
        });
        try {
            workspace.putSetting(ALIAS_SETTING + table.sqlName(), json.writeValueAsString(aliases));
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(CsvImporter.class).warn("could not save column aliases", e);
        }
    }

    /** How the file's columns map to the layout's. */
    static final class Mapping {
        final String[] canonicalOfSource;
        final int[] sourceOfCanonical;
        final List<String> ignored = new ArrayList<>();
        final List<String> missingRequired = new ArrayList<>();

        private Mapping(int sources, int canonicals) {
            canonicalOfSource = new String[sources];
            sourceOfCanonical = new int[canonicals];
            java.util.Arrays.fill(sourceOfCanonical, -1);
        }

        static String normalise(String header) {
            return header.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        }

        static Mapping resolve(List<String> headers, ImportLayout layout, ImportOptions options, Map<String, String> aliases) {
            Map<String, Integer> canonicalIndex = new HashMap<>();
            for (int i = 0; i < layout.columns().size(); i++) {
                canonicalIndex.put(layout.columns().get(i).name(), i);
            }
            Map<String, String> explicit = new HashMap<>();
            options.columnMapping().forEach((source, canonical) -> {
                String target = canonical == null ? "" : canonical.trim().toLowerCase(Locale.ROOT);
                if (!target.isEmpty() && !canonicalIndex.containsKey(target)) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Cannot map " + source + " to " + canonical + ": a "
                            + layout.table().importType() + " file has no such column. Its columns are: "
                            + layout.columns().stream().map(ColumnSpec::name).collect(Collectors.joining(", ")) + ".");
                }
                explicit.put(normalise(source), target);
            });
            Set<String> explicitSources = explicit.keySet();
            for (String source : explicitSources) {
                if (headers.stream().noneMatch(h -> normalise(h).equals(source))) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Cannot map " + source
                            + ": the file has no such column. Its columns are: " + String.join(", ", headers) + ".");
                }
            }
            Mapping m = new Mapping(headers.size(), layout.columns().size());
            Set<String> explicitTargets = new HashSet<>(explicit.values());
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < headers.size(); i++) {
                    if (m.canonicalOfSource[i] != null) {
                        continue;
                    }
                    String key = normalise(headers.get(i));
                    String target = switch (pass) {
                        case 0 -> explicit.get(key);
                        case 1 -> explicit.containsKey(key) || explicitTargets.contains(key) ? null : key;
                        default -> explicit.containsKey(key) ? null : aliases.get(key);
                    };
                    if (target == null || target.isEmpty() || !canonicalIndex.containsKey(target)) {
                        continue;
                    }
                    int ci = canonicalIndex.get(target);
                    if (m.sourceOfCanonical[ci] >= 0) {
                        if (pass == 0) {
                            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Two columns map to " + target + ": "
                                    + headers.get(m.sourceOfCanonical[ci]) + " and " + headers.get(i) + ". Map only one.");
                        }
                        continue;
                    }
                    m.sourceOfCanonical[ci] = i;
                    m.canonicalOfSource[i] = target;
                }
            }
            for (int i = 0; i < headers.size(); i++) {
                if (m.canonicalOfSource[i] == null) {
                    m.ignored.add(headers.get(i));
                }
            }
            for (int ci = 0; ci < layout.columns().size(); ci++) {
                if (m.sourceOfCanonical[ci] < 0 && layout.columns().get(ci).required()) {
                    m.missingRequired.add(layout.columns().get(ci).name());
                }
            }
            return m;
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** One import's loading state: batches, counters and the run row. Used by one thread. */
    private static final class Loader {
        private final Connection c;
        private final DataTable table;
        private final ImportLayout layout;
        private final Mapping mapping;
        private final int cellCount;
        private final Path file;
        private final ProgressMonitor monitor;
        private final long fileSize;
        private final CountingStream counting;
        private final long startedNanos;
        private final int keyIndex;
        private final boolean targetWasEmpty;
        private final SeenIds seenIds = new SeenIds();
        private final Map<Integer, String> packageOfRank = new HashMap<>();
        private final List<Object[]> batch = new ArrayList<>(BATCH_SIZE);
        private final PreparedStatement insert;
        private final PreparedStatement reject;
        private int pendingRejects;
        long runId;
        long accepted;
        long updated;
        long rejected;

        Loader(Connection c, DataTable table, ImportLayout layout, Mapping mapping, int cellCount, Path file,
                ProgressMonitor monitor, long fileSize, CountingStream counting, long startedNanos) throws SQLException {
            this.c = c;
            this.table = table;
            this.layout = layout;
            this.mapping = mapping;
            this.cellCount = cellCount;
            this.file = file;
            this.monitor = monitor;
            this.fileSize = fileSize;
            this.counting = counting;
            this.startedNanos = startedNanos;
            this.keyIndex = layout.keyColumn() == null ? -1
                    : layout.columns().indexOf(layout.column(layout.keyColumn()).orElseThrow());
            this.runId = startRun();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.sqlName() + ")")) {
                rs.next();
                this.targetWasEmpty = !rs.getBoolean(1);
            }
            if (table == DataTable.PACKAGE_TYPES) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT robustness_rank, package_type FROM package_types")) {
                    while (rs.next()) {
                        packageOfRank.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            String columns = layout.columns().stream().map(ColumnSpec::name).collect(Collectors.joining(", ")) + ", run_id";
            String marks = "?, ".repeat(layout.columns().size()) + "?";
            String verb = layout.keyColumn() == null || targetWasEmpty ? "INSERT INTO " + table.sqlName() + " (" + columns + ")"
                    : "MERGE INTO " + table.sqlName() + " (" + columns + ") KEY (" + layout.keyColumn() + ")";
            this.insert = c.prepareStatement(verb + " VALUES (" + marks + ")");
            this.reject = c.prepareStatement(
                    "INSERT INTO rejected_rows (run_id, table_name, file_name, line_no, reason, raw_text) VALUES (?, ?, ?, ?, ?, ?)");
        }

        private long startRun() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO import_runs (table_name, file_name, started_at, ignored_columns, column_mapping) VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, table.sqlName());
                ps.setString(2, file.toAbsolutePath().normalize().toString());
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setString(4, String.join(", ", mapping.ignored));
                StringBuilder m = new StringBuilder();
                for (int ci = 0; ci < layout.columns().size(); ci++) {
                    if (mapping.sourceOfCanonical[ci] >= 0) {
                        m.append(m.length() == 0 ? "" : ", ").append(layout.columns().get(ci).name());
                    }
                }
                ps.setString(5, m.toString());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        void load(CsvRecordReader reader) throws IOException, SQLException {
            List<ColumnSpec> columns = layout.columns();
            int n = columns.size();
            CsvRecordReader.Record r;
            long seen = 0;
            while ((r = reader.next()) != null) {
                seen++;
                if (r.fields() == null) {
                    reject(r, r.problem());
                } else if (r.fields().length != cellCount) {
                    reject(r, "has " + r.fields().length + " cells but the header has " + cellCount);
                } else {
                    Object[] values = new Object[n + 1];
                    String problem = null;
                    for (int ci = 0; ci < n && problem == null; ci++) {
                        int si = mapping.sourceOfCanonical[ci];
                        try {
                            values[ci] = columns.get(ci).read(si < 0 ? null : r.fields()[si]);
                        } catch (ColumnType.InvalidValueException e) {
                            problem = e.getMessage();
                        }
                    }
                    if (problem == null && keyIndex >= 0) {
                        String id = (String) values[keyIndex];
                        long firstLine = seenIds.putIfAbsent(id, r.line());
                        if (firstLine >= 0) {
                            problem = "duplicate " + layout.keyColumn() + " '" + id + "' (first on line " + firstLine + ")";
                        }
                    }
                    if (problem == null) {
                        problem = layout.rowProblem(values);
                    }
                    if (problem == null && table == DataTable.PACKAGE_TYPES) {
                        problem = checkRank((String) values[0], (Integer) values[1]);
                    }
                    if (problem != null) {
                        reject(r, problem);
                    } else {
                        values[n] = runId;
                        batch.add(values);
                        if (batch.size() >= BATCH_SIZE) {
                            flush();
                        }
                    }
                }
                if ((seen & 0x3FFF) == 0) {
                    progress(seen);
                }
            }
            flush();
            flushRejects();
            progress(seen);
        }

        private String checkRank(String packageType, int rank) {
            String holder = packageOfRank.get(rank);
            if (holder != null && !holder.equals(packageType)) {
                return "robustness_rank " + rank + " is already used by " + holder + " (ranks must be unique)";
            }
            packageOfRank.values().remove(packageType);
            packageOfRank.put(rank, packageType);
            return null;
        }

        private void progress(long rows) {
            monitor.checkCancelled();
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            monitor.update(Math.min(counting.count, fileSize), fileSize,
                    String.format("%,d rows · %,.0f rows/s", rows, seconds > 0 ? rows / seconds : 0));
        }

        private void reject(CsvRecordReader.Record r, String reason) throws SQLException {
            rejected++;
            reject.setLong(1, runId);
            reject.setString(2, table.sqlName());
            reject.setString(3, file.getFileName().toString());
            reject.setLong(4, r.line());
            reject.setString(5, "line " + r.line() + ": " + reason);
            reject.setString(6, r.raw());
            reject.addBatch();
            if (++pendingRejects >= 1000) {
                flushRejects();
            }
        }

        private void flushRejects() throws SQLException {
            if (pendingRejects > 0) {
                reject.executeBatch();
                pendingRejects = 0;
            }
        }

        private void flush() throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            monitor.checkCancelled();
            if (keyIndex >= 0 && !targetWasEmpty) {
                updated += countExisting();
            }
            for (Object[] values : batch) {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
            accepted += batch.size();
            batch.clear();
        }

        private long countExisting() throws SQLException {
            Object[] ids = new Object[batch.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = batch.get(i)[keyIndex];
            }
            String key = layout.keyColumn();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM " + table.sqlName() + " WHERE " + key + " = ANY(?)")) {
                Array array = c.createArrayOf("VARCHAR", ids);
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        void finish(String sha256, long unresolved) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE import_runs SET file_sha256 = ?, finished_at = ?, "
                    + "imported = ?, updated = ?, rejected = ?, unresolved = ? WHERE run_id = ?")) {
                ps.setString(1, sha256);
                ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setLong(3, accepted);
                ps.setLong(4, updated);
                ps.setLong(5, rejected);
                ps.setLong(6, unresolved);
                ps.setLong(7, runId);
                ps.executeUpdate();
            }
        }
    }
}
