package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

class SlowNetworkTrainerTest {

    static List<SessionRow> rows;
    static Sessions sessions;
    static float[] features;
    static SlowNetworkTrainer.Result result;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        rows = TestSessions.world(6_000, 21, 11);
        sessions = TestSessions.of(rows);
        features = PointInTimeFeatures.computeAll(sessions, ProgressMonitor.NONE);
        result = new SlowNetworkTrainer().train(sessions, features, new SlowNetworkTrainer.Options(7, 40, 3, 0.15), PageDecision.DEFAULTS,
                ProgressMonitor.NONE);
    }

    @Test
    void learnsTheCongestedTowersAndIsCalibratedOnTheLastWeek() {
        SlowNetworkTrainer.Report r = result.report();
        assertEquals(2, r.candidates().size());
        assertTrue(r.testFrom().isAfter(TestSessions.FIRST.plusDays(13).toInstant()), "the last week tests");
        SlowNetworkTrainer.CandidateMetrics kept = r.kept();
        double[] truth = new double[r.testRows()];
        boolean[] y = new boolean[r.testRows()];
        int k = 0;
        for (int i : sessions.timeOrder()) {
            if (sessions.labelled(i) && sessions.startMillis(i) >= r.testFrom().toEpochMilli()) {
                truth[k] = TestSessions.trueP(rows.get(i));
                y[k++] = sessions.slow(i);
            }
        }
        double best = in.workbench.analytics.evaluation.BinaryMetrics.auc(truth, y);
        assertTrue(kept.auc() > 0.9 * best, "AUC " + kept.auc() + " against " + best + " of the true probabilities");
        // a test week of about 1,900 sessions: even the true probabilities show an ECE of a few points
        double truthEce = in.workbench.analytics.evaluation.BinaryMetrics.ece(truth, y, 10);
        assertTrue(kept.ece() < truthEce + 0.04, "ECE " + kept.ece() + " against " + truthEce + " of the true probabilities; "
                + r.chosen() + " of " + r.candidates());
        assertTrue(r.utility().rule() >= Math.max(r.utility().everyoneFull(), r.utility().everyoneLite()) - 0.01,
                "the decision rule is at least as good as serving everyone the same page: " + r.utility());
    }

    @Test
    void savedModelScoresExactlyAsTrainedAndTribuoLoadsBackThroughTheAllowList() throws Exception {
        Path json = dir.resolve("m.json");
        result.model().writeTo(json);
        SlowNetworkModel back = SlowNetworkModel.read(json);
        float[] a = result.model().newScratch();
        float[] b = back.newScratch();
        for (int i = 0; i < sessions.size(); i += 7) {
            assertEquals(result.model().pSlow(features, i * PointInTimeFeatures.WIDTH, a), back.pSlow(features, i * PointInTimeFeatures.WIDTH, b));
        }
        int[] rows = java.util.stream.IntStream.range(0, 500).toArray();
        Model<Label> logistic = SlowNetworkTrainer.fitLogistic(features, sessions, rows, 5);
        SlowNetworkModel compiled = SlowNetworkTrainer.compile("logistic regression", logistic, 1, 0, new float[PointInTimeFeatures.WIDTH],
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode());
        Path pb = dir.resolve("m.pb");
        SlowNetworkTrainer.saveTribuo(logistic, pb);
        Model<Label> tribuo = SlowNetworkTrainer.loadTribuo(pb);
        assertTrue(SlowNetworkTrainer.maxDifference(compiled, tribuo, features, rows) <= SlowNetworkTrainer.TOLERANCE);

        Path hostile = dir.resolve("hostile.pb");
        Files.write(hostile, ModelProto.newBuilder().setClassName("java.lang.ProcessBuilder").setVersion(0).build().toByteArray());
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> SlowNetworkTrainer.loadTribuo(hostile));
        assertTrue(e.getMessage().contains("does not load"), e.getMessage());
    }

    @Test
    void boostedTreesAreOneTreePerRoundAndMatchXGBoost() {
        int[] rows = java.util.stream.IntStream.range(0, 3_000).toArray();
        int[] check = java.util.stream.IntStream.range(3_000, 3_500).toArray();
        SlowNetworkTrainer.Options o = new SlowNetworkTrainer.Options(2, 25, 4, 0.2);
        SlowNetworkModel m = SlowNetworkTrainer.fitBoostedTrees(features, sessions, rows, check, o, new float[PointInTimeFeatures.WIDTH],
                ProgressMonitor.NONE);
        assertEquals(25, m.treeCount(), "binary objective: one tree per round");
    }

    @Test
    void cancellingStopsBetweenTrees() {
        int[] rows = java.util.stream.IntStream.range(0, 3_000).toArray();
        int[] seen = new int[1];
        ProgressMonitor cancelAfterTwoUpdates = new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                seen[0]++;
            }

            @Override
            public boolean isCancelled() {
                return seen[0] >= 2;
            }
        };
        assertThrows(in.workbench.analytics.task.CancelledException.class, () -> SlowNetworkTrainer.fitBoostedTrees(features, sessions, rows,
                rows, new SlowNetworkTrainer.Options(2, 500, 4, 0.2), new float[PointInTimeFeatures.WIDTH], cancelAfterTwoUpdates));
    }

    @Test
    void refusesToTrainWithoutBothOutcomes() {
        List<SessionRow> rows = TestSessions.world(500, 21, 3).stream()
                .map(r -> new SessionRow(r.sessionId(), r.customerId(), r.ts(), r.deviceModel(), r.os(), r.ramGb(), r.networkType(),
                        r.carrier(), r.towerId(), r.signalDbm(), r.lastLatencyMs(), r.pincode(), 1_000, false)).toList();
        Sessions s = TestSessions.of(rows);
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> new SlowNetworkTrainer().train(s,
                PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE), SlowNetworkTrainer.Options.defaults(1), PageDecision.DEFAULTS,
                ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith("Every session with an outcome is fast"), e.getMessage());
    }
}
