package in.workbench.analytics.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
