package in.workbench.analytics.address;

import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * labelled addresses and calibrates it (Platt scaling on the out-of-fold scores).
 *
 * <p>Labels (docs/decisions/0004-deliverability-labels.md): an address is <em>undeliverable</em> if
 * any shipment to it was undeliverable; <em>deliverable</em> if a shipment to it was delivered
 * (delivered, damaged or returned) at the first attempt and none was undeliverable; addresses with
 * only multi-attempt deliveries or no shipments are left out. An analyst's newest label (not undone)
 * wins over the shipments; "unsure" removes the address from training.
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
     * An address with its label.
     *
     * @param source "shipments" or "analyst"
     */
    public record LabelledAddress(String id, String text, String city, String state, String pincode, boolean deliverable, String source) {
    }

    /** Cross-validated quality of one algorithm. */
    public record CandidateMetrics(String algorithm, double auc, double logLoss, double brier) {
    }

    /** One bin of the reliability chart: mean calibrated score vs the observed delivered share. */
    public record ReliabilityBin(double meanPredicted, double observed, long count) {
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
    public record Report(int addresses, int undeliverable, int analystLabels, int folds, long seed, List<CandidateMetrics> candidates,
            String chosen, double auc, double brierCalibrated, List<ReliabilityBin> reliability, Confusion atThreshold, long trainMillis,
            double[] outOfFoldScores, boolean[] outOfFoldDelivered) {

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
        String sql = "SELECT a.address_id, a.address_text, a.city, a.state, a.pincode, o.outcome, l.label FROM addresses a "
                + "LEFT JOIN (SELECT address_id, CASE WHEN SUM(CASE WHEN status = 'undeliverable' THEN 1 ELSE 0 END) > 0 THEN 0 "
                + "WHEN SUM(CASE WHEN status <> 'undeliverable' AND COALESCE(attempts, 1) <= 1 THEN 1 ELSE 0 END) > 0 THEN 1 END AS outcome "
                + "FROM shipments GROUP BY address_id) o ON o.address_id = a.address_id "
                + "LEFT JOIN (SELECT address_id, label FROM (SELECT address_id, label, ROW_NUMBER() OVER (PARTITION BY address_id "
                + "ORDER BY labeled_at DESC, label_id DESC) AS rn FROM address_labels WHERE NOT undone) newest WHERE rn = 1) l "
                + "ON l.address_id = a.address_id WHERE o.outcome IS NOT NULL OR l.label IS NOT NULL ORDER BY a.address_id";
        List<LabelledAddress> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String analyst = rs.getString(7);
                Object outcome = rs.getObject(6);
                if (analyst != null) {
                    if (!analyst.equals("unsure")) {
                        out.add(new LabelledAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                analyst.equals("deliverable"), "analyst"));
                    }
                } else if (outcome != null) {
                    out.add(new LabelledAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            ((Number) outcome).intValue() == 1, "shipments"));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the labelled addresses: " + e.getMessage(), e);
        }
        return out;
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
        long bad = data.stream().filter(a -> !a.deliverable()).count();
        if (data.isEmpty() || bad == 0 || bad == data.size() || Math.min(bad, data.size() - bad) < folds * 2L) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, data.isEmpty()
                    ? "This workspace has no shipment outcomes or address labels to learn from. Import addresses.csv and "
                            + "shipments.csv (with status), or address_labels.csv, first."
                    : "The labelled addresses are all " + (bad == 0 ? "deliverable" : "undeliverable")
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
        for (int i = 0; i < data.size(); i++) {
            delivered[i] = data.get(i).deliverable();
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
            candidates.add(new CandidateMetrics(t.getKey(), auc(scores, delivered), logLoss(scores, delivered), brier(scores, delivered)));
        }
        CandidateMetrics best = candidates.stream().max(java.util.Comparator.comparingDouble(CandidateMetrics::auc)).orElseThrow();
        double[] bestScores = oof.get(best.algorithm());
        double[] ab = fitPlatt(bestScores, delivered);
        double[] calibrated = new double[bestScores.length];
        for (int i = 0; i < calibrated.length; i++) {
            calibrated[i] = DeliverabilityModel.platt(bestScores[i], ab[0], ab[1]);
        }
        monitor.update(step, steps, "refitting " + best.algorithm() + " on all " + data.size() + " addresses");
        Model<Label> finalModel = trainers.get(best.algorithm()).train(dataset(features, data, parts, fold, -1, true));
        double threshold = 0.5;
        DeliverabilityModel model = new DeliverabilityModel(finalModel, features, ab[0], ab[1], threshold,
                best.algorithm());
        Report report = new Report(data.size(), (int) data.stream().filter(a -> !a.deliverable()).count(),
                (int) data.stream().filter(a -> a.source().equals("analyst")).count(), folds, seed, candidates, best.algorithm(),
                auc(calibrated, delivered), brier(calibrated, delivered), reliability(calibrated, delivered, 10),
                confusion(calibrated, delivered, threshold), (System.nanoTime() - t0) / 1_000_000, calibrated, delivered);
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
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("workspace addresses labelled by shipments and analysts",
                factory), factory);
        for (int i = 0; i < data.size(); i++) {
            if (all || fold[i] != heldOut) {
                ds.add(example(features, parts.get(i), data.get(i).text(), data.get(i).deliverable()));
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

    /** Area under the ROC curve of scores for "delivered" (Mann–Whitney, ties counted half). */
    public static double auc(double[] scores, boolean[] positive) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, java.util.Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[idx[k]]) {
                    rankSum += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        return pos == 0 || neg == 0 ? 0.5 : (rankSum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    static double logLoss(double[] p, boolean[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - 1e-9, Math.max(1e-9, p[i]));
            s -= y[i] ? Math.log(q) : Math.log(1 - q);
        }
        return s / p.length;
    }

    static double brier(double[] p, boolean[] y) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (y[i] ? 1 : 0);
            s += d * d;
        }
        return s / p.length;
    }

    /** Platt scaling: fits a, b so that σ(a·logit(p) + b) matches the outcomes (Newton's method). */
    static double[] fitPlatt(double[] p, boolean[] y) {
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < p.length; i++) {
                double q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]));
                double x = Math.log(q / (1 - q));
                double f = 1 / (1 + Math.exp(-(a * x + b)));
                double r = f - (y[i] ? 1 : 0);
                double w = f * (1 - f);
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
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }

    static List<ReliabilityBin> reliability(double[] p, boolean[] y, int bins) {
        double[] sum = new double[bins];
        long[] pos = new long[bins];
        long[] n = new long[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, (int) (p[i] * bins));
            sum[b] += p[i];
            n[b]++;
            pos[b] += y[i] ? 1 : 0;
        }
        List<ReliabilityBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                out.add(new ReliabilityBin(sum[b] / n[b], pos[b] / (double) n[b], n[b]));
            }
        }
        return out;
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
        Sql.inTransaction(ws, "Could not record the cross-validated scores", c -> {
            try (Statement s = c.createStatement();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO deliverability_oof (address_id, score, delivered, label_source) "
                            + "VALUES (?, ?, ?, ?)")) {
                s.executeUpdate("DELETE FROM deliverability_oof");
                for (int i = 0; i < data.size(); i++) {
                    ps.setString(1, data.get(i).id());
                    ps.setDouble(2, r.outOfFoldScores()[i]);
                    ps.setBoolean(3, r.outOfFoldDelivered()[i]);
                    ps.setString(4, data.get(i).source());
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    private static void saveReport(Workspace ws, Report r, int rows) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", MODEL_NAME);
        metrics.put("chosen", r.chosen());
        metrics.put("auc", r.auc());
        metrics.put("brier", r.brierCalibrated());
        metrics.put("folds", r.folds());
        metrics.put("candidates", r.candidates());
        metrics.put("reliability", r.reliability());
        metrics.put("precision_at_threshold", r.atThreshold().precision());
        metrics.put("recall_at_threshold", r.atThreshold().recall());
        metrics.put("threshold", r.atThreshold().threshold());
        metrics.put("addresses", r.addresses());
        metrics.put("undeliverable", r.undeliverable());
        metrics.put("analyst_labels", r.analystLabels());
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement(ws.dialect().upsert("trained_models", java.util.List.of(
                "model_name", "file_name", "trained_at", "seed", "training_rows", "metrics_json", "provenance"), java.util.List.of("model_name")))) {
            ps.setString(1, MODEL_NAME);
            ps.setString(2, DeliverabilityModel.FILE_NAME);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.setLong(4, r.seed());
            ps.setLong(5, rows);
            ps.setString(6, json.writeValueAsString(metrics));
            ps.setString(7, "features: " + String.join(", ", DeliverabilityFeatures.STRUCTURE) + " + word unigrams; labels: "
                    + "shipment outcomes (undeliverable if any undeliverable shipment, deliverable if delivered at the first attempt) "
                    + "overridden by analysts' newest labels; seed " + r.seed() + "; " + r.folds() + "-fold cross-validation");
            ps.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not record the trained model: " + e.getMessage(), e);
        }
    }
}
