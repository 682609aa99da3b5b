package in.workbench.analytics.crisp;

/**
 * The M-step of Monte Carlo EM for the transmission parameters: maximises the expected
 * complete-data log-likelihood F(θ) = Σ_exposures log(1 − e^{−θ·x}) − θ·s over θ ≥ 0, which is
 * concave, by projected Newton steps (free variables: positive, or at 0 with an ascending
 * gradient) with a backtracking line search. Stateless and thread-safe.
 */
final class TransmissionMaximizer {

    private static final double FLOOR = 1e-9;

    private TransmissionMaximizer() {
    }

    /** The maximising θ = (η, w0, w_dur, w_close, w_in), starting from {@code start}. */
    static double[] maximise(CompleteDataStatistics stats, double[] start) {
        int dim = CompleteDataStatistics.DIM;
        double[] theta = start.clone();
        theta[0] = Math.max(theta[0], 1e-6);
        double f = value(stats, theta);
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[dim];
            double[][] hess = new double[dim][dim];
            gradientAndHessian(stats, theta, g, hess);
            boolean[] free = new boolean[dim];
            int nFree = 0;
            for (int i = 0; i < dim; i++) {
                free[i] = theta[i] > FLOOR || g[i] > 0;
                if (free[i]) {
                    nFree++;
                }
            }
            double[] step = new double[dim];
            if (nFree > 0) {
                int[] idx = new int[nFree];
                int j = 0;
                for (int i = 0; i < dim; i++) {
                    if (free[i]) {
                        idx[j++] = i;
                    }
                }
                double[][] a = new double[nFree][nFree];
                double[] b = new double[nFree];
                for (int r = 0; r < nFree; r++) {
                    b[r] = g[idx[r]];
                    for (int c = 0; c < nFree; c++) {
                        a[r][c] = -hess[idx[r]][idx[c]];
                    }
                    a[r][r] += 1e-9 * (1 + Math.abs(a[r][r]));
                }
                double[] x = solve(a, b);
                if (x == null) {
                    for (int r = 0; r < nFree; r++) {
                        x = x == null ? new double[nFree] : x;
                        x[r] = b[r] * 1e-3;
                    }
                }
                for (int r = 0; r < nFree; r++) {
                    step[idx[r]] = x[r];
                }
            }
            double t = 1;
            double[] next = null;
            double fNext = Double.NEGATIVE_INFINITY;
            while (t > 1e-12) {
                double[] cand = new double[dim];
                for (int i = 0; i < dim; i++) {
                    cand[i] = Math.max(0, theta[i] + t * step[i]);
                }
                cand[0] = Math.max(cand[0], 1e-9);
                fNext = value(stats, cand);
                if (fNext >= f - 1e-12 * Math.abs(f)) {
                    next = cand;
                    break;
                }
                t /= 2;
            }
            if (next == null) {
                break;
            }
            double change = 0;
            for (int i = 0; i < dim; i++) {
                change = Math.max(change, Math.abs(next[i] - theta[i]));
            }
            theta = next;
            double gain = fNext - f;
            f = fNext;
            if (change < 1e-10 || gain < 1e-12 * Math.max(1, Math.abs(f))) {
                break;
            }
        }
        return theta;
    }

    static double value(CompleteDataStatistics s, double[] theta) {
        double v = 0;
        for (int i = 0; i < theta.length; i++) {
            v -= theta[i] * s.survival[i];
        }
        for (double[] x : s.exposures) {
            double z = dot(theta, x);
            if (z <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            v += Math.log(-Math.expm1(-z));
        }
        return v;
    }

    private static void gradientAndHessian(CompleteDataStatistics s, double[] theta, double[] g, double[][] h) {
        int dim = theta.length;
        for (int i = 0; i < dim; i++) {
            g[i] = -s.survival[i];
        }
        for (double[] x : s.exposures) {
            double z = Math.max(dot(theta, x), 1e-12);
            double e = Math.exp(-z);
            double one = -Math.expm1(-z);
            double d1 = e / one;
            double d2 = -e / (one * one);
            for (int i = 0; i < dim; i++) {
                if (x[i] == 0) {
                    continue;
                }
                g[i] += d1 * x[i];
                for (int j = 0; j < dim; j++) {
                    h[i][j] += d2 * x[i] * x[j];
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting; null when singular. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
                    piv = r;
                }
            }
            if (Math.abs(m[piv][col]) < 1e-300) {
                return null;
            }
            double[] tmp = m[col];
            m[col] = m[piv];
            m[piv] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
