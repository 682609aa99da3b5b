package in.workbench.analytics.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.CountingInputStream;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Dialect;
import in.workbench.analytics.workspace.PostgresBulkLoader;
import in.workbench.analytics.workspace.StagingTables;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;

/**
 * Loads one canonical CSV file into a workspace table, all or nothing.
 *
 * <p>A reading thread streams the file record by record ({@link CsvRecordReader}) and validates each
 * row against its {@link ImportLayout}, while the calling thread writes the accepted rows and the
 * rejected ones (with their line, raw text and reason) into staging tables, committing every 50,000 rows
 * ({@link StagingTables}). The staged rows are then made visible in one short step: an
 * {@code INSERT … SELECT} (or {@code MERGE} by key when the table already holds rows) in the
 * transaction that also records the {@code import_runs} row, the rejected rows and the
 * {@link ImportHook}s' work, or, for a large import into an empty table, a swap of the staging
 * table into its place. A cancelled, failed or killed import leaves the workspace exactly as it
 * was: the staging tables are dropped at once or swept when the workspace next opens. Rows whose
 * id is already in the workspace are updated in place and counted as {@code updated}.
 * See docs/decisions/0010-fast-import.md.
 *
 * <p>Thread-safe: holds no state between calls; each import uses its own connection and one
 * reading thread of its own.
 */
public final class CsvImporter {

    /** Rows per JDBC batch, and per batch handed from the reading thread (docs/decisions/0003). */
    static final int BATCH_SIZE = 5_000;
    /**
     * Staged rows (accepted and rejected) per commit on H2. Fewer, larger commits cost less CPU per row
     * (1,000,000 shipments: 70–75 s of CPU committing every 5,000 rows, 55–63 s every 50,000, 49 s every
     * 200,000; decision 0010, addenda of 4 December evening); a commit bounds what a killed import leaves for
     * H2 to roll back at the next open. 50,000 rather than 100,000: the same CPU within the noise, half the
     * rollback, and heap headroom (a 1,000,000-row import peaked at 483 MB of 512 MB committing every 100,000).
     */
    static final int COMMIT_ROWS = 50_000;
    /** Validated batches the reading thread may run ahead of the writing one (bounds the heap). */
    private static final int QUEUED_BATCHES = 4;
    /**
     * Smallest import that is published by swapping its staging table in (when the table is empty):
     * below it an INSERT … SELECT costs less than building the indexes on the side (docs/decisions/0010).
     */
    static final long SWAP_MIN_ROWS = 20_000;
    /** A file of at least 1/COPY_SWAP_SHARE of a loaded table's rows is published by copy and swap. */
    static final int COPY_SWAP_SHARE = 4;
    /** Rows copied per commit when a loaded table's other rows join the stage. */
    private static final int COPY_CHUNK = 50_000;
    private static final int PREVIEW_ROWS = 20;
    /** Bytes a row of a shipments or labels file takes at least, for estimating its rows from its size (about 72 in the bench's). */
    private static final long BYTES_PER_ROW = 64;
    private static final String ALIAS_SETTING = "import.aliases.";

    private final Workspace workspace;
    private final List<ImportHook> hooks;
    private final long swapMinRows;
    private final ObjectMapper json = new ObjectMapper();

    public CsvImporter(Workspace workspace) {
        this(workspace, List.of());
    }

    public CsvImporter(Workspace workspace, List<ImportHook> hooks) {
        this(workspace, hooks, SWAP_MIN_ROWS);
    }

