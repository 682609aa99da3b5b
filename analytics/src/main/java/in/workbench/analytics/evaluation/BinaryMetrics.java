package in.workbench.analytics.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Quality of predicted probabilities for a yes/no outcome, in two forms: one example per
 * prediction ({@code p[i]} with outcome {@code y[i]}), or aggregated counts ({@code p[i]} predicted
 * for {@code pos[i]} positive and {@code neg[i]} negative cases, as when one product in one package
 * stands for many shipments). Every method is a pure function; the class is stateless and
 * thread-safe.
 */
public final class BinaryMetrics {

    private static final double EPS = 1e-9;

    private BinaryMetrics() {
    }

    /**
     * One bin of a reliability chart.
     *
     * @param meanPredicted the mean predicted probability of the cases in the bin
     * @param observed the share of positive cases in the bin
     * @param weight how many cases (or their total weight) fell in the bin
     */
    public record ReliabilityBin(double meanPredicted, double observed, double weight) {
    }

    /** Area under the ROC curve (Mann–Whitney; ties count half); 0.5 when a class is absent. */
    public static double auc(double[] p, boolean[] y) {
        return auc(p, positives(y), negatives(y));
    }

    /** Weighted area under the ROC curve for aggregated counts; 0.5 when a class is absent. */
    public static double auc(double[] p, double[] pos, double[] neg) {
        checkLengths(p, pos, neg);
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[a], p[b]));
        double negBelow = 0;
        double area = 0;
        double totalPos = 0;
        double totalNeg = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            double tiePos = 0;
            double tieNeg = 0;
            while (j < idx.length && p[idx[j]] == p[idx[i]]) {
                tiePos += pos[idx[j]];
                tieNeg += neg[idx[j]];
                j++;
            }
            area += tiePos * (negBelow + tieNeg / 2);
            negBelow += tieNeg;
            totalPos += tiePos;
            totalNeg += tieNeg;
            i = j;
        }
        return totalPos == 0 || totalNeg == 0 ? 0.5 : area / (totalPos * totalNeg);
    }

    /** Mean negative log-likelihood (natural log), probabilities clipped to [1e-9, 1 − 1e-9]. */
    public static double logLoss(double[] p, boolean[] y) {
        return logLoss(p, positives(y), negatives(y));
    }

    /** Weighted mean negative log-likelihood for aggregated counts; 0 when there are no cases. */
    public static double logLoss(double[] p, double[] pos, double[] neg) {
        return perCaseMean(p, pos, neg, (q, positive) -> {
            double clipped = Math.min(1 - EPS, Math.max(EPS, q));
            return -Math.log(positive ? clipped : 1 - clipped);
        });
    }

    /** Mean squared difference between the probability and the outcome (0 or 1). */
    public static double brier(double[] p, boolean[] y) {
        return brier(p, positives(y), negatives(y));
    }

    /** Weighted Brier score for aggregated counts; 0 when there are no cases. */
    public static double brier(double[] p, double[] pos, double[] neg) {
        return perCaseMean(p, pos, neg, (q, positive) -> positive ? (1 - q) * (1 - q) : q * q);
    }

    /** The loss of one case predicted {@code p} whose outcome was positive or not. */
    @FunctionalInterface
    private interface CaseLoss {
        double of(double p, boolean positive);
    }

    /** The loss averaged over every case: row {@code i} stands for {@code pos[i]} positive and {@code neg[i]} negative cases. */
    private static double perCaseMean(double[] p, double[] pos, double[] neg, CaseLoss loss) {
        checkLengths(p, pos, neg);
        double s = 0;
        double w = 0;
        for (int i = 0; i < p.length; i++) {
            s += pos[i] * loss.of(p[i], true) + neg[i] * loss.of(p[i], false);
            w += pos[i] + neg[i];
        }
        return w == 0 ? 0 : s / w;
    }

    /** Reliability bins of equal width on the probability scale (empty bins left out). */
    public static List<ReliabilityBin> reliability(double[] p, boolean[] y, int bins) {
        return reliability(p, positives(y), negatives(y), bins, DoubleUnaryOperator.identity());
    }

    /** Reliability bins of equal width on the probability scale, for aggregated counts. */
    public static List<ReliabilityBin> reliability(double[] p, double[] pos, double[] neg, int bins) {
        return reliability(p, pos, neg, bins, DoubleUnaryOperator.identity());
    }

    /**
     * Reliability bins of equal width on the scale {@code scale} maps probabilities to (a map of
     * [0, 1] onto [0, 1] that never decreases, e.g. {@code Math::sqrt} for small probabilities).
     */
    public static List<ReliabilityBin> reliability(double[] p, double[] pos, double[] neg, int bins, DoubleUnaryOperator scale) {
        checkLengths(p, pos, neg);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1");
        }
        double[] sum = new double[bins];
        double[] positive = new double[bins];
        double[] weight = new double[bins];
        for (int i = 0; i < p.length; i++) {
            double s = scale.applyAsDouble(Math.min(1, Math.max(0, p[i])));
            int b = Math.min(bins - 1, Math.max(0, (int) (s * bins)));
            double w = pos[i] + neg[i];
            sum[b] += p[i] * w;
            positive[b] += pos[i];
            weight[b] += w;
        }
        List<ReliabilityBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (weight[b] > 0) {
                out.add(new ReliabilityBin(sum[b] / weight[b], positive[b] / weight[b], weight[b]));
            }
        }
        return out;
    }

    /** Expected calibration error: the weighted mean gap between predicted and observed over the bins. */
    public static double ece(List<ReliabilityBin> bins) {
        double gap = 0;
        double total = 0;
        for (ReliabilityBin b : bins) {
            gap += b.weight() * Math.abs(b.meanPredicted() - b.observed());
            total += b.weight();
        }
        return total == 0 ? 0 : gap / total;
    }

    /** Expected calibration error over {@code bins} equal-width bins. */
    public static double ece(double[] p, boolean[] y, int bins) {
        return ece(reliability(p, y, bins));
    }

    /** The mean predicted probability, to set beside the observed share of positives. */
    public static double meanPredicted(double[] p) {
        return p.length == 0 ? 0 : Arrays.stream(p).sum() / p.length;
    }

    /** The share of positive outcomes. */
    public static double positiveShare(boolean[] y) {
        long n = 0;
        for (boolean b : y) {
            if (b) {
                n++;
            }
        }
        return y.length == 0 ? 0 : n / (double) y.length;
    }

    private static double[] positives(boolean[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] ? 1 : 0;
        }
        return out;
    }

    private static double[] negatives(boolean[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] ? 0 : 1;
        }
        return out;
    }

    private static void checkLengths(double[] p, double[] pos, double[] neg) {
        if (p.length != pos.length || p.length != neg.length) {
            throw new IllegalArgumentException("predictions and outcomes differ in length: " + p.length + ", " + pos.length + ", " + neg.length);
        }
    }
}
