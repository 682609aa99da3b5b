package in.workbench.views.network;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.network.PageDecision;
import in.workbench.analytics.network.PointInTimeFeatures;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.network.Sessions;
import in.workbench.analytics.network.SlowNetworkModel;
import in.workbench.analytics.network.SlowNetworkReport;
import in.workbench.analytics.network.SlowNetworkScoring;
import in.workbench.analytics.network.SlowReasons;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Slow networks screen's state: the report of where sessions are slow, and, once the
 * slow-network model is trained, every session's P(slow) (computed as production would have, in
 * one time-ordered pass), a session's prediction with its reasons, and the page decision's mean
 * utility at the analyst's threshold against "everyone full" and "everyone lite" on the sessions
 * of the last week with an outcome. Loads once per workspace in the background and applies only
 * the latest load. Used on the JavaFX thread.
 */
public final class SlowNetworkViewModel {

    private static final long WEEK_MS = 7L * 24 * 3_600_000;

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final Supplier<PostalDirectory> directory;
    private long generation;

    private final ObjectProperty<SlowNetworkReport> report = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty threshold = new SimpleDoubleProperty(PageDecision.DEFAULTS.threshold());
    private final ObjectProperty<PageDecision.Comparison> utility = new SimpleObjectProperty<>();
    private final StringProperty sessionQuery = new SimpleStringProperty("");
    private final StringProperty sessionAnswer = new SimpleStringProperty("");
    private Snapshot snapshot;

    /** What one load computed. */
    private record Snapshot(SlowNetworkReport report, Sessions sessions, float[] features, SlowNetworkModel model, PageDecision decision,
            Map<String, Integer> rowOf, double[] heldOutP, boolean[] heldOutY, double[] pSlow, double[] calibrationMap) {
    }

    public SlowNetworkViewModel(TaskRunner runner, Supplier<PostalDirectory> directory, Consumer<Throwable> onError) {
        this.runner = runner;
        this.directory = directory;
        this.onError = onError;
        threshold.addListener((obs, o, n) -> updateUtility());
        sessionQuery.addListener((obs, o, n) -> explain());
    }

    /** Loads the workspace's sessions (and model, if trained) in the background. */
    public void load(Workspace ws) {
        long mine = ++generation;
        message.set("Loading sessions…");
        runner.submit("Slow networks", monitor -> {
            Sessions s = new SessionStore(ws).readAll(monitor);
            SlowNetworkReport r = SlowNetworkReport.of(s, directory);
            if (!Files.exists(ws.modelsDir().resolve(SlowNetworkModel.FILE_NAME))) {
                return new Snapshot(r, s, null, null, PageDecision.of(ws), Map.of(), new double[0], new boolean[0], new double[0],
                        new double[0]);
            }
            SlowNetworkModel model = SlowNetworkModel.load(ws.modelsDir());
            float[] f = PointInTimeFeatures.computeAll(s, monitor);
            Map<String, Integer> rowOf = new HashMap<>(s.size() * 2);
            for (int i = 0; i < s.size(); i++) {
                rowOf.put(s.sessionId(i), i);
            }
            long last = 0;
            for (int i = 0; i < s.size(); i++) {
                if (s.labelled(i)) {
                    last = Math.max(last, s.startMillis(i));
                }
            }
            long from = last - WEEK_MS;
            int[] rows = Arrays.stream(s.timeOrder()).filter(i -> s.labelled(i) && s.startMillis(i) >= from).toArray();
            PageDecision decision = PageDecision.of(ws);
            // every session as predict scores it (the running calibration fed by the workspace's ended sessions)
            double[] map = new double[2 * s.size()];
            double[] all = SlowNetworkScoring.pSlowAll(model, s, f, i -> true, true, map, monitor);
            boolean[] y = new boolean[rows.length];
            double[] heldOut = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                y[k] = s.slow(rows[k]);
                heldOut[k] = all[rows[k]];
            }
            return new Snapshot(r, s, f, model, decision, rowOf, heldOut, y, all, map);
        }, snap -> {
            if (mine != generation) {
                return;
            }
            snapshot = snap;
            report.set(snap.report());
            threshold.set(snap.decision().threshold());
            message.set(snap.sessions().size() == 0 ? "This workspace has no app sessions. Import sessions.csv (File ▸ Import…), or "
                    + "open the sample sessions from File ▸ Open sample."
                    : snap.model() == null ? String.format("%,d sessions. Train the model (workbench train -w DIR slow-network) to see "
                    + "predictions and the page decision.", snap.sessions().size())
                    : String.format("%,d sessions; model: %s. Utility on the %,d sessions of the last week with an outcome.",
                            snap.sessions().size(), snap.model().algorithm(), snap.heldOutP().length));
            updateUtility();
            explain();
        }, e -> {
            if (mine == generation) {
                message.set("Could not load the sessions.");
                onError.accept(e);
            }
        });
    }

    private void updateUtility() {
        if (snapshot == null || snapshot.model() == null) {
            utility.set(null);
            return;
        }
        utility.set(snapshot.decision().compare(snapshot.heldOutP(), snapshot.heldOutY(), threshold.get()));
    }

    private void explain() {
        String id = sessionQuery.get() == null ? "" : sessionQuery.get().trim();
        if (snapshot == null || id.isEmpty()) {
            sessionAnswer.set("");
            return;
        }
        Integer i = snapshot.rowOf().get(id);
        if (snapshot.model() == null) {
            sessionAnswer.set("No slow-network model yet: run `workbench train -w DIR slow-network`.");
        } else if (i == null) {
            sessionAnswer.set("No session " + id + " in this workspace.");
        } else {
            SlowNetworkModel m = snapshot.model();
            float[] scratch = m.newScratch();
            int off = i * PointInTimeFeatures.WIDTH;
            double p = snapshot.pSlow()[i];
            String reasons = SlowReasons.explain(m, snapshot.sessions(), i, snapshot.features(), off, p, snapshot.calibrationMap()[2 * i],
                    snapshot.calibrationMap()[2 * i + 1], new float[PointInTimeFeatures.WIDTH], scratch);
            Sessions s = snapshot.sessions();
            sessionAnswer.set(String.format(Locale.ROOT, "P(slow) %.3f → %s page%nReasons: %s%nOn %s%s, local hour %02d%s", p,
                    p > threshold.get() ? "lite" : "full",
                    reasons.isEmpty() ? "nothing stands out" : reasons, s.network(i).code(),
                    s.towerId(i) == null ? "" : ", tower " + s.towerId(i), s.localHour(i),
                    s.labelled(i) ? ". Outcome: " + (s.slow(i) ? "slow" : "fast") : ". No outcome yet."));
        }
    }

    public ReadOnlyObjectProperty<SlowNetworkReport> reportProperty() {
        return report;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The P(slow) above which the rule serves lite; starts at the workspace utilities' threshold. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The rule's and the uniform policies' mean utility per session at the threshold (null without a model). */
    public ReadOnlyObjectProperty<PageDecision.Comparison> utilityProperty() {
        return utility;
    }

    /** The session id the analyst asks about. */
    public StringProperty sessionQueryProperty() {
        return sessionQuery;
    }

    public ReadOnlyStringProperty sessionAnswerProperty() {
        return sessionAnswer;
    }
}
