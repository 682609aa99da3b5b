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
 * <p>The CSV is written to a temporary file and moved into place, so a failed or cancelled
 * export never leaves a half-written file behind. Thread-safe.
 */
public final class CsvExporter {

    private final Workspace workspace;
    private final TableBrowser browser;

    public CsvExporter(Workspace workspace) {
        this.workspace = workspace;
        this.browser = new TableBrowser(workspace);
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
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                    ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
                csv.writeNext(columns.stream().map(ColumnInfo::name).toArray(String[]::new), false);
                String[] line = new String[columns.size()];
                long[] written = {0};
                rows = browser.stream(query, row -> {
                    for (int i = 0; i < row.length; i++) {
                        line[i] = format(row[i]);
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
            writeProvenance(query, target, rows, provenance);
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

    private void writeProvenance(TableQuery query, Path csv, long rows, Path provenance) throws IOException {
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