    /** As {@link #CsvImporter(Workspace, List)}, swapping imports of at least {@code swapMinRows} into an empty table. */
    CsvImporter(Workspace workspace, List<ImportHook> hooks, long swapMinRows) {
        this.workspace = workspace;
        this.hooks = List.copyOf(hooks);
        this.swapMinRows = swapMinRows;
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
        try (CountingInputStream counting = new CountingInputStream(new DigestInputStream(Files.newInputStream(file), sha256));
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
            return new StagedImport(c, table, layout, mapping, headers.size(), file, monitor, fileSize, counting, started)
                    .run(reader, () -> HexFormat.of().formatHex(sha256.digest()), options);
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

    private static long countUnresolved(Connection c, DataTable table, String runRows) throws SQLException {
        String sql = switch (table) {
            case SHIPMENTS -> "SELECT COUNT(*) FROM " + runRows + " s WHERE "
                    + "NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = s.product_id) OR "
                    + "NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = s.address_id) OR "
                    + "NOT EXISTS (SELECT 1 FROM package_types k WHERE k.package_type = s.package_type)";
            case ADDRESS_LABELS -> "SELECT COUNT(*) FROM " + runRows + " l WHERE "
                    + "NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = l.address_id)";
            case CRISP_CONTACTS, CRISP_TESTS -> in.workbench.analytics.crisp.CrispStore.unresolvedSql(table, runRows);
            default -> null;
        };
        if (sql == null) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
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

    /** One rejected row, as the reading thread hands it over. */
    private record Rejected(long line, String reason, String raw) {
    }

    /**
     * Validated rows and rejects handed from the reading thread to the writing one; {@code failure}
     * set (and the lists empty) when reading failed, {@code last} on the final batch.
     */
    private record Batch(List<Object[]> rows, List<Rejected> rejects, long seen, long bytes, boolean last, Exception failure) {
    }

    /**
     * One import: a reading thread parses and validates the file into batches while this thread
     * writes them into a staging table, committing every 50,000 rows; then the staged rows are published in one
     * short step (docs/decisions/0010). Used by one thread; owns the reading thread it starts.
     */
    private final class StagedImport {
        private final Connection c;
        private final DataTable table;
        private final ImportLayout layout;
        private final Mapping mapping;
        private final int cellCount;
        private final Path file;
        private final ProgressMonitor monitor;
        private final long fileSize;
        private final CountingInputStream counting;
        private final long startedNanos;
        private final int keyIndex;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private volatile boolean stopped;
        private boolean onServer;
        private long runId;
        private long accepted;
        private long rejected;
        private long updated;
        private long unresolved;
        /** Set from the moment a swap may have renamed anything: a failure then undoes it by its journal. */
        private boolean swapping;
        /** Each hook's tally of the run's rows (null entries for hooks without one), filled by the reading thread. */
        private List<ImportHook.RowTally> tallies = new ArrayList<>();
        /** The run's unresolved references counted while reading, or null when they are counted from the stage. */
        private ReferenceTally references;

        StagedImport(Connection c, DataTable table, ImportLayout layout, Mapping mapping, int cellCount, Path file,
                ProgressMonitor monitor, long fileSize, CountingInputStream counting, long startedNanos) {
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
        }

        ImportSummary run(CsvRecordReader reader, java.util.function.Supplier<String> digest, ImportOptions options)
                throws SQLException, IOException {
            c.setAutoCommit(false);
            onServer = Dialect.of(c) == Dialect.POSTGRESQL;
            StagingTables.Stage stage = null;
            try {
                runId = startRun();
                List<String> columns = new ArrayList<>(layout.columns().stream().map(ColumnSpec::name).toList());
                columns.add("run_id");
                stage = StagingTables.create(c, table.sqlName(), columns, layout.keyColumn());
                Map<Integer, String> packageOfRank = table == DataTable.PACKAGE_TYPES ? ranks() : Map.of();
                startTallies();
                load(reader, stage, packageOfRank);
                monitor.checkCancelled();
                monitor.update(fileSize, fileSize, String.format("%,d rows read; making them visible", accepted + rejected));
                synchronized (workspace) {
                    publish(stage, digest);
                }
            } catch (RuntimeException | SQLException | IOException e) {
                undo(stage, swapping);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            try {
                StagingTables.drop(c, stage);
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(CsvImporter.class).warn("staging tables left for the next open to sweep", e);
            }
            rememberAliases(table, options);
            return new ImportSummary(table.importType(), accepted, updated, rejected, unresolved, mapping.ignored, runId,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }

        /**
         * Asks the hooks for their tallies and prepares the count of unresolved references, so that
         * the reading thread counts the rows as it validates them instead of publishing scanning the
         * stage again (decision 0010). On H2 only, while no import of the workspace publishes: what
         * they read of the workspace is checked again when publishing.
         */
        private void startTallies() throws SQLException {
            List<String> names = layout.columns().stream().map(ColumnSpec::name).toList();
            // The lookups are read whole: worth it only for a file of at least swapMinRows rows and half as many as they
            // hold, so that a small import into a large workspace still costs what it brings.
            long expectedRows = fileSize / BYTES_PER_ROW;
            boolean worth = !onServer && expectedRows >= swapMinRows && (table == DataTable.SHIPMENTS || table == DataTable.ADDRESS_LABELS)
                    && expectedRows * 2 >= StagingTables.count(c, "addresses") + StagingTables.count(c, "products");
            synchronized (workspace) {
                for (ImportHook hook : hooks) {
                    tallies.add(worth ? hook.tally(c, table, names) : null);
                }
                references = worth ? referenceTally(names) : null;
            }
        }

        /** Reads the ids the run's rows refer to (see {@link ReferenceTally}), or null when they refer to none. */
        private ReferenceTally referenceTally(List<String> names) throws SQLException {
            List<String[]> wanted = switch (table) {
                case SHIPMENTS -> List.of(new String[] {"products", "product_id"}, new String[] {"addresses", "address_id"},
                        new String[] {"package_types", "package_type"});
                case ADDRESS_LABELS -> List.<String[]>of(new String[] {"addresses", "address_id"});
                default -> List.of();
            };
            if (wanted.isEmpty()) {
                return null;
            }
            // The marks first: a change while the ids are read then shows when publishing.
            List<Long> marks = StagingTables.modificationMarks(c, wanted.stream().map(w -> w[0]).toList());
            List<ReferenceTally.Reference> references = new ArrayList<>();
            for (String[] w : wanted) {
                IdCodes ids = new IdCodes();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + w[1] + " FROM " + w[0])) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), 0);
                    }
                }
                references.add(new ReferenceTally.Reference(w[0], names.indexOf(w[1]), ids));
            }
            return new ReferenceTally(references, marks);
        }

