package in.workbench.analytics.crisp;

import in.workbench.analytics.evaluation.BinaryMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How good risks and learned parameters are against a known truth: ranking (AUC among people
 * without a positive test), calibration (mean risk against prevalence, reliability bins, ECE), the
 * learned p1 on the grid of typical contacts, and the two simple baselines the model has to beat.
 * Stateless and thread-safe.
 */
public final class CrispEvaluation {

    /** Minutes of the typical-contact grid. */
    public static final int[] GRID_MINUTES = {5, 15, 60, 240};
    /** Distances of the typical-contact grid, in metres. */
    public static final double[] GRID_DISTANCE = {1, 3};

    private CrispEvaluation() {
    }

    /**
     * One typical contact.
     *
     * @param label e.g. "15 min, 1 m, indoor"
     */
    public record TypicalContact(String label, double minutes, double distanceM, boolean indoor) {

        /** p1 under the given parameters. */
        public double p1(CrispParams p) {
            return p.p1(minutes / 60.0, distanceM < 2, indoor);
        }
    }

    /** The 16 typical contacts: 5, 15, 60, 240 minutes × 1 m, 3 m × indoor, outdoor. */
    public static List<TypicalContact> typicalContacts() {
        List<TypicalContact> out = new ArrayList<>();
        for (int m : GRID_MINUTES) {
            for (double dist : GRID_DISTANCE) {
                for (boolean indoor : new boolean[] {true, false}) {
                    out.add(new TypicalContact(String.format(Locale.ROOT, "%d min, %.0f m, %s", m, dist, indoor ? "indoor" : "outdoor"), m,
                            dist, indoor));
                }
            }
        }
        return out;
    }

    /** Mean over the typical contacts of |p1(learned) − p1(true)| / p1(true). */
    public static double typicalContactError(CrispParams learned, CrispParams truth) {
        double s = 0;
        List<TypicalContact> grid = typicalContacts();
        for (TypicalContact c : grid) {
            double t = c.p1(truth);
            s += Math.abs(c.p1(learned) - t) / t;
        }
        return s / grid.size();
    }

    /**
     * Ranking and calibration of risks against the true state on the as-of day.
     *
     * @param aucUntested AUC among people without a positive test
     * @param meanRisk the mean risk over everyone
     * @param prevalence the share truly exposed or infectious
     * @param ece expected calibration error over 10 equal-width bins
     */
    public record Quality(double aucUntested, double meanRisk, double prevalence, double ece, List<BinaryMetrics.ReliabilityBin> bins) {

        /** (mean risk − prevalence) / prevalence. */
        public double calibrationGap() {
            return prevalence == 0 ? 0 : (meanRisk - prevalence) / prevalence;
        }
    }

    /** Evaluates risks {@code risk[u]} against the truth {@code infected[u]} (exposed or infectious on the as-of day). */
    public static Quality quality(CrispData data, double[] risk, boolean[] infected) {
        List<Double> p = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int u = 0; u < data.people; u++) {
            if (!data.hasPositiveTest(u)) {
                p.add(risk[u]);
                y.add(infected[u]);
            }
        }
        double[] pa = p.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] ya = new boolean[y.size()];
        for (int i = 0; i < ya.length; i++) {
            ya[i] = y.get(i);
        }
        List<BinaryMetrics.ReliabilityBin> bins = BinaryMetrics.reliability(risk, infected, 10);
        return new Quality(BinaryMetrics.auc(pa, ya), BinaryMetrics.meanPredicted(risk), BinaryMetrics.positiveShare(infected),
                BinaryMetrics.ece(bins), bins);
    }

    /**
     * The baselines: per person, the encounters in the last 14 days of the window with people who
     * have a positive test ({@code weights} null), or the sum of their p1 under {@code weights}.
     */
    public static double[] contactsWithPositives(CrispData data, CrispParams weights) {
        boolean[] positive = new boolean[data.people];
        for (int u = 0; u < data.people; u++) {
            positive[u] = data.hasPositiveTest(u);
        }
        double[] score = new double[data.people];
        int from = data.days - 14;
        for (int c = 0; c < data.contacts(); c++) {
            if (data.contactDay[c] < from) {
                continue;
            }
            double w = weights == null ? 1 : weights.p1(data.contactHours[c], data.contactClose[c], data.contactIndoor[c]);
            if (positive[data.contactB[c]]) {
                score[data.contactA[c]] += w;
            }
            if (positive[data.contactA[c]]) {
                score[data.contactB[c]] += w;
            }
        }
        return score;
    }
}
