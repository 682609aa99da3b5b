package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.network.PageDecision;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.network.SlowNetworkModel;
import in.workbench.analytics.network.SlowNetworkPredictor;
import in.workbench.analytics.network.SlowNetworkTrainer;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The slow-network parts of the command line ({@code import -t sessions}, {@code train slow-network},
 * {@code predict slow-network}), kept here so that the shared commands only dispatch to them.
 * Stateless.
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

    /** {@code train -w DIR slow-network [--seed N] [--threshold-ms MS]}. */
    static int train(WorkspaceOptions options, long seed, Integer thresholdMs, CommandSpec spec) throws Exception {
        if (thresholdMs != null && thresholdMs <= 0) {
            throw new ParameterException(spec.commandLine(), "--threshold-ms must be a positive number of milliseconds.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            SessionStore store = new SessionStore(ws);
            if (thresholdMs != null) {
                long changed = store.setThresholdMs(thresholdMs);
                out.printf("Slow threshold set to %,d ms; %,d sessions re-derived from page_load_ms.%n", thresholdMs, changed);
            }
            SlowNetworkTrainer.Result result;
            try (TerminalProgress progress = options.progress("Training slow-network")) {
                result = new SlowNetworkTrainer().trainAndSave(ws, SlowNetworkTrainer.Options.defaults(seed), progress);
            }
            SlowNetworkTrainer.Report r = result.report();
            out.printf("Slow-network model trained on %,d sessions before %s (%,d more calibrate it), tested on %,d sessions of the last "
                    + "week; %,d sessions in all, %,d with an outcome, seed %d, threshold %,d ms:%n", r.trainRows(), r.testFrom(),
                    r.calibrationRows(), r.testRows(), r.sessions(), r.labelled(), seed, store.thresholdMs());
            for (SlowNetworkTrainer.CandidateMetrics c : r.candidates()) {
                out.printf("  %-20s AUC %.3f  Brier %.4f  ECE %.4f  log-loss %.4f%s%n", c.algorithm(), c.auc(), c.brier(), c.ece(),
                        c.logLoss(), c.algorithm().equals(r.chosen()) ? "  <- kept (calibration slice log-loss)" : "");
            }
            PageDecision.Comparison u = r.utility();
            out.printf("Page decision (lite when p_slow > %.3f), mean utility per test session: rule %.4f, everyone full %.4f, "
                    + "everyone lite %.4f. Trained in %.1f s.%n", u.threshold(), u.rule(), u.everyoneFull(), u.everyoneLite(),
                    r.trainMillis() / 1000.0);
            out.printf("Saved %s (also the scoring artefact for SlowNetworkScorer) and %s under %s.%n", SlowNetworkModel.FILE_NAME,
                    SlowNetworkModel.TRIBUO_FILE_NAME, ws.modelsDir());
            if (options.json()) {
                ObjectNode node = JsonSummary.object();
                node.put("model", SlowNetworkModel.NAME);
                node.put("auc", r.kept().auc());
                node.put("ece", r.kept().ece());
                node.put("brier", r.kept().brier());
                node.put("log_loss", r.kept().logLoss());
                node.put("chosen", r.chosen());
                node.put("train_rows", r.trainRows());
                node.put("calibration_rows", r.calibrationRows());
                node.put("test_rows", r.testRows());
                node.put("threshold_ms", store.thresholdMs());
                node.put("seed", seed);
                ObjectNode cands = node.putObject("candidates");
                r.candidates().forEach(c -> cands.putObject(c.algorithm()).put("auc", c.auc()).put("brier", c.brier()).put("ece", c.ece()));
                ObjectNode util = node.putObject("utility_per_session");
                util.put("threshold", u.threshold());
                util.put("rule", u.rule());
                util.put("everyone_full", u.everyoneFull());
                util.put("everyone_lite", u.everyoneLite());
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }

    /** {@code predict -w DIR slow-network -o FILE [--all]}. */
    static void predict(Workspace ws, boolean all, Path file, WorkspaceOptions options, PrintWriter out) {
        SlowNetworkPredictor.Summary s;
        try (TerminalProgress progress = options.progress("Predicting slow sessions")) {
            s = new SlowNetworkPredictor().predict(ws, all, file, progress);
        }
        out.printf("Scored %,d sessions%s: %,d served lite (p_slow > %.3f). Wrote %s.%n", s.scored(), all ? "" : " without an outcome",
                s.lite(), s.threshold(), file);
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("model", "slow-network", "sessions", s.scored(), "lite", s.lite(), "threshold",
                    s.threshold()));
        }
    }
}
