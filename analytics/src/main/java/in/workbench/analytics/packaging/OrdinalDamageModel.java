package in.workbench.analytics.packaging;

import com.oracle.labs.mlrg.olcut.util.Pair;
import in.workbench.analytics.workspace.TribuoModelFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.provenance.ModelProvenance;

/**
 * The ordinal damage model trained by {@link OrdinalDamageTrainer}: p(damage | product,
 * package) = σ(b + w·x − s(x)·θ(rung)) with non-decreasing thresholds θ and s(x) &gt; 0, so
 * predicted damage never rises as the package gets sturdier, for any product.
 *
 * <p>A Tribuo {@link Model}: it predicts Tribuo examples (product features plus
 * {@code package=NAME}) with probabilities for {@code damaged} and {@code not_damaged}, carries
 * the training provenance and explains a prediction by each feature's contribution. Immutable
 * and thread-safe; saved as its {@link Document} (Java-serialisable only so that files of the previous
 * release can be converted once).
 */
public final class OrdinalDamageModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    private final double[] weights;
    private final double[] sensitivity;
    private final double bias;
    private final double[] thresholds;
    private final Map<String, Integer> rungOf;

    OrdinalDamageModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap, ImmutableOutputInfo<Label> outputIDInfo,
            double[] weights, double[] sensitivity, double bias, double[] thresholds, Map<String, Integer> rungOf) {
        super(name, provenance, featureIDMap, outputIDInfo, true);
        this.weights = weights.clone();
        this.sensitivity = sensitivity.clone();
        this.bias = bias;
        this.thresholds = thresholds.clone();
        this.rungOf = Map.copyOf(rungOf);
    }

    /**
     * The model as saved: its name, provenance and feature and label domains as Tribuo's
     * {@code ModelDataProto} (base64), and its own parameters (docs/model-files.md).
     */
    record Document(String modelData, double[] weights, double[] sensitivity, double bias, double[] thresholds, Map<String, Integer> rungOf) {
    }

    Document document() {
        ModelDataCarrier<Label> data = new ModelDataCarrier<>(name, provenance, featureIDMap, outputIDInfo, generatesProbabilities, Tribuo.VERSION);
        return new Document(TribuoModelFormat.writeData(data), weights.clone(), sensitivity.clone(), bias, thresholds.clone(), rungOf);
    }

    /** The model of a saved document; its output domain is a label domain ({@link TribuoModelFormat#readData} admits no other). */
    @SuppressWarnings("unchecked")
    static OrdinalDamageModel of(Document d) {
        ModelDataCarrier<?> data = TribuoModelFormat.readData(d.modelData());
        int features = data.featureDomain().size();
        if (d.weights().length != features || d.sensitivity().length != features) {
            throw new IllegalArgumentException("The ordinal model has " + d.weights().length + " weights for " + features + " features.");
        }
        return new OrdinalDamageModel(data.name(), data.provenance(), data.featureDomain(), (ImmutableOutputInfo<Label>) data.outputDomain(),
                d.weights(), d.sensitivity(), d.bias(), d.thresholds(), d.rungOf());
    }

    /** The package thresholds θ per rung, least robust first; θ(0) = 0 and each is at least the one before. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The number of rungs. */
    public int rungs() {
        return thresholds.length;
    }

    /** The rung of a package, or -1 when it is not on the model's ladder. */
    public int rungOf(String packageType) {
        return rungOf.getOrDefault(packageType, -1);
    }

    /** p(damage) of a product (features without a package) on every rung, least robust first. */
    public double[] damageByRung(Example<Label> product) {
        double wx = bias;
        double vx = 0;
        for (Feature f : product) {
            int id = featureIDMap.getID(f.getName());
            if (id >= 0) {
                wx += weights[id] * f.getValue();
                vx += sensitivity[id] * f.getValue();
            }
        }
        double s = Math.exp(Math.max(-OrdinalDamageTrainer.CLAMP, Math.min(OrdinalDamageTrainer.CLAMP, vx)));
        double[] out = new double[thresholds.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = OrdinalDamageTrainer.sigmoid(wx - s * thresholds[r]);
        }
        return out;
    }

    private int packageRung(Example<Label> example) {
        for (Feature f : example) {
            if (f.getName().startsWith(OrdinalDamageTrainer.PACKAGE_PREFIX) && f.getValue() != 0) {
                Integer r = rungOf.get(f.getName().substring(OrdinalDamageTrainer.PACKAGE_PREFIX.length()));
                if (r != null) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("The example names no package of the model's ladder " + rungOf.keySet() + ".");
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        int rung = packageRung(example);
        double p = damageByRung(example)[rung];
        int used = 0;
        for (Feature f : example) {
            if (featureIDMap.getID(f.getName()) >= 0) {
                used++;
            }
        }
        Map<String, Label> scores = new LinkedHashMap<>();
        scores.put(OrdinalDamageTrainer.DAMAGED, new Label(OrdinalDamageTrainer.DAMAGED, p));
        scores.put(OrdinalDamageTrainer.NOT_DAMAGED, new Label(OrdinalDamageTrainer.NOT_DAMAGED, 1 - p));
        Label best = p >= 0.5 ? scores.get(OrdinalDamageTrainer.DAMAGED) : scores.get(OrdinalDamageTrainer.NOT_DAMAGED);
        return new Prediction<>(best, scores, used, example, true);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        List<Pair<String, Double>> all = new ArrayList<>();
        for (int id = 0; id < weights.length; id++) {
            if (weights[id] != 0) {
                all.add(new Pair<>(featureIDMap.get(id).getName(), weights[id]));
            }
        }
        all.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.getB())));
        Map<String, List<Pair<String, Double>>> out = new HashMap<>();
        out.put(OrdinalDamageTrainer.DAMAGED, n < 0 ? all : all.subList(0, Math.min(n, all.size())));
        return out;
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        List<Pair<String, Double>> parts = new ArrayList<>();
        for (Feature f : example) {
            int id = featureIDMap.getID(f.getName());
            if (id >= 0 && weights[id] != 0) {
                parts.add(new Pair<>(f.getName(), weights[id] * f.getValue()));
            }
        }
        parts.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.getB())));
        Map<String, List<Pair<String, Double>>> m = new HashMap<>();
        m.put(OrdinalDamageTrainer.DAMAGED, parts);
        return Optional.of(new Excuse<>(example, predict(example), m));
    }

    @Override
    protected OrdinalDamageModel copy(String newName, ModelProvenance newProvenance) {
        return new OrdinalDamageModel(newName, newProvenance, featureIDMap, outputIDInfo, weights, sensitivity, bias, thresholds, rungOf);
    }
}
