package in.workbench.analytics.packaging;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Trainer;
import org.tribuo.WeightedExamples;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains the ordinal damage model: p(damage | product, package) = σ(b + w·x − s(x)·θ(rung)),
 * where x are the product's features, θ(0) = 0 and θ(k) = Σ_{j≤k} softplus(δ_j) are the package
 * thresholds built from non-negative steps, and s(x) = exp(v·x) &gt; 0 is how strongly this
 * product responds to a sturdier package (or s = 1 when {@link #productSpecificSteps} is off).
 * Because every step is positive and s(x) is positive, the predicted damage falls with every
 * step up the ladder for every product, whatever the data: the order holds by construction.
 *
 * <p>Examples carry the product's features plus one feature {@code package=NAME} naming the
 * package the shipment travelled in; the label is {@link #DAMAGED} or {@link #NOT_DAMAGED}; the
 * example weight counts shipments. Options:
 * <ul>
 * <li>{@code augment}: a product damaged in package k also counts (with weight
 * {@code augmentWeight}) as damaged in every less robust package, and one delivered in k as
 * delivered in every more robust package (Amazon India, ECML-PKDD 2020);</li>
 * <li>{@code balanceClasses}: damaged examples are up-weighted to the same total weight as the
 * undamaged ones, and the intercept is then shifted back by the log of that factor (prior
 * correction), so probabilities stay calibrated;</li>
 * <li>L2 regularisation, full-batch Adam for a fixed number of iterations, and a fixed seed for
 * the small random start, so the same data give the same model.</li>
 * </ul>
 *
 * <p>Configured through fields (Tribuo/OLCUT {@code @Config}), so its provenance records every
 * option. Not thread-safe while training; the models it returns are.
 */
public final class OrdinalDamageTrainer implements Trainer<Label>, WeightedExamples {

    /** The label of a damaged shipment. */
    public static final String DAMAGED = "damaged";
    /** The label of a shipment that arrived intact. */
    public static final String NOT_DAMAGED = "not_damaged";
    /** The prefix of the feature that names the package. */
    public static final String PACKAGE_PREFIX = "package=";

    @Config(mandatory = true, description = "The ladder, least robust first; one entry per rung, tied packages joined by '|'.")
    private List<String> ladder = new ArrayList<>();

    @Config(description = "Count damage in k as damage in weaker packages and intact in k as intact in sturdier ones.")
    private boolean augment = false;

    @Config(description = "Weight of an augmented (inferred) example relative to an observed one.")
    private double augmentWeight = 0.25;

    @Config(description = "Up-weight damaged examples to balance the classes, then correct the intercept.")
    private boolean balanceClasses = false;

    @Config(description = "Let the benefit of a sturdier package depend on the product: s(x) = exp(v·x).")
    private boolean productSpecificSteps = true;

    @Config(description = "L2 penalty on the feature weights.")
    private double l2 = 1e-3;

    @Config(description = "Full-batch Adam iterations.")
    private int iterations = 400;

    @Config(description = "Adam learning rate.")
    private double learningRate = 0.05;

    @Config(description = "Seed of the random start.")
    private long seed = 42;

    private int invocationCount = 0;

    /** For OLCUT configuration. */
    private OrdinalDamageTrainer() {
    }

    /**
     * A trainer for {@code ladder} with the given options.
     *
     * @param ladder the package ladder (tied packages share a rung)
     */
    public OrdinalDamageTrainer(PackageLadder ladder, boolean augment, double augmentWeight, boolean balanceClasses, boolean productSpecificSteps,
            double l2, int iterations, double learningRate, long seed) {
        List<List<String>> rungs = new ArrayList<>();
        for (PackageLadder.Package p : ladder.packages()) {
            while (rungs.size() <= p.rung()) {
                rungs.add(new ArrayList<>());
            }
            rungs.get(p.rung()).add(p.name());
        }
        for (List<String> r : rungs) {
            this.ladder.add(String.join("|", r));
        }
        this.augment = augment;
        this.augmentWeight = augmentWeight;
        this.balanceClasses = balanceClasses;
        this.productSpecificSteps = productSpecificSteps;
        this.l2 = l2;
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.seed = seed;
    }

    /** Package name → rung, from the configured ladder. */
    Map<String, Integer> rungOf() {
        Map<String, Integer> m = new HashMap<>();
        for (int r = 0; r < ladder.size(); r++) {
            for (String name : ladder.get(r).split("\\|")) {
                m.put(name, r);
            }
        }
        return m;
    }

    /** One training row in the trainer's own sparse form. */
    private record Row(int[] idx, double[] val, int rung, boolean damaged, double weight) {
    }

    @Override
    public OrdinalDamageModel train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public OrdinalDamageModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized OrdinalDamageModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            invocationCount = invocation;
        }
        TrainerProvenance trainerProvenance = getProvenance();
        invocationCount++;
        Map<String, Integer> rungOf = rungOf();
        int rungs = ladder.size();
        ImmutableFeatureMap fmap = examples.getFeatureIDMap();
        int d = fmap.size();
        List<Row> rows = new ArrayList<>();
        for (Example<Label> e : examples) {
            int rung = -1;
            List<Integer> idx = new ArrayList<>();
            List<Double> val = new ArrayList<>();
            for (Feature f : e) {
                if (f.getName().startsWith(PACKAGE_PREFIX)) {
                    Integer r = rungOf.get(f.getName().substring(PACKAGE_PREFIX.length()));
                    if (r != null && f.getValue() != 0) {
                        rung = r;
                    }
                } else {
                    int id = fmap.getID(f.getName());
                    if (id >= 0) {
                        idx.add(id);
                        val.add(f.getValue());
                    }
                }
            }
            if (rung < 0) {
                throw new IllegalArgumentException("An example names no package of the ladder " + ladder + ": " + e);
            }
            int[] ia = idx.stream().mapToInt(Integer::intValue).toArray();
            double[] va = val.stream().mapToDouble(Double::doubleValue).toArray();
            boolean damaged = e.getOutput().getLabel().equals(DAMAGED);
            rows.add(new Row(ia, va, rung, damaged, e.getWeight()));
            if (augment) {
                int from = damaged ? 0 : rung + 1;
                int to = damaged ? rung : rungs;
                for (int r = from; r < to; r++) {
                    rows.add(new Row(ia, va, r, damaged, e.getWeight() * augmentWeight));
                }
            }
        }
        double pos = 0;
        double neg = 0;
        for (Row r : rows) {
            if (r.damaged()) {
                pos += r.weight();
            } else {
                neg += r.weight();
            }
        }
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException("Both damaged and undamaged examples are needed to train the damage model.");
        }
        double positiveFactor = balanceClasses ? neg / pos : 1;
        double total = neg + pos * positiveFactor;

        double[] w = new double[d];
        double[] v = new double[d];
        double[] delta = new double[Math.max(0, rungs - 1)];
        SplittableRandom random = new SplittableRandom(seed);
        for (int j = 0; j < d; j++) {
            w[j] = (random.nextDouble() - 0.5) * 1e-3;
        }
        double base = pos * positiveFactor / total;
        double b = Math.log(base / (1 - base));
        java.util.Arrays.fill(delta, inverseSoftplus(0.3));

        int np = 2 * d + delta.length + 1;
        double[] m1 = new double[np];
        double[] m2 = new double[np];
        double[] grad = new double[np];
        double[] steps = new double[rungs];
        for (int it = 1; it <= iterations; it++) {
            java.util.Arrays.fill(grad, 0);
            cumulative(delta, steps);
            for (Row r : rows) {
                double wx = b;
                double vx = 0;
                for (int k = 0; k < r.idx().length; k++) {
                    wx += w[r.idx()[k]] * r.val()[k];
                    vx += v[r.idx()[k]] * r.val()[k];
                }
                double s = productSpecificSteps ? Math.exp(clamp(vx)) : 1;
                double z = wx - s * steps[r.rung()];
                double p = sigmoid(z);
                double g = (r.damaged() ? positiveFactor : 1) * r.weight() * (p - (r.damaged() ? 1 : 0)) / total;
                grad[2 * d] += g;
                for (int k = 0; k < r.idx().length; k++) {
                    grad[r.idx()[k]] += g * r.val()[k];
                }
                if (productSpecificSteps && Math.abs(vx) < CLAMP) {
                    double gv = -g * s * steps[r.rung()];
                    for (int k = 0; k < r.idx().length; k++) {
                        grad[d + r.idx()[k]] += gv * r.val()[k];
                    }
                }
                for (int j = 0; j < r.rung(); j++) {
                    grad[2 * d + 1 + j] += -g * s * sigmoid(delta[j]);
                }
            }
            for (int j = 0; j < d; j++) {
                grad[j] += l2 * w[j];
                grad[d + j] += l2 * v[j];
            }
            double c1 = 1 - Math.pow(0.9, it);
            double c2 = 1 - Math.pow(0.999, it);
            for (int q = 0; q < np; q++) {
                m1[q] = 0.9 * m1[q] + 0.1 * grad[q];
                m2[q] = 0.999 * m2[q] + 0.001 * grad[q] * grad[q];
                double step = learningRate * (m1[q] / c1) / (Math.sqrt(m2[q] / c2) + 1e-8);
                if (q < d) {
                    w[q] -= step;
                } else if (q < 2 * d) {
                    if (productSpecificSteps) {
                        v[q - d] -= step;
                    }
                } else if (q == 2 * d) {
                    b -= step;
                } else {
                    delta[q - 2 * d - 1] -= step;
                }
            }
        }
        cumulative(delta, steps);
        double bias = b - Math.log(positiveFactor);
        ModelProvenance provenance = new ModelProvenance(OrdinalDamageModel.class.getName(), OffsetDateTime.now(), examples.getProvenance(),
                trainerProvenance, runProvenance);
        return new OrdinalDamageModel("ordinal-damage", provenance, fmap, examples.getOutputIDInfo(), w, productSpecificSteps ? v : new double[d],
                bias, steps, rungOf);
    }

    static final double CLAMP = 4;

    private static double clamp(double x) {
        return Math.max(-CLAMP, Math.min(CLAMP, x));
    }

    private static void cumulative(double[] delta, double[] steps) {
        steps[0] = 0;
        for (int j = 1; j < steps.length; j++) {
            steps[j] = steps[j - 1] + softplus(delta[j - 1]);
        }
    }

    static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    private static double inverseSoftplus(double y) {
        return Math.log(Math.expm1(y));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The invocation count cannot be negative.");
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "OrdinalDamageTrainer(ladder=" + ladder + ", augment=" + augment + ", augmentWeight=" + augmentWeight + ", balanceClasses="
                + balanceClasses + ", productSpecificSteps=" + productSpecificSteps + ", l2=" + l2 + ", iterations=" + iterations
                + ", learningRate=" + learningRate + ", seed=" + seed + ")";
    }
}
