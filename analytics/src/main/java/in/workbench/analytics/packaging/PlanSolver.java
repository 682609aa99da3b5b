package in.workbench.analytics.packaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A multiple-choice knapsack: one option per item (a package per product), minimising the sum of
 * {@code f} while the sum of {@code g} stays within a budget. Solved the way Sinha and Zoltners
 * solve its linear relaxation: each item's options are reduced to their efficient frontier (lower
 * convex hull in the (g, f) plane, starting from the option with the least g), and the hull steps
 * of all items are taken in order of falling efficiency (f saved per unit of g spent) while the
 * budget lasts. The first step that does not fit bounds the optimum from below (the LP bound:
 * that step taken in part); the integer plan then fills what budget is left with the best single
 * changes that still fit (any option, not only hull steps), until none improves. The gap between
 * the plan and the LP bound is what the plan could at most still gain.
 *
 * <p>Stateless and thread-safe.
 */
final class PlanSolver {

    private static final double EPS = 1e-9;

    private PlanSolver() {
    }

    /**
     * A solution.
     *
     * @param choice the option chosen per item
     * @param f the objective's total
     * @param g the constrained total
     * @param lowerBound no assignment within the budget has a smaller f (the LP bound); NaN when the budget cannot be met
     * @param feasible false when even the least-g option of every item exceeds the budget (then {@code choice} is that least-g plan)
     * @param multiplier the efficiency (f saved per unit of g) of the first step the budget could not pay for: the trade-off
     *     at the margin, 0 when every step fitted, infinite when the budget cannot be met
     */
    record Solution(int[] choice, double f, double g, double lowerBound, boolean feasible, double multiplier) {

        /** f minus the LP bound: at most this much could still be gained; 0 at a proven optimum. */
        double gap() {
            return feasible ? Math.max(0, f - lowerBound) : Double.NaN;
        }
    }

    /** One step along an item's frontier: from option {@code from} to option {@code to}. */
    private record Step(int item, int to, double dg, double df, double efficiency) {
    }

    /**
     * Minimises Σ f[i][choice[i]] subject to Σ g[i][choice[i]] ≤ budget.
     *
     * @param f per item and option, the quantity to minimise
     * @param g per item and option, the quantity the budget limits
     */
    static Solution minimise(double[][] f, double[][] g, double budget) {
        return prepare(f, g).minimise(budget);
    }