        /**
         * Makes the staged rows visible and commits the import. One import of a workspace publishes
         * at a time, so two cannot both find a table empty and swap.
         */
        private void publish(StagingTables.Stage stage, java.util.function.Supplier<String> digest) throws SQLException {
            boolean targetEmpty = StagingTables.isEmpty(c, table.sqlName());
            updated = !targetEmpty && keyIndex >= 0 ? countExisting(stage) : 0;
            List<Object> before = new ArrayList<>(hooks.size());
            for (int i = 0; i < hooks.size(); i++) {
                before.add(hooks.get(i).beforePublish(c, table, runId, stage.name(), updated, tallies.get(i)));
            }
            String runRows;
            Long unresolvedBefore = references == null ? null
                    : references.unresolved(StagingTables.modificationMarks(c, references.tables()));
            if (stage.swappable() && targetEmpty && accepted >= swapMinRows) {
                monitor.update(fileSize, fileSize, String.format("%,d rows read; building the indexes", accepted + rejected));
                swapping = true;
                StagingTables.swap(c, stage);
                runRows = table.sqlName();
            } else if (swapsWithCopy(stage, targetEmpty)) {
                // A large file into a loaded table: the stage takes the table's other rows (committed in chunks, the
                // table only read) and then its place, instead of one INSERT/MERGE whose undo log grows with the file.
                if (unresolvedBefore == null && (table == DataTable.SHIPMENTS || table == DataTable.ADDRESS_LABELS)) {
                    unresolvedBefore = countUnresolved(c, table, stage.name());
                }
                monitor.update(fileSize, fileSize, String.format("%,d rows read; adding the workspace's other rows", accepted + rejected));
                StagingTables.copyUntouched(c, stage, COPY_CHUNK);
                monitor.update(fileSize, fileSize, String.format("%,d rows read; building the indexes", accepted + rejected));
                swapping = true;
                StagingTables.swap(c, stage);
                runRows = "(SELECT * FROM " + table.sqlName() + " WHERE run_id = " + runId + ")";
            } else {
                StagingTables.publishByInsert(c, stage, !targetEmpty);
                runRows = stage.name();
            }
            keepRejects(stage);
            monitor.update(fileSize, fileSize, String.format("%,d rows read; checking references and updating summaries",
                    accepted + rejected));
            unresolved = unresolvedBefore != null ? unresolvedBefore : countUnresolved(c, table, runRows);
            for (int i = 0; i < hooks.size(); i++) {
                hooks.get(i).afterImport(c, table, runId, runRows, before.get(i));
            }
            finish(digest.get(), updated, unresolved);
            monitor.update(fileSize, fileSize, String.format("%,d rows read; saving", accepted + rejected));
            if (swapping) {
                StagingTables.forgetJournal(c);
            }
            monitor.checkCancelled();
            c.commit();
        }

