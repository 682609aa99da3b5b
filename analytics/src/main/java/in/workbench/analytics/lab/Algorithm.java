package in.workbench.analytics.lab;

import in.workbench.analytics.EnumLookup;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * The lab's candidate algorithms, all from Tribuo, with fixed settings that work without tuning
 * on tables of a few hundred to a million rows, and the most rows each may train on within the
 * 512 MB heap the lab is measured in. The tree and k-NN limits come from {@code bench lab} with
 * {@code -Xmx512m} (README, "Model lab"): CART ran out of memory at 400,000 rows and completed
 * 300,000, so its limit leaves a third free for wider tables; random forest and extra trees are
 * held to the largest size measured to complete; k-NN to the size whose validation still ends in
 * minutes (each prediction compares with every row). Immutable.
 */
public enum Algorithm {
    LOGISTIC_REGRESSION("logistic-regression", "Logistic regression", LabTask.CLASSIFICATION, 2_000_000),
    LINEAR_REGRESSION("linear-regression", "Linear regression", LabTask.REGRESSION, 2_000_000),
    XGBOOST("xgboost", "XGBoost", null, 2_000_000),
    CART("cart", "Decision tree (CART)", null, 200_000),
    RANDOM_FOREST("random-forest", "Random forest", null, 100_000),
    EXTRA_TREES("extra-trees", "Extra trees", null, 100_000),
    KNN("knn", "k nearest neighbours", null, 50_000);

    /** k-NN's threads. XGBoost runs on one: its OpenMP threads spin and stall when the cores are busy (measured 20× slower). */
    private static final int THREADS = 2;

    private final String id;
    private final String title;
    private final LabTask only;
    private final long maxRows;

    Algorithm(String id, String title, LabTask only, long maxRows) {
        this.id = id;
        this.title = title;
        this.only = only;
        this.maxRows = maxRows;
    }

    /** The command line's name ({@code xgboost}, {@code random-forest}, …). */
    public String id() {
        return id;
    }

    /** The name the screen shows. */
    public String title() {
        return title;
    }

    /** The most rows this algorithm trains on within a 512 MB heap (measured; README). */
    public long maxRows() {
        return maxRows;
    }

    /** True when the algorithm can learn this kind of target. */
    public boolean supports(LabTask task) {
        return only == null || only == task;
    }

    /** The algorithms for a task, in the order the screen lists them. */
    public static List<Algorithm> forTask(LabTask task) {
        return Arrays.stream(values()).filter(a -> a.supports(task)).toList();
    }

    /** The candidates tried when none are named: every algorithm for the task that the table is small enough for. */
    public static List<Algorithm> defaults(LabTask task, long rows) {
        return forTask(task).stream().filter(a -> rows <= a.maxRows && a != EXTRA_TREES).toList();
    }

    /** Finds an algorithm by its command-line name, with a sentence listing them when there is none. */
    public static Algorithm named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return EnumLookup.find(Algorithm.class, Algorithm::id, n).orElseThrow(() -> new WorkbenchException(Kind.INPUT_UNUSABLE,
                "Unknown algorithm '" + name + "'. The lab has: " + EnumLookup.words(Algorithm.class, Algorithm::id) + "."));
    }

    /** A fresh Tribuo trainer for a classification target. */
    Trainer<Label> classifier(long seed) {
        return switch (this) {
            case LOGISTIC_REGRESSION -> new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
                    new AdaGrad(0.5, 0.1), 8, 1_000_000, 1, seed);
            case XGBOOST -> new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                    XGBoostTrainer.TreeMethod.HIST, 100, 0.15, 0, 6, 1, 0.9, 0.9, 1, 0, 1, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
            case CART -> new CARTClassificationTrainer(10, 5f, 0f, 1f, false,
                    new org.tribuo.classification.dtree.impurity.GiniIndex(), seed);
            case RANDOM_FOREST -> new RandomForestTrainer<>(new CARTClassificationTrainer(14, 5f, 0f, 0.5f, false,
                    new org.tribuo.classification.dtree.impurity.GiniIndex(), seed), new VotingCombiner(), 20, seed);
            case EXTRA_TREES -> new ExtraTreesTrainer<>(new CARTClassificationTrainer(14, 5f, 0f, 0.5f, true,
                    new org.tribuo.classification.dtree.impurity.GiniIndex(), seed), new VotingCombiner(), 20, seed);
            case KNN -> new KNNTrainer<>(15, new L2Distance(), THREADS, new VotingCombiner(), KNNModel.Backend.STREAMS,
                    NeighboursQueryFactoryType.BRUTE_FORCE);
            default -> throw new WorkbenchException(Kind.INPUT_UNUSABLE, title + " predicts numbers, not classes; "
                    + "choose logistic regression, XGBoost, a tree or k-NN for this target.");
        };
    }

    /** A fresh Tribuo trainer for a numeric target. */
    Trainer<Regressor> regressor(long seed) {
        return switch (this) {
            case LINEAR_REGRESSION -> new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(),
                    new AdaGrad(0.1, 0.1), 8, 1_000_000, 1, seed);
            case XGBOOST -> new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST,
                    XGBoostRegressionTrainer.RegressionType.LINEAR, 100, 0.15, 0, 6, 1, 0.9, 0.9, 1, 0, 1,
                    XGBoostTrainer.LoggingVerbosity.SILENT, seed);
            case CART -> new CARTRegressionTrainer(10, 5f, 0f, 1f, false, new MeanSquaredError(), seed);
            case RANDOM_FOREST -> new RandomForestTrainer<>(new CARTRegressionTrainer(14, 5f, 0f, 0.5f, false, new MeanSquaredError(),
                    seed), new AveragingCombiner(), 20, seed);
            case EXTRA_TREES -> new ExtraTreesTrainer<>(new CARTRegressionTrainer(14, 5f, 0f, 0.5f, true, new MeanSquaredError(), seed),
                    new AveragingCombiner(), 20, seed);
            case KNN -> new KNNTrainer<>(15, new L2Distance(), THREADS, new AveragingCombiner(), KNNModel.Backend.STREAMS,
                    NeighboursQueryFactoryType.BRUTE_FORCE);
            default -> throw new WorkbenchException(Kind.INPUT_UNUSABLE, title + " predicts classes, not numbers; "
                    + "choose linear regression, XGBoost, a tree or k-NN for this target.");
        };
    }
}
