package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.evaluation.BinaryMetrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningCalibrationTest {

    private static final RunningCalibration.Settings SETTINGS = new RunningCalibration.Settings(2_000, 50, 32, 30,
            List.of(RunningCalibration.Segment.NETWORK_PLATFORM, RunningCalibration.Segment.CARRIER_NETWORK));

    /** A model that says twice the odds of slow the world has, and the sessions of the world. */
    private static double[] calibrate(Sessions s, List<SessionRow> rows, RunningCalibration.Settings settings) {
        RunningCalibration cal = new RunningCalibration(settings, 1, 0);
        double[] p = new double[s.size()];
        for (int i : s.timeOrder()) {
            cal.advanceTo(s.startMillis(i));
            p[i] = cal.calibrate(s, i, overconfident(rows.get(i)), new float[PointInTimeFeatures.WIDTH], 0);
            cal.schedule(s, i);
        }
        return p;
    }

    private static double overconfident(SessionRow r) {
        double t = TestSessions.trueP(r);
        double odds = 2 * t / (1 - t);
        return odds / (1 + odds);
    }

    private static List<SessionRow> world() {
        List<SessionRow> rows = new ArrayList<>(TestSessions.world(12_000, 30, 5));
        rows.sort(Comparator.comparing(SessionRow::ts).thenComparing(SessionRow::sessionId));
        return rows;
    }

    @Test
    void learnsFromEndedSessionsThatTheModelOverstatesTheRisk() {
        List<SessionRow> rows = world();
        Sessions s = TestSessions.of(rows);
        double[] p = calibrate(s, rows, SETTINGS);
        double[] raw = rows.stream().mapToDouble(RunningCalibrationTest::overconfident).toArray();
        double[] truth = rows.stream().mapToDouble(TestSessions::trueP).toArray();
        // the last two thirds, once outcomes have ended
        int from = rows.size() / 3;
        double rawGap = 0;
        double gap = 0;
        for (int i = from; i < rows.size(); i++) {
            rawGap += raw[i] - truth[i];
            gap += p[i] - truth[i];
        }
        int n = rows.size() - from;
        assertTrue(rawGap / n > 0.05, "the model overstates by " + rawGap / n);
        assertTrue(Math.abs(gap / n) < 0.015, "calibrated mean gap " + gap / n);
        boolean[] y = new boolean[n];
        double[] late = new double[n];
        double[] lateRaw = new double[n];
        for (int i = from; i < rows.size(); i++) {
            y[i - from] = Boolean.TRUE.equals(rows.get(i).slow());
            late[i - from] = p[i];
            lateRaw[i - from] = raw[i];
        }
        assertTrue(BinaryMetrics.ece(late, y, 10) < BinaryMetrics.ece(lateRaw, y, 10) / 2,
                BinaryMetrics.ece(late, y, 10) + " against " + BinaryMetrics.ece(lateRaw, y, 10));
    }

    @Test
    void startsAtTheTrainedCalibrationAndOffIsExactlyIt() {
        List<SessionRow> rows = world();
        Sessions s = TestSessions.of(rows);
        double[] off = calibrate(s, rows, RunningCalibration.Settings.OFF);
        double[] on = calibrate(s, rows, SETTINGS);
        int first = s.timeOrder()[0];
        assertEquals(overconfident(rows.get(first)), on[first], 1e-9, "no outcome has ended yet");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(SlowNetworkModel.platt(overconfident(rows.get(i)), 1, 0), off[i], 0.0);
        }
    }

    @Test
    void aSessionsProbabilityUsesOnlyOutcomesThatEndedBeforeItBegan() {
        List<SessionRow> rows = world();
        List<SessionRow> old = rows.subList(0, 8_000);
        double[] before = calibrate(TestSessions.of(old), old, SETTINGS);
        // the newer sessions, and the outcomes of old sessions that end after the last old session began, come in later
        double[] after = calibrate(TestSessions.of(rows), rows, SETTINGS);
        for (int i = 0; i < old.size(); i++) {
            assertEquals(before[i], after[i], 0.0, old.get(i).sessionId());
        }
        // an outcome that ends before a session begins does move it
        List<SessionRow> withoutOutcomes = new ArrayList<>();
        for (SessionRow r : old) {
            withoutOutcomes.add(r.withoutOutcome());
        }
        double[] blind = calibrate(TestSessions.of(withoutOutcomes), withoutOutcomes, SETTINGS);
        assertTrue(blind[old.size() - 1] != before[old.size() - 1]);
    }
}
