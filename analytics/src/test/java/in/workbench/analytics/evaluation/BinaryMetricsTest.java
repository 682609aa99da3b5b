package in.workbench.analytics.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    @Test
    void aucCountsTiesAsHalfAndMatchesPairCounting() {
        Random r = new Random(7);
        int n = 300;
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.round(r.nextDouble() * 20) / 20.0;
            y[i] = r.nextDouble() < p[i];
        }
        double wins = 0;
        double pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, BinaryMetrics.auc(p, y), 1e-12);
    }

    @Test
    void aggregatedCountsGiveTheSameFiguresAsOneRowPerCase() {
        double[] p = {0.1, 0.4, 0.8};
        double[] pos = {1, 2, 3};
        double[] neg = {4, 2, 1};
        double[] pe = new double[13];
        boolean[] ye = new boolean[13];
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < pos[i] + neg[i]; j++, k++) {
                pe[k] = p[i];
                ye[k] = j < pos[i];
            }
        }
        assertEquals(BinaryMetrics.auc(pe, ye), BinaryMetrics.auc(p, pos, neg), 1e-12);
        assertEquals(BinaryMetrics.brier(pe, ye), BinaryMetrics.brier(p, pos, neg), 1e-12);
        assertEquals(BinaryMetrics.logLoss(pe, ye), BinaryMetrics.logLoss(p, pos, neg), 1e-12);
    }

    @Test
    void calibratedPredictionsHaveSmallEceAndShiftedOnesDoNot() {
        Random r = new Random(11);
        int n = 200_000;
        double[] p = new double[n];
        double[] shifted = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble();
            shifted[i] = Math.min(1, p[i] + 0.12);
            y[i] = r.nextDouble() < p[i];
        }
        assertEquals(0, BinaryMetrics.ece(p, y, 10), 0.01);
        assertEquals(0.11, BinaryMetrics.ece(shifted, y, 10), 0.02);
        assertEquals(1 / 6.0, BinaryMetrics.brier(p, y), 0.005);
    }

    @Test
    void reliabilityBinsSkipEmptyBinsAndWeighByCount() {
        List<BinaryMetrics.ReliabilityBin> bins = BinaryMetrics.reliability(
                new double[] {0.05, 0.05, 0.95}, new boolean[] {false, true, true}, 10);
        assertEquals(2, bins.size());
        assertEquals(0.5, bins.get(0).observed(), 1e-12);
        assertEquals(2, bins.get(0).weight(), 1e-12);
        assertEquals(1.0, bins.get(1).observed(), 1e-12);
    }

    @Test
    void regressionMetricsOnAKnownCase() {
        RegressionMetrics m = RegressionMetrics.of(new double[] {1, 2, 4}, new double[] {1, 3, 3});
        assertEquals(Math.sqrt(2 / 3.0), m.rmse(), 1e-12);
        assertEquals(2 / 3.0, m.mae(), 1e-12);
        assertEquals(1 - 2 / (24 / 9.0), m.r2(), 1e-12);
    }

    @Test
    void logLossAndBrierOfTwoCasesAreTheirMeanLosses() {
        double[] p = {0.8, 0.3};
        boolean[] y = {true, false};
        assertEquals(-(Math.log(0.8) + Math.log(0.7)) / 2, BinaryMetrics.logLoss(p, y), 1e-12);
        assertEquals((0.2 * 0.2 + 0.3 * 0.3) / 2, BinaryMetrics.brier(p, y), 1e-12);
        assertEquals(0, BinaryMetrics.brier(new double[] {0.5}, new double[] {0}, new double[] {0}), "no cases, no loss");
    }
}
