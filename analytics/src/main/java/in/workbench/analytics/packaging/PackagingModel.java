package in.workbench.analytics.packaging;

import in.workbench.analytics.workspace.ModelFile;
import in.workbench.analytics.workspace.TribuoModelFormat;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * The trained packaging damage models of a workspace: the ordinal (order-constrained) model the
 * workbench uses, the unconstrained logistic regression it is compared with, the product
 * features and ladder both were trained on, and the held-out comparison.
 *
 * <p>Immutable and thread-safe. Saved as a workbench model file (JSON, the Tribuo baseline in its
 * protobuf form, provenance included) under the workspace's models folder and loaded back to
 * identical predictions; {@link Serializable} only so that files of the previous release can be
 * converted once.
 */
public final class PackagingModel implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The file name under the workspace's models folder. */
    public static final String FILE_NAME = "packaging.model";

    private final PackageLadder ladder;
    private final ProductFeatures features;
    private final OrdinalDamageModel ordinal;
    private final Model<Label> baseline;
    private final double baselineShift;
    private final PackagingTrainer.Comparison comparison;

    PackagingModel(PackageLadder ladder, ProductFeatures features, OrdinalDamageModel ordinal, Model<Label> baseline, double baselineShift,
            PackagingTrainer.Comparison comparison) {
        this.ladder = ladder;
        this.features = features;
        this.ordinal = ordinal;
        this.baseline = baseline;
        this.baselineShift = baselineShift;
        this.comparison = comparison;
    }

    public PackageLadder ladder() {
        return ladder;
    }

    public ProductFeatures features() {
        return features;
    }

    /** The order-constrained damage model (its Tribuo provenance records data, trainer options and seed). */
    public OrdinalDamageModel ordinal() {
        return ordinal;
    }

    /** The unconstrained logistic regression it is compared with. */
    public Model<Label> baseline() {
        return baseline;
    }

    /** What the held-out comparison measured. */
    public PackagingTrainer.Comparison comparison() {
        return comparison;
    }

    /** p(damage) of a product in each package of the ladder (ladder order), by the ordinal model. */
    public double[] damage(ProductRow product) {
        double[] byRung = ordinal.damageByRung(productExample(features, product));
        double[] out = new double[ladder.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = byRung[ladder.packages().get(k).rung()];
        }
        return out;
    }

    /** p(damage) of a product in each package of the ladder, by the unconstrained logistic regression. */
    public double[] baselineDamage(ProductRow product) {
        return baselineDamage(baseline, baselineShift, features, ladder, product);
    }

    static double[] baselineDamage(Model<Label> baseline, double shift, ProductFeatures features, PackageLadder ladder, ProductRow product) {
        List<Example<Label>> examples = new ArrayList<>(ladder.size());
        for (PackageLadder.Package p : ladder.packages()) {
            examples.add(example(features, product, p.name(), LabelFactory.UNKNOWN_LABEL, 1));
        }
        List<Prediction<Label>> predictions = baseline.predict(examples);
        double[] out = new double[ladder.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = shifted(predictions.get(k), shift);
        }
        return out;
    }

    /** The damaged probability of a prediction, with the class-weight prior correction applied. */
    static double shifted(Prediction<Label> prediction, double shift) {
        Label l = prediction.getOutputScores().get(OrdinalDamageTrainer.DAMAGED);
        double p = l == null ? 0 : l.getScore();
        if (shift == 0) {
            return p;
        }
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return 1 / (1 + Math.exp(-(Math.log(q / (1 - q)) - shift)));
    }

    /** The product's features without a package, as a Tribuo example. */
    static Example<Label> productExample(ProductFeatures features, ProductRow product) {
        ProductFeatures.Named f = features.of(product);
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, f.names(), f.values());
    }

    /** A shipment-outcome example: the product's features plus {@code package=NAME}. */
    static Example<Label> example(ProductFeatures features, ProductRow product, String packageType, Label label, float weight) {
        ProductFeatures.Named f = features.of(product);
        String[] names = java.util.Arrays.copyOf(f.names(), f.names().length + 1);
        double[] values = java.util.Arrays.copyOf(f.values(), f.values().length + 1);
        names[names.length - 1] = OrdinalDamageTrainer.PACKAGE_PREFIX + packageType;
        values[values.length - 1] = 1;
        ArrayExample<Label> e = new ArrayExample<>(label, names, values);
        e.setWeight(weight);
        return e;
    }

    /**
     * The models as saved (docs/model-files.md): the ladder's package types, the product features,
     * the ordinal model's parameters, the baseline in Tribuo's protobuf form, and the comparison.
     */
    record Document(List<PackageLadder.Entry> ladder, ProductFeatures.Document features, OrdinalDamageModel.Document ordinal,
            String baseline, double baselineShift, PackagingTrainer.Comparison comparison) {
    }

    private static final ModelFile<PackagingModel, Document> FILE = new ModelFile<>("packaging", 1, "packaging damage", "packaging",
            PackagingModel.class, Document.class,
            m -> new Document(m.ladder.entries(), m.features.document(), m.ordinal.document(), TribuoModelFormat.write(m.baseline),
                    m.baselineShift, m.comparison),
            d -> new PackagingModel(PackageLadder.of(d.ladder()), ProductFeatures.of(d.features()), OrdinalDamageModel.of(d.ordinal()),
                    TribuoModelFormat.read(d.baseline(), Label.class), d.baselineShift(), d.comparison()));

    /** Saves the model under {@code dir} (atomically: a crash leaves the previous file). */
    public void save(Path dir) {
        FILE.save(dir, this);
    }

    /** Loads the model saved under {@code dir}; PREREQUISITE_MISSING when there is none or it is refused. */
    public static PackagingModel load(Path dir) {
        return FILE.load(dir);
    }

    /** True when the workspace has a saved packaging model. */
    public static boolean exists(Path dir) {
        return FILE.exists(dir);
    }
}
