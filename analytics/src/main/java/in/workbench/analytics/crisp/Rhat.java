package in.workbench.analytics.crisp;

import java.util.ArrayList;
import java.util.List;

/**
 * Split R-hat (Gelman et al., Bayesian Data Analysis, 3rd ed., 11.4): each chain's trace is cut in
 * halves and the between-half variance compared with the within-half variance; values near 1 mean
 * the chains have mixed. Stateless and thread-safe.
 */
final class Rhat {

    private Rhat() {
    }

    /** Split R-hat of one summary traced by several chains; 1 when the traces are constant and equal. */
    static double split(List<double[]> chains) {
        List<double[]> halves = new ArrayList<>();
        for (double[] c : chains) {
            int h = c.length / 2;
            if (h < 2) {
                continue;
            }
            halves.add(java.util.Arrays.copyOfRange(c, 0, h));
            halves.add(java.util.Arrays.copyOfRange(c, c.length - h, c.length));
        }
        if (halves.size() < 2) {
            return Double.NaN;
        }
        int n = halves.stream().mapToInt(x -> x.length).min().orElse(0);
        int m = halves.size();
        double[] means = new double[m];
        double grand = 0;
        double within = 0;
        for (int j = 0; j < m; j++) {
            double[] x = halves.get(j);
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i];
            }
            means[j] = s / n;
            grand += means[j] / m;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += (x[i] - means[j]) * (x[i] - means[j]);
            }
            within += v / (n - 1) / m;
        }
        double between = 0;
        for (int j = 0; j < m; j++) {
            between += (means[j] - grand) * (means[j] - grand);
        }
        between = between * n / (m - 1);
        if (within == 0) {
            return between == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        double var = (n - 1.0) / n * within + between / n;
        return Math.sqrt(var / within);
    }
}
