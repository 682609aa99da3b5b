package in.workbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.imports.RejectedRows;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabColumn;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The model lab on the command line: {@code import -t table}, {@code train lab}, {@code lab list}
 * and {@code predict lab}. The shared commands call in here with one line each, so that the lab's
 * options and output live in one place.
 */
final class LabCommands {

    private LabCommands() {
    }

    /** {@code import -w DIR -t table --name NAME FILE [--id COL] [--type COL=TYPE]...}. */
    static int importTable(WorkspaceOptions options, List<String> types, String name, String id, Path file, Character delimiter,
            Path rejects, CommandSpec spec) throws Exception {
        if (name == null || name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "-t table needs --name NAME, the name of the new table.");
        }
        Map<String, ColumnType> overrides = new LinkedHashMap<>();
        for (String t : types) {
            if (t.equals("table")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "Give -t table once and column types as --type COL=TYPE, not '" + t + "'.");
            }
            overrides.put(t.substring(0, eq).trim(), LabStore.typeNamed(t.substring(eq + 1)));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            GenericTableImporter.Result result;
            try (TerminalProgress progress = new TerminalProgress("Importing " + file.getFileName(), options.quiet(), System.err)) {
                result = new GenericTableImporter(new LabStore(ws)).importFile(
                        new GenericTableImporter.Request(file, name, id, overrides, delimiter), progress);
            }
            ImportSummary summary = result.summary();
            out.printf("Imported %,d rows into table %s (id: %s); %,d rejected.%n", summary.imported(), result.table(),
                    result.idColumn(), summary.rejected());
            for (LabColumn c : result.columns()) {
                out.printf("  %-28s %s%n", c.name(), LabStore.typeName(c.type()));
            }
            if (rejects != null) {
                long written = new RejectedRows(ws).export(summary.runId(), rejects);
                out.printf("Wrote %,d rejected rows to %s%n", written, rejects);
            } else if (summary.rejected() > 0) {
                out.println("See them with: workbench export -w " + ws.folder() + " --table rejected_rows --filter run_id="
                        + summary.runId() + " -o rejected.csv");
            }
            if (options.json()) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode node = json.createObjectNode();
                node.put("type", "table");
                node.put("table", result.table());
                node.put("imported", summary.imported());
                node.put("rejected", summary.rejected());
                node.put("unresolved", 0);
                node.putArray("ignored_columns");
                node.put("id_column", result.idColumn());
                ArrayNode columns = node.putArray("columns");
                for (LabColumn c : result.columns()) {
                    columns.addObject().put("name", c.name()).put("header", c.header()).put("type", LabStore.typeName(c.type()));
                }
                node.put("run_id", summary.runId());
                out.println(json.writeValueAsString(node));
            }
        }
        return 0;
    }
}
