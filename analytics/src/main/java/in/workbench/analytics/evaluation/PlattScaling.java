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
        double[] x = new double[p.length];
        double[] n = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = logit(p[i]);
            n[i] = pos[i] + neg[i];
        }
        double[] ab = {1, 0};
        for (int iter = 0; iter < 100; iter++) {
            double moved = LogisticNewton.step(x, n, pos, p.length, ab, 1, 0, prior, 1e-9);
            if (!(moved >= 1e-10)) {
                break;
            }
        }
        return ab;
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
