package in.workbench.analytics.packaging;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the packaging damage models on a workspace's shipment outcomes and compares them on
 * products held out from training: the ordinal model ({@link OrdinalDamageTrainer}, damage never
 * rising with robustness) against an unconstrained Tribuo logistic regression on the same product
 * features plus the package (one-hot). Measured per model: held-out AUC (Tribuo's evaluator),
 * log-loss, Brier score, reliability bins, and how many products' predictions break the ladder's
 * order. Both are then refitted on all products; the ordinal model is the one the workbench uses.
 *
 * <p>Data: one example per product, package and outcome, weighted by its shipments; only
 * shipments that reached the customer (delivered, damaged, returned) in a package type of the
 * ladder, for a product of the catalog. Everything left out is counted and explained in
 * {@link Comparison#notes()}; nothing is deleted. Thread-safe (no state).
 */
public final class PackagingTrainer {

    /** The model name in the workspace's trained_models table. */
    public static final String MODEL_NAME = "packaging";
    static final Label DAMAGED = new Label(OrdinalDamageTrainer.DAMAGED);
    /** Tribuo's SGD trainer logs every run at INFO; held here so the level sticks (stderr is for progress). */
    private static final java.util.logging.Logger SGD_LOG = java.util.logging.Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer");

    static {
        SGD_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    static final Label NOT_DAMAGED = new Label(OrdinalDamageTrainer.NOT_DAMAGED);

    /**
     * Training options.
     *
     * @param seed the seed of the held-out split and both trainers
     * @param heldOutShare share of products held out for the comparison
     * @param augment the ordinal model's data augmentation
     * @param productSpecificSteps the ordinal model's product-specific benefit of sturdier packages
     * @param balanceClasses up-weight damaged shipments to balance the classes (both models), with prior correction
     * @param iterations the ordinal model's Adam iterations
     * @param baselineEpochs the logistic regression's SGD epochs
     */
    public record Options(long seed, double heldOutShare, boolean augment, boolean productSpecificSteps, boolean balanceClasses, int iterations,
            int baselineEpochs) {

        /**
         * The workbench's defaults: augmentation off (on planted data it steepens the ladder and
         * triples the error of p), product-specific steps on, classes not re-weighted (balancing with
         * prior correction lowered held-out AUC and raised log-loss on the sample, and its
         * recommendations missed the damage budget further; docs/decisions/0006-packaging-damage-model.md).
         */
        public static Options defaults(long seed) {
            return new Options(seed, 0.2, false, true, false, 400, 10);
        }

        public Options withAugment(boolean on) {
            return new Options(seed, heldOutShare, on, productSpecificSteps, balanceClasses, iterations, baselineEpochs);
        }

        public Options withProductSpecificSteps(boolean on) {
            return new Options(seed, heldOutShare, augment, on, balanceClasses, iterations, baselineEpochs);
        }

        public Options withBalanceClasses(boolean on) {
            return new Options(seed, heldOutShare, augment, productSpecificSteps, on, iterations, baselineEpochs);
        }

        public Options withIterations(int n, int epochs) {
            return new Options(seed, heldOutShare, augment, productSpecificSteps, balanceClasses, n, epochs);
        }
    }

    /**
     * One bin of a reliability chart: mean predicted damage vs the observed damaged share. Computed by
     * {@link BinaryMetrics#reliability}; this record is only the form the model file stores (it is
     * Java-serialised until the model files move to their own format).
     */
    public record ReliabilityBin(double meanPredicted, double observed, double shipments) implements Serializable {
    }

    /**
     * Held-out quality of one model.
     *
     * @param model "ordinal" or "logistic regression"
     * @param auc area under the ROC curve of held-out shipments (Tribuo's LabelEvaluator)
     * @param logLoss mean log-loss per held-out shipment
     * @param brier mean squared error per held-out shipment
     * @param violatingProducts catalog products whose predictions rise somewhere up the ladder
     * @param trainMillis time to train on the training products
     */
    public record Metrics(String model, double auc, double logLoss, double brier, List<ReliabilityBin> reliability, long violatingProducts,
            long trainMillis) implements Serializable {
    }

    /** What training measured and what it left out. */
    public record Comparison(long seed, int trainProducts, int heldOutProducts, long heldOutShipments, long heldOutDamaged, long catalogProducts,
            long trainingShipments, long damagedShipments, boolean augmented, Metrics ordinal, Metrics baseline, long totalMillis,
            List<String> notes) implements Serializable {
    }

    /** The workspace's data as the trainer reads it. */
    public record Data(PackageLadder ladder, List<ProductRow> products, List<Usage> usage) {
    }

    /** A trained model and its comparison. */
    public record Result(PackagingModel model, Comparison comparison) {
    }

    /** Reads the ladder, the catalog and the grouped shipment outcomes. */
    public static Data load(PackagingRepository repository) {
        return new Data(repository.ladder(), repository.products(), repository.usage());
    }

    /**
     * Trains on a workspace, saves the model, records it in trained_models and writes packaging_predictions and the
     * grouped shipment sums ({@link PackagingRepository#refreshSums()}).
     */
    public Result trainAndSave(Workspace ws, Options options, ProgressMonitor monitor) {
        PackagingRepository repository = new PackagingRepository(ws);
        // Grouping every shipment is done here, once, and stored: the screen and the plan commands read the sums.
        Data data = new Data(repository.ladder(), repository.products(), repository.refreshSums());
        Result result = train(data, options, monitor);
        monitor.update(9, 10, "saving the model and its predictions");
        result.model().save(ws.modelsDir());
        saveRecord(ws, result);
        PackagingPredictions.write(repository, result.model(), data.products());
        monitor.update(10, 10, "done");
        return result;
    }

    /** Trains on {@code data}; refuses with a plain sentence when there is nothing to learn from. */
    public Result train(Data data, Options options, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        PackageLadder ladder = data.ladder();
        if (ladder.isEmpty()) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING,
                    "This workspace has no package ladder. Import package_types.csv (package_type, robustness_rank, unit_cost_inr) first.");
        }
        if (data.products().isEmpty()) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no products. Import catalog.csv first.");
        }
        List<String> notes = new ArrayList<>(ladder.notes());
        Map<String, ProductRow> products = new LinkedHashMap<>();
        for (ProductRow p : data.products()) {
            products.put(p.id(), p);
        }
        long offLadder = 0;
        Set<String> offLadderTypes = new TreeSet<>();
        long unknownProduct = 0;
        long damaged = 0;
        long reached = 0;
        List<Usage> usable = new ArrayList<>();
        Set<String> withShipments = new HashSet<>();
        for (Usage u : data.usage()) {
            if (ladder.indexOf(u.packageType()) < 0) {
                offLadder += u.reached();
                offLadderTypes.add(u.packageType());
            } else if (!products.containsKey(u.productId())) {
                unknownProduct += u.reached();
            } else if (u.reached() > 0) {
                usable.add(u);
                withShipments.add(u.productId());
                damaged += u.damaged();
                reached += u.reached();
            }
        }
        if (offLadder > 0) {
            notes.add(String.format("%,d shipments that reached customers travelled in package types not on the ladder (%s); they stay in "
                    + "the workspace but are left out of the damage model. Add those types to package_types.csv to use them.", offLadder,
                    String.join(", ", offLadderTypes)));
        }
        if (unknownProduct > 0) {
            notes.add(String.format("%,d shipments name products that are not in the catalog; they are left out until catalog.csv has them.",
                    unknownProduct));
        }
        long noShipments = products.size() - withShipments.size();
        if (noShipments > 0) {
            notes.add(String.format("%,d products have no shipments that reached customers; their damage is predicted from their features "
                    + "alone.", noShipments));
        }
        if (reached == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "No shipment of a catalog product in a package type of the ladder reached "
                    + "a customer, so there is nothing to learn damage from. Import shipments.csv (with status) for these products first.");
        }
        if (damaged == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, String.format("None of the %,d shipments that reached customers arrived "
                    + "damaged, so the damage model has nothing to learn from. Import shipments that include damaged ones (status damaged).",
                    reached));
        }
        if (damaged == reached) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, String.format("All %,d shipments that reached customers arrived damaged, "
                    + "so the damage model cannot tell what protects a product. Check the status column of shipments.csv.", reached));
        }
        ProductFeatures features = ProductFeatures.learn(data.products(), Math.max(3, data.products().size() / 200), 300);

        List<String> ids = new ArrayList<>(withShipments);
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(options.seed()));
        int heldOutCount = ids.size() >= 10 ? (int) Math.round(ids.size() * options.heldOutShare()) : 0;
        Set<String> heldOut = new HashSet<>(ids.subList(0, heldOutCount));
        List<Usage> trainUsage = usable.stream().filter(u -> !heldOut.contains(u.productId())).toList();
        List<Usage> testUsage = usable.stream().filter(u -> heldOut.contains(u.productId())).toList();
        if (trainUsage.stream().mapToLong(Usage::damaged).sum() == 0 || testUsage.stream().mapToLong(Usage::damaged).sum() == 0) {
            heldOut.clear();
            trainUsage = usable;
            testUsage = List.of();
            notes.add("Too few damaged shipments to hold products out for an honest comparison; the metrics below are measured on the "
                    + "training data.");
        }
        List<ProductRow> catalog = data.products();

        monitor.checkCancelled();
        monitor.update(1, 10, "training the ordinal damage model");
        long t1 = System.nanoTime();
        OrdinalDamageTrainer ordinalTrainer = new OrdinalDamageTrainer(ladder, options.augment(), 0.25, options.balanceClasses(), options.productSpecificSteps(),
                1e-3, options.iterations(), 0.05, options.seed());
        OrdinalDamageModel ordinal = ordinalTrainer.train(dataset(features, products, trainUsage, 1, "training products"));
        long ordinalMillis = (System.nanoTime() - t1) / 1_000_000;
        monitor.checkCancelled();
        monitor.update(3, 10, "training the logistic regression");
        long t2 = System.nanoTime();
        double factor = options.balanceClasses() ? balanceFactor(trainUsage) : 1;
        Model<Label> baseline = baselineTrainer(options).train(dataset(features, products, trainUsage, factor, "training products"));
        long baselineMillis = (System.nanoTime() - t2) / 1_000_000;
        double shift = Math.log(factor);

        List<Usage> evalUsage = testUsage.isEmpty() ? trainUsage : testUsage;
        monitor.update(5, 10, "evaluating on held-out products");
        Metrics ordinalMetrics = evaluate("ordinal", evalUsage, products, features, ladder,
                p -> damageOf(ordinal, features, ladder, p), ordinal, 0, ordinalMillis, catalog);
        Metrics baselineMetrics = evaluate("logistic regression", evalUsage, products, features, ladder,
                p -> PackagingModel.baselineDamage(baseline, shift, features, ladder, p), baseline, shift, baselineMillis, catalog);

        monitor.checkCancelled();
        monitor.update(6, 10, "refitting both models on all products");
        OrdinalDamageModel ordinalAll = heldOut.isEmpty() ? ordinal
                : ordinalTrainer.train(dataset(features, products, usable, 1, "all products"));
        double factorAll = options.balanceClasses() ? balanceFactor(usable) : 1;
        Model<Label> baselineAll = heldOut.isEmpty() ? baseline
                : baselineTrainer(options).train(dataset(features, products, usable, factorAll, "all products"));
        double shiftAll = heldOut.isEmpty() ? shift : Math.log(factorAll);
        long heldOutShipments = testUsage.stream().mapToLong(Usage::reached).sum();
        long heldOutDamaged = testUsage.stream().mapToLong(Usage::damaged).sum();
        Comparison comparison = new Comparison(options.seed(), ids.size() - heldOut.size(), heldOut.size(), heldOutShipments, heldOutDamaged,
                catalog.size(), reached, damaged, options.augment(), ordinalMetrics, baselineMetrics, (System.nanoTime() - t0) / 1_000_000,
                List.copyOf(notes));
        return new Result(new PackagingModel(ladder, features, ordinalAll, baselineAll, shiftAll, comparison), comparison);
    }

    private static LinearSGDTrainer baselineTrainer(Options options) {
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), options.baselineEpochs(), 1_000_000, 1, options.seed());
    }

    /** Undamaged ÷ damaged shipments: the weight that balances the classes. */
    static double balanceFactor(List<Usage> usage) {
        long d = usage.stream().mapToLong(Usage::damaged).sum();
        long n = usage.stream().mapToLong(Usage::reached).sum();
        return d == 0 ? 1 : (n - d) / (double) d;
    }

    static double[] damageOf(OrdinalDamageModel model, ProductFeatures features, PackageLadder ladder, ProductRow p) {
        double[] byRung = model.damageByRung(PackagingModel.productExample(features, p));
        double[] out = new double[ladder.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = byRung[ladder.packages().get(k).rung()];
        }
        return out;
    }

    /** Weighted examples: per product and package, one damaged and one not-damaged example, weighted by shipments. */
    static MutableDataset<Label> dataset(ProductFeatures features, Map<String, ProductRow> products, List<Usage> usage, double damagedFactor,
            String description) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("workspace shipments that reached customers, grouped "
                + "by product and package type (" + description + ")", factory), factory);
        for (Usage u : usage) {
            ProductRow p = products.get(u.productId());
            if (u.damaged() > 0) {
                ds.add(PackagingModel.example(features, p, u.packageType(), DAMAGED, (float) (u.damaged() * damagedFactor)));
            }
            if (u.reached() > u.damaged()) {
                ds.add(PackagingModel.example(features, p, u.packageType(), NOT_DAMAGED, u.reached() - u.damaged()));
            }
        }
        return ds;
    }

    private interface Predictor {
        double[] damage(ProductRow p);
    }

    private static Metrics evaluate(String name, List<Usage> usage, Map<String, ProductRow> products, ProductFeatures features,
            PackageLadder ladder, Predictor predictor, Model<Label> tribuoModel, double shift, long trainMillis, List<ProductRow> catalog) {
        Map<String, double[]> cache = new HashMap<>();
        int n = usage.size();
        double[] p = new double[n];
        double[] pos = new double[n];
        double[] neg = new double[n];
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> perShipment = new MutableDataset<>(new SimpleDataSourceProvenance("held-out shipments", factory), factory);
        for (int i = 0; i < n; i++) {
            Usage u = usage.get(i);
            double[] d = cache.computeIfAbsent(u.productId(), id -> predictor.damage(products.get(id)));
            p[i] = d[ladder.indexOf(u.packageType())];
            pos[i] = u.damaged();
            neg[i] = u.reached() - u.damaged();
            ProductRow row = products.get(u.productId());
            for (long k = 0; k < u.damaged(); k++) {
                perShipment.add(PackagingModel.example(features, row, u.packageType(), DAMAGED, 1));
            }
            for (long k = 0; k < u.reached() - u.damaged(); k++) {
                perShipment.add(PackagingModel.example(features, row, u.packageType(), NOT_DAMAGED, 1));
            }
        }
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(tribuoModel, perShipment);
        double auc = evaluation.AUCROC(DAMAGED);
        long violating = 0;
        for (ProductRow row : catalog) {
            if (violates(ladder, predictor.damage(row))) {
                violating++;
            }
        }
        // reliability on a square-root scale, as damage probabilities are small: bins 0–1 %, 1–4 %, 4–9 %, …
        List<ReliabilityBin> bins = BinaryMetrics.reliability(p, pos, neg, 10, Math::sqrt).stream()
                .map(bin -> new ReliabilityBin(bin.meanPredicted(), bin.observed(), bin.weight())).toList();
        return new Metrics(name, auc, BinaryMetrics.logLoss(p, pos, neg), BinaryMetrics.brier(p, pos, neg), bins, violating, trainMillis);
    }

    /** True when a sturdier package (higher rung) gets a higher damage probability than a weaker one. */
    public static boolean violates(PackageLadder ladder, double[] damage) {
        List<PackageLadder.Package> ps = ladder.packages();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = 0; j < ps.size(); j++) {
                if (ps.get(j).rung() > ps.get(i).rung() && damage[j] > damage[i] + 1e-12) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records the model in trained_models with its metrics and provenance. */
    private static void saveRecord(Workspace ws, Result result) {
        Comparison c = result.comparison();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", MODEL_NAME);
        metrics.put("ordinal", c.ordinal());
        metrics.put("logistic_regression", c.baseline());
        metrics.put("held_out_products", c.heldOutProducts());
        metrics.put("held_out_shipments", c.heldOutShipments());
        metrics.put("training_shipments", c.trainingShipments());
        metrics.put("damaged_shipments", c.damagedShipments());
        metrics.put("augmented", c.augmented());
        metrics.put("notes", c.notes());
        Set<String> provenance = new LinkedHashSet<>();
        provenance.add("ordinal: " + result.model().ordinal().getProvenance());
        provenance.add("logistic regression: " + result.model().baseline().getProvenance());
        new TrainedModelStore(ws).record(MODEL_NAME, PackagingModel.FILE_NAME, c.seed(), c.trainingShipments(), metrics,
                String.join("\n", provenance));
    }

    /** The Tribuo prediction of one example, as a damage probability (tests use it). */
    static double damaged(Prediction<Label> prediction) {
        return PackagingModel.shifted(prediction, 0);
    }

    static Example<Label> exampleFor(ProductFeatures features, ProductRow p, String packageType) {
        return PackagingModel.example(features, p, packageType, LabelFactory.UNKNOWN_LABEL, 1);
    }
}
