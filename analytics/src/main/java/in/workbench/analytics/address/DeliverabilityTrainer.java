package in.workbench.analytics.address;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the deliverability model on a workspace: builds labels from shipment outcomes and
 * analysts' labels, compares a logistic regression with gradient-boosted trees (XGBoost, {@code hist})
 * by k-fold cross-validation with a fixed seed, keeps the better one by AUC, refits it on all
 * labelled addresses and calibrates it (Platt scaling on the out-of-fold scores, weighted per shipment).
 *
 * <p>Labels (docs/decisions/0004 and 0013): the score is the probability that one shipment to the
 * address is delivered, so every shipment is an example: an address with d shipments delivered
 * (delivered, damaged or returned) and u undeliverable is one example "deliverable" weighing d and
 * one "undeliverable" weighing u (not "undeliverable if any failed", which inflates the failure rate
 * of addresses with many shipments). An analyst's newest label (not undone) wins over the shipments:
 * the address is then one example with the analyst's label, weighing as much as its shipments (at
 * least 1); "unsure" removes the address from training.
 *
 * <p>Stateless apart from its parser; thread-safe.
 */
public final class DeliverabilityTrainer {

    /** The model name in the workspace's trained_models table. */
    public static final String MODEL_NAME = "deliverability";

    /** Trees of the gradient-boosted candidate in the product. */
    public static final int TREES = 120;

    private final AddressParser parser;
    private final int trees;

    public DeliverabilityTrainer(AddressParser parser) {
        this(parser, TREES);
    }

    /** A trainer whose XGBoost candidate grows {@code trees} trees (fewer make fast tests). */
    public DeliverabilityTrainer(AddressParser parser, int trees) {
        this.parser = parser;
        this.trees = trees;
    }

    /**
     * An address with its outcomes: the shipments delivered and undeliverable, or an analyst's label.
     *
     * @param deliverable the analyst's label, or whether most of its shipments were delivered
     * @param source "shipments" or "analyst"
     * @param deliveredShipments shipments delivered, damaged or returned
     * @param failedShipments shipments undeliverable
     */
    public record LabelledAddress(String id, String text, String city, String state, String pincode, boolean deliverable, String source,
            int deliveredShipments, int failedShipments) {

        /** An address with one outcome (one shipment, or an analyst's label). */
        public LabelledAddress(String id, String text, String city, String state, String pincode, boolean deliverable, String source) {
            this(id, text, city, state, pincode, deliverable, source, deliverable ? 1 : 0, deliverable ? 0 : 1);
        }

        /** What the address weighs as delivered in training: its delivered shipments, or all of them for an analyst's "deliverable". */
        public double deliveredWeight() {
            return source.equals("analyst") ? (deliverable ? Math.max(1, deliveredShipments + failedShipments) : 0) : deliveredShipments;
        }

        /** What it weighs as undeliverable. */
        public double failedWeight() {
            return source.equals("analyst") ? (deliverable ? 0 : Math.max(1, deliveredShipments + failedShipments)) : failedShipments;
        }
    }

    /** Cross-validated quality of one algorithm. */
    public record CandidateMetrics(String algorithm, double auc, double logLoss, double brier) {
    }

    /**
     * Flagging quality at a threshold; "positive" means flagged, i.e. predicted not to be delivered.
     */
    public record Confusion(double threshold, long flaggedUndeliverable, long flaggedDeliverable, long passedDeliverable,
            long passedUndeliverable) {

        public double precision() {
            long flagged = flaggedUndeliverable + flaggedDeliverable;
            return flagged == 0 ? 0 : flaggedUndeliverable / (double) flagged;
        }

        public double recall() {
            long undeliverable = flaggedUndeliverable + passedUndeliverable;
            return undeliverable == 0 ? 0 : flaggedUndeliverable / (double) undeliverable;
        }
    }

    /** What training measured. Everything here is out-of-fold (cross-validated). */
    /**
     * What training measured. Everything here is out-of-fold (cross-validated); AUC, Brier score,
     * ECE and the reliability bins count every shipment (analysts' labels as their weight).
     *
     * @param shipments shipments (and analysts' labels) the per-shipment figures count
     * @param meanPredicted the mean calibrated score over them
     * @param deliveredShare the share of them delivered
     * @param ece expected calibration error, 10 equal-width bins
     */
    public record Report(int addresses, int undeliverable, int analystLabels, int folds, long seed, List<CandidateMetrics> candidates,
            String chosen, double auc, double brierCalibrated, List<BinaryMetrics.ReliabilityBin> reliability, Confusion atThreshold,
            long trainMillis, double[] outOfFoldScores, boolean[] outOfFoldDelivered, double shipments, double meanPredicted,
            double deliveredShare, double ece) {

        /** The confusion matrix at another threshold, from the out-of-fold scores. */
        public Confusion confusionAt(double threshold) {
            return confusion(outOfFoldScores, outOfFoldDelivered, threshold);
        }
    }

