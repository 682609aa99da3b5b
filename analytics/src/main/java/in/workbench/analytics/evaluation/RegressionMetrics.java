package in.workbench.analytics.evaluation;

/**
 * Error of numeric predictions against actual values: RMSE, MAE and R². Pure functions; the class
 * is stateless and thread-safe.
 *
 * @param rmse root mean squared error
 * @param mae mean absolute error
 * @param r2 coefficient of determination (1 − residual / total sum of squares; 0 when the actual
 *     values do not vary and the predictions miss them, 1 when they match exactly)
 * @param count how many predictions were compared
 */
public record RegressionMetrics(double rmse, double mae, double r2, int count) {

    /** Measures {@code predicted} against {@code actual} (same length, at least one value). */
    public static RegressionMetrics of(double[] predicted, double[] actual) {
        if (predicted.length != actual.length || actual.length == 0) {
            throw new IllegalArgumentException("need the same number (at least one) of predictions and actual values");
        }
        double mean = 0;
        for (double a : actual) {
            mean += a;
        }
        mean /= actual.length;
        double sse = 0;
        double sae = 0;
        double sst = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = predicted[i] - actual[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
        }
        double r2 = sst == 0 ? (sse == 0 ? 1 : 0) : 1 - sse / sst;
        return new RegressionMetrics(Math.sqrt(sse / actual.length), sae / actual.length, r2, actual.length);
    }
}
