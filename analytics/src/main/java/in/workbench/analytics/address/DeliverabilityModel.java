package in.workbench.analytics.address;

import in.workbench.analytics.workspace.ModelFile;
import in.workbench.analytics.workspace.TribuoModelFormat;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A trained deliverability model: the Tribuo classifier, the feature definition it was trained
 * with, the Platt calibration that turns its score into a delivery probability, and the flag
 * threshold. Scores come with their reasons, ranked by how much fixing each would raise the score.
 *
 * <p>Immutable after training and thread-safe for scoring. Saved as a workbench model file (JSON with
 * the Tribuo model in its protobuf form) and loaded back to identical scores; {@link Serializable}
 * only so that files of the previous release can be converted once.
 */
public final class DeliverabilityModel implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The file name under the workspace's models folder. */
    public static final String FILE_NAME = "deliverability.model";
    static final String DELIVERABLE = "deliverable";
    static final String UNDELIVERABLE = "undeliverable";
    /** A reason is reported when fixing it would raise the score by at least this much. */
    static final double REASON_MIN_EFFECT = 0.005;

    private final Model<Label> model;
    private final DeliverabilityFeatures features;
    private final double plattA;
    private final double plattB;
    private final double threshold;
    private final String algorithm;
    /** Addresses scored by one thread at a time in a large batch. */
    private static final int CHUNK = 256;
    private transient volatile Compiled compiled;
    private transient volatile boolean compileTried;

    DeliverabilityModel(Model<Label> model, DeliverabilityFeatures features, double plattA, double plattB, double threshold, String algorithm) {
        this.model = model;
        this.features = features;
        this.plattA = plattA;
        this.plattB = plattB;
        this.threshold = threshold;
        this.algorithm = algorithm;
    }

    /** The flag threshold: addresses scoring below it are flagged. */
    public double threshold() {
        return threshold;
    }

    /** A copy of this model that flags at another threshold. */
    public DeliverabilityModel withThreshold(double t) {
        DeliverabilityModel copy = new DeliverabilityModel(model, features, plattA, plattB, t, algorithm);
        copy.compiled = compiled;
        copy.compileTried = compileTried;
        return copy;
    }

    /** "logistic regression" or "xgboost". */
    public String algorithm() {
        return algorithm;
    }

    /** The underlying Tribuo model (its provenance records data, trainer and seed). */
    public Model<Label> tribuoModel() {
        return model;
    }

    /**
     * How much one feature matters to the model.
     *
     * @param feature the feature's name ("has_house", "w=near", …)
     * @param value for the logistic regression its weight toward "delivered" (negative lowers the
     *     score); for XGBoost its average gain per split (always positive)
     */
    public record FeatureImportance(String feature, double value) {
    }

    /** What {@link FeatureImportance#value()} measures for this model, in words. */
    public String importanceMeasure() {
        return model instanceof org.tribuo.common.xgboost.XGBoostModel ? "average gain per split (XGBoost)"
                : "weight toward delivered (logistic regression; negative lowers the score)";
    }

    /** The {@code n} most important features, most important first (by absolute value). */
    public List<FeatureImportance> featureImportance(int n) {
        List<FeatureImportance> out = new ArrayList<>();
        if (model instanceof org.tribuo.common.xgboost.XGBoostModel<Label> xgb) {
            xgb.getFeatureImportance().get(0).getGain(n).forEach((f, v) -> out.add(new FeatureImportance(f, v)));
        } else {
            var top = model.getTopFeatures(n + 1).get(DELIVERABLE);
            if (top != null) {
                for (var pair : top) {
                    if (!pair.getA().equals(org.tribuo.Model.BIAS_FEATURE)) {
                        out.add(new FeatureImportance(pair.getA(), pair.getB()));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble((FeatureImportance f) -> -Math.abs(f.value())));
        return out.size() > n ? List.copyOf(out.subList(0, n)) : List.copyOf(out);
    }

    /** One address to score. */
    public record Input(String text, String city, String state, String pincode) {
    }

    /** Scores one address (as typed, for the as-you-type check). */
    public AddressScore score(AddressParser parser, Input input) {
        return scoreAll(parser, List.of(input)).get(0);
    }

    /**
     * Scores addresses in one batch, with reasons. The model's own trees or weights are evaluated in
     * plain Java ({@link CompiledClassifier}, checked against Tribuo when first used), over all cores
     * for large batches; a model that cannot be compiled is scored through Tribuo, to the same scores.
     */
    public List<AddressScore> scoreAll(AddressParser parser, List<Input> inputs) {
        return scoreAll(parser, inputs, true);
    }

    /**
     * Scores addresses in one batch, with reasons, on this thread alone when {@code parallel} is
     * false (the benchmark's single-thread figure); the scores are the same either way.
     */
    public List<AddressScore> scoreAll(AddressParser parser, List<Input> inputs, boolean parallel) {
        Compiled c = compiled();
        if (c == null) {
            return scoreThroughTribuo(parser, inputs);
        }
        AddressScore[] out = new AddressScore[inputs.size()];
        int chunks = (inputs.size() + CHUNK - 1) / CHUNK;
        IntStream range = IntStream.range(0, chunks);
        (parallel && chunks > 1 ? range.parallel() : range).forEach(chunk -> {
            Compiled.Buffers b = c.buffers();
            for (int i = chunk * CHUNK; i < Math.min(inputs.size(), (chunk + 1) * CHUNK); i++) {
                Input in = inputs.get(i);
                AddressParts p = parser.parse(in.text(), in.city(), in.state(), in.pincode());
                int[] words = c.wordIds(in.text());
                double[] structure = DeliverabilityFeatures.structure(p);
                double s = platt(c.raw(structure, words, b), plattA, plattB);
                List<Reasons.Candidate> cs = Reasons.of(p);
                double[] fixed = new double[cs.size()];
                for (int k = 0; k < fixed.length; k++) {
                    fixed[k] = platt(c.rawChanged(structure, DeliverabilityFeatures.structure(cs.get(k).fixed()), words, b), plattA, plattB);
                }
                out[i] = new AddressScore(s, s < threshold, ranked(cs, s, fixed), p);
            }
        });
        return List.of(out);
    }

    /** Scores addresses through Tribuo's own prediction: the reference the compiled path is checked against. */
    List<AddressScore> scoreThroughTribuo(AddressParser parser, List<Input> inputs) {
        List<AddressParts> parts = new ArrayList<>(inputs.size());
        List<Example<Label>> examples = new ArrayList<>(inputs.size() * 3);
        List<List<Reasons.Candidate>> candidates = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            AddressParts p = parser.parse(in.text(), in.city(), in.state(), in.pincode());
            parts.add(p);
            examples.add(example(p, in.text()));
            List<Reasons.Candidate> cs = Reasons.of(p);
            candidates.add(cs);
            for (Reasons.Candidate c : cs) {
                examples.add(example(c.fixed(), in.text()));
            }
        }
        double[] scores = calibrated(examples);
        List<AddressScore> out = new ArrayList<>(inputs.size());
        int at = 0;
        for (int i = 0; i < inputs.size(); i++) {
            double s = scores[at++];
            List<Reasons.Candidate> cs = candidates.get(i);
            double[] fixed = Arrays.copyOfRange(scores, at, at + cs.size());
            at += cs.size();
            out.add(new AddressScore(s, s < threshold, ranked(cs, s, fixed), parts.get(i)));
        }
        return out;
    }

    /** The sentences of the problems whose fix would raise the score by at least {@link #REASON_MIN_EFFECT}, largest gain first. */
    private static List<String> ranked(List<Reasons.Candidate> cs, double score, double[] fixedScores) {
        Integer[] order = new Integer[cs.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -(fixedScores[k] - score)));
        List<String> reasons = new ArrayList<>(order.length);
        for (int k : order) {
            if (fixedScores[k] - score >= REASON_MIN_EFFECT) {
                reasons.add(cs.get(k).sentence());
            }
        }
        return List.copyOf(reasons);
    }

    /** The compiled classifier with the features mapped to its ids; null when the model could not be compiled. */
    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null && !compileTried) {
            synchronized (this) {
                if (compiled == null && !compileTried) {
                    compiled = CompiledClassifier.compile(model).map(k -> Compiled.of(k, model, features)).orElse(null);
                    compileTried = true;
                }
                c = compiled;
            }
        }
        return c;
    }

    /** The compiled classifier with the model's ids of the structural features and of the vocabulary's words. */
    private record Compiled(CompiledClassifier classifier, int[] structureIds, Map<String, Integer> wordIds) {

        static Compiled of(CompiledClassifier classifier, Model<Label> model, DeliverabilityFeatures features) {
            var ids = model.getFeatureIDMap();
            int[] structure = new int[DeliverabilityFeatures.STRUCTURE.size()];
            for (int i = 0; i < structure.length; i++) {
                structure[i] = ids.getID(DeliverabilityFeatures.STRUCTURE.get(i));
            }
            Map<String, Integer> words = new HashMap<>();
            for (String w : features.vocabulary()) {
                int id = ids.getID("w=" + w);
                if (id >= 0) {
                    words.put(w, id);
                }
            }
            return new Compiled(classifier, structure, Map.copyOf(words));
        }

        /** The model ids of the vocabulary words in the text, each once (the words of {@link DeliverabilityFeatures#words}). */
        int[] wordIds(String text) {
            if (text == null) {
                return new int[0];
            }
            String t = text.length() > AddressParser.MAX_CHARS ? text.substring(0, AddressParser.MAX_CHARS) : text;
            int[][] out = {new int[8]};
            int[] n = {0};
            TextScan.letterRuns(t, (start, end) -> {
                Integer id = wordIds.get(t.substring(start, end).toLowerCase(java.util.Locale.ROOT));
                if (id == null) {
                    return;
                }
                for (int k = 0; k < n[0]; k++) {
                    if (out[0][k] == id) {
                        return;
                    }
                }
                if (n[0] == out[0].length) {
                    out[0] = Arrays.copyOf(out[0], 2 * n[0]);
                }
                out[0][n[0]++] = id;
            });
            return Arrays.copyOf(out[0], n[0]);
        }

        /** One thread's working space: the dense features, their ids, the base evaluation's record, the changed features. */
        record Buffers(double[] dense, int[] present, float[] record, long[] changed) {
        }

        Buffers buffers() {
            return new Buffers(classifier.newBuffer(), new int[classifier.width()], classifier.newRecord(), classifier.newChangeSet());
        }

        /** The classifier's probability for these structural features and words, recorded for {@link #rawChanged}; leaves the buffer clear. */
        double raw(double[] structure, int[] words, Buffers b) {
            int n = fill(structure, words, b);
            double r = classifier.deliverable(b.dense(), b.present(), n, b.record());
            clear(b, n);
            return r;
        }

        /** The probability for other structural features with the same words, after {@link #raw} scored {@code base}. */
        double rawChanged(double[] base, double[] structure, int[] words, Buffers b) {
            Arrays.fill(b.changed(), 0L);
            boolean any = false;
            for (int i = 0; i < structure.length; i++) {
                int id = structureIds[i];
                if (id >= 0 && structure[i] != base[i]) {
                    b.changed()[id >>> 6] |= 1L << id;
                    any = true;
                }
            }
            int n = fill(structure, words, b);
            double r = any ? classifier.deliverableChanged(b.dense(), b.present(), n, b.record(), b.changed())
                    : classifier.deliverable(b.dense(), b.present(), n);
            clear(b, n);
            return r;
        }

        private int fill(double[] structure, int[] words, Buffers b) {
            int n = 0;
            for (int i = 0; i < structure.length; i++) {
                int id = structureIds[i];
                if (structure[i] != 0 && id >= 0) {
                    b.dense()[id] = structure[i];
                    b.present()[n++] = id;
                }
            }
            for (int id : words) {
                b.dense()[id] = 1.0;
                b.present()[n++] = id;
            }
            return n;
        }

        private static void clear(Buffers b, int n) {
            for (int k = 0; k < n; k++) {
                b.dense()[b.present()[k]] = Double.NaN;
            }
        }
    }

    Example<Label> example(AddressParts p, String text) {
        DeliverabilityFeatures.Named f = features.of(p, text);
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, f.names(), f.values());
    }

    /** Calibrated delivery probabilities of a batch of examples. */
    double[] calibrated(List<Example<Label>> examples) {
        double[] raw = raw(model, examples);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = platt(raw[i], plattA, plattB);
        }
        return raw;
    }

    /** The classifier's own probability of "deliverable" for each example. */
    static double[] raw(Model<Label> model, List<Example<Label>> examples) {
        double[] out = new double[examples.size()];
        if (examples.isEmpty()) {
            return out;
        }
        List<Prediction<Label>> predictions = model.predict(examples);
        for (int i = 0; i < out.length; i++) {
            Label l = predictions.get(i).getOutputScores().get(DELIVERABLE);
            out[i] = l == null ? 0.5 : l.getScore();
        }
        return out;
    }

    static double platt(double p, double a, double b) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        double z = a * Math.log(q / (1 - q)) + b;
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The model as saved: the Tribuo classifier in Tribuo's protobuf form, the word vocabulary, the
     * Platt calibration and the flag threshold (docs/model-files.md).
     */
    record Document(String algorithm, String tribuoModel, List<String> vocabulary, double plattA, double plattB, double threshold) {
    }

    private static final ModelFile<DeliverabilityModel, Document> FILE = new ModelFile<>("deliverability", 1, "deliverability",
            "deliverability", DeliverabilityModel.class, Document.class,
            m -> new Document(m.algorithm, TribuoModelFormat.write(m.model), m.features.vocabulary(), m.plattA, m.plattB, m.threshold),
            d -> new DeliverabilityModel(TribuoModelFormat.read(d.tribuoModel(), Label.class), new DeliverabilityFeatures(d.vocabulary()),
                    d.plattA(), d.plattB(), d.threshold(), d.algorithm()));

    /** Saves the model under {@code dir}, atomically. */
    public void save(Path dir) {
        FILE.save(dir, this);
    }

    /** Loads the model saved under {@code dir}; PREREQUISITE_MISSING when there is none or it is refused. */
    public static DeliverabilityModel load(Path dir) {
        return FILE.load(dir);
    }
}
