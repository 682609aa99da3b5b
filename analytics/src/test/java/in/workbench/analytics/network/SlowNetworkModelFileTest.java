package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.task.ProgressMonitor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlowNetworkModelFileTest {

    private static SlowNetworkModel fixture() throws Exception {
        return load("/slow-network/format-1.json");
    }

    private static SlowNetworkModel load(String resource) throws Exception {
        try (InputStream in = SlowNetworkModelFileTest.class.getResourceAsStream(resource)) {
            return SlowNetworkModel.fromJson(new ObjectMapper().readTree(in));
        }
    }

    /** A fixture's saved predictions: session id to P(slow) as written when the model was saved. */
    private static Map<String, Double> saved(String resource) throws Exception {
        Map<String, Double> saved = new HashMap<>();
        try (InputStream in = SlowNetworkModelFileTest.class.getResourceAsStream(resource)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            lines.forEach(l -> saved.put(l.substring(0, l.indexOf(',')), Double.parseDouble(l.substring(l.indexOf(',') + 1))));
        }
        return saved;
    }

    /** Scores the fixtures' world with {@code model} (running calibration as saved) and holds 300 sessions to the bit. */
    private static void assertPredictsAsSaved(SlowNetworkModel model, String predictions) throws Exception {
        Map<String, Double> saved = saved(predictions);
        Sessions s = TestSessions.of(TestSessions.world(3_000, 21, 11));
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        double[] p = SlowNetworkScoring.pSlowAll(model, s, features, i -> true, false, null, ProgressMonitor.NONE);
        int checked = 0;
        for (int i = 0; i < p.length; i++) {
            Double expected = saved.get(s.sessionId(i));
            if (expected != null) {
                assertEquals(expected, p[i], 0.0, s.sessionId(i));
                checked++;
            }
        }
        assertEquals(300, checked);
    }

    @Test
    void aFormatOneFileStillLoadsAndScoresAsWhenItWasSaved() throws Exception {
        SlowNetworkModel model = fixture();
        assertFalse(model.runningCalibration().on(), "format 1 has no running calibration");
        Map<String, Double> saved = saved("/slow-network/format-1-predictions.csv");
        Sessions s = TestSessions.of(TestSessions.world(3_000, 21, 11));
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        int[] all = java.util.stream.IntStream.range(0, s.size()).toArray();
        SlowNetworkScoring.Scores scores = SlowNetworkScoring.score(model, PageDecision.DEFAULTS, s, features, all, false,
                ProgressMonitor.NONE);
        int checked = 0;
        for (int k = 0; k < all.length; k++) {
            Double expected = saved.get(s.sessionId(k));
            if (expected != null) {
                assertEquals(expected, scores.pSlow()[k], 0.0, s.sessionId(k));
                checked++;
            }
        }
        assertEquals(300, checked);
    }

    /**
     * A committed format-2 file (the format-1 fixture with the default running calibration) and the
     * predictions it gave when saved, running calibration on: refactoring the calibration's numerics
     * must not move a single bit.
     */
    @Test
    void aFormatTwoFileScoresAsWhenItWasSaved() throws Exception {
        SlowNetworkModel model = load("/slow-network/format-2.json");
        assertEquals(true, model.runningCalibration().on(), "format 2 keeps its running calibration");
        assertPredictsAsSaved(model, "/slow-network/format-2-predictions.csv");
    }

    /**
     * A committed format-3 file (40 depth-4 rounds trained on 45 features, four of them the hour estimates 41–44, with the
     * default running calibration) and its predictions when saved: the features appended since must not move a bit.
     */
    @Test
    void aFormatThreeFileScoresWithItsOwn45FeaturesAsWhenItWasSaved() throws Exception {
        assertScoresWithItsOwnFeatures("format-3", PointInTimeFeatures.NAMES_FORMAT_3.size());
    }

    /**
     * A committed format-4 file (40 depth-4 rounds trained on 49 features, the context features 45–48 among its splits, with
     * the default running calibration) and its predictions when saved: the features appended since must not move a bit.
     */
    @Test
    void aFormatFourFileScoresWithItsOwn49FeaturesAsWhenItWasSaved() throws Exception {
        assertScoresWithItsOwnFeatures("format-4", PointInTimeFeatures.NAMES_FORMAT_4.size());
    }

    /** An older file predicts as when it was saved and, saved again, is written in the current format reading only its own features. */
    private static void assertScoresWithItsOwnFeatures(String name, int own) throws Exception {
        SlowNetworkModel model = load("/slow-network/" + name + ".json");
        assertPredictsAsSaved(model, "/slow-network/" + name + "-predictions.csv");
        com.fasterxml.jackson.databind.node.ObjectNode json = model.toJson();
        assertEquals("workbench-slow-network/5", json.get("format").asText(), "saved again, it is written in the current format");
        assertEquals(own - 1, json.get("input_of_feature").get(own - 1).asInt(), "… reading its own " + own);
        assertEquals(-1, json.get("input_of_feature").get(own).asInt(), "… and only its own " + own);
    }

    @Test
    void theCurrentFormatKeepsTheRunningCalibrationAndItsPredictions() throws Exception {
        RunningCalibration.Settings settings = new RunningCalibration.Settings(1_500, 40, 16, 20,
                List.of(RunningCalibration.Segment.TOWER, RunningCalibration.Segment.NETWORK), 50, List.of("expected_log_load", "signal_dbm"));
        SlowNetworkModel model = fixture().withRunningCalibration(settings);
        com.fasterxml.jackson.databind.node.ObjectNode json = model.toJson();
        assertEquals("workbench-slow-network/5", json.get("format").asText());
        assertEquals(PointInTimeFeatures.WIDTH, json.get("features").size(), "saved again, an older model lists every feature");
        assertEquals(-1, json.get("input_of_feature").get(PointInTimeFeatures.WIDTH - 1).asInt(), "… but reads only its own 41");
        SlowNetworkModel back = SlowNetworkModel.fromJson(new ObjectMapper().readTree(json.toString()));
        assertEquals(settings, back.runningCalibration());
        Sessions s = TestSessions.of(TestSessions.world(3_000, 21, 11));
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        double[] p = SlowNetworkScoring.pSlowAll(model, s, features, i -> true, true, null, ProgressMonitor.NONE);
        double[] q = SlowNetworkScoring.pSlowAll(back, s, features, i -> true, false, null, ProgressMonitor.NONE);
        double[] fixed = SlowNetworkScoring.pSlowAll(fixture(), s, features, i -> true, false, null, ProgressMonitor.NONE);
        int moved = 0;
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 0.0);
            moved += Math.abs(p[i] - fixed[i]) > 1e-6 ? 1 : 0;
        }
        assertEquals(true, moved > p.length / 2, moved + " moved");
    }
}
