package in.workbench.analytics.evaluation;

/**
 * The Newton step of a two-parameter logistic fit σ(a·x + b) to counts, with a Gaussian prior
 * toward {@code (a0, b0)}: the numerics shared by {@link PlattScaling} (iterated to convergence on
 * held-out outcomes) and the slow-network model's running calibration (two steps on decayed,
 * binned sums every few ended sessions). Stateless and thread-safe.
 */
public final class LogisticNewton {

    private LogisticNewton() {
    }

    /**
     * One Newton step on the penalised log-likelihood of {@code pos[i]} positives among {@code n[i]}
     * cases at {@code x[i]} (entries with {@code n[i] <= 0} are skipped), from {@code ab = {a, b}},
     * which it updates in place.
     *
     * @param count the entries of {@code x}, {@code n} and {@code pos} to use
     * @param prior precision of the prior on each of a and b (0 for the plain maximum-likelihood step)
     * @param ridge added to the curvature's diagonal so an empty or one-point fit stays solvable
     * @return the step's size {@code |Δa| + |Δb|}, or NaN (and {@code ab} unchanged) when the
     *         curvature is not positive definite
     */
    public static double step(double[] x, double[] n, double[] pos, int count, double[] ab, double a0, double b0, double prior,
            double ridge) {
        double a = ab[0];
        double b = ab[1];
        double ga = prior * (a - a0);
        double gb = prior * (b - b0);
        double haa = prior + ridge;
        double hab = 0;
        double hbb = prior + ridge;
        for (int i = 0; i < count; i++) {
            double ni = n[i];
            if (ni <= 0) {
                continue;
            }
            double xi = x[i];
            double f = 1 / (1 + Math.exp(-(a * xi + b)));
            double r = ni * f - pos[i];
            double h = ni * f * (1 - f);
            ga += r * xi;
            gb += r;
            haa += h * xi * xi;
            hab += h * xi;
            hbb += h;
        }
        double det = haa * hbb - hab * hab;
        if (!(det > 0)) {
            return Double.NaN;
        }
        double da = (hbb * ga - hab * gb) / det;
        double db = (haa * gb - hab * ga) / det;
        ab[0] = a - da;
        ab[1] = b - db;
        return Math.abs(da) + Math.abs(db);
    }
}
