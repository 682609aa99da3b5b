package in.workbench.analytics.lab;

import java.util.List;
import org.tribuo.Model;

/**
 * What a lab training produced: the plan it followed, the encoding, every candidate's
 * validation results, the candidate kept and its model trained on every row. Immutable apart
 * from the Tribuo model, which is thread-safe for prediction.
 *
 * @param spec what was asked
 * @param plan the task, features and notes
 * @param encoding how rows become features
 * @param candidates each candidate's results, in the order tried
 * @param kept the candidate with the best primary metric
 * @param primaryMetric {@code auc} (two classes), {@code accuracy} (more) or {@code rmse} (regression)
 * @param positiveClass the class whose probability AUC and calibration measure (two classes), or null
 * @param model the kept candidate trained on every row
 * @param targetMean the mean a numeric target was centred by before training (0 for classes)
 * @param targetStd the standard deviation a numeric target was scaled by (1 for classes)
 * @param trainMillis wall-clock time of the whole training
 */
public record LabResult(LabSpec spec, LabPlan plan, FeatureEncoding encoding, List<CandidateResult> candidates, Algorithm kept,
        String primaryMetric, String positiveClass, Model<?> model, double targetMean, double targetStd, long trainMillis) {

    /** The kept candidate's results. */
    public CandidateResult keptResult() {
        return candidates.stream().filter(c -> c.algorithm() == kept).findFirst().orElseThrow();
    }

    /** True when a higher value of the primary metric is better. */
    public static boolean higherIsBetter(String metric) {
        return !metric.equals("rmse") && !metric.equals("mae") && !metric.equals("log_loss") && !metric.equals("brier");
    }
}
