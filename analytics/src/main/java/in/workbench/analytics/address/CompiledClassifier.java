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

    /** An empty set of feature ids for {@link #deliverableChanged}. */
    long[] newChangeSet() {
        return new long[(width() + 63) / 64];
    }

    /** Space for what {@link #deliverable(double[], int[], int, float[])} records of an evaluation. */
    float[] newRecord() {
        return new float[0];
    }

    /**
     * The probability of "deliverable", recording in {@code record} (from {@link #newRecord()})
     * what {@link #deliverableChanged} needs to score a variant of these features quickly.
     */
    double deliverable(double[] dense, int[] present, int count, float[] record) {
        return deliverable(dense, present, count);
    }

    /**
     * The probability of "deliverable" of a variant of the features recorded in {@code record}
     * that differs from them only in the features whose ids are set in {@code changed}; exactly
     * what {@link #deliverable(double[], int[], int)} gives for the variant.
     */
    double deliverableChanged(double[] dense, int[] present, int count, float[] record, long[] changed) {
        return deliverable(dense, present, count);
    }

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

    /**
     * XGBoost's trees ({@code multi:softprob}), each laid out as a complete binary tree of the
     * ensemble's depth (a leaf above the bottom becomes splits that always go left down to copies
     * of it), so that a walk is a fixed number of branch-free steps and the processor overlaps the
     * walks of successive trees. A missing feature goes the node's default way, as in XGBoost.
     * Knows which features each tree reads, so a variant that changes a few features re-walks only
     * the trees that read them.
     */
    static final class Trees extends CompiledClassifier {

        /** Deeper ensembles are left to Tribuo (a complete layout would be too large). */
        static final int MAX_DEPTH = 10;

        private final int width;
        private final int classes;
        private final int deliverableClass;
        private final float baseScore;
        private final int depth;
        private final int trees;
        private final int[] treeClass;
        /** Per tree {@code 2^depth} leaf values. */
        private final float[] leaves;
        /**
         * Per tree {@code 2^depth - 1} split nodes in heap order, each in one long (one load a step):
         * the split value's bits high, the feature low, bit 31 set when a missing feature goes left.
         */
        private final long[] nodes;
        /** The features each tree reads, {@code words} longs a tree. */
        private final long[] reads;
        private final int words;

        private Trees(int width, int classes, int deliverableClass, float baseScore, int depth, int[] treeClass, int[] feature, float[] split,
                int[] missingLeft, float[] leaves, long[] reads) {
            this.width = width;
            this.classes = classes;
            this.deliverableClass = deliverableClass;
            this.baseScore = baseScore;
            this.depth = depth;
            this.trees = treeClass.length;
            this.treeClass = treeClass;
            this.leaves = leaves;
            this.nodes = new long[feature.length];
            for (int k = 0; k < feature.length; k++) {
                nodes[k] = ((long) Float.floatToRawIntBits(split[k]) << 32) | ((long) missingLeft[k] << 31) | feature[k];
            }
            this.reads = reads;
            this.words = (width + 63) / 64;
        }

        /** One tree as XGBoost's JSON model stores it. */
        private record Raw(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {

            int depth(int node) {
                return left[node] == -1 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
            }
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
            JsonNode json = gbtree.get("model").get("trees");
            JsonNode info = gbtree.get("model").get("tree_info");
            List<Raw> raws = new ArrayList<>();
            int depth = 0;
            for (JsonNode tree : json) {
                for (JsonNode type : tree.get("split_type")) {
                    if (type.asInt() != 0) {
                        throw new IllegalArgumentException("categorical splits are not supported");
                    }
                }
                int n = tree.get("left_children").size();
                Raw raw = new Raw(new int[n], new int[n], new int[n], new float[n], new boolean[n]);
                for (int k = 0; k < n; k++) {
                    raw.left()[k] = tree.get("left_children").get(k).asInt();
                    raw.right()[k] = tree.get("right_children").get(k).asInt();
                    raw.feature()[k] = tree.get("split_indices").get(k).asInt();
                    raw.condition()[k] = (float) tree.get("split_conditions").get(k).asDouble();
                    raw.defaultLeft()[k] = tree.get("default_left").get(k).asInt() != 0;
                }
                raws.add(raw);
                depth = Math.max(depth, raw.depth(0));
                if (depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("trees deeper than " + MAX_DEPTH + " are left to Tribuo");
                }
            }
            int width = model.getFeatureIDMap().size();
            int words = (width + 63) / 64;
            int splits = (1 << depth) - 1;
            int[] treeClass = new int[raws.size()];
            int[] feature = new int[raws.size() * splits];
            float[] split = new float[raws.size() * splits];
            int[] missingLeft = new int[raws.size() * splits];
            float[] leaves = new float[raws.size() * (splits + 1)];
            long[] reads = new long[raws.size() * words];
            for (int t = 0; t < raws.size(); t++) {
                treeClass[t] = info.get(t).asInt();
                place(raws.get(t), 0, 0, depth, t * splits, t * (splits + 1), feature, split, missingLeft, leaves);
                for (int k = 0; k < raws.get(t).left().length; k++) {
                    if (raws.get(t).left()[k] != -1) {
                        int f = raws.get(t).feature()[k];
                        if (f < 0 || f >= width) {
                            throw new IllegalArgumentException("tree " + t + " splits on feature " + f + " of " + width);
                        }
                        reads[t * words + (f >>> 6)] |= 1L << f;
                    }
                }
            }
            int deliverable = model.getOutputIDInfo().getID(new Label(DeliverabilityModel.DELIVERABLE));
            return new Trees(width, classes, deliverable, base, depth, treeClass, feature, split, missingLeft, leaves, reads);
        }

        /** Puts XGBoost's node {@code k} at heap position {@code pos} (depth {@code d}) of the complete tree. */
        private static void place(Raw raw, int k, int pos, int depth, int splitBase, int leafBase, int[] feature, float[] split, int[] missingLeft,
                float[] leaves) {
            int d = 31 - Integer.numberOfLeadingZeros(pos + 1);
            if (d == depth) {
                leaves[leafBase + pos - ((1 << depth) - 1)] = raw.condition()[k];
                return;
            }
            boolean leaf = raw.left()[k] == -1;
            // a leaf above the bottom: a split every value (and a missing one) passes to the left
            feature[splitBase + pos] = leaf ? 0 : raw.feature()[k];
            split[splitBase + pos] = leaf ? Float.POSITIVE_INFINITY : raw.condition()[k];
            missingLeft[splitBase + pos] = leaf || raw.defaultLeft()[k] ? 1 : 0;
            place(raw, leaf ? k : raw.left()[k], 2 * pos + 1, depth, splitBase, leafBase, feature, split, missingLeft, leaves);
            place(raw, leaf ? k : raw.right()[k], 2 * pos + 2, depth, splitBase, leafBase, feature, split, missingLeft, leaves);
        }

        @Override
        int width() {
            return width;
        }

        @Override
        float[] newRecord() {
            return new float[trees];
        }

        /** The value of the leaf tree {@code t} reaches: {@code depth} branch-free steps down. */
        private float leaf(int t, double[] dense) {
            int splits = (1 << depth) - 1;
            int base = t * splits;
            int node = 0;
            for (int d = 0; d < depth; d++) {
                node = step(base, node, dense);
            }
            return leaves[t * (splits + 1) + node - splits];
        }

        @Override
        double deliverable(double[] dense, int[] present, int count) {
            return deliverable(dense, present, count, null);
        }

        /** One step down from {@code node} of the tree whose splits start at {@code base}. */
        private int step(int base, int node, double[] dense) {
            long nd = nodes[base + node];
            int low = (int) nd;
            float x = (float) dense[low & 0x7FFF_FFFF];
            int right = x < Float.intBitsToFloat((int) (nd >>> 32)) ? 0 : 1;
            right &= ~((x != x ? 1 : 0) & (low >>> 31));
            return 2 * node + 1 + right;
        }

        @Override
        double deliverable(double[] dense, int[] present, int count, float[] record) {
            float[] margin = new float[classes];
            Arrays.fill(margin, baseScore);
            int t = 0;
            for (; t < trees; t++) {
                float v = leaf(t, dense);
                if (record != null) {
                    record[t] = v;
                }
                margin[treeClass[t]] += v;
            }
            return softmax(margin);
        }

        @Override
        double deliverableChanged(double[] dense, int[] present, int count, float[] record, long[] changed) {
            float[] margin = new float[classes];
            Arrays.fill(margin, baseScore);
            for (int t = 0; t < trees; t++) {
                boolean affected = false;
                for (int w = 0; w < words && !affected; w++) {
                    affected = (reads[t * words + w] & changed[w]) != 0;
                }
                margin[treeClass[t]] += affected ? leaf(t, dense) : record[t];
            }
            return softmax(margin);
        }

        private double softmax(float[] margin) {
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