        /**
         * True when the staged rows are published into a loaded table by copying its other rows into
         * the stage and swapping it in: on H2, for a swappable stage that writes every column, of at
         * least {@code swapMinRows} rows and a quarter of the table's.
         */
        private boolean swapsWithCopy(StagingTables.Stage stage, boolean targetEmpty) throws SQLException {
            return !onServer && !targetEmpty && stage.swappable() && accepted >= swapMinRows
                    && accepted * COPY_SWAP_SHARE >= StagingTables.count(c, table.sqlName()) && StagingTables.writesEveryColumn(c, stage);
        }

        /**
         * Commits a batch on H2, where a staged import commits as it goes so that no transaction grows
         * with the file. On a team workspace (PostgreSQL) the whole import is one transaction instead:
         * the server keeps large transactions cheaply, and a killed connection rolls all of it back.
         */
        private void commitStep() throws SQLException {
            if (!onServer) {
                c.commit();
            }
        }

        /** Leaves the workspace as it was: rolls back, undoes a swap, drops the stage and the run row. */
        private void undo(StagingTables.Stage stage, boolean swapped) {
            try {
                c.rollback();
                if (swapped) {
                    StagingTables.undoSwap(c, stage);
                } else if (stage != null) {
                    StagingTables.drop(c, stage);
                }
                if (runId > 0) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_runs WHERE run_id = ?")) {
                        ps.setLong(1, runId);
                        ps.executeUpdate();
                    }
                    c.commit();
                }
            } catch (SQLException e) {
                // what is left is swept when the workspace next opens
                org.slf4j.LoggerFactory.getLogger(CsvImporter.class).warn("could not clean up after a failed import", e);
            }
        }

        /** The run row, committed at once (unfinished until the import commits; swept on open if it never does). */
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
                long id;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                commitStep();
                return id;
            }
        }

        private Map<Integer, String> ranks() throws SQLException {
            Map<Integer, String> packageOfRank = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT robustness_rank, package_type FROM package_types")) {
                while (rs.next()) {
                    packageOfRank.put(rs.getInt(1), rs.getString(2));
                }
            }
            return packageOfRank;
        }

        /** Writes the batches the reading thread validates into the stage, committing every {@link #COMMIT_ROWS} rows. */
        private void load(CsvRecordReader reader, StagingTables.Stage stage, Map<Integer, String> packageOfRank)
                throws SQLException, IOException {
            Thread readerThread = new Thread(() -> read(reader, new HashMap<>(packageOfRank)), "import-reader");
            readerThread.setDaemon(true);
            readerThread.start();
            long uncommitted = 0;
            List<String> sqlTypes = new ArrayList<>(layout.columns().stream().map(column -> column.type().sqlType()).toList());
            sqlTypes.add("BIGINT");
            try (PreparedStatement insert = onServer ? null : c.prepareStatement(stage.insertSql(sqlTypes));
                    PreparedStatement reject = c.prepareStatement(stage.rejectSql())) {
                while (true) {
                    Batch batch = take();
                    if (batch.failure() != null) {
                        if (batch.failure() instanceof IOException io) {
                            throw io;
                        }
                        throw (RuntimeException) batch.failure();
                    }
                    monitor.checkCancelled();
                    for (Object[] values : batch.rows()) {
                        values[values.length - 1] = runId;
                    }
                    if (onServer) {
                        PostgresBulkLoader.copy(c, stage.name(), stage.columns(), batch.rows());
                    } else if (!batch.rows().isEmpty()) {
                        insertColumns(insert, batch.rows(), sqlTypes.size());
                    }
                    for (Rejected r : batch.rejects()) {
                        reject.setLong(1, r.line());
                        reject.setString(2, r.reason());
                        reject.setString(3, r.raw());
                        reject.addBatch();
                    }
                    if (!batch.rejects().isEmpty()) {
                        reject.executeBatch();
                    }
                    uncommitted += batch.rows().size() + batch.rejects().size();
                    if (uncommitted >= COMMIT_ROWS || batch.last()) {
                        commitStep();
                        uncommitted = 0;
                    }
                    accepted += batch.rows().size();
                    rejected += batch.rejects().size();
                    double seconds = (System.nanoTime() - startedNanos) / 1e9;
                    long rows = batch.seen();
                    monitor.update(Math.min(batch.bytes(), fileSize), fileSize,
                            String.format("%,d rows · %,.0f rows/s", rows, seconds > 0 ? rows / seconds : 0));
                    if (batch.last()) {
                        return;
                    }
                }
            } finally {
                stopped = true;
                queue.clear();
                try {
                    readerThread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Inserts a batch on H2 with one array per column (see {@link StagingTables.Stage#insertSql}). */
        private void insertColumns(PreparedStatement insert, List<Object[]> rows, int width) throws SQLException {
            for (int i = 0; i < width; i++) {
                Object[] column = new Object[rows.size()];
                for (int r = 0; r < column.length; r++) {
                    column[r] = rows.get(r)[i];
                }
                insert.setObject(i + 1, column);
            }
            insert.executeUpdate();
        }

        private Batch take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }

        /** Hands a batch over; false when the writer has stopped. */
        private boolean give(Batch batch) {
            try {
                while (!stopped) {
                    if (queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The reading thread: parses and validates every record, in file order. */
        private void read(CsvRecordReader reader, Map<Integer, String> packageOfRank) {
            List<ColumnSpec> columns = layout.columns();
            int n = columns.size();
            SeenIds seenIds = new SeenIds();
            List<Object[]> rows = new ArrayList<>(BATCH_SIZE);
            List<Rejected> rejects = new ArrayList<>();
            List<ImportHook.RowTally> tallying = new ArrayList<>(tallies.stream().filter(java.util.Objects::nonNull).toList());
            if (references != null) {
                tallying.add(references);
            }
            long seen = 0;
            try {
                CsvRecordReader.Record r;
                while ((r = reader.next()) != null) {
                    seen++;
                    String problem;
                    Object[] values = null;
                    if (r.fields() == null) {
                        problem = r.problem();
                    } else if (r.fields().length != cellCount) {
                        problem = "has " + r.fields().length + " cells but the header has " + cellCount;
                    } else {
                        values = new Object[n + 1];
                        problem = null;
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
                        if (problem == null && table == DataTable.PACKAGE_TYPES) {
                            problem = checkRank(packageOfRank, (String) values[0], (Integer) values[1]);
                        }
                        if (problem == null) {
                            problem = layout.rowProblem(values);
                        }
                    }
                    if (problem != null) {
                        rejects.add(new Rejected(r.line(), "line " + r.line() + ": " + problem, r.raw()));
                    } else {
                        rows.add(values);
                        for (ImportHook.RowTally tally : tallying) {
                            tally.accept(values);
                        }
                    }
                    if (rows.size() >= BATCH_SIZE || rejects.size() >= BATCH_SIZE) {
                        if (!give(new Batch(rows, rejects, seen, counting.count(), false, null))) {
                            return;
                        }
                        rows = new ArrayList<>(BATCH_SIZE);
                        rejects = new ArrayList<>();
                    }
                }
                give(new Batch(rows, rejects, seen, counting.count(), true, null));
            } catch (IOException | RuntimeException e) {
                give(new Batch(List.of(), List.of(), seen, counting.count(), true, e));
            }
        }

        private String checkRank(Map<Integer, String> packageOfRank, String packageType, int rank) {
            String holder = packageOfRank.get(rank);
            if (holder != null && !holder.equals(packageType)) {
                return "robustness_rank " + rank + " is already used by " + holder + " (ranks must be unique)";
            }
            packageOfRank.values().remove(packageType);
            packageOfRank.put(rank, packageType);
            return null;
        }

        private long countExisting(StagingTables.Stage stage) throws SQLException {
            String key = layout.keyColumn();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + stage.name() + " n WHERE EXISTS (SELECT 1 FROM "
                            + table.sqlName() + " t WHERE t." + key + " = n." + key + ")")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void keepRejects(StagingTables.Stage stage) throws SQLException {
            if (rejected == 0) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejected_rows (run_id, table_name, file_name, line_no, reason, "
                    + "raw_text) SELECT ?, ?, ?, line_no, reason, raw_text FROM " + stage.rejects() + " ORDER BY line_no")) {
                ps.setLong(1, runId);
                ps.setString(2, table.sqlName());
                ps.setString(3, file.getFileName().toString());
                ps.executeUpdate();
            }
        }

        private void finish(String sha256, long updated, long unresolved) throws SQLException {
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
