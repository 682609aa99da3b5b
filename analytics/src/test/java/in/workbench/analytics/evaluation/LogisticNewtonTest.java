package in.workbench.analytics.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticNewtonTest {

    /** Counts drawn exactly from σ(0.7·x − 0.4): the steps converge to those parameters, from either side. */
    @Test
    void stepsConvergeToTheParametersThatGeneratedTheCounts() {
        int m = 21;
        double[] x = new double[m];
        double[] n = new double[m];
        double[] pos = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = -5 + i * 0.5;
            n[i] = 1_000;
            pos[i] = n[i] / (1 + Math.exp(-(0.7 * x[i] - 0.4)));
        }
        double[] ab = {1, 0};
        double moved = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 30 && moved > 1e-12; k++) {
            moved = LogisticNewton.step(x, n, pos, m, ab, 1, 0, 0, 1e-12);
        }
        assertEquals(0.7, ab[0], 1e-9);
        assertEquals(-0.4, ab[1], 1e-9);
    }

    /** A strong prior holds the parameters at its centre; entries with no cases are skipped, not divided by. */
    @Test
    void aStrongPriorHoldsAndEmptyEntriesAreSkipped() {
        double[] x = {Double.NaN, 1, -1};
        double[] n = {0, 10, 10};
        double[] pos = {0, 9, 1};
        double[] ab = {0.5, 0.2};
        double moved = LogisticNewton.step(x, n, pos, 3, ab, 0.5, 0.2, 1e12, 1e-9);
        assertTrue(moved < 1e-9, "moved " + moved);
        assertEquals(0.5, ab[0], 1e-9);
        assertEquals(0.2, ab[1], 1e-9);
    }

    /** No cases, no prior, no ridge: the curvature is singular, the step says so and leaves a and b as they were. */
    @Test
    void aSingularCurvatureLeavesTheParameters() {
        double[] ab = {1.5, -0.5};
        double moved = LogisticNewton.step(new double[] {0}, new double[] {0}, new double[] {0}, 1, ab, 1, 0, 0, 0);
        assertTrue(Double.isNaN(moved));
        assertArrayEquals(new double[] {1.5, -0.5}, ab, 0.0);
    }
}
