package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.imports.RejectedRows;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench import -w DIR -t TYPE FILE}: loads a CSV export into the workspace. */
@Command(name = "import", description = {
    "Import a CSV file (layouts in docs/data-formats.md). Bad rows are rejected one by one and kept with their line and reason;",
    "the import is all or nothing. Re-importing the same ids updates those rows."})
public final class ImportCommand extends WorkspaceCommand {

    @Option(names = {"-t", "--type"}, required = true, paramLabel = "TYPE",
            description = {"catalog, addresses, shipments, package-types, labels, sessions, people, contacts, tests or table (any CSV as "
                + "its own table);", "with -t table, --type COL=TYPE (repeatable) sets a column's type: integer, decimal, boolean, date, "
                + "timestamp, text"})
    List<String> types;

    @Option(names = "--name", paramLabel = "NAME", description = "-t table: the table's name (a letter, then letters, digits, _).")
    String name;

    @Option(names = "--id", paramLabel = "COL", description = "-t table: the column that identifies a row (default: the row number).")
    String id;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--map", paramLabel = "SRC=DST", description = "Map the file's column SRC to the canonical column DST (repeatable).")
    Map<String, String> map = new LinkedHashMap<>();

    @Option(names = "--delimiter", paramLabel = "C", description = "comma, semicolon, tab (or the character); detected when omitted.")
    String delimiter;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Also write the rejected rows as CSV line,reason,raw.")
    Path rejects;

    private DataTable table;
    private Map<String, ColumnType> columnTypes;
    private Character delimiterChar;

    @Override
    void checkArguments() {
        if (types.contains("table")) {
            delimiterChar = parseDelimiter();
            columnTypes = LabCommands.columnTypes(types, name, spec);
            return;
        }
        if (types.size() > 1) {
            throw usageError("Give -t once (column types only with -t table).");
        }
        String type = types.get(0);
        table = DataTable.byImportType(type).orElseThrow(() -> usageError("Unknown type '" + type + "': use catalog, addresses, "
                + "shipments, package-types, labels, sessions, people, contacts, tests or table."));
        delimiterChar = parseDelimiter();
    }

    @Override
    void run(Workspace ws, PrintWriter out) {
        if (table == null) {
            LabCommands.importTable(ws, options, new GenericTableImporter.Request(file, name, id, columnTypes, delimiterChar), rejects, out);
            return;
        }
        ImportSummary summary;
        try (TerminalProgress progress = progress("Importing " + file.getFileName())) {
            summary = new CsvImporter(ws, new ImportHooks().all()).importFile(file, table, new ImportOptions(map, delimiterChar), progress);
        }
        out.println(summary.sentence());
        long inconsistent = table == DataTable.SESSIONS ? SlowNetworkCommands.reportInconsistent(ws, summary, out) : 0;
        out.printf("%,.0f rows/s%n", summary.rowsPerSecond());
        reportRejects(ws, summary, rejects, out);
        if (options.json()) {
            ObjectNode node = JsonSummary.object();
            node.put("type", summary.type());
            node.put("imported", summary.imported());
            node.put("rejected", summary.rejected());
            node.put("unresolved", summary.unresolved());
            node.putPOJO("ignored_columns", List.copyOf(summary.ignoredColumns()));
            node.put("updated", summary.updated());
            node.put("run_id", summary.runId());
            node.put("rows_per_second", Math.round(summary.rowsPerSecond()));
            if (table == DataTable.SESSIONS) {
                node.put("inconsistent_outcomes", inconsistent);
            }
            JsonSummary.print(out, node);
        }
    }

    /**
     * Writes the import's rejected rows to {@code rejects} when given, else says how to export them
     * when there are any: the same lines after every import, of a data table or of any CSV as its own table.
     */
    static void reportRejects(Workspace ws, ImportSummary summary, Path rejects, PrintWriter out) {
        if (rejects != null) {
            long written = new RejectedRows(ws).export(summary.runId(), rejects);
            out.printf("Wrote %,d rejected rows to %s%n", written, rejects);
        } else if (summary.rejected() > 0) {
            out.println("See them with: workbench export -w " + ws.folder() + " --table rejected_rows --filter run_id="
                    + summary.runId() + " -o rejected.csv");
        }
    }

    private Character parseDelimiter() {
        if (delimiter == null) {
            return null;
        }
        return switch (delimiter.toLowerCase()) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "tab", "\\t", "\t" -> '\t';
            default -> {
                if (delimiter.length() == 1) {
                    yield delimiter.charAt(0);
                }
                throw usageError("Unknown delimiter '" + delimiter + "': use comma, semicolon or tab.");
            }
        };
    }
}
