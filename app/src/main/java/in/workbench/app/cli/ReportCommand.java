package in.workbench.app.cli;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code workbench report -w DIR regional-lift -o FILE}: writes a report as CSV. */
@Command(name = "report", description = {"Write a report as CSV.",
    "regional-lift: state,category,subcategory,orders,share,lift (then national_share,lift_low,lift_high,state_orders);",
    "share = the state's observed share of its orders, lift = share shrunk toward the national share (empirical Bayes)",
    "over the national share, with its 90%% interval. Orders whose address has no resolvable state are left out (Unknown)."})
public final class ReportCommand extends WorkspaceCommand {

    @Parameters(index = "0", paramLabel = "REPORT", description = "regional-lift")
    String report;

    @Mixin
    CsvOutputOption csvOutput;

    @Override
    void checkArguments() {
        if (!report.equals("regional-lift")) {
            throw usageError("Unknown report '" + report + "'. This version writes: regional-lift.");
        }
    }

    @Override
    void run(Workspace ws, PrintWriter out) {
        Path output = csvOutput.file();
        try (TerminalProgress progress = progress("Building the regional aggregates")) {
            new ImportHooks().regional().ensureBuilt(ws, progress);
        }
        RegionalPreferences prefs = RegionalPreferences.load(ws);
        if (prefs.states().isEmpty()) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The workspace has no orders with a known state and product: "
                    + "import shipments, addresses and the catalog first (workbench import -w " + ws.folder() + " -t shipments FILE).");
        }
        long rows = prefs.writeReport(output);
        out.printf("Wrote %,d rows (%d states × %d subcategories) to %s.%n", rows, prefs.states().size(), prefs.subcategories().size(),
                output);
        out.println(prefs.unknownExplanation());
        if (!prefs.statesWithoutOrders().isEmpty()) {
            out.println("No orders at all from: " + String.join(", ", prefs.statesWithoutOrders()) + ".");
        }
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("report", "regional-lift", "rows", rows, "states", prefs.states().size(),
                    "subcategories", prefs.subcategories().size(), "unknown_state_orders", prefs.unknownStateOrders(),
                    "not_in_catalog_orders", prefs.notInCatalogOrders()));
        }
    }
}
