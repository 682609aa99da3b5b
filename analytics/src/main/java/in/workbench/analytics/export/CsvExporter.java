package in.workbench.analytics.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.browse.TableBrowser;
import in.workbench.analytics.browse.TableQuery;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes exactly the rows a {@link TableQuery} selects to a CSV file (UTF-8, header row, OpenCSV
 * quoting), and a {@code FILE.provenance.json} beside it saying where the rows came from: the
 * workspace, the query, the source files with their SHA-256, the time and the workbench version.
 *
 * <p>Text that a spreadsheet would take for a formula — a text value starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, such as an address a customer typed as
 * {@code =HYPERLINK(…)} — is written with an apostrophe in front, so that opening the export in a
 * spreadsheet shows it as text instead of running it (OWASP's advice on CSV injection). Only text
 * columns' values are touched, never numbers, dates or booleans; the provenance file counts the
 * cells so written. {@link #raw()} writes every value as it is, for files meant for programs (a
 * re-import, a script).
 *
 * <p>The CSV is written to a temporary file and moved into place, so a failed or cancelled
 * export never leaves a half-written file behind. Thread-safe.
 */
public final class CsvExporter {

    /** A signed number written as text, which no spreadsheet reads as a formula. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]\\d+(\\.\\d+)?");

    private final Workspace workspace;
    private final TableBrowser browser;
    private final boolean raw;

    /** An exporter that writes formula-like text as text (see the class comment). */
    public CsvExporter(Workspace workspace) {
        this(workspace, false);
    }

    private CsvExporter(Workspace workspace, boolean raw) {
        this.workspace = workspace;
        this.browser = new TableBrowser(workspace);
        this.raw = raw;
    }

    /** The same exporter writing every value exactly as stored, formula-like text included. */
    public CsvExporter raw() {
        return new CsvExporter(workspace, true);
    }

    /** The provenance file written beside an export. */
    public static Path provenanceFileOf(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".provenance.json");
    }

    /** Exports the query's rows to {@code file}. */
    public ExportResult export(TableQuery query, Path file, ProgressMonitor monitor) {
        List<ColumnInfo> columns = browser.columns(query.table());
        long total = browser.count(query);
        Path target = file.toAbsolutePath().normalize();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            long rows;
            long[] escaped = {0};
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
                csv.writeNext(columns.stream().map(ColumnInfo::name).toArray(String[]::new), false);
                String[] line = new String[columns.size()];
                long[] written = {0};
                rows = browser.stream(query, row -> {
                    for (int i = 0; i < row.length; i++) {
                        line[i] = format(row[i]);
                        if (!raw && row[i] instanceof String text && looksLikeAFormula(text)) {
                            line[i] = spreadsheetSafe(text);
                            escaped[0]++;
                        }
                    }
                    csv.writeNext(line, false);
                    if ((++written[0] & 0x3FFF) == 0) {
                        monitor.checkCancelled();
                        monitor.update(written[0], total, String.format("%,d of %,d rows", written[0], total));
                    }
                });
                monitor.update(rows, total, String.format("%,d rows", rows));
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path provenance = provenanceFileOf(target);
            writeProvenance(query, target, rows, escaped[0], provenance);
            return new ExportResult(target, provenance, rows);
        } catch (IOException | UncheckedIOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    org.slf4j.LoggerFactory.getLogger(CsvExporter.class).warn("could not remove {}", temp, e);
                }
            }
        }
    }

    /**
     * Whether a spreadsheet opening a CSV cell with this text would read it as a formula: it starts with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return. A lone {@code -} or
     * {@code +} (a placeholder) and text that is a plain number ({@code -12.5}) are not formulas.
     */
    public static boolean looksLikeAFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if (first == '+' || first == '-') {
            return text.length() > 1 && !PLAIN_NUMBER.matcher(text).matches();
        }
        return false;
    }

    /**
     * {@code text} as a spreadsheet should show it: with an apostrophe in front when it
     * {@link #looksLikeAFormula looks like a formula}, else unchanged (null stays null). For the
     * other CSV files people open (rejected rows, chart data), whose text comes from others too.
     */
    public static String spreadsheetSafe(String text) {
        return text != null && looksLikeAFormula(text) ? "'" + text : text;
    }

    /** The text a value is written as: ISO dates and timestamps, plain decimals, true/false. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        return value.toString();
    }

    private void writeProvenance(TableQuery query, Path csv, long rows, long escaped, Path provenance) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("file", csv.getFileName().toString());
        root.put("workspace", workspace.folder().toString());
        root.put("table", query.table());
        ObjectNode filters = root.putObject("filters");
        query.columnFilters().forEach(filters::put);
        root.put("search", query.search());
        if (query.sortColumn() != null) {
            root.put("sort", query.sortColumn() + (query.ascending() ? " asc" : " desc"));
        }
        root.put("rows", rows);
        root.put("formula_like_text", raw ? "written as stored" : "written with a leading apostrophe");
        root.put("cells_with_apostrophe_added", escaped);
        root.put("exported_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)));
        String version = CsvExporter.class.getPackage().getImplementationVersion();
        root.put("workbench_version", version == null ? "development" : version);
        ArrayNode sources = root.putArray("sources");
        String table = query.table().trim().toLowerCase(java.util.Locale.ROOT);
        boolean dataTable = DataTable.bySqlName(table).map(t -> t.importType() != null).orElse(false);
        for (ExportStore.FinishedImport run : new ExportStore(workspace).finishedImports(dataTable ? table : null)) {
            ObjectNode s = sources.addObject();
            s.put("table", run.table());
            s.put("file", run.file());
            s.put("sha256", run.sha256());
            s.put("imported_at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(run.finishedAt()));
            s.put("rows_imported", run.imported());
            s.put("rows_rejected", run.rejected());
        }
        Files.writeString(provenance, json.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }
}
