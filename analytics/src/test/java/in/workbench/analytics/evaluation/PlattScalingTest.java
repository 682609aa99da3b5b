package in.workbench.analytics.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattScalingTest {

    @Test
    void recoversTheDistortionOfOverconfidentScores() {
        Random r = new Random(5);
        int n = 100_000;
        double[] raw = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian() * 2;
            double truth = 1 / (1 + Math.exp(-(0.5 * z - 0.3)));
            raw[i] = 1 / (1 + Math.exp(-z));
            y[i] = r.nextDouble() < truth;
        }
        double[] ab = PlattScaling.fit(raw, y);
        assertEquals(0.5, ab[0], 0.03);
        assertEquals(-0.3, ab[1], 0.03);
        double[] calibrated = new double[n];
        for (int i = 0; i < n; i++) {
            calibrated[i] = PlattScaling.apply(raw[i], ab[0], ab[1]);
        }
        assertEquals(0, BinaryMetrics.ece(calibrated, y, 10), 0.01);
    }

    @Test
    void countsGiveTheSameFitAsOneRowPerCase() {
        double[] p = {0.2, 0.5, 0.9};
        double[] pos = {1, 3, 4};
        double[] neg = {5, 2, 1};
        double[] pe = new double[16];
        boolean[] ye = new boolean[16];
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < pos[i] + neg[i]; j++, k++) {
                pe[k] = p[i];
                ye[k] = j < pos[i];
            }
        }
        assertArrayEquals(PlattScaling.fit(pe, ye), PlattScaling.fit(p, pos, neg), 1e-9);
    }

    @Test
    void aPriorKeepsWellCalibratedScoresAsTheyAreAndYieldsToClearDistortion() {
        Random r = new Random(7);
        int n = 2_000;
        double[] right = new double[n];
        boolean[] rightY = new boolean[n];
        double[] distorted = new double[40 * n];
        boolean[] distortedY = new boolean[40 * n];
        for (int i = 0; i < distorted.length; i++) {
            double z = r.nextGaussian() * 2;
            double p = 1 / (1 + Math.exp(-z));
            if (i < n) {
                right[i] = p;
                rightY[i] = r.nextDouble() < p;
            }
            distorted[i] = p;
            distortedY[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.5 * z - 0.3)));
        }
        double[] free = PlattScaling.fit(right, rightY);
        double[] held = PlattScaling.fitWithPrior(right, rightY, 1_000);
        // on scores that need no recalibration the prior keeps the probabilities closer to what they were than the free fit
        double movedFree = 0;
        double movedHeld = 0;
        for (double p : right) {
            movedFree += Math.abs(PlattScaling.apply(p, free[0], free[1]) - p);
            movedHeld += Math.abs(PlattScaling.apply(p, held[0], held[1]) - p);
        }
        assertTrue(movedHeld < movedFree, movedHeld + " vs " + movedFree);
        assertArrayEquals(free, PlattScaling.fitWithPrior(right, rightY, 0), 1e-12);
        // with many cases that say otherwise the data wins
        double[] ab = PlattScaling.fitWithPrior(distorted, distortedY, 1_000);
        assertEquals(0.5, ab[0], 0.05);
        assertEquals(-0.3, ab[1], 0.05);
    }
}
