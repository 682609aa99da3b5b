package in.workbench.analytics.evaluation;

/**
 * Platt scaling: the recalibration σ(a·logit(p) + b) of a model's probabilities, fitted by Newton's
 * method to held-out outcomes, one outcome per prediction or aggregated counts (as when one
 * address stands for its delivered and failed shipments). Stateless and thread-safe.
 */
public final class PlattScaling {

    private static final double CLIP = 1e-6;

    private PlattScaling() {
    }

    /** Fits {@code {a, b}} to one outcome per prediction. */
    public static double[] fit(double[] p, boolean[] y) {
        return fitWithPrior(p, y, 0);
    }

    /** Fits {@code {a, b}} to {@code pos[i]} positive and {@code neg[i]} negative cases scored {@code p[i]}. */
    public static double[] fit(double[] p, double[] pos, double[] neg) {
        return fit(p, pos, neg, 0);
    }

    /**
     * The most probable {@code {a, b}} under a Gaussian prior centred on no recalibration
     * ({@code a = 1, b = 0}) with precision {@code prior} on each: a model whose probabilities are
     * already right stays as it is unless the held-out outcomes clearly say otherwise, so a small or
     * drifting calibration slice moves it less. {@code prior} is on the scale of the log-likelihood's
     * curvature: about the number of held-out cases times p(1 − p) at which the data and the prior
     * weigh the same on {@code b}. Zero is the plain maximum-likelihood fit.
     */
    public static double[] fitWithPrior(double[] p, boolean[] y, double prior) {
        double[] pos = new double[y.length];
        double[] neg = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            pos[i] = y[i] ? 1 : 0;
            neg[i] = y[i] ? 0 : 1;
        }
        return fit(p, pos, neg, prior);
    }

    private static double[] fit(double[] p, double[] pos, double[] neg, double prior) {
        if (prior < 0) {
            throw new IllegalArgumentException("the prior's precision cannot be negative");
        }
        if (p.length != pos.length || p.length != neg.length) {
            throw new IllegalArgumentException("predictions and outcomes differ in length");
        }
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = prior * (a - 1);
            double gb = prior * b;
            double haa = 1e-9 + prior;
            double hab = 0;
            double hbb = 1e-9 + prior;
            for (int i = 0; i < p.length; i++) {
                double n = pos[i] + neg[i];
                if (n == 0) {
                    continue;
                }
                double x = logit(p[i]);
                double f = 1 / (1 + Math.exp(-(a * x + b)));
                double r = n * f - pos[i];
                double w = n * f * (1 - f);
                ga += r * x;
                gb += r;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** The recalibrated probability σ(a·logit(p) + b). */
    public static double apply(double p, double a, double b) {
        return 1 / (1 + Math.exp(-(a * logit(p) + b)));
    }

    private static double logit(double p) {
        double q = Math.min(1 - CLIP, Math.max(CLIP, p));
        return Math.log(q / (1 - q));
    }
}
