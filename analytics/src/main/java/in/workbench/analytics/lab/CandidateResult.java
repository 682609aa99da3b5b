package in.workbench.analytics.lab;

import in.workbench.analytics.evaluation.BinaryMetrics;
import java.util.List;
import java.util.Map;

/**
 * One candidate's validation results: its metrics on held-out rows, ROC and calibration points
 * (two-class targets), the confusion matrix (classification) and feature importance (of a model
 * trained on all rows; empty where the algorithm has none). Immutable.
 *
 * @param algorithm the candidate
 * @param metrics metric name → value: {@code auc}, {@code accuracy}, {@code f1}, {@code log_loss},
 *     {@code brier} (classification; {@code macro_f1} for more than two classes) or {@code rmse},
 *     {@code mae}, {@code r2} (regression)
 * @param roc false-positive rate, true-positive rate pairs from (0,0) to (1,1)
 * @param calibration reliability bins of the positive class's probability
 * @param classes the confusion matrix's class order
 * @param confusion confusion[actual][predicted] counts
 * @param importance column → share of importance (sums to 1), most important first
 * @param evaluatedRows how many held-out rows the metrics come from
 * @param trainMillis time spent training and predicting for validation
 * @param failure why the candidate could not be trained, or null
 */
public record CandidateResult(Algorithm algorithm, Map<String, Double> metrics, List<double[]> roc,
        List<BinaryMetrics.ReliabilityBin> calibration, List<String> classes, long[][] confusion, List<Importance> importance,
        long evaluatedRows, long trainMillis, String failure) {

    /** A column's share of the model's feature importance. */
    public record Importance(String column, double share) {
    }

    /** The metric, or NaN when this candidate has none of that name. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** A candidate that failed, with the reason. */
    static CandidateResult failed(Algorithm algorithm, String why) {
        return new CandidateResult(algorithm, Map.of(), List.of(), List.of(), List.of(), new long[0][0], List.of(), 0, 0, why);
    }

    /** The same results with the feature importance of the model trained on every row. */
    CandidateResult withImportance(List<Importance> importance) {
        return new CandidateResult(algorithm, metrics, roc, calibration, classes, confusion, importance, evaluatedRows, trainMillis,
                failure);
    }
}
