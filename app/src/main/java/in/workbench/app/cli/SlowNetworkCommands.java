package in.workbench.app.cli;

import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;

/**
 * The slow-network parts of the command line ({@code import -t sessions}, {@code train slow-network},
 * {@code predict slow-network}, {@code bench slow-network}), kept here so that the shared commands
 * only dispatch to them. Stateless.
 */
final class SlowNetworkCommands {

    private SlowNetworkCommands() {
    }

    /** Prints how many sessions of the import gave outcomes that disagree with the threshold; returns that count. */
    static long reportInconsistent(Workspace ws, ImportSummary summary, PrintWriter out) {
        SessionStore store = new SessionStore(ws);
        long inconsistent = store.inconsistentOutcomes(summary.runId());
        if (inconsistent > 0) {
            out.printf("%,d sessions give a slow flag that disagrees with page_load_ms and the %,d ms threshold; kept as given.%n",
                    inconsistent, store.thresholdMs());
        }
        return inconsistent;
    }
}
