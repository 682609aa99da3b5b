package in.workbench.analytics.catalog;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the category check: a logistic regression over the words and word pairs of titles that
 * predicts the listed "Category / Subcategory". Every product is predicted out of fold (k-fold,
 * fixed seed), so the flags never come from a model that saw the product's own listing: a product
 * is flagged when the model chooses another subcategory with probability ≥ {@value #FLAG_THRESHOLD}.
 *
 * <p>Stateless; thread-safe.
 */
public final class CategoryTrainer {

    static final double FLAG_THRESHOLD = 0.8;

    /** Agreement with the listings of predictions at or above a confidence. */
    public record ThresholdPoint(double threshold, double agreement, double coverage) implements java.io.Serializable {
    }

    /** A product whose listing the model confidently disagrees with. */
    public record Flag(String productId, String listedCategory, String listedSubcategory, CategoryModel.Choice choice) {
    }

    /**
     * Out-of-fold evaluation. {@code accuracy}: the share of products whose predicted subcategory is
     * the listed one; {@code categoryAccuracy}: the same for the top-level category.
     */
    public record Evaluation(int products, int classes, int folds, long seed, double accuracy, double categoryAccuracy, int flagged,
            List<ThresholdPoint> curve, long trainMillis) implements java.io.Serializable {

        /** The expected precision of a flag at {@code threshold}: the held-out agreement at that confidence. */
        public double precisionAt(double threshold) {
            ThresholdPoint best = curve.get(0);
            for (ThresholdPoint p : curve) {
                if (p.threshold() <= threshold + 1e-9) {
                    best = p;
                }
            }
            return best.agreement();
        }
    }

    /** The model, its evaluation and the flags. */
    public record Result(CategoryModel model, Evaluation evaluation, List<Flag> flags) {
    }

    /** Trains on the products' titles and listings. */
    public Result train(List<CatalogProduct> products, long seed, int folds, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        List<CatalogProduct> usable = products.stream().filter(p -> p.category() != null && !p.category().isBlank()).toList();
        long classes = usable.stream().map(p -> CategoryModel.label(p.category(), p.subcategory())).distinct().count();
        if (usable.size() < folds * 10 || classes < 2) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The category check needs a catalog with at least two categories "
                    + "and " + folds * 10 + " products; import catalog.csv first.");
        }
        List<Example<Label>> labelled = new ArrayList<>(usable.size());
        List<Example<Label>> unlabelled = new ArrayList<>(usable.size());
        for (CatalogProduct p : usable) {
            labelled.add(CategoryModel.example(p.title(), CategoryModel.label(p.category(), p.subcategory())));
            unlabelled.add(CategoryModel.example(p.title(), null));
        }
        int[] fold = new int[usable.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        for (int i = 0; i < order.size(); i++) {
            fold[order.get(i)] = i % folds;
        }
        CategoryModel.Choice[] oof = new CategoryModel.Choice[usable.size()];
        for (int k = 0; k < folds; k++) {
            monitor.checkCancelled();
            monitor.update(k, folds + 1, "category check: fold " + (k + 1) + " of " + folds);
            List<Example<Label>> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < usable.size(); i++) {
                if (fold[i] == k) {
                    test.add(i);
                } else {
                    train.add(labelled.get(i));
                }
            }
            Model<Label> m = fit(train, seed);
            List<CategoryModel.Choice> c = CategoryModel.choose(m, test.stream().map(unlabelled::get).toList());
            for (int j = 0; j < test.size(); j++) {
                oof[test.get(j)] = c.get(j);
            }
        }
        monitor.update(folds, folds + 1, "category check: fitting on all " + usable.size() + " products");
        CategoryModel model = new CategoryModel(fit(labelled, seed), FLAG_THRESHOLD);
        long same = 0;
        long sameCategory = 0;
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            CatalogProduct p = usable.get(i);
            boolean agrees = oof[i].label().equals(CategoryModel.label(p.category(), p.subcategory()));
            same += agrees ? 1 : 0;
            sameCategory += oof[i].category().equals(p.category().trim()) ? 1 : 0;
            if (!agrees && oof[i].confidence() >= FLAG_THRESHOLD) {
                flags.add(new Flag(p.productId(), p.category(), p.subcategory(), oof[i]));
            }
        }
        List<ThresholdPoint> curve = new ArrayList<>();
        for (int t = 50; t <= 99; t++) {
            double th = t / 100.0;
            long n = 0;
            long ok = 0;
            for (int i = 0; i < usable.size(); i++) {
                if (oof[i].confidence() >= th) {
                    n++;
                    CatalogProduct p = usable.get(i);
                    ok += oof[i].label().equals(CategoryModel.label(p.category(), p.subcategory())) ? 1 : 0;
                }
            }
            curve.add(new ThresholdPoint(th, n == 0 ? 1 : ok / (double) n, n / (double) usable.size()));
        }
        Evaluation ev = new Evaluation(usable.size(), (int) classes, folds, seed, same / (double) usable.size(),
                sameCategory / (double) usable.size(), flags.size(), List.copyOf(curve), (System.nanoTime() - t0) / 1_000_000);
        monitor.update(folds + 1, folds + 1, "done");
        return new Result(model, ev, List.copyOf(flags));
    }

    private static Model<Label> fit(List<Example<Label>> train, long seed) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("catalog titles with their listed category",
                factory), factory);
        ds.addAll(train);
        return new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 10, 1_000_000, 1, seed).train(ds);
    }
}
