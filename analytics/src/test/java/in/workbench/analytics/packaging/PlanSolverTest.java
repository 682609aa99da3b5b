package in.workbench.analytics.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanSolverTest {

    /** Random products with a package ladder: sturdier costs more and damages less, with noise so frontiers are not convex. */
    private static double[][][] instance(Random r, int items, int options) {
        double[][] f = new double[items][options];
        double[][] g = new double[items][options];
        for (int i = 0; i < items; i++) {
            double volume = 1 + r.nextInt(30);
            double p = 0.02 + 0.1 * r.nextDouble();
            double c = 40;
            for (int k = 0; k < options; k++) {
                f[i][k] = volume * p;
                g[i][k] = volume * c;
                p *= 0.5 + 0.4 * r.nextDouble();
                c += 2 + 15 * r.nextDouble();
            }
        }
        return new double[][][] {f, g};
    }

    private static double bruteForce(double[][] f, double[][] g, double budget) {
        int n = f.length;
        int k = f[0].length;
        double best = Double.POSITIVE_INFINITY;
        int[] choice = new int[n];
        while (true) {
            double sf = 0;
            double sg = 0;
            for (int i = 0; i < n; i++) {
                sf += f[i][choice[i]];
                sg += g[i][choice[i]];
            }
            if (sg <= budget + 1e-9 && sf < best) {
                best = sf;
            }
            int i = 0;
            while (i < n && ++choice[i] == k) {
                choice[i++] = 0;
            }
            if (i == n) {
                return best;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theLowerBoundNeverExceedsTheTrueOptimumAndThePlanStaysWithinBudget(long seed) {
        Random r = new Random(seed);
        double[][][] inst = instance(r, 7, 4);
        double[][] f = inst[0];
        double[][] g = inst[1];
        double least = 0;
        double most = 0;
        for (int i = 0; i < f.length; i++) {
            least += g[i][0];
            most += g[i][3];
        }
        double budget = least + (most - least) * (0.2 + 0.6 * r.nextDouble());
        PlanSolver.Solution s = PlanSolver.minimise(f, g, budget);
        double optimum = bruteForce(f, g, budget);
        assertTrue(s.feasible());
        assertTrue(s.g() <= budget + 1e-9, "within budget");
        assertTrue(s.lowerBound() <= optimum + 1e-9, "the LP bound is a bound: " + s.lowerBound() + " vs " + optimum);
        assertTrue(s.f() >= optimum - 1e-9, "no plan beats the optimum");
        assertTrue(s.f() - optimum <= s.gap() + 1e-9, "the reported gap covers the distance to the optimum");
    }

    @Test
    void onManyProductsThePlanIsWithinAFractionOfAPercentOfTheBound() {
        Random r = new Random(11);
        double[][][] inst = instance(r, 3_000, 6);
        double least = 0;
        double most = 0;
        for (int i = 0; i < 3_000; i++) {
            least += inst[1][i][0];
            most += inst[1][i][5];
        }
        PlanSolver.Solution s = PlanSolver.minimise(inst[0], inst[1], (least + most) / 2);
        assertTrue(s.gap() / s.f() < 1e-3, "relative gap " + s.gap() / s.f());
    }

    @Test
    void aProblemPreparedOnceSolvesEveryBudgetAsAFreshSolveDoesInAnyOrder() {
        double[][][] inst = instance(new Random(5), 300, 6);
        double least = 0;
        double most = 0;
        for (int i = 0; i < 300; i++) {
            least += inst[1][i][0];
            most += inst[1][i][5];
        }
        PlanSolver.Prepared prepared = PlanSolver.prepare(inst[0], inst[1]);
        double[] budgets = new double[12];
        for (int k = 0; k < budgets.length; k++) {
            // from below the least-g plan (infeasible) to above the most
            budgets[k] = least * 0.9 + (most * 1.1 - least * 0.9) * k / (budgets.length - 1);
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < budgets.length; k++) {
                double b = budgets[pass == 0 ? k : budgets.length - 1 - k];
                PlanSolver.Solution again = prepared.minimise(b);
                PlanSolver.Solution fresh = PlanSolver.prepare(inst[0], inst[1]).minimise(b);
                assertArrayEquals(fresh.choice(), again.choice(), "budget " + b);
                assertEquals(fresh.f(), again.f(), 0.0);
                assertEquals(fresh.g(), again.g(), 0.0);
                assertEquals(fresh.feasible(), again.feasible());
            }
        }
    }

    @Test
    void anUnreachableBudgetReturnsTheLeastConstrainedPlan() {
        double[][] f = {{3, 1}, {4, 2}};
        double[][] g = {{10, 20}, {10, 30}};
        PlanSolver.Solution s = PlanSolver.minimise(f, g, 15);
        assertFalse(s.feasible());
        assertArrayEquals(new int[] {0, 0}, s.choice());
        assertEquals(20, s.g(), 0);
        assertTrue(Double.isNaN(s.gap()));
    }

    @Test
    void theFrontierDropsDominatedAndNonConvexOptions() {
        // (g, f) = (2, 12) is dominated by (1, 10)
        double[] g = {1, 2, 3, 4, 5};
        double[] f = {10, 12, 8, 4, 3.9};
        int[] frontier = PlanSolver.frontier(f, g);
        // (3, 8) lies above the segment (1, 10)–(4, 4) (which passes (3, 6)), so it is no hull step
        assertArrayEquals(new int[] {0, 3, 4}, frontier);
    }
}
