package in.workbench.analytics.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.address.DeliverabilityTrainer.CandidateMetrics;
import in.workbench.analytics.address.DeliverabilityTrainer.Confusion;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.evaluation.BinaryMetrics.ReliabilityBin;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last training's cross-validated evaluation as the Model screen shows it: the candidates'
 * metrics, the chosen model's AUC and Brier score, and every labelled address's out-of-fold
 * calibrated score, from which precision, recall, the confusion matrix and the reliability chart
 * are computed at any threshold without retraining. Read from the {@code trained_models} row and
 * the {@code deliverability_oof} table. Immutable (the arrays are not handed out) and thread-safe.
 *
 * @param chosen the algorithm kept ("logistic regression" or "xgboost")
 * @param trainedAt when it was trained (ISO-8601)
 * @param addresses labelled addresses trained on
 * @param undeliverable of them labelled undeliverable
 * @param analystLabels of them labelled by analysts
 * @param folds cross-validation folds
 * @param seed the training seed
 * @param candidates every algorithm's cross-validated metrics
 * @param auc the chosen model's out-of-fold AUC after calibration
 * @param brier its Brier score after calibration, per shipment
 * @param ece its expected calibration error (10 bins), per shipment
 * @param meanPredicted the mean calibrated score over the shipments
 * @param deliveredShare the share of the shipments delivered
 * @param scores each labelled address's out-of-fold calibrated score
 * @param delivered whether most of each address's shipments were delivered (or the analyst's label)
 * @param shipmentReliability the reliability bins as trained, per shipment (what the ECE is of); empty for a model stored
 *     without them
 */
public record DeliverabilityEvaluation(String chosen, String trainedAt, int addresses, int undeliverable, int analystLabels, int folds,
        long seed, List<CandidateMetrics> candidates, double auc, double brier, double ece, double meanPredicted, double deliveredShare,
        double[] scores, boolean[] delivered, List<ReliabilityBin> shipmentReliability) {

    /** The evaluation of a report just trained. */
    public static DeliverabilityEvaluation of(DeliverabilityTrainer.Report r, String trainedAt) {
        return new DeliverabilityEvaluation(r.chosen(), trainedAt, r.addresses(), r.undeliverable(), r.analystLabels(), r.folds(),
                r.seed(), r.candidates(), r.auc(), r.brierCalibrated(), r.ece(), r.meanPredicted(), r.deliveredShare(),
                r.outOfFoldScores().clone(), r.outOfFoldDelivered().clone(), List.copyOf(r.reliability()));
    }

    /** The stored evaluation of the workspace's deliverability model; empty when none was trained. */
    public static Optional<DeliverabilityEvaluation> load(Workspace ws) {
        Optional<TrainedModelStore.StoredModel> stored = new TrainedModelStore(ws).find(DeliverabilityTrainer.MODEL_NAME);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<DeliverabilityStore.OutOfFold> oof = new DeliverabilityStore(ws).outOfFold();
        try {
            JsonNode m = new ObjectMapper().readTree(stored.get().metricsJson());
            List<CandidateMetrics> candidates = new ArrayList<>();
            for (JsonNode cand : m.path("candidates")) {
                candidates.add(new CandidateMetrics(cand.path("algorithm").asText(), cand.path("auc").asDouble(),
                        cand.path("logLoss").asDouble(), cand.path("brier").asDouble()));
            }
            double[] sc = new double[oof.size()];
            boolean[] dl = new boolean[oof.size()];
            for (int i = 0; i < sc.length; i++) {
                sc[i] = oof.get(i).score();
                dl[i] = oof.get(i).delivered();
            }
            return Optional.of(new DeliverabilityEvaluation(m.path("chosen").asText(), stored.get().trainedAt().toString(),
                    m.path("addresses").asInt(), m.path("undeliverable").asInt(), m.path("analyst_labels").asInt(), m.path("folds").asInt(),
                    stored.get().seed(), List.copyOf(candidates), m.path("auc").asDouble(), m.path("brier").asDouble(),
                    m.path("ece").asDouble(Double.NaN), m.path("mean_predicted").asDouble(Double.NaN),
                    m.path("delivered_share").asDouble(Double.NaN), sc, dl, bins(m.path("reliability"))));
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the deliverability model's evaluation: " + e.getMessage(), e);
        }
    }

    private static List<ReliabilityBin> bins(JsonNode stored) {
        List<ReliabilityBin> out = new ArrayList<>();
        for (JsonNode b : stored) {
            out.add(new ReliabilityBin(b.path("meanPredicted").asDouble(), b.path("observed").asDouble(), b.path("weight").asDouble()));
        }
        return List.copyOf(out);
    }

    /** Flagging quality at a threshold (addresses scoring below it are flagged), cross-validated. */
    public Confusion confusionAt(double threshold) {
        return DeliverabilityTrainer.confusion(scores, delivered, threshold);
    }

    /** The reliability chart per address: mean calibrated score against the share of addresses mostly delivered, in {@code bins} equal-width bins. */
    public List<ReliabilityBin> reliability(int bins) {
        return BinaryMetrics.reliability(scores, delivered, bins);
    }

    /** Share of the labelled addresses that would be flagged at a threshold. */
    public double flaggedShareAt(double threshold) {
        Confusion c = confusionAt(threshold);
        long flagged = c.flaggedDeliverable() + c.flaggedUndeliverable();
        return scores.length == 0 ? 0 : flagged / (double) scores.length;
    }

    /** How many out-of-fold scores the evaluation holds. */
    public int size() {
        return scores.length;
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public boolean[] delivered() {
        return delivered.clone();
    }
}
