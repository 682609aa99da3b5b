package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowNetworkPredictionTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static List<SessionRow> rows;
    static SlowNetworkTrainer.Result trained;

    static String csv(List<SessionRow> rows) {
        StringBuilder b = new StringBuilder(SessionImportTest.HEADER);
        for (SessionRow r : rows) {
            b.append(String.join(",", r.sessionId(), r.customerId(), r.ts().toString(), s(r.deviceModel()), s(r.os()), s(r.ramGb()),
                    r.networkType().code(), s(r.carrier()), s(r.towerId()), s(r.signalDbm()), s(r.lastLatencyMs()), s(r.pincode()),
                    s(r.pageLoadMs()), s(r.slow()))).append('\n');
        }
        return b.toString();
    }

    static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    static void importRows(List<SessionRow> part, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, csv(part));
        new CsvImporter(ws, List.of(SessionStore.outcomesHook())).importFile(f, DataTable.SESSIONS, ImportOptions.defaults(),
                ProgressMonitor.NONE);
    }

    static Map<String, String> predictAll(String name) throws Exception {
        Path out = dir.resolve(name);
        new SlowNetworkPredictor().predict(ws, true, out, ProgressMonitor.NONE);
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out).subList(1, Files.readAllLines(out).size())) {
            byId.put(line.substring(0, line.indexOf(',')), line);
        }
        return byId;
    }

    @BeforeAll
    static void trainOnTheFirstThreeWeeks() throws Exception {
        rows = new ArrayList<>(TestSessions.world(5_000, 25, 21));
        rows.sort(Comparator.comparing(SessionRow::ts).thenComparing(SessionRow::sessionId));
        ws = Workspace.open(dir.resolve("ws"));
        importRows(rows.subList(0, 4_000), "old.csv");
        trained = new SlowNetworkTrainer().trainAndSave(ws, new SlowNetworkTrainer.Options(3, 30, 3, 0.15), ProgressMonitor.NONE);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void predictionsForOldSessionsDoNotChangeWhenNewerSessionsAreImported() throws Exception {
        Map<String, String> before = predictAll("before.csv");
        assertEquals(4_000, before.size());
        assertTrue(before.values().stream().anyMatch(l -> l.contains(",true,")) && before.values().stream().anyMatch(l -> l.contains(",false,")));
        // the newer sessions include each customer's next session, whose last_latency_ms describes the old one's network
        importRows(rows.subList(4_000, rows.size()), "new.csv");
        Map<String, String> after = predictAll("after.csv");
        assertEquals(5_000, after.size());
        before.forEach((id, line) -> assertEquals(line, after.get(id), id));
        assertEquals(5_000, in.workbench.analytics.workspace.Sql.count(ws, "SELECT COUNT(*) FROM session_predictions", List.of(), "count"));
    }

    @Test
    void theExportedScorerGivesTheWorkbenchsPredictionsRowByRow() throws Exception {
        SlowNetworkScorer scorer = SlowNetworkScorer.open(ws.modelsDir().resolve(SlowNetworkModel.FILE_NAME), PageDecision.DEFAULTS);
        List<SessionRow> old = rows.subList(0, 4_000);
        Sessions s = TestSessions.of(old);
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        SlowNetworkModel model = SlowNetworkModel.load(ws.modelsDir());
        assertTrue(model.runningCalibration().on(), "a trained model recalibrates on the scored world's ended sessions");
        double[] batch = SlowNetworkScoring.pSlowAll(model, s, features, i -> true, true, null, ProgressMonitor.NONE);
        float[] scratch = model.newScratch();
        int moved = 0;
        for (int i = 0; i < old.size(); i++) {
            SlowNetworkScorer.Decision d = scorer.score(old.get(i));
            scorer.outcome(old.get(i));
            assertEquals(batch[i], d.pSlow(), 0.0, old.get(i).sessionId());
            assertEquals(PageDecision.DEFAULTS.lite(batch[i]), d.lite());
            moved += Math.abs(batch[i] - model.pSlow(features, i * PointInTimeFeatures.WIDTH, scratch)) > 1e-9 ? 1 : 0;
        }
        assertTrue(moved > old.size() / 2, "the running calibration moved " + moved + " of the scorer's probabilities");
    }

    @Test
    void scoringInBatchesOnAllCoresOrOneThreadGivesExactlyTheOneAtATimeProbabilities() {
        Sessions s = TestSessions.of(rows.subList(0, 4_003));
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        SlowNetworkModel model = trained.model();
        float[] scratch = model.newScratch();
        int[] order = s.timeOrder();
        SlowNetworkScoring.Scores parallel = SlowNetworkScoring.score(model, PageDecision.DEFAULTS, s, features, order, false, true,
                ProgressMonitor.NONE);
        SlowNetworkScoring.Scores oneThread = SlowNetworkScoring.score(model, PageDecision.DEFAULTS, s, features, order, false, false,
                ProgressMonitor.NONE);
        // with the running calibration off, P(slow) is the model's own, one session at a time
        SlowNetworkModel fixed = model.withRunningCalibration(RunningCalibration.Settings.OFF);
        SlowNetworkScoring.Scores fixedScores = SlowNetworkScoring.score(fixed, PageDecision.DEFAULTS, s, features, order, false, true,
                ProgressMonitor.NONE);
        for (int k = 0; k < order.length; k++) {
            assertEquals(fixed.pSlow(features, order[k] * PointInTimeFeatures.WIDTH, scratch), fixedScores.pSlow()[k], 0.0);
        }
        // with it, one time-ordered pass calibrates each session: the same on all cores and on one thread
        double[] calibrated = SlowNetworkScoring.pSlowAll(model, s, features, i -> true, false, null, ProgressMonitor.NONE);
        for (int k = 0; k < order.length; k++) {
            double expected = calibrated[order[k]];
            assertEquals(expected, parallel.pSlow()[k], 0.0, s.sessionId(order[k]));
            assertEquals(expected, oneThread.pSlow()[k], 0.0, s.sessionId(order[k]));
            assertEquals(PageDecision.DEFAULTS.lite(expected), parallel.lite()[k]);
        }
    }

    @Test
    void theDefaultUtilitiesServeLiteAboveOneInEleven() {
        assertEquals(0.2 / 2.2, PageDecision.DEFAULTS.threshold(), 1e-12);
        assertTrue(PageDecision.DEFAULTS.lite(0.1));
        assertTrue(!PageDecision.DEFAULTS.lite(0.09));
    }
}