    /** A trained model and its report. */
    public record Result(DeliverabilityModel model, Report report) {
    }

    /** Reads the labelled addresses of a workspace. */
    public List<LabelledAddress> labels(Workspace ws) {
        return new DeliverabilityStore(ws).labelledAddresses();
    }

    /** Trains on a workspace, saves the model and its report, and returns the report. */
    public Result trainAndSave(Workspace ws, long seed, int folds, ProgressMonitor monitor) {
        List<LabelledAddress> data = labels(ws);
        Result result = train(data, seed, folds, monitor);
        result.model().save(ws.modelsDir());
        saveReport(ws, result.report(), data.size());
        saveOutOfFold(ws, data, result.report());
        return result;
    }

    /** Trains on labelled addresses. */
    public Result train(List<LabelledAddress> data, long seed, int folds, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        long bad = data.stream().filter(a -> a.failedWeight() > 0).count();
        long good = data.stream().filter(a -> a.deliveredWeight() > 0).count();
        if (data.isEmpty() || bad == 0 || good == 0 || Math.min(bad, good) < folds * 2L) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, data.isEmpty()
                    ? "This workspace has no shipment outcomes or address labels to learn from. Import addresses.csv and "
                            + "shipments.csv (with status), or address_labels.csv, first."
                    : "The labelled addresses are all " + (bad == 0 ? "delivered" : "undeliverable")
                            + " (or too few of one kind): import shipments with both outcomes, or label more addresses.");
        }
        DeliverabilityFeatures features = DeliverabilityFeatures.learn(data.stream().map(LabelledAddress::text).toList(),
                Math.max(5, data.size() / 500), 400);
        List<AddressParts> parts = new ArrayList<>(data.size());
        for (LabelledAddress a : data) {
            parts.add(parser.parse(a.text(), a.city(), a.state(), a.pincode()));
        }
        int[] fold = new int[data.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        for (int i = 0; i < order.size(); i++) {
            fold[order.get(i)] = i % folds;
        }
        boolean[] delivered = new boolean[data.size()];
        double[] pos = new double[data.size()];
        double[] neg = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            delivered[i] = data.get(i).deliverable();
            pos[i] = data.get(i).deliveredWeight();
            neg[i] = data.get(i).failedWeight();
        }
        Map<String, Trainer<Label>> trainers = candidates(seed, trees);
        List<CandidateMetrics> candidates = new ArrayList<>();
        Map<String, double[]> oof = new LinkedHashMap<>();
        int step = 0;
        int steps = trainers.size() * folds + 1;
        for (Map.Entry<String, Trainer<Label>> t : trainers.entrySet()) {
            double[] scores = new double[data.size()];
            for (int k = 0; k < folds; k++) {
                monitor.checkCancelled();
                monitor.update(step++, steps, t.getKey() + ", fold " + (k + 1) + " of " + folds);
                MutableDataset<Label> train = dataset(features, data, parts, fold, k, false);
                Model<Label> m = t.getValue().train(train);
                List<Example<Label>> test = new ArrayList<>();
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    if (fold[i] == k) {
                        test.add(example(features, parts.get(i), data.get(i).text(), null));
                        idx.add(i);
                    }
                }
                double[] s = DeliverabilityModel.raw(m, test);
                for (int j = 0; j < idx.size(); j++) {
                    scores[idx.get(j)] = s[j];
                }
            }
            oof.put(t.getKey(), scores);
            candidates.add(new CandidateMetrics(t.getKey(), BinaryMetrics.auc(scores, pos, neg), BinaryMetrics.logLoss(scores, pos, neg),
                    BinaryMetrics.brier(scores, pos, neg)));
        }
        CandidateMetrics best = candidates.stream().max(java.util.Comparator.comparingDouble(CandidateMetrics::auc)).orElseThrow();
        double[] bestScores = oof.get(best.algorithm());
        double[] ab = in.workbench.analytics.evaluation.PlattScaling.fit(bestScores, pos, neg);
        double[] calibrated = new double[bestScores.length];
        for (int i = 0; i < calibrated.length; i++) {
            calibrated[i] = DeliverabilityModel.platt(bestScores[i], ab[0], ab[1]);
        }
        monitor.update(step, steps, "refitting " + best.algorithm() + " on all " + data.size() + " addresses");
        Model<Label> finalModel = trainers.get(best.algorithm()).train(dataset(features, data, parts, fold, -1, true));
        double threshold = 0.5;
        DeliverabilityModel model = new DeliverabilityModel(finalModel, features, ab[0], ab[1], threshold,
                best.algorithm());
        List<BinaryMetrics.ReliabilityBin> bins = BinaryMetrics.reliability(calibrated, pos, neg, 10);
        double shipments = java.util.Arrays.stream(pos).sum() + java.util.Arrays.stream(neg).sum();
        double meanPredicted = 0;
        for (int i = 0; i < calibrated.length; i++) {
            meanPredicted += calibrated[i] * (pos[i] + neg[i]);
        }
        Report report = new Report(data.size(), (int) data.stream().filter(a -> !a.deliverable()).count(),
                (int) data.stream().filter(a -> a.source().equals("analyst")).count(), folds, seed, candidates, best.algorithm(),
                BinaryMetrics.auc(calibrated, pos, neg), BinaryMetrics.brier(calibrated, pos, neg), bins,
                confusion(calibrated, delivered, threshold), (System.nanoTime() - t0) / 1_000_000, calibrated, delivered, shipments,
                meanPredicted / shipments, java.util.Arrays.stream(pos).sum() / shipments, BinaryMetrics.ece(bins));
        monitor.update(steps, steps, "done");
        return new Result(model, report);
    }

    /** The two candidate trainers, by name, as cross-validation compares them. */
    static Map<String, Trainer<Label>> candidates(long seed, int trees) {
        Map<String, Trainer<Label>> trainers = new LinkedHashMap<>();
        trainers.put("logistic regression", new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 8, 100_000, 1, seed));
        trainers.put("xgboost", new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST, trees,
                0.1, 0, 5, 1, 0.8, 0.8, 1, 0, 2, XGBoostTrainer.LoggingVerbosity.SILENT, seed));
        return trainers;
    }

    static MutableDataset<Label> dataset(DeliverabilityFeatures features, List<LabelledAddress> data, List<AddressParts> parts,
            int[] fold, int heldOut, boolean all) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance(
                "workspace addresses: shipment outcomes (each shipment weighs 1) and analysts' labels", factory), factory);
        for (int i = 0; i < data.size(); i++) {
            if (all || fold[i] != heldOut) {
                LabelledAddress a = data.get(i);
                if (a.deliveredWeight() > 0) {
                    Example<Label> e = example(features, parts.get(i), a.text(), true);
                    e.setWeight((float) a.deliveredWeight());
                    ds.add(e);
                }
                if (a.failedWeight() > 0) {
                    Example<Label> e = example(features, parts.get(i), a.text(), false);
                    e.setWeight((float) a.failedWeight());
                    ds.add(e);
                }
            }
        }
        return ds;
    }

    private static Example<Label> example(DeliverabilityFeatures features, AddressParts p, String text, Boolean deliverable) {
        DeliverabilityFeatures.Named f = features.of(p, text);
        Label label = deliverable == null ? LabelFactory.UNKNOWN_LABEL
                : new Label(deliverable ? DeliverabilityModel.DELIVERABLE : DeliverabilityModel.UNDELIVERABLE);
        return new ArrayExample<>(label, f.names(), f.values());
    }

    static Confusion confusion(double[] p, boolean[] delivered, double threshold) {
        long fu = 0;
        long fd = 0;
        long pd = 0;
        long pu = 0;
        for (int i = 0; i < p.length; i++) {
            boolean flagged = p[i] < threshold;
            if (flagged && !delivered[i]) {
                fu++;
            } else if (flagged) {
                fd++;
            } else if (delivered[i]) {
                pd++;
            } else {
                pu++;
            }
        }
        return new Confusion(threshold, fu, fd, pd, pu);
    }

    /** Keeps each labelled address's out-of-fold score so screens can evaluate any threshold later. */
    private static void saveOutOfFold(Workspace ws, List<LabelledAddress> data, Report r) {
        new DeliverabilityStore(ws).saveOutOfFold(data, r.outOfFoldScores(), r.outOfFoldDelivered());
    }

    private static void saveReport(Workspace ws, Report r, int rows) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", MODEL_NAME);
        metrics.put("chosen", r.chosen());
        metrics.put("auc", r.auc());
        metrics.put("brier", r.brierCalibrated());
        metrics.put("ece", r.ece());
        metrics.put("shipments", r.shipments());
        metrics.put("mean_predicted", r.meanPredicted());
        metrics.put("delivered_share", r.deliveredShare());
        metrics.put("folds", r.folds());
        metrics.put("candidates", r.candidates());
        metrics.put("reliability", r.reliability());
        metrics.put("precision_at_threshold", r.atThreshold().precision());
        metrics.put("recall_at_threshold", r.atThreshold().recall());
        metrics.put("threshold", r.atThreshold().threshold());
        metrics.put("addresses", r.addresses());
        metrics.put("undeliverable", r.undeliverable());
        metrics.put("analyst_labels", r.analystLabels());
        new TrainedModelStore(ws).record(MODEL_NAME, DeliverabilityModel.FILE_NAME, r.seed(), rows, metrics,
                "features: " + String.join(", ", DeliverabilityFeatures.STRUCTURE) + " + word unigrams; labels: "
                    + "shipment outcomes, each shipment one weighted example (delivered, damaged, returned = delivered; undeliverable = not), "
                    + "overridden by analysts' newest labels; seed " + r.seed() + "; " + r.folds() + "-fold cross-validation");
    }
}
