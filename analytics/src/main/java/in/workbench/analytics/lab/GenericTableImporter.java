package in.workbench.analytics.lab;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.CsvRecordReader;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.CountingInputStream;
import in.workbench.analytics.task.ProgressMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports any CSV file as a table of its own ({@code import -t table --name NAME FILE}): column
 * names made safe from the headers, each column's type inferred from the first
 * {@value #SAMPLE_ROWS} rows (integer, decimal, date, timestamp, boolean, else text) unless the
 * analyst sets it, and the same reject rules as the canonical imports: a row whose cell is not a
 * value of its column's type, whose cell count differs from the header's, or whose id is blank or
 * repeated is rejected with its line and reason and kept in {@code rejected_rows}.
 *
 * <p>All or nothing: rows load into a staging table in one transaction, which replaces the table
 * (an earlier import of the same name) only when every row has been read. A cancel or failure
 * leaves the workspace as it was.
 *
 * <p>Thread-safe: holds no state between calls.
 */
public final class GenericTableImporter {

    /** Rows read to infer the column types. */
    public static final int SAMPLE_ROWS = 5_000;
    /** The id column's name when the row number is the id. */
    public static final String ROW_NUMBER_COLUMN = "row_no";
    private static final int PREVIEW_ROWS = 20;
    private static final int EXAMPLES = 5;
    private static final Pattern LEADING_ZERO = Pattern.compile("[+-]?0\\d.*");

    /**
     * What to import.
     *
     * @param file the CSV file
     * @param tableName the table's name (checked: a letter, then letters, digits, underscores)
     * @param idColumn the header (or its column name) that identifies a row, or null for the row number
     * @param typeOverrides header or column name → type, for columns whose inferred type is wrong
     * @param delimiter comma, semicolon or tab, or null to detect it from the header
     */
    public record Request(Path file, String tableName, String idColumn, Map<String, ColumnType> typeOverrides, Character delimiter) {
        public Request {
            typeOverrides = Map.copyOf(typeOverrides);
        }
    }

    /**
     * A file as it would be imported, for the import screen's confirmation step.
     *
     * @param columns the columns with their (inferred or set) types, in file order
     * @param inferred header → the type the sample suggests, before overrides
     * @param rows the first data rows as text
     * @param delimiter the delimiter in use
     * @param idColumn the id column's name ({@value #ROW_NUMBER_COLUMN} when the row number is the id)
     * @param samples what the inference saw in each column, in file order
     * @param sampleRows how many data rows the inference read (at most {@value #SAMPLE_ROWS})
     */
    public record Preview(List<LabColumn> columns, Map<String, ColumnType> inferred, List<List<String>> rows, char delimiter,
            String idColumn, List<ColumnSample> samples, int sampleRows) {
    }

    /**
     * One column of the sample the types are inferred from. Immutable.
     *
     * @param header the header cell
     * @param examples up to {@value #EXAMPLES} different non-blank values, in the order they appear
     * @param blank sample rows where the column is blank
     * @param misfits for each type an analyst may choose, the sample's cells that are not a value of it
     */
    public record ColumnSample(String header, List<String> examples, int blank, Map<ColumnType, Misfits> misfits) {

        /** The sample's cells that would be rejected with {@code type}; none for a type every cell fits. */
        public Misfits misfits(ColumnType type) {
            return misfits.getOrDefault(type, Misfits.NONE);
        }
    }

    /**
     * Sample cells that are not a value of a type.
     *
     * @param rows how many sample rows hold such a cell
     * @param firstValue the first such cell, or null
     * @param reason why it is not a value of the type ("is not a whole number"), or null
     */
    public record Misfits(int rows, String firstValue, String reason) {
        static final Misfits NONE = new Misfits(0, null, null);
    }

    /** The types a generic table's column can have, in the order the import screen offers them. */
    public static final List<ColumnType> TYPES = List.of(ColumnType.TEXT, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DATE,
            ColumnType.TIMESTAMP, ColumnType.BOOLEAN);

    /**
     * What an import did.
     *
     * @param summary the counts, as for every import type ({@code type} is {@code table})
     * @param table the table's name
     * @param idColumn the row id column
     * @param columns the table's columns with their types
     */
    public record Result(ImportSummary summary, String table, String idColumn, List<LabColumn> columns) {
    }

    private final LabStore store;

    public GenericTableImporter(LabStore store) {
        this.store = store;
    }

    /**
     * Reads the header and a sample of the file and says how each column would be imported, with
     * what the sample holds and which of its cells each type would reject. The table's name is
     * not needed (and not checked) until the import.
     *
     * @throws WorkbenchException INPUT_UNUSABLE for a missing, empty or unreadable file, or an
     *     unknown id or type column
     */
    public Preview preview(Request request) {
        Layout layout = layout(request);
        List<ColumnSample> samples = new ArrayList<>();
        for (int i = 0; i < layout.headers.size(); i++) {
            samples.add(sample(layout.headers.get(i), column(layout.sample, i)));
        }
        return new Preview(layout.columns, layout.inferred, layout.sample.subList(0, Math.min(PREVIEW_ROWS, layout.sample.size())),
                layout.delimiter, layout.idColumn, samples, layout.sample.size());
    }

    private static List<String> column(List<List<String>> rows, int index) {
        return rows.stream().map(row -> row.get(index)).toList();
    }

    private static ColumnSample sample(String header, List<String> cells) {
        java.util.LinkedHashSet<String> examples = new java.util.LinkedHashSet<>();
        int blank = 0;
        Map<ColumnType, Misfits> misfits = new java.util.EnumMap<>(ColumnType.class);
        for (String cell : cells) {
            if (cell == null || cell.isBlank()) {
                blank++;
                continue;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(cell.trim());
            }
            for (ColumnType type : TYPES) {
                String reason = reasonNotA(type, cell);
                if (reason != null) {
                    Misfits m = misfits.get(type);
                    misfits.put(type, m == null ? new Misfits(1, cell.trim(), reason) : new Misfits(m.rows() + 1, m.firstValue(), m.reason()));
                }
            }
        }
        return new ColumnSample(header, List.copyOf(examples), blank, Map.copyOf(misfits));
    }

    /** Why a non-blank cell would be rejected as a value of {@code type} ("is not a whole number"), or null when it fits. */
    public static String reasonNotA(ColumnType type, String cell) {
        try {
            parse(type, cell);
            return null;
        } catch (ColumnType.InvalidValueException e) {
            return e.getMessage();
        }
    }

    /**
     * Imports the file.
     *
     * @throws WorkbenchException INPUT_UNUSABLE for a missing, empty or unreadable file, a bad name,
     *     an unknown id or type column, or a name taken by something that is not a generic table
     */
    public Result importFile(Request request, ProgressMonitor monitor) {
        long started = System.nanoTime();
        String table = LabNames.checkNewTableName(request.tableName());
        if (store.exists(table) && store.table(table).isEmpty()) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The workspace already has a table or view called " + table
                    + " that was not imported with -t table; choose another name.");
        }
        Layout layout = layout(request);
        String staging = table + "_loading";
        long size = sizeOf(request.file());
        MessageDigest sha256 = sha256();
        boolean published = false;
        String fileName = request.file().getFileName().toString();
        try (InputStream raw = Files.newInputStream(request.file());
                CountingInputStream counting = new CountingInputStream(new DigestInputStream(raw, sha256));
                CsvRecordReader reader = new CsvRecordReader(counting, layout.delimiter)) {
            Loader loader = new Loader(layout);
            LabStore.Loaded loaded = store.load(staging, table, request.file().toAbsolutePath().normalize().toString(), fileName,
                    layout.idColumn, layout.idIsRowNumber, layout.columns, "The import of " + fileName
                            + " failed and was undone; the workspace is as it was. Cause", writer -> {
                        loader.writer = writer;
                        reader.next();
                        CsvRecordReader.Record r;
                        long seen = 0;
                        while ((r = reader.next()) != null) {
                            loader.add(r);
                            if ((++seen & 0x1FFF) == 0) {
                                monitor.checkCancelled();
                                monitor.update(Math.min(counting.count(), size), size, String.format("%,d rows", seen));
                            }
                        }
                        monitor.checkCancelled();
                        return java.util.HexFormat.of().formatHex(sha256.digest());
                    });
            if (loaded.accepted() == 0) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, request.file().getFileName() + ": every one of its "
                        + loaded.rejected() + " rows was rejected, so nothing was imported. The first reason: " + loader.firstReason);
            }
            store.publish(staging, new LabStore.TableEntry(table, request.file().toAbsolutePath().normalize().toString(),
                    layout.idColumn, layout.idIsRowNumber, layout.columns, loaded.accepted(), OffsetDateTime.now(ZoneOffset.UTC)),
                    loaded.runId());
            published = true;
            ImportSummary summary = new ImportSummary("table", loaded.accepted(), 0, loaded.rejected(), 0, List.of(), loaded.runId(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Result(summary, table, layout.idColumn, layout.columns);
        } catch (NoSuchFileException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + request.file() + " does not exist.", e);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + request.file() + " cannot be read: " + e.getMessage(), e);
        } finally {
            if (!published) {
                store.dropQuietly(staging);
            }
        }
    }

    /** The columns, types and id of a file. */
    private static final class Layout {
        char delimiter;
        List<String> headers;
        List<LabColumn> columns;
        Map<String, ColumnType> inferred = new LinkedHashMap<>();
        List<List<String>> sample = new ArrayList<>();
        String idColumn;
        boolean idIsRowNumber;
        int idIndex = -1;
    }

    private Layout layout(Request request) {
        Path file = request.file();
        Layout l = new Layout();
        sizeOf(file);
        try {
            String first = CsvRecordReader.firstLine(file);
            if (first == null || first.isBlank()) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " is empty: it has no header row.");
            }
            l.delimiter = request.delimiter() != null ? request.delimiter() : CsvRecordReader.detectDelimiter(first);
            try (CsvRecordReader reader = new CsvRecordReader(file, l.delimiter)) {
                CsvRecordReader.Record header = reader.next();
                if (header == null || header.fields() == null) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " has no readable header row.");
                }
                l.headers = List.of(header.fields());
                CsvRecordReader.Record r;
                while (l.sample.size() < SAMPLE_ROWS && (r = reader.next()) != null) {
                    if (r.fields() != null && r.fields().length == l.headers.size()) {
                        l.sample.add(List.of(r.fields()));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " cannot be read: " + e.getMessage(), e);
        }
        boolean rowNumber = request.idColumn() == null || request.idColumn().isBlank();
        List<String> names = LabNames.columnNames(l.headers, rowNumber ? Set.of(ROW_NUMBER_COLUMN) : Set.of());
        Map<String, ColumnType> overrides = new HashMap<>();
        request.typeOverrides().forEach((key, type) -> {
            int i = indexOf(l.headers, names, key);
            if (i < 0) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Cannot set the type of '" + key + "': " + file.getFileName()
                        + " has no such column. Its columns are: " + String.join(", ", l.headers) + ".");
            }
            overrides.put(names.get(i), type);
        });
        l.columns = new ArrayList<>();
        for (int i = 0; i < l.headers.size(); i++) {
            ColumnType guess = infer(column(l.sample, i));
            l.inferred.put(l.headers.get(i), guess);
            l.columns.add(new LabColumn(l.headers.get(i), names.get(i), overrides.getOrDefault(names.get(i), guess)));
        }
        if (rowNumber) {
            l.idColumn = ROW_NUMBER_COLUMN;
            l.idIsRowNumber = true;
        } else {
            l.idIndex = indexOf(l.headers, names, request.idColumn());
            if (l.idIndex < 0) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "--id " + request.idColumn() + ": " + file.getFileName()
                        + " has no such column. Its columns are: " + String.join(", ", l.headers) + ".");
            }
            LabColumn id = l.columns.get(l.idIndex);
            if (id.type() != ColumnType.TEXT && id.type() != ColumnType.INTEGER) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The id column " + id.header() + " holds " + LabStore.typeName(id.type())
                        + " values; an id must be text or a whole number.");
            }
            l.idColumn = id.name();
        }
        return l;
    }

    private static int indexOf(List<String> headers, List<String> names, String key) {
        String k = key.trim();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).trim().equalsIgnoreCase(k) || names.get(i).equalsIgnoreCase(k)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The type sample cells look like: whole numbers, then decimals, dates, timestamps, booleans;
     * text when none fits, when there are no values, or when numbers carry leading zeros (codes
     * such as pincodes or phone numbers, which arithmetic would spoil).
     */
    public static ColumnType infer(List<String> cells) {
        boolean any = cells.stream().anyMatch(c -> c != null && !c.isBlank());
        if (!any) {
            return ColumnType.TEXT;
        }
        boolean leadingZero = cells.stream().anyMatch(c -> c != null && LEADING_ZERO.matcher(c.trim()).matches()
                && !c.trim().matches("[+-]?0\\.\\d*"));
        outer:
        for (ColumnType candidate : new ColumnType[] {ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DATE,
            ColumnType.TIMESTAMP, ColumnType.BOOLEAN}) {
            if (leadingZero && (candidate == ColumnType.INTEGER || candidate == ColumnType.DECIMAL)) {
                continue;
            }
            for (String c : cells) {
                if (c != null && !c.isBlank() && reasonNotA(candidate, c) != null) {
                    continue outer;
                }
            }
            return candidate;
        }
        return ColumnType.TEXT;
    }

    /** Reads a non-blank cell as a value of {@code type}, the way the generic table stores it. */
    static Object parse(ColumnType type, String cell) {
        switch (type) {
            case INTEGER -> {
                String t = cell.trim();
                try {
                    return Long.valueOf(t.startsWith("+") ? t.substring(1) : t);
                } catch (NumberFormatException e) {
                    throw new ColumnType.InvalidValueException("is not a whole number");
                }
            }
            case DECIMAL -> {
                double d = ((java.math.BigDecimal) ColumnType.DECIMAL.parse(cell)).doubleValue();
                if (Double.isInfinite(d)) {
                    throw new ColumnType.InvalidValueException("is too large a number");
                }
                return d;
            }
            default -> {
                return type.parse(cell);
            }
        }
    }

    /** Checks one import's rows and hands them to the store's writer. Used by one thread. */
    private static final class Loader {
        private final Layout layout;
        private final Map<Object, Long> seenIds = new HashMap<>();
        private LabStore.StagingWriter writer;
        private long rowNumber;
        String firstReason;

        Loader(Layout layout) {
            this.layout = layout;
        }

        void add(CsvRecordReader.Record r) {
            rowNumber++;
            if (r.fields() == null) {
                reject(r, r.problem());
                return;
            }
            if (r.fields().length != layout.headers.size()) {
                reject(r, "has " + r.fields().length + " cells but the header has " + layout.headers.size());
                return;
            }
            int n = layout.columns.size();
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                String cell = r.fields()[i];
                LabColumn col = layout.columns.get(i);
                if (cell == null || cell.isBlank()) {
                    if (i == layout.idIndex) {
                        reject(r, "has no " + col.header() + " (the id column)");
                        return;
                    }
                    continue;
                }
                try {
                    values[i] = parse(col.type(), cell);
                } catch (ColumnType.InvalidValueException e) {
                    reject(r, col.header() + " '" + cell + "' " + e.getMessage() + " (the column holds " + LabStore.typeName(col.type())
                            + " values; set another type with --type " + col.name() + "=text)");
                    return;
                }
            }
            if (layout.idIndex >= 0) {
                Long first = seenIds.putIfAbsent(values[layout.idIndex], r.line());
                if (first != null) {
                    reject(r, "duplicate " + layout.columns.get(layout.idIndex).header() + " '" + values[layout.idIndex]
                            + "' (first on line " + first + ")");
                    return;
                }
            }
            if (layout.idIsRowNumber) {
                Object[] numbered = new Object[n + 1];
                numbered[0] = rowNumber;
                System.arraycopy(values, 0, numbered, 1, n);
                values = numbered;
            }
            writer.insert(values);
        }

        private void reject(CsvRecordReader.Record r, String reason) {
            String text = "line " + r.line() + ": " + reason;
            if (firstReason == null) {
                firstReason = text;
            }
            writer.reject(r.line(), text, r.raw());
        }
    }

    private static long sizeOf(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file + " is a folder, not a CSV file.");
            }
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
