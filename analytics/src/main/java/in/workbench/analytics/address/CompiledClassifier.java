package in.workbench.analytics.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;

/**
 * The deliverability classifier evaluated in plain Java: the trained Tribuo model's own trees
 * (XGBoost) or weights (logistic regression), read out of the model once and applied to a feature
 * vector without building Tribuo examples or an XGBoost matrix per call. Scoring an address and its
 * counterfactual fixes (the reasons) is then a few microseconds instead of tens.
 *
 * <p>It computes what the Tribuo model computes, in the same single-precision arithmetic for the
 * trees: {@link #compile} checks that on random feature vectors and declines (the caller then uses
 * Tribuo itself) if any probability differs by more than {@link #TOLERANCE}. Immutable and
 * thread-safe; the caller owns the feature buffers.
 */
abstract sealed class CompiledClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledClassifier.class);
    /** Largest difference from Tribuo's probability allowed by the self-check. */
    static final double TOLERANCE = 1e-6;
    private static final int PROBES = 400;

    /** Width of the dense feature vector: the model's feature count. */
    abstract int width();

    /**
     * The classifier's probability of "deliverable".
     *
     * @param dense the features by model id, {@code NaN} where absent (the trees compare them in single precision, as XGBoost does)
     * @param present the ids of the {@code count} features that are present
     */
    abstract double deliverable(double[] dense, int[] present, int count);

    /** A fresh feature buffer: every feature absent. */
    double[] newBuffer() {
        double[] b = new double[width()];
        Arrays.fill(b, Double.NaN);
        return b;
    }

    /**
     * Reads the model's parameters, or empty when the model is of another kind or the self-check
     * finds a difference from Tribuo's own predictions.
     */
    static Optional<CompiledClassifier> compile(Model<Label> model) {
        CompiledClassifier c;
        try {
            if (model instanceof XGBoostModel<Label> xgb) {
                c = Trees.of(xgb);
            } else if (model instanceof LinearSGDModel lr) {
                c = Linear.of(lr);
            } else {
                return Optional.empty();
            }
        } catch (Exception | LinkageError e) {
            LOG.warn("Could not read the deliverability model's parameters; scoring through Tribuo", e);
            return Optional.empty();
        }
        double diff = c.maxDifference(model, PROBES, 17);
        if (!(diff <= TOLERANCE)) {
            LOG.warn("The compiled deliverability model differs from Tribuo by {}; scoring through Tribuo", diff);
            return Optional.empty();
        }
        return Optional.of(c);
    }

    /** The largest difference from Tribuo's probability of "deliverable" on random sparse feature vectors. */
    double maxDifference(Model<Label> model, int probes, long seed) {
        var ids = model.getFeatureIDMap();
        int n = ids.size();
        String[] names = new String[n];
        ids.forEach(f -> names[ids.getID(f.getName())] = f.getName());
        SplittableRandom r = new SplittableRandom(seed);
        List<Example<Label>> examples = new ArrayList<>(probes);
        List<double[]> vectors = new ArrayList<>(probes);
        for (int i = 0; i < probes; i++) {
            double[] v = newBuffer();
            List<String> fn = new ArrayList<>();
            List<Double> fv = new ArrayList<>();
            int k = 1 + r.nextInt(Math.min(n, 24));
            for (int j = 0; j < k; j++) {
                int id = r.nextInt(n);
                if (!Double.isNaN(v[id])) {
                    continue;
                }
                double value = r.nextBoolean() ? 1.0 : r.nextDouble() * 6;
                v[id] = value;
                fn.add(names[id]);
                fv.add(value);
            }
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, fn.toArray(String[]::new),
                    fv.stream().mapToDouble(Double::doubleValue).toArray()));
            vectors.add(v);
        }
        double[] expected = DeliverabilityModel.raw(model, examples);
        double max = 0;
        int[] present = new int[n];
        for (int i = 0; i < probes; i++) {
            double[] v = vectors.get(i);
            int count = 0;
            for (int id = 0; id < n; id++) {
                if (!Double.isNaN(v[id])) {
                    present[count++] = id;
                }
            }
            max = Math.max(max, Math.abs(deliverable(v, present, count) - expected[i]));
        }
        return max;
    }

    /** XGBoost's trees ({@code multi:softprob}), flattened into arrays, with missing values sent the default way. */
    static final class Trees extends CompiledClassifier {

        private final int width;
        private final int classes;
        private final int deliverableClass;
        private final float baseScore;
        private final int[] roots;
        private final int[] treeClass;
        private final int[] feature;
        private final float[] value;
        private final int[] left;
        private final int[] right;
        private final boolean[] defaultLeft;

        private Trees(int width, int classes, int deliverableClass, float baseScore, int[] roots, int[] treeClass, int[] feature, float[] value,
                int[] left, int[] right, boolean[] defaultLeft) {
            this.width = width;
            this.classes = classes;
            this.deliverableClass = deliverableClass;
            this.baseScore = baseScore;
            this.roots = roots;
            this.treeClass = treeClass;
            this.feature = feature;
            this.value = value;
            this.left = left;
            this.right = right;
            this.defaultLeft = defaultLeft;
        }

        static Trees of(XGBoostModel<Label> model) throws Exception {
            if (model.getInnerModels().size() != 1) {
                throw new IllegalArgumentException("expected one booster, found " + model.getInnerModels().size());
            }
            JsonNode learner = new ObjectMapper().readTree(model.getInnerModels().get(0).toByteArray("json")).get("learner");
            String objective = learner.get("objective").get("name").asText();
            if (!objective.equals("multi:softprob")) {
                throw new IllegalArgumentException("unsupported objective " + objective);
            }
            JsonNode params = learner.get("learner_model_param");
            int classes = params.get("num_class").asInt();
            float base = Float.parseFloat(params.get("base_score").asText());
            JsonNode gbtree = learner.get("gradient_booster");
            if (!gbtree.get("name").asText().equals("gbtree")) {
                throw new IllegalArgumentException("unsupported booster " + gbtree.get("name").asText());
            }
            JsonNode trees = gbtree.get("model").get("trees");
            JsonNode info = gbtree.get("model").get("tree_info");
            int total = 0;
            for (JsonNode t : trees) {
                total += t.get("left_children").size();
            }
            int[] roots = new int[trees.size()];
            int[] treeClass = new int[trees.size()];
            int[] feature = new int[total];
            float[] value = new float[total];
            int[] left = new int[total];
            int[] right = new int[total];
            boolean[] defaultLeft = new boolean[total];
            int offset = 0;
            for (int t = 0; t < trees.size(); t++) {
                JsonNode tree = trees.get(t);
                for (JsonNode type : tree.get("split_type")) {
                    if (type.asInt() != 0) {
                        throw new IllegalArgumentException("categorical splits are not supported");
                    }
                }
                roots[t] = offset;
                treeClass[t] = info.get(t).asInt();
                JsonNode l = tree.get("left_children");
                JsonNode r = tree.get("right_children");
                JsonNode f = tree.get("split_indices");
                JsonNode c = tree.get("split_conditions");
                JsonNode d = tree.get("default_left");
                for (int i = 0; i < l.size(); i++) {
                    int node = offset + i;
                    boolean leaf = l.get(i).asInt() == -1;
                    feature[node] = leaf ? -1 : f.get(i).asInt();
                    value[node] = (float) c.get(i).asDouble();
                    left[node] = leaf ? -1 : offset + l.get(i).asInt();
                    right[node] = leaf ? -1 : offset + r.get(i).asInt();
                    defaultLeft[node] = d.get(i).asInt() != 0;
                }
                offset += l.size();
            }
            int deliverable = model.getOutputIDInfo().getID(new Label(DeliverabilityModel.DELIVERABLE));
            return new Trees(model.getFeatureIDMap().size(), classes, deliverable, base, roots, treeClass, feature, value, left, right,
                    defaultLeft);
        }

        @Override
        int width() {
            return width;
        }

        @Override
        double deliverable(double[] dense, int[] present, int count) {
            float[] margin = new float[classes];
            Arrays.fill(margin, baseScore);
            for (int t = 0; t < roots.length; t++) {
                int node = roots[t];
                while (feature[node] >= 0) {
                    double x = dense[feature[node]];
                    node = Double.isNaN(x) ? (defaultLeft[node] ? left[node] : right[node]) : (float) x < value[node] ? left[node] : right[node];
                }
                margin[treeClass[t]] += value[node];
            }
            float max = Float.NEGATIVE_INFINITY;
            for (float m : margin) {
                max = Math.max(max, m);
            }
            float sum = 0;
            float mine = 0;
            for (int k = 0; k < classes; k++) {
                float e = (float) Math.exp(margin[k] - max);
                sum += e;
                if (k == deliverableClass) {
                    mine = e;
                }
            }
            return mine / sum;
        }
    }

    /** The logistic regression's weights and biases, with Tribuo's softmax over the labels. */
    static final class Linear extends CompiledClassifier {

        private final double[][] weights;
        private final double[] bias;
        private final int deliverableClass;

        private Linear(double[][] weights, double[] bias, int deliverableClass) {
            this.weights = weights;
            this.bias = bias;
            this.deliverableClass = deliverableClass;
        }

        static Linear of(LinearSGDModel model) {
            DenseMatrix w = model.getWeightsCopy();
            int width = model.getFeatureIDMap().size();
            if (w.getDimension2Size() != width + 1) {
                throw new IllegalArgumentException("expected " + (width + 1) + " weight columns (features and bias), found "
                        + w.getDimension2Size());
            }
            double[][] weights = new double[w.getDimension1Size()][width];
            double[] bias = new double[w.getDimension1Size()];
            for (int k = 0; k < weights.length; k++) {
                for (int j = 0; j < width; j++) {
                    weights[k][j] = w.get(k, j);
                }
                bias[k] = w.get(k, width);
            }
            return new Linear(weights, bias, model.getOutputIDInfo().getID(new Label(DeliverabilityModel.DELIVERABLE)));
        }

        @Override
        int width() {
            return weights[0].length;
        }

        @Override
        double deliverable(double[] dense, int[] present, int count) {
            double[] z = bias.clone();
            for (int k = 0; k < z.length; k++) {
                for (int i = 0; i < count; i++) {
                    int id = present[i];
                    z[k] += weights[k][id] * dense[id];
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v - max);
            }
            return Math.exp(z[deliverableClass] - max) / sum;
        }
    }
}
