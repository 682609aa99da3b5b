package in.workbench.analytics.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.trees.PackedTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The trained P(slow) model in the form that scores: the classifier's own parameters (XGBoost's
 * trees or the logistic regression's weights, read out of the Tribuo model), the Platt calibration
 * fitted on a held-out slice, the features' typical values (for reasons) and the provenance. It is
 * saved as one JSON file, which is also the scoring artefact a service embeds with
 * {@link SlowNetworkScorer}; the Tribuo model itself is saved beside it in Tribuo's protobuf format.
 * No Java serialization anywhere.
 *
 * <p>Immutable and thread-safe; {@link #pSlow} takes a caller-owned scratch buffer.
 */
public final class SlowNetworkModel {

    /** The model's name in {@code train}, {@code predict} and {@code trained_models}. */
    public static final String NAME = "slow-network";
    /** The JSON file under models/: parameters, calibration and provenance; the scoring artefact. */
    public static final String FILE_NAME = "slow-network.json";
    /** Tribuo's own model, protobuf. */
    public static final String TRIBUO_FILE_NAME = "slow-network.tribuo.pb";
    static final String FORMAT = "workbench-slow-network/5";
    /**
     * The fourth format: 49 features ({@link PointInTimeFeatures#NAMES_FORMAT_4}); such files score with those alone (the
     * later features are not inputs of their trees).
     */
    static final String FORMAT_4 = "workbench-slow-network/4";
    /**
     * The third format: 45 features ({@link PointInTimeFeatures#NAMES_FORMAT_3}); such files score with those alone (the
     * later features are not inputs of their trees).
     */
    static final String FORMAT_3 = "workbench-slow-network/3";
    /**
     * The second format: the running calibration, on the first 41 features ({@link PointInTimeFeatures#NAMES_FORMAT_2});
     * such files score with those alone (the later features are not inputs of their trees).
     */
    static final String FORMAT_2 = "workbench-slow-network/2";
    /** The first format: no running calibration (such files score with the trained calibration alone), 41 features. */
    static final String FORMAT_1 = "workbench-slow-network/1";
    /** The Tribuo model classes a workspace may hold for this model. */
    static final Set<String> ALLOWED_TRIBUO_CLASSES = Set.of("org.tribuo.common.xgboost.XGBoostModel",
            "org.tribuo.classification.sgd.linear.LinearSGDModel");

    private final String algorithm;
    private final int[] inputOf;
    private final int inputWidth;
    private final PackedTrees trees;
    /** Whether the trees read the feature vector as it is (feature f is input f), so a batch walks it in place. */
    private final boolean direct;
    private final int slowClass;
    private final double[][] weights;
    private final double[] bias;
    private final double plattA;
    private final double plattB;
    private final float[] typical;
    private final RunningCalibration.Settings running;
    private final JsonNode booster;
    private final ObjectNode provenance;

    SlowNetworkModel(String algorithm, int[] inputOf, int inputWidth, JsonNode booster, int slowClass, double[][] weights, double[] bias,
            double plattA, double plattB, float[] typical, RunningCalibration.Settings running, ObjectNode provenance) {
        this.algorithm = algorithm;
        this.inputOf = inputOf.clone();
        this.inputWidth = inputWidth;
        this.booster = booster;
        this.trees = booster == null ? null : PackedTrees.fromBoosterJson(booster);
        this.direct = trees != null && trees.width() <= inputOf.length && isIdentity(inputOf, trees.width());
        this.slowClass = slowClass;
        this.weights = weights;
        this.bias = bias;
        this.plattA = plattA;
        this.plattB = plattB;
        this.typical = typical.clone();
        this.running = running;
        this.provenance = provenance;
    }

    /** Whether features 0 … width − 1 are inputs 0 … width − 1 (the trees read no other input). */
    private static boolean isIdentity(int[] inputOf, int width) {
        for (int f = 0; f < width; f++) {
            if (inputOf[f] != f) {
                return false;
            }
        }
        return true;
    }

    /** {@code xgboost} or {@code logistic regression}. */
    public String algorithm() {
        return algorithm;
    }

    /** Trees a score walks (0 for the logistic regression). */
    public int treeCount() {
        return trees == null ? 0 : trees.trees();
    }

    /** Provenance and evaluation as saved. */
    public ObjectNode provenance() {
        return provenance.deepCopy();
    }

    /** The same model with the Platt calibration {@code a}, {@code b}. */
    SlowNetworkModel withCalibration(double a, double b) {
        return new SlowNetworkModel(algorithm, inputOf, inputWidth, booster, slowClass, weights, bias, a, b, typical, running, provenance);
    }

    /** The same model with other provenance. */
    public SlowNetworkModel withProvenance(ObjectNode p) {
        return new SlowNetworkModel(algorithm, inputOf, inputWidth, booster, slowClass, weights, bias, plattA, plattB, typical, running,
                p.deepCopy());
    }

    /** The same model with other running-calibration settings ({@link RunningCalibration.Settings#OFF} for none). */
    public SlowNetworkModel withRunningCalibration(RunningCalibration.Settings settings) {
        return new SlowNetworkModel(algorithm, inputOf, inputWidth, booster, slowClass, weights, bias, plattA, plattB, typical, settings,
                provenance);
    }

    /** The trained calibration's slope a (P = σ(a·logit(raw) + b)). */
    double plattA() {
        return plattA;
    }

    /** The trained calibration's intercept b. */
    double plattB() {
        return plattB;
    }

    /** How the scored world's own ended sessions recalibrate P(slow) (off for a format-1 file). */
    public RunningCalibration.Settings runningCalibration() {
        return running;
    }

    /** A running calibration in its starting state: the trained calibration, to be fed by the scored world's ended sessions. */
    public RunningCalibration newRunningCalibration() {
        return new RunningCalibration(running, plattA, plattB, typical);
    }

    /** A scratch buffer for {@link #pSlow}. */
    public float[] newScratch() {
        return new float[Math.max(inputWidth, 1) + (trees == null ? 0 : trees.classes())];
    }

    /** The typical value of each feature on the training sessions (what a reason compares with). */
    float typical(int feature) {
        return typical[feature];
    }

    /** The classifier's probability of slow before calibration. */
    public double raw(float[] x, int off, float[] scratch) {
        java.util.Arrays.fill(scratch, 0, inputWidth, Float.NaN);
        for (int f = 0; f < inputOf.length; f++) {
            if (inputOf[f] >= 0) {
                scratch[inputOf[f]] = x[off + f];
            }
        }
        if (trees != null) {
            int m = Math.max(inputWidth, 1);
            trees.margins(scratch, 0, scratch, m);
            return trees.classes() == 1 ? logistic(scratch[m]) : PackedTrees.softmax(scratch, m, trees.classes(), slowClass);
        }
        double[] z = bias.clone();
        for (int k = 0; k < z.length; k++) {
            for (int j = 0; j < inputWidth; j++) {
                float v = scratch[j];
                if (v == v) {
                    z[k] += weights[k][j] * v;
                }
            }
        }
        double max = Math.max(z[0], z[1 % z.length]);
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return Math.exp(z[slowClass] - max) / sum;
    }

    /**
     * P(slow) from a binary booster's one margin, which XGBoost's logistic objective makes the
     * log-odds of the output with id 1 (Tribuo numbers the two labels 0 and 1).
     */
    private double logistic(float margin) {
        double p1 = 1 / (1 + Math.exp(-margin));
        return slowClass == 1 ? p1 : 1 - p1;
    }

    /** A scratch buffer for {@link #pSlowBatch} of up to {@code rows} sessions. */
    public float[] newBatchScratch(int rows) {
        int classes = trees == null ? 0 : trees.classes();
        return new float[rows * (Math.max(inputWidth, 1) + classes)];
    }

    /**
     * {@link #pSlow} of {@code count} sessions at once, equal to it session by session: session
     * {@code r}'s features at {@code x[offs[r] …]}, its P(slow) into {@code p[pOff + r]}. Trees whose
     * inputs are the features themselves (XGBoost's) walk them where they lie, with no copy.
     *
     * @param scratch from {@link #newBatchScratch} for at least {@code count} rows
     * @param inputs room for {@code count} offsets
     */
    public void pSlowBatch(float[] x, int[] offs, int count, double[] p, int pOff, float[] scratch, int[] inputs) {
        batch(x, offs, count, p, pOff, scratch, inputs, true);
    }

    /** {@link #raw} of {@code count} sessions at once, as {@link #pSlowBatch} lays them out. */
    public void rawBatch(float[] x, int[] offs, int count, double[] p, int pOff, float[] scratch, int[] inputs) {
        batch(x, offs, count, p, pOff, scratch, inputs, false);
    }

    private void batch(float[] x, int[] offs, int count, double[] p, int pOff, float[] scratch, int[] inputs, boolean calibrated) {
        if (trees == null) {
            for (int r = 0; r < count; r++) {
                double raw = raw(x, offs[r], scratch);
                p[pOff + r] = calibrated ? platt(raw, plattA, plattB) : raw;
            }
            return;
        }
        int classes = trees.classes();
        int stride = Math.max(inputWidth, 1);
        // margins after the gathered inputs in the scratch buffer
        int marginOff = count * stride;
        if (direct) {
            trees.marginsRows(x, offs, count, scratch, marginOff);
        } else {
            java.util.Arrays.fill(scratch, 0, count * stride, Float.NaN);
            for (int r = 0; r < count; r++) {
                int base = r * stride;
                int off = offs[r];
                for (int f = 0; f < inputOf.length; f++) {
                    if (inputOf[f] >= 0) {
                        scratch[base + inputOf[f]] = x[off + f];
                    }
                }
                inputs[r] = base;
            }
            trees.marginsRows(scratch, inputs, count, scratch, marginOff);
        }
        for (int r = 0; r < count; r++) {
            double raw = classes == 1 ? logistic(scratch[marginOff + r])
                    : PackedTrees.softmax(scratch, marginOff + r * classes, classes, slowClass);
            p[pOff + r] = calibrated ? platt(raw, plattA, plattB) : raw;
        }
    }

    /** The calibrated probability that the session with features {@code x[off …]} is slow. */
    public double pSlow(float[] x, int off, float[] scratch) {
        return platt(raw(x, off, scratch), plattA, plattB);
    }

    static double platt(double p, double a, double b) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return 1 / (1 + Math.exp(-(a * Math.log(q / (1 - q)) + b)));
    }

    /** The model as its JSON document. */
    public ObjectNode toJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("format", FORMAT);
        root.put("model", NAME);
        root.put("algorithm", algorithm);
        ArrayNode names = root.putArray("features");
        PointInTimeFeatures.NAMES.forEach(names::add);
        ArrayNode idx = root.putArray("input_of_feature");
        for (int v : inputOf) {
            idx.add(v);
        }
        root.put("input_width", inputWidth);
        root.put("slow_class", slowClass);
        if (booster != null) {
            root.set("xgboost", booster);
        } else {
            ObjectNode lin = root.putObject("linear");
            ArrayNode w = lin.putArray("weights");
            for (double[] row : weights) {
                ArrayNode r = w.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
            ArrayNode b = lin.putArray("bias");
            for (double v : bias) {
                b.add(v);
            }
        }
        ObjectNode platt = root.putObject("platt");
        platt.put("a", plattA);
        platt.put("b", plattB);
        running.writeTo(root.putObject("running_calibration"));
        ArrayNode typ = root.putArray("typical");
        for (float v : typical) {
            typ.add(Float.isNaN(v) ? null : Double.valueOf(v));
        }
        root.set("provenance", provenance);
        return root;
    }

    /** Reads a model from its JSON document. */
    public static SlowNetworkModel fromJson(JsonNode root) {
        String format = root == null ? "" : root.path("format").asText();
        List<String> expected = FORMAT.equals(format) ? PointInTimeFeatures.NAMES
                : FORMAT_4.equals(format) ? PointInTimeFeatures.NAMES_FORMAT_4
                : FORMAT_3.equals(format) ? PointInTimeFeatures.NAMES_FORMAT_3
                : FORMAT_1.equals(format) || FORMAT_2.equals(format) ? PointInTimeFeatures.NAMES_FORMAT_2 : null;
        if (expected == null) {
            throw new IllegalArgumentException("not a slow-network model (format " + FORMAT + ", " + FORMAT_4 + ", " + FORMAT_3 + ", " + FORMAT_2 + " or "
                    + FORMAT_1 + ")");
        }
        RunningCalibration.Settings running = RunningCalibration.Settings.OFF;
        JsonNode run = root.get("running_calibration");
        if (!FORMAT_1.equals(format) && run != null) {
            running = RunningCalibration.Settings.readFrom(run);
        }
        List<String> names = new ArrayList<>();
        root.get("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(expected)) {
            throw new IllegalArgumentException("the model was trained on other features: " + names);
        }
        // an older file's model reads only its own features: the later ones are no input (−1) and have no typical value
        int[] inputOf = new int[PointInTimeFeatures.WIDTH];
        Arrays.fill(inputOf, -1);
        for (int f = 0; f < names.size(); f++) {
            inputOf[f] = root.get("input_of_feature").get(f).asInt();
        }
        float[] typical = new float[PointInTimeFeatures.WIDTH];
        Arrays.fill(typical, Float.NaN);
        for (int f = 0; f < names.size(); f++) {
            JsonNode v = root.get("typical").get(f);
            typical[f] = v == null || v.isNull() ? Float.NaN : (float) v.asDouble();
        }
        double[][] weights = null;
        double[] bias = null;
        JsonNode lin = root.get("linear");
        if (lin != null) {
            weights = new double[lin.get("weights").size()][];
            for (int k = 0; k < weights.length; k++) {
                JsonNode r = lin.get("weights").get(k);
                weights[k] = new double[r.size()];
                for (int j = 0; j < r.size(); j++) {
                    weights[k][j] = r.get(j).asDouble();
                }
            }
            bias = new double[lin.get("bias").size()];
            for (int k = 0; k < bias.length; k++) {
                bias[k] = lin.get("bias").get(k).asDouble();
            }
        } else if (root.get("xgboost") == null) {
            throw new IllegalArgumentException("the model has neither trees nor weights");
        }
        JsonNode prov = root.get("provenance");
        return new SlowNetworkModel(root.get("algorithm").asText(), inputOf, root.get("input_width").asInt(), root.get("xgboost"),
                root.get("slow_class").asInt(), weights, bias, root.get("platt").get("a").asDouble(), root.get("platt").get("b").asDouble(),
                typical, running, prov instanceof ObjectNode o ? o : new ObjectMapper().createObjectNode());
    }

    /** Writes the JSON document to {@code file} atomically (temp file, then an atomic move). */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().writeValue(tmp.toFile(), toJson());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save the slow-network model: " + e.getMessage(), e);
        }
    }

    /** Reads a model file (the workspace's or an exported artefact). */
    public static SlowNetworkModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException | RuntimeException e) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The slow-network model in " + file
                    + " cannot be read (saved by another version?). Train it again with `workbench train -w DIR slow-network`.", e);
        }
    }

    /** The workspace's trained model. */
    public static SlowNetworkModel load(Path modelsDir) {
        Path file = modelsDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING,
                    "This workspace has no slow-network model yet. Run `workbench train -w DIR slow-network` first.");
        }
        return read(file);
    }
}
