package in.workbench.app.cli;

import in.workbench.analytics.browse.TableQuery;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.export.ExportResult;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code workbench export -w DIR --table NAME -o FILE}: any table or report view as CSV. */
@Command(name = "export", description = {
    "Export a table or report view as CSV, with FILE.provenance.json beside it.",
    "Filters as in the data browser: text columns match by 'contains' (=x for exact), numbers and dates take",
    "5, >=5, <5, 1..10."})
public final class ExportCommand extends WorkspaceCommand {

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "A table or view (see `info`).")
    String table;

    @Mixin
    CsvOutputOption csvOutput;

    @Option(names = "--filter", paramLabel = "COL=TEXT", description = "Keep rows whose COL matches TEXT (repeatable).")
    Map<String, String> filters = new LinkedHashMap<>();

    @Option(names = "--search", paramLabel = "TEXT", description = "Keep rows where any text column contains TEXT.")
    String search;

    @Option(names = "--sort", paramLabel = "COL[:desc]", description = "Sort by a column, ascending unless :desc.")
    String sort;

    @Option(names = "--raw", description = "Write text exactly as stored. By default text a spreadsheet would run as a formula "
            + "(starting with =, +, -, @) gets a leading apostrophe; use --raw for files meant for programs or a re-import.")
    boolean raw;

    @Override
    void run(Workspace ws, PrintWriter out) {
        String sortColumn = null;
        boolean ascending = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(":", 2);
            sortColumn = parts[0];
            ascending = parts.length < 2 || !parts[1].equalsIgnoreCase("desc");
        }
        TableQuery query = new TableQuery(table, filters, search, sortColumn, ascending);
        ExportResult result;
        try (TerminalProgress progress = progress("Exporting " + table)) {
            CsvExporter exporter = new CsvExporter(ws);
            result = (raw ? exporter.raw() : exporter).export(query, csvOutput.file(), progress);
        }
        out.printf("Wrote %,d rows to %s (provenance in %s)%n", result.rows(), result.file(), result.provenanceFile().getFileName());
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("table", table, "rows", result.rows(), "file", result.file().toString(),
                    "provenance", result.provenanceFile().toString()));
        }
    }
}