    /**
     * The part of solving that does not depend on the budget: every item's frontier and the hull steps in
     * the order they are taken. Solving one problem at many budgets (the trade-off curve) prepares it once;
     * sorting the steps was most of each solve.
     *
     * @param f per item and option, the quantity to minimise
     * @param g per item and option, the quantity the budget limits
     */
    static Prepared prepare(double[][] f, double[][] g) {
        int n = f.length;
        int[] start = new int[n];
        double usedG = 0;
        double totalF = 0;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] frontier = frontier(f[i], g[i]);
            start[i] = frontier[0];
            usedG += g[i][frontier[0]];
            totalF += f[i][frontier[0]];
            for (int t = 1; t < frontier.length; t++) {
                int a = frontier[t - 1];
                int b = frontier[t];
                double dg = g[i][b] - g[i][a];
                double df = f[i][b] - f[i][a];
                steps.add(new Step(i, b, dg, df, -df / dg));
            }
        }
        steps.sort((x, y) -> x.efficiency() != y.efficiency() ? Double.compare(y.efficiency(), x.efficiency())
                : x.item() != y.item() ? Integer.compare(x.item(), y.item()) : Double.compare(x.dg(), y.dg()));
        return new Prepared(f, g, start, usedG, totalF, steps.toArray(Step[]::new));
    }

    /**
     * A problem prepared for solving at any budget ({@link #prepare}). Immutable and thread-safe: the
     * curve solves it at several budgets at once.
     */
    static final class Prepared {
        private final double[][] f;
        private final double[][] g;
        /** Per item, the least-g option of its frontier. */
        private final int[] start;
        private final double startG;
        private final double startF;
        /** The hull steps of all items, by falling efficiency. */
        private final Step[] steps;

        private Prepared(double[][] f, double[][] g, int[] start, double startG, double startF, Step[] steps) {
            this.f = f;
            this.g = g;
            this.start = start;
            this.startG = startG;
            this.startF = startF;
            this.steps = steps;
        }

        /** Minimises Σ f subject to Σ g ≤ budget, as {@link PlanSolver#minimise} does. */
        Solution minimise(double budget) {
            int n = f.length;
            int[] choice = start.clone();
            double usedG = startG;
            double totalF = startF;
            double tolerance = EPS * Math.max(1, Math.abs(budget));
            if (usedG > budget + tolerance) {
                return new Solution(choice, totalF, usedG, Double.NaN, false, Double.POSITIVE_INFINITY);
            }
            boolean[] frozen = new boolean[n];
            double lowerBound = Double.NaN;
            double multiplier = 0;
            for (Step s : steps) {
                if (frozen[s.item()]) {
                    continue;
                }
                if (usedG + s.dg() <= budget + tolerance) {
                    choice[s.item()] = s.to();
                    usedG += s.dg();
                    totalF += s.df();
                } else {
                    if (Double.isNaN(lowerBound)) {
                        double share = Math.max(0, budget - usedG) / s.dg();
                        lowerBound = totalF + share * s.df();
                        multiplier = s.efficiency();
                    }
                    frozen[s.item()] = true;
                }
            }
            if (Double.isNaN(lowerBound)) {
                lowerBound = totalF;
            }
            double[] state = {usedG, totalF};
            fill(f, g, budget + tolerance, choice, state);
            return new Solution(choice, state[1], state[0], Math.min(lowerBound, state[1]), true, multiplier);
        }
    }

    /** Repeatedly makes the single change (one item, any option) that lowers f most and still fits, until none does. */
    private static void fill(double[][] f, double[][] g, double budget, int[] choice, double[] state) {
        for (int pass = 0; pass < 50; pass++) {
            boolean changed = false;
            for (int i = 0; i < choice.length; i++) {
                int cur = choice[i];
                int best = cur;
                double bestDf = -EPS * Math.max(1, Math.abs(f[i][cur]));
                for (int k = 0; k < f[i].length; k++) {
                    double dg = g[i][k] - g[i][cur];
                    double df = f[i][k] - f[i][cur];
                    if (k != cur && state[0] + dg <= budget && df < bestDf) {
                        best = k;
                        bestDf = df;
                    }
                }
                if (best != cur) {
                    state[0] += g[i][best] - g[i][cur];
                    state[1] += f[i][best] - f[i][cur];
                    choice[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /**
     * The item's efficient frontier: option indices with g rising and f strictly falling, on the
     * lower convex hull, starting at the least-g option (ties: the least f, then the lower index).
     */
    static int[] frontier(double[] f, double[] g) {
        Integer[] order = new Integer[f.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> g[a] != g[b] ? Double.compare(g[a], g[b]) : f[a] != f[b] ? Double.compare(f[a], f[b])
                : Integer.compare(a, b));
        List<Integer> undominated = new ArrayList<>();
        for (int k : order) {
            if (undominated.isEmpty() || f[k] < f[undominated.get(undominated.size() - 1)]) {
                undominated.add(k);
            }
        }
        List<Integer> hull = new ArrayList<>();
        for (int k : undominated) {
            while (hull.size() >= 2) {
                int a = hull.get(hull.size() - 2);
                int b = hull.get(hull.size() - 1);
                // b lies on or above the segment a–k: it is no step of the hull
                double cross = (g[b] - g[a]) * (f[k] - f[a]) - (f[b] - f[a]) * (g[k] - g[a]);
                if (cross <= 0) {
                    hull.remove(hull.size() - 1);
                } else {
                    break;
                }
            }
            hull.add(k);
        }
        return hull.stream().mapToInt(Integer::intValue).toArray();
    }
}
