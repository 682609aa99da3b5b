package in.workbench.app.cli;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench report -w DIR regional-lift -o FILE}: writes a report as CSV. */
@Command(name = "report", description = {"Write a report as CSV.",
    "regional-lift: state,category,subcategory,orders,share,lift (then national_share,lift_low,lift_high,state_orders);",
    "share = the state's observed share of its orders, lift = share shrunk toward the national share (empirical Bayes)",
    "over the national share, with its 90% interval. Orders whose address has no resolvable state are left out (Unknown)."})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "REPORT", description = "regional-lift")
    String report;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!report.equals("regional-lift")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown report '" + report
                    + "'. This version writes: regional-lift.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            try (TerminalProgress progress = new TerminalProgress("Building the regional aggregates", options.quiet(), System.err)) {
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
                out.printf("{\"report\":\"regional-lift\",\"rows\":%d,\"states\":%d,\"subcategories\":%d,\"unknown_state_orders\":%d,"
                        + "\"not_in_catalog_orders\":%d}%n", rows, prefs.states().size(), prefs.subcategories().size(),
                        prefs.unknownStateOrders(), prefs.notInCatalogOrders());
            }
        }
        return 0;
    }
}
