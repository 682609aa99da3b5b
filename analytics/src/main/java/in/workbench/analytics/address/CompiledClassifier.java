package in.workbench.analytics.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.linear.LinearWeights;
import in.workbench.analytics.trees.PackedTrees;
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
     * XGBoost's trees ({@code multi:softprob}) laid out and walked by {@link PackedTrees} (the same
     * complete-tree layout the slow-network model uses: a fixed number of branch-free steps a walk,
     * a missing feature going the node's default way, as in XGBoost). Knows which features each tree reads, so a variant that changes a few features re-walks only
     * the trees that read them.
     */
    static final class Trees extends CompiledClassifier {

        /** Deeper ensembles are left to Tribuo (a complete layout would be too large). */
        static final int MAX_DEPTH = 10;

        private final PackedTrees packed;
        private final int width;
        private final int deliverableClass;
        /** The features each tree reads, {@code words} longs a tree. */
        private final long[] reads;
        private final int words;

        private Trees(PackedTrees packed, int width, int deliverableClass) {
            this.packed = packed;
            this.width = width;
            this.deliverableClass = deliverableClass;
            this.words = (width + 63) / 64;
            this.reads = new long[packed.trees() * words];
            for (int t = 0; t < packed.trees(); t++) {
                int base = t * words;
                packed.featuresOf(t).stream().forEach(f -> reads[base + (f >>> 6)] |= 1L << f);
            }
        }

        static Trees of(XGBoostModel<Label> model) throws Exception {
            if (model.getInnerModels().size() != 1) {
                throw new IllegalArgumentException("expected one booster, found " + model.getInnerModels().size());
            }
            JsonNode root = new ObjectMapper().readTree(model.getInnerModels().get(0).toByteArray("json"));
            String objective = root.get("learner").get("objective").get("name").asText();
            if (!objective.equals("multi:softprob")) {
                throw new IllegalArgumentException("unsupported objective " + objective);
            }
            PackedTrees packed = PackedTrees.fromBoosterJson(root);
            if (packed.depth() > MAX_DEPTH) {
                throw new IllegalArgumentException("trees deeper than " + MAX_DEPTH + " are left to Tribuo");
            }
            int width = model.getFeatureIDMap().size();
            if (packed.width() > width) {
                throw new IllegalArgumentException("a tree splits on feature " + (packed.width() - 1) + " of " + width);
            }
            return new Trees(packed, width, model.getOutputIDInfo().getID(new Label(DeliverabilityModel.DELIVERABLE)));
        }

        @Override
        int width() {
            return width;
        }

        @Override
        float[] newRecord() {
            return new float[packed.trees()];
        }

        @Override
        double deliverable(double[] dense, int[] present, int count) {
            return deliverable(dense, present, count, null);
        }

        private float[] features(double[] dense) {
            float[] x = new float[width];
            for (int i = 0; i < width; i++) {
                x[i] = (float) dense[i];
            }
            return x;
        }

        @Override
        double deliverable(double[] dense, int[] present, int count, float[] record) {
            float[] x = features(dense);
            float[] margin = new float[packed.classes()];
            Arrays.fill(margin, packed.baseScore());
            for (int t = 0; t < packed.trees(); t++) {
                float v = packed.leaf(t, x, 0);
                if (record != null) {
                    record[t] = v;
                }
                margin[packed.treeClass(t)] += v;
            }
            return PackedTrees.softmax(margin, packed.classes(), deliverableClass);
        }

        @Override
        double deliverableChanged(double[] dense, int[] present, int count, float[] record, long[] changed) {
            float[] x = features(dense);
            float[] margin = new float[packed.classes()];
            Arrays.fill(margin, packed.baseScore());
            for (int t = 0; t < packed.trees(); t++) {
                boolean affected = false;
                for (int w = 0; w < words && !affected; w++) {
                    affected = (reads[t * words + w] & changed[w]) != 0;
                }
                margin[packed.treeClass(t)] += affected ? packed.leaf(t, x, 0) : record[t];
            }
            return PackedTrees.softmax(margin, packed.classes(), deliverableClass);
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
            LinearWeights w = LinearWeights.of(model);
            return new Linear(w.weights(), w.bias(), model.getOutputIDInfo().getID(new Label(DeliverabilityModel.DELIVERABLE)));
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
