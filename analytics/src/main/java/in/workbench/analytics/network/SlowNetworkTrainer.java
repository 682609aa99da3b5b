package in.workbench.analytics.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.linear.LinearWeights;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains P(slow) on sessions with an outcome, validated by time: the last week is the test, the
 * weeks before it train; the latest 15 % of the training weeks are held out to calibrate (Platt, with a
 * prior toward leaving the probabilities as they are: {@link #CALIBRATION_PRIOR_PER_ROW}) and
 * to choose between gradient-boosted trees (XGBoost, {@code hist}, binary logistic objective,
 * trained through XGBoost's Java API) and a logistic regression (Tribuo). Features are the
 * point-in-time ones ({@link PointInTimeFeatures}), so the test week is scored exactly as
 * production would have scored it. The kept model is compiled to plain Java
 * ({@link SlowNetworkModel}) and checked against XGBoost's or Tribuo's own predictions.
 *
 * <p>Stateless; thread-safe.
 */
public final class SlowNetworkTrainer {

    static final String SLOW = "slow";
    static final String FAST = "fast";
    static final String XGBOOST = "xgboost";
    static final String LOGISTIC = "logistic regression";
    static final long WEEK_MS = 7L * 24 * 3_600_000;
    /** Largest difference allowed between the compiled model and Tribuo. */
    static final double TOLERANCE = 1e-5;
    static final int MIN_LABELLED = 200;
    /**
     * Precision of the calibration's prior toward no recalibration ({@code a = 1, b = 0}), per
     * calibration session. XGBoost's logistic objective already gives probabilities that hold on
     * held-out weeks, and on the sample generator's shifted worlds (other seeds, 20,000–150,000
     * sessions, only Android, only iOS, no wifi, no 5g or wifi, two carriers) a free Platt fit on the
     * calibration slice moved them away from the true probabilities more often than toward them,
     * while recency-weighted fits were noisier still (README, "Slow networks"); the prior keeps the
     * fit close to the identity unless the slice clearly says otherwise (a logistic regression's
     * distortion, say).
     */
    static final double CALIBRATION_PRIOR_PER_ROW = 1.0;

    /**
     * How to train.
     *
     * @param seed random seed for both candidates
     * @param trees boosting rounds of the XGBoost candidate
     * @param depth its tree depth
     * @param eta its learning rate
     */
    public record Options(long seed, int trees, int depth, double eta) {
        public static Options defaults(long seed) {
            return new Options(seed, 140, 5, 0.1);
        }
    }

    /** One candidate's figures on the test week (calibrated probabilities). */
    public record CandidateMetrics(String algorithm, double auc, double brier, double ece, double logLoss, double calibrationLogLoss) {
    }

    /**
     * What training did and found.
     *
     * @param sessions sessions in the workspace
     * @param labelled sessions with an outcome
     * @param trainRows sessions the classifier learned from
     * @param calibrationRows sessions that fitted the calibration and chose the candidate
     * @param testRows sessions of the test week
     * @param testFrom first instant of the test period
     * @param candidates both candidates on the test week
     * @param chosen the kept algorithm
     * @param utility mean utility per test session of the decision rule and the two uniform policies
     * @param testIds the test sessions' ids
     * @param testP the kept model's calibrated test probabilities
     * @param testY the test outcomes
     * @param trainMillis wall-clock time
     */
    public record Report(long sessions, long labelled, int trainRows, int calibrationRows, int testRows, Instant testFrom,
            List<CandidateMetrics> candidates, String chosen, PageDecision.Comparison utility, String[] testIds, double[] testP, boolean[] testY,
            long trainMillis) {

        /** The kept candidate's figures. */
        public CandidateMetrics kept() {
            return candidates.stream().filter(c -> c.algorithm().equals(chosen)).findFirst().orElseThrow();
        }
    }

    /** The trained model with its report and Tribuo's own model (null when the kept model is XGBoost's trees, which the JSON file holds). */
    public record Result(SlowNetworkModel model, Report report, Model<Label> tribuoModel) {
    }

    /**
     * Trains on {@code sessions} whose point-in-time features are {@code features}.
     *
     * @throws WorkbenchException PREREQUISITE_MISSING when too few sessions have an outcome or one class is absent
     */
    public Result train(Sessions sessions, float[] features, Options options, PageDecision decision, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        int[] order = sessions.timeOrder();
        int[] labelled = Arrays.stream(order).filter(sessions::labelled).toArray();
        if (labelled.length < MIN_LABELLED) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, String.format("Only %,d sessions have an outcome; the slow-network "
                    + "model needs at least %,d. Import sessions with page_load_ms or slow first.", labelled.length, MIN_LABELLED));
        }
        long slowCount = Arrays.stream(labelled).filter(sessions::slow).count();
        if (slowCount == 0 || slowCount == labelled.length) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "Every session with an outcome is " + (slowCount == 0 ? "fast" : "slow")
                    + "; the model needs both. Check the threshold (--threshold-ms) or import more sessions.");
        }
        long first = sessions.startMillis(labelled[0]);
        long last = sessions.startMillis(labelled[labelled.length - 1]);
        long testFrom = last - first >= 2 * WEEK_MS ? last - WEEK_MS : sessions.startMillis(labelled[(int) (labelled.length * 0.8)]);
        int testStart = 0;
        while (testStart < labelled.length && sessions.startMillis(labelled[testStart]) < testFrom) {
            testStart++;
        }
        int calStart = (int) (testStart * 0.85);
        int[] fit = Arrays.copyOfRange(labelled, 0, calStart);
        int[] cal = Arrays.copyOfRange(labelled, calStart, testStart);
        int[] test = Arrays.copyOfRange(labelled, testStart, labelled.length);
        if (fit.length == 0 || cal.length == 0 || test.length == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The sessions with an outcome span too little time to train on earlier "
                    + "weeks and test on the last; import more weeks of sessions.");
        }
        boolean[] calY = outcomes(sessions, cal);
        boolean[] testY = outcomes(sessions, test);
        float[] typical = typical(features, fit);
        List<CandidateMetrics> metrics = new ArrayList<>();
        SlowNetworkModel best = null;
        Model<Label> bestTribuo = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] bestTest = null;
        String bestName = null;
        int[] check = Arrays.copyOf(test, Math.min(test.length, 2_000));
        for (String name : List.of(XGBOOST, LOGISTIC)) {
            monitor.checkCancelled();
            SlowNetworkModel raw;
            Model<Label> tribuo = null;
            if (name.equals(XGBOOST)) {
                raw = fitBoostedTrees(features, sessions, fit, check, options, typical, monitor);
            } else {
                monitor.update(2, 3, "training " + name);
                tribuo = fitLogistic(features, sessions, fit, options.seed());
                raw = compile(name, tribuo, 1, 0, typical, new ObjectMapper().createObjectNode());
                double diff = maxDifference(raw, tribuo, features, check);
                if (!(diff <= TOLERANCE)) {
                    throw new WorkbenchException(Kind.OTHER, "The compiled " + name + " model differs from Tribuo's by " + diff
                            + "; nothing was saved. Report this with the workspace.");
                }
            }
            double[] calRaw = rawScores(raw, features, cal);
            double[] ab = in.workbench.analytics.evaluation.PlattScaling.fitWithPrior(calRaw, calY, CALIBRATION_PRIOR_PER_ROW * cal.length);
            SlowNetworkModel calibrated = raw.withCalibration(ab[0], ab[1]);
            double[] calP = scores(calibrated, features, cal);
            double[] testP = scores(calibrated, features, test);
            double calLoss = BinaryMetrics.logLoss(calP, calY);
            metrics.add(new CandidateMetrics(name, BinaryMetrics.auc(testP, testY), BinaryMetrics.brier(testP, testY),
                    BinaryMetrics.ece(testP, testY, 10), BinaryMetrics.logLoss(testP, testY), calLoss));
            if (calLoss < bestLoss) {
                bestLoss = calLoss;
                best = calibrated;
                bestTribuo = tribuo;
                bestTest = testP;
                bestName = name;
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Report report = new Report(sessions.size(), labelled.length, fit.length, cal.length, test.length, Instant.ofEpochMilli(testFrom),
                List.copyOf(metrics), bestName, decision.compare(bestTest, testY, decision.threshold()),
                Arrays.stream(test).mapToObj(sessions::sessionId).toArray(String[]::new), bestTest, testY, millis);
        ObjectNode provenance = provenance(report, options);
        // scored worlds recalibrate on their own ended sessions (the test week's figures above use the trained calibration)
        SlowNetworkModel kept = best.withProvenance(provenance).withRunningCalibration(RunningCalibration.Settings.defaults());
        monitor.update(3, 3, "done");
        return new Result(kept, report, bestTribuo);
    }

    /** Reads the sessions, trains, saves the model files under models/ and records them; returns the result. */
    public Result trainAndSave(Workspace ws, Options options, ProgressMonitor monitor) {
        SessionStore store = new SessionStore(ws);
        Sessions sessions = store.readAll(monitor);
        float[] features = PointInTimeFeatures.computeAll(sessions, monitor);
        Result result = train(sessions, features, options, PageDecision.of(ws), monitor);
        ObjectNode prov = result.model().provenance();
        prov.put("threshold_ms", store.thresholdMs());
        prov.put("workspace", ws.folder().toString());
        SlowNetworkModel model = result.model().withProvenance(prov);
        Path tribuoFile = ws.modelsDir().resolve(SlowNetworkModel.TRIBUO_FILE_NAME);
        if (result.tribuoModel() != null) {
            saveTribuo(result.tribuoModel(), tribuoFile);
        } else {
            try {
                Files.deleteIfExists(tribuoFile);
            } catch (IOException e) {
                throw new WorkbenchException(Kind.OTHER, "Could not remove the previous slow-network model " + tribuoFile + ": " + e.getMessage(), e);
            }
        }
        model.writeTo(ws.modelsDir().resolve(SlowNetworkModel.FILE_NAME));
        store.recordModel(options.seed(), result.report().trainRows(), prov);
        return new Result(model, result.report(), result.tribuoModel());
    }

    /**
     * Gradient-boosted trees with XGBoost's binary logistic objective, one round at a time so a
     * cancel stops between trees. Trained through XGBoost's own Java API: Tribuo 4.3 always asks
     * XGBoost for one margin per class (twice the trees to score). The trees are compiled to plain
     * Java and checked against XGBoost's own predictions on {@code check}.
     */
    static SlowNetworkModel fitBoostedTrees(float[] features, Sessions s, int[] rows, int[] check, Options o, float[] typical,
            ProgressMonitor monitor) {
        int w = PointInTimeFeatures.WIDTH;
        DMatrix train = null;
        DMatrix probe = null;
        Booster booster = null;
        try {
            float[] y = new float[rows.length];
            for (int k = 0; k < rows.length; k++) {
                y[k] = s.slow(rows[k]) ? 1 : 0;
            }
            train = new DMatrix(gather(features, rows), rows.length, w, Float.NaN);
            train.setLabel(y);
            booster = XGBoost.train(train, xgboostParameters(o), 0, Map.of(), null, null);
            for (int t = 0; t < o.trees(); t++) {
                monitor.checkCancelled();
                booster.update(train, t);
                if (t % 10 == 0) {
                    monitor.update(t, o.trees() + o.trees() / 4, String.format("xgboost: tree %d of %d", t + 1, o.trees()));
                }
            }
            JsonNode json = new ObjectMapper().readTree(booster.toByteArray("json"));
            int[] inputOf = java.util.stream.IntStream.range(0, w).toArray();
            SlowNetworkModel raw = new SlowNetworkModel(XGBOOST, inputOf, w, json, 1, null, null, 1, 0, typical,
                    RunningCalibration.Settings.OFF, new ObjectMapper().createObjectNode());
            probe = new DMatrix(gather(features, check), check.length, w, Float.NaN);
            float[][] expected = booster.predict(probe);
            float[] scratch = raw.newScratch();
            double diff = 0;
            for (int k = 0; k < check.length; k++) {
                diff = Math.max(diff, Math.abs(raw.raw(features, check[k] * w, scratch) - expected[k][0]));
            }
            if (!(diff <= TOLERANCE)) {
                throw new WorkbenchException(Kind.OTHER, "The compiled xgboost model differs from XGBoost's by " + diff
                        + "; nothing was saved. Report this with the workspace.");
            }
            return raw;
        } catch (XGBoostError | IOException e) {
            throw new WorkbenchException(Kind.OTHER, "XGBoost could not train the slow-network model: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (train != null) {
                train.dispose();
            }
            if (probe != null) {
                probe.dispose();
            }
        }
    }

    /** Tribuo's logistic regression (SGD, AdaGrad) on {@code rows}. */
    static Model<Label> fitLogistic(float[] features, Sessions s, int[] rows, long seed) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 5, 100_000, 1, seed).train(dataset(features, s, rows));
    }

    /** The feature rows {@code rows} of {@code features}, one after another. */
    private static float[] gather(float[] features, int[] rows) {
        int w = PointInTimeFeatures.WIDTH;
        float[] x = new float[rows.length * w];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(features, rows[k] * w, x, k * w, w);
        }
        return x;
    }

    /**
     * XGBoost's parameters: the binary logistic objective (one tree per round, half the trees of
     * Tribuo's two-class softmax, so scoring walks half as many), histogram splits.
     */
    static Map<String, Object> xgboostParameters(Options o) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("booster", "gbtree");
        p.put("tree_method", "hist");
        p.put("objective", "binary:logistic");
        p.put("eta", o.eta());
        p.put("gamma", 0.0);
        p.put("max_depth", o.depth());
        p.put("min_child_weight", 10.0);
        p.put("subsample", 0.8);
        p.put("colsample_bytree", 0.8);
        p.put("lambda", 1.0);
        p.put("alpha", 0.0);
        p.put("nthread", 2);
        p.put("verbosity", 0);
        p.put("seed", (int) o.seed());
        return p;
    }

    private static boolean[] outcomes(Sessions s, int[] rows) {
        boolean[] y = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = s.slow(rows[k]);
        }
        return y;
    }

    /** The median of each feature over {@code rows}, NaN where always missing. */
    static float[] typical(float[] features, int[] rows) {
        int w = PointInTimeFeatures.WIDTH;
        float[] out = new float[w];
        float[] column = new float[rows.length];
        for (int f = 0; f < w; f++) {
            int n = 0;
            for (int i : rows) {
                float v = features[i * w + f];
                if (v == v) {
                    column[n++] = v;
                }
            }
            if (n == 0) {
                out[f] = Float.NaN;
            } else {
                Arrays.sort(column, 0, n);
                out[f] = column[n / 2];
            }
        }
        return out;
    }

    static Example<Label> example(float[] features, int i, Label label) {
        int w = PointInTimeFeatures.WIDTH;
        List<String> names = new ArrayList<>(w);
        List<Double> values = new ArrayList<>(w);
        for (int f = 0; f < w; f++) {
            float v = features[i * w + f];
            if (v == v) {
                names.add(PointInTimeFeatures.NAMES.get(f));
                values.add((double) v);
            }
        }
        return new ArrayExample<>(label, names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static MutableDataset<Label> dataset(float[] features, Sessions s, int[] rows) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("workspace sessions with an outcome, point-in-time "
                + "features", factory), factory);
        Label slow = new Label(SLOW);
        Label fast = new Label(FAST);
        for (int i : rows) {
            ds.add(example(features, i, s.slow(i) ? slow : fast));
        }
        return ds;
    }

    /** Reads the Tribuo logistic regression's parameters into the plain-Java form. */
    static SlowNetworkModel compile(String algorithm, Model<Label> model, double a, double b, float[] typical, ObjectNode provenance) {
        var ids = model.getFeatureIDMap();
        int width = ids.size();
        int[] inputOf = new int[PointInTimeFeatures.WIDTH];
        for (int f = 0; f < inputOf.length; f++) {
            var info = ids.get(PointInTimeFeatures.NAMES.get(f));
            inputOf[f] = info == null ? -1 : info.getID();
        }
        int slowClass = model.getOutputIDInfo().getID(new Label(SLOW));
        try {
            if (model instanceof LinearSGDModel lr) {
                LinearWeights w = LinearWeights.of(lr);
                return new SlowNetworkModel(algorithm, inputOf, width, null, slowClass, w.weights(), w.bias(), a, b, typical,
                        RunningCalibration.Settings.OFF, provenance);
            }
        } catch (Exception e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the " + algorithm + " model's parameters: " + e.getMessage(), e);
        }
        throw new WorkbenchException(Kind.OTHER, "Unexpected model class " + model.getClass().getName());
    }

    /** The largest difference between the compiled model's raw probability and Tribuo's on {@code rows}. */
    static double maxDifference(SlowNetworkModel compiled, Model<Label> tribuo, float[] features, int[] rows) {
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        for (int i : rows) {
            examples.add(example(features, i, LabelFactory.UNKNOWN_LABEL));
        }
        List<Prediction<Label>> predictions = tribuo.predict(examples);
        float[] scratch = compiled.newScratch();
        double max = 0;
        for (int k = 0; k < rows.length; k++) {
            Label l = predictions.get(k).getOutputScores().get(SLOW);
            double expected = l == null ? 0 : l.getScore();
            max = Math.max(max, Math.abs(compiled.raw(features, rows[k] * PointInTimeFeatures.WIDTH, scratch) - expected));
        }
        return max;
    }

    private static double[] rawScores(SlowNetworkModel m, float[] features, int[] rows) {
        float[] scratch = m.newScratch();
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = m.raw(features, rows[k] * PointInTimeFeatures.WIDTH, scratch);
        }
        return out;
    }

    static double[] scores(SlowNetworkModel m, float[] features, int[] rows) {
        float[] scratch = m.newScratch();
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = m.pSlow(features, rows[k] * PointInTimeFeatures.WIDTH, scratch);
        }
        return out;
    }

    private static ObjectNode provenance(Report r, Options o) {
        ObjectNode p = new ObjectMapper().createObjectNode();
        p.put("trained_at", Instant.now().toString());
        p.put("seed", o.seed());
        p.put("xgboost_trees", o.trees());
        p.put("xgboost_depth", o.depth());
        p.put("xgboost_eta", o.eta());
        p.put("xgboost_objective", "binary:logistic");
        p.put("sessions", r.sessions());
        p.put("labelled", r.labelled());
        p.put("train_rows", r.trainRows());
        p.put("calibration_rows", r.calibrationRows());
        p.put("test_rows", r.testRows());
        p.put("test_from", r.testFrom().toString());
        p.put("validation", "time: earlier weeks train (latest 15 % calibrate, Platt with a prior toward the identity), the last week tests");
        p.put("calibration_prior_per_row", CALIBRATION_PRIOR_PER_ROW);
        p.put("chosen", r.chosen());
        ArrayNode cands = p.putArray("candidates");
        for (CandidateMetrics c : r.candidates()) {
            ObjectNode n = cands.addObject();
            n.put("algorithm", c.algorithm());
            n.put("auc", c.auc());
            n.put("brier", c.brier());
            n.put("ece", c.ece());
            n.put("log_loss", c.logLoss());
        }
        ObjectNode u = p.putObject("utility_per_session");
        u.put("threshold", r.utility().threshold());
        u.put("rule", r.utility().rule());
        u.put("everyone_full", r.utility().everyoneFull());
        u.put("everyone_lite", r.utility().everyoneLite());
        return p;
    }

    /** Writes Tribuo's model in its protobuf format, atomically. */
    static void saveTribuo(Model<Label> model, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, model.serialize().toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save the slow-network model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads Tribuo's model back, refusing any model class but the two this feature trains (checked
     * on the protobuf's class name before anything is instantiated, and again on the result).
     */
    @SuppressWarnings("unchecked")
    public static Model<Label> loadTribuo(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ModelProto proto = ModelProto.parseFrom(in);
            if (!SlowNetworkModel.ALLOWED_TRIBUO_CLASSES.contains(proto.getClassName())) {
                throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The slow-network model in " + file + " is a "
                        + proto.getClassName() + ", which this workbench does not load. Train it again.");
            }
            Model<?> model = Model.deserialize(proto);
            if (!(model instanceof XGBoostModel<?> || model instanceof LinearSGDModel)) {
                throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The slow-network model in " + file + " is of an unexpected kind.");
            }
            return (Model<Label>) model;
        } catch (IOException | RuntimeException e) {
            if (e instanceof WorkbenchException w) {
                throw w;
            }
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The slow-network model in " + file
                    + " cannot be read. Train it again with `workbench train -w DIR slow-network`.", e);
        }
    }
}
