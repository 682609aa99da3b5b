package in.workbench.analytics.lab;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.evaluation.RegressionMetrics;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.dataset.DatasetView;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Trains lab models on any table or view: one pass over the rows to learn each column's values
 * (and so the task, the default features and the encoding), a second to build the Tribuo dataset,
 * then each candidate validated (k-fold or by time) and the best one trained again on every row.
 *
 * <p>Rows stream from the database ({@link LabStore#stream}); only the encoded dataset is held,
 * so memory grows with rows × used features, not with the table's width. Progress goes to the
 * {@link ProgressMonitor}; cancel is honoured between passes and between model fits (a single
 * fit runs to its end).
 *
 * <p>Thread-safe: holds no state between calls.
 */
public final class LabTrainer {

    /** The most classes a classification target may have. */
    public static final int MAX_CLASSES = 50;
    /** A category keeps at most this many levels as features; the rest are pooled. */
    public static final int MAX_LEVELS = 40;
    /** A level needs this many rows to be kept as a feature of its own. */
    public static final int MIN_LEVEL_ROWS = 10;
    /** Distinct values tracked per column before it counts as free text or an id. */
    static final int MAX_TRACKED = 5_000;
    /** A text column with more distinct values than this (or than half its rows) is left out by default. */
    public static final int MAX_CATEGORY_VALUES = 2_000;
    /** Rows a table needs for a model. */
    public static final int MIN_ROWS = 20;

    private static final String REGRESSION_DIMENSION = "value";

    private final LabStore store;
    private final boolean rowLimits;

    public LabTrainer(LabStore store) {
        this(store, true);
    }

    private LabTrainer(LabStore store, boolean rowLimits) {
        this.store = store;
        this.rowLimits = rowLimits;
    }

    /**
     * A trainer that lets every algorithm try any number of rows: only for {@code bench lab}, which
     * measures where each one runs out of memory so that {@link Algorithm#maxRows()} can be set.
     */
    public static LabTrainer ignoringRowLimits(LabStore store) {
        return new LabTrainer(store, false);
    }

    /** Counts of one column's values, gathered in the first pass. Used by one thread. */
    static final class ColumnStats {
        final String name;
        final ColumnInfo.Kind kind;
        long rows;
        long present;
        double sum;
        double sumSq;
        final Map<String, long[]> levels = new HashMap<>();
        boolean overflow;

        ColumnStats(String name, ColumnInfo.Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        void add(Object v) {
            rows++;
            String text = FeatureEncoding.text(v);
            if (text == null) {
                return;
            }
            present++;
            if (kind != ColumnInfo.Kind.TEXT && kind != ColumnInfo.Kind.BOOLEAN) {
                double x = FeatureEncoding.number(v);
                sum += x;
                sumSq += x * x;
            }
            if (!overflow) {
                long[] c = levels.get(text);
                if (c == null) {
                    if (levels.size() >= MAX_TRACKED) {
                        overflow = true;
                        return;
                    }
                    levels.put(text, new long[] {1});
                } else {
                    c[0]++;
                }
            }
        }

        double mean() {
            return present == 0 ? 0 : sum / present;
        }

        double std() {
            if (present < 2) {
                return 1;
            }
            double m = mean();
            double var = Math.max(0, sumSq / present - m * m);
            double s = Math.sqrt(var);
            return s < 1e-12 ? 1 : s;
        }

        String distinctText() {
            return overflow ? "more than " + String.format("%,d", MAX_TRACKED) : String.format("%,d", levels.size());
        }

        /** Levels by count, most frequent first (ties by name). */
        List<String> levelsByCount() {
            List<String> out = new ArrayList<>(levels.keySet());
            out.sort(Comparator.<String>comparingLong(l -> -levels.get(l)[0]).thenComparing(Comparator.naturalOrder()));
            return out;
        }
    }

    /** The plan and the statistics behind it. */
    private record Planned(LabPlan plan, Map<String, ColumnStats> stats, List<String> idColumns) {
    }

    /**
     * Decides the task, the target's classes and each column's role without training: what the
     * lab screen shows as defaults.
     *
     * @throws WorkbenchException INPUT_UNUSABLE with one sentence for an unknown table or column, a
     *     target with one value or too many classes, or too few rows
     */
    public LabPlan plan(LabSpec spec, ProgressMonitor monitor) {
        return planned(spec, monitor).plan();
    }

    private Planned planned(LabSpec spec, ProgressMonitor monitor) {
        String table = spec.table() == null ? "" : spec.table().trim().toLowerCase(Locale.ROOT);
        if (table.isEmpty() || !store.tablesAndViews().contains(table)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The workspace has no table or view called '" + spec.table()
                    + "'. It has: " + String.join(", ", store.tablesAndViews()) + ".");
        }
        List<ColumnInfo> infos = store.columns(table);
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        infos.forEach(c -> byName.put(c.name(), c));
        String target = column(spec.target(), byName, table, "target");
        String timeColumn = spec.validation().timeBased() ? column(spec.validation().timeColumn(), byName, table, "time") : null;
        if (timeColumn != null && byName.get(timeColumn).kind() == ColumnInfo.Kind.TEXT) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The time column " + timeColumn
                    + " holds text; time-based validation needs a date, timestamp or number column.");
        }
        boolean defaults = spec.features() == null;
        List<String> candidates = new ArrayList<>();
        if (defaults) {
            infos.stream().map(ColumnInfo::name).filter(c -> !c.equals(target)).forEach(candidates::add);
        } else {
            for (String f : spec.features()) {
                String c = column(f, byName, table, "feature");
                if (c.equals(target)) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, c + " is the target; it cannot also be a feature.");
                }
                if (!candidates.contains(c)) {
                    candidates.add(c);
                }
            }
            if (candidates.isEmpty()) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Name at least one feature column.");
            }
        }
        List<String> read = new ArrayList<>();
        read.add(target);
        read.addAll(candidates);
        Map<String, ColumnStats> stats = new LinkedHashMap<>();
        List<ColumnStats> ordered = new ArrayList<>();
        for (String c : read) {
            ColumnStats s = new ColumnStats(c, byName.get(c).kind());
            stats.put(c, s);
            ordered.add(s);
        }
        long total = store.count(table);
        long[] seen = {0};
        monitor.update(0, total, "Reading " + table);
        store.stream(table, read, null, monitor, values -> {
            for (int i = 0; i < values.length; i++) {
                ordered.get(i).add(values[i]);
            }
            if ((++seen[0] & 0x3FFF) == 0) {
                monitor.update(seen[0], total, String.format("Reading %s: %,d of %,d rows", table, seen[0], total));
            }
        });
        ColumnStats t = stats.get(target);
        LabTask task = spec.task() != null ? spec.task()
                : t.kind == ColumnInfo.Kind.NUMBER ? LabTask.REGRESSION : LabTask.CLASSIFICATION;
        List<String> notes = new ArrayList<>();
        if (t.present == 0) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The target column " + target + " is blank in every row of " + table
                    + ", so there is nothing to learn from; pick another target.");
        }
        if (t.present < MIN_ROWS) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, table + " has only " + t.present + " rows with a " + target
                    + "; the lab needs at least " + MIN_ROWS + ".");
        }
        if (!t.overflow && t.levels.size() == 1) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The target column " + target + " has the same value ('"
                    + t.levels.keySet().iterator().next() + "') in every row, so there is nothing to predict; pick another target or table.");
        }
        List<String> classes = List.of();
        if (task == LabTask.CLASSIFICATION) {
            if (t.overflow || t.levels.size() > MAX_CLASSES) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The target column " + target + " has " + t.distinctText()
                        + " different values; the lab predicts at most " + MAX_CLASSES + " classes"
                        + (t.kind == ColumnInfo.Kind.NUMBER ? ". Predict it as a number instead (task regression)." : "; pick another target."));
            }
            classes = t.levelsByCount();
        } else if (t.kind == ColumnInfo.Kind.TEXT || t.kind == ColumnInfo.Kind.BOOLEAN) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The target column " + target + " holds "
                    + (t.kind == ColumnInfo.Kind.TEXT ? "text" : "yes/no values") + ", not numbers; predict it as a class (task classification).");
        }
        if (t.rows > t.present) {
            notes.add(String.format("%,d rows with a blank %s are left out.", t.rows - t.present, target));
        }
        List<String> ids = store.idColumns(table, infos);
        List<LabPlan.ColumnChoice> choices = new ArrayList<>();
        for (String c : candidates) {
            ColumnStats s = stats.get(c);
            String kind = kindOf(s);
            String reason = null;
            if (s.present == 0) {
                reason = "blank in every row";
                notes.add(c + " is blank in every row, so it is left out.");
            } else if (!s.overflow && s.levels.size() == 1 && s.present == s.rows) {
                reason = "the same value in every row";
                notes.add(c + " has the same value in every row, so it is left out.");
            } else if (defaults && ids.contains(c)) {
                reason = "the row id";
            } else if (defaults && c.equals(timeColumn)) {
                reason = "orders the rows for validation";
            } else if (defaults && s.kind == ColumnInfo.Kind.TEXT
                    && (s.overflow || s.levels.size() > Math.min(MAX_CATEGORY_VALUES, s.present / 2))) {
                reason = "looks like free text or an id (" + s.distinctText() + " different values in " + String.format("%,d", s.present)
                        + " rows)";
            }
            if (reason == null && kind.equals("category")) {
                int levels = s.overflow ? MAX_TRACKED : s.levels.size();
                if (levels > MAX_LEVELS || s.levels.values().stream().anyMatch(n -> n[0] < MIN_LEVEL_ROWS)) {
                    long kept = keptLevels(s).size();
                    if (kept == 0) {
                        notes.add(String.format("%s has %s different values and none is in %d rows, so all are pooled as one; "
                                + "it adds little.", c, s.distinctText(), MIN_LEVEL_ROWS));
                    } else if (kept < levels) {
                        notes.add(String.format("%s has %s different values; the %d most frequent are features of their own and the "
                                + "other %s are pooled as '%s'.", c, s.distinctText(), kept,
                                s.overflow ? "values" : String.format("%,d", levels - kept), FeatureEncoding.OTHER));
                    }
                }
            }
            choices.add(new LabPlan.ColumnChoice(c, kind, reason == null, reason == null ? describe(kind) : reason));
        }
        if (choices.stream().noneMatch(LabPlan.ColumnChoice::used)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "No column of " + table + " is usable as a feature for " + target
                    + " (" + String.join("; ", choices.stream().map(ch -> ch.column() + ": " + ch.reason()).toList()) + ").");
        }
        LabPlan plan = new LabPlan(table, target, task, classes, choices, t.present, t.rows - t.present, notes);
        return new Planned(plan, stats, ids);
    }

    private static String column(String name, Map<String, ColumnInfo> byName, String table, String role) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!byName.containsKey(n)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, table + " has no column '" + name + "' (the " + role
                    + "). Its columns are: " + String.join(", ", byName.keySet()) + ".");
        }
        return n;
    }

    private static String kindOf(ColumnStats s) {
        return switch (s.kind) {
            case NUMBER -> "number";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case BOOLEAN -> "boolean";
            default -> "category";
        };
    }

    private static String describe(String kind) {
        return switch (kind) {
            case "category" -> "category (one feature per frequent value)";
            case "boolean" -> "yes/no";
            case "date", "timestamp" -> kind + " (as days, standardised)";
            default -> "number (standardised)";
        };
    }

    private static List<String> keptLevels(ColumnStats s) {
        List<String> out = new ArrayList<>();
        for (String level : s.levelsByCount()) {
            if (out.size() >= MAX_LEVELS || s.levels.get(level)[0] < MIN_LEVEL_ROWS) {
                break;
            }
            out.add(level);
        }
        return out;
    }

    /**
     * Trains every candidate, validates it, and trains the best again on every row.
     *
     * @throws WorkbenchException INPUT_UNUSABLE as {@link #plan}, or for a candidate that does not
     *     suit the task or the table's size
     * @throws CancelledException when the monitor cancels
     */
    public LabResult train(LabSpec spec, ProgressMonitor monitor) {
        long started = System.nanoTime();
        Planned planned = planned(spec, monitor);
        LabPlan plan = planned.plan();
        List<Algorithm> algorithms = spec.algorithms();
        List<String> notes = new ArrayList<>(plan.notes());
        if (algorithms == null || algorithms.isEmpty()) {
            algorithms = Algorithm.defaults(plan.task(), plan.rows());
            for (Algorithm a : Algorithm.forTask(plan.task())) {
                if (!algorithms.contains(a) && a != Algorithm.EXTRA_TREES) {
                    notes.add(String.format("%s is left out: it trains on at most %,d rows within 512 MB and this table has %,d.",
                            a.title(), a.maxRows(), plan.rows()));
                }
            }
        } else {
            for (Algorithm a : algorithms) {
                if (!a.supports(plan.task())) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, a.title() + " cannot learn a " + plan.task().label()
                            + " target (" + plan.target() + ").");
                }
                if (rowLimits && plan.rows() > a.maxRows()) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, String.format("%s trains on at most %,d rows within the lab's "
                            + "512 MB and %s has %,d; choose logistic or linear regression or XGBoost, or a smaller table or view.",
                            a.title(), a.maxRows(), plan.table(), plan.rows()));
                }
            }
        }
        if (!spec.validation().timeBased() && (spec.validation().folds() < 2 || spec.validation().folds() > 20)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Use between 2 and 20 folds.");
        }
        FeatureEncoding encoding = encoding(plan, planned.stats());
        LabPlan withNotes = new LabPlan(plan.table(), plan.target(), plan.task(), plan.classes(), plan.columns(), plan.rows(),
                plan.rowsWithoutTarget(), notes);
        ColumnStats t = planned.stats().get(plan.target());
        double[] scale = plan.task() == LabTask.REGRESSION ? new double[] {t.mean(), t.std()} : new double[] {0, 1};
        if (plan.task() == LabTask.CLASSIFICATION) {
            return run(spec, withNotes, encoding, algorithms, new LabelFactory(), scale, monitor, started);
        }
        return run(spec, withNotes, encoding, algorithms, new RegressionFactory(), scale, monitor, started);
    }

    private static FeatureEncoding encoding(LabPlan plan, Map<String, ColumnStats> stats) {
        List<FeatureEncoding.Feature> features = new ArrayList<>();
        for (LabPlan.ColumnChoice c : plan.columns()) {
            if (!c.used()) {
                continue;
            }
            ColumnStats s = stats.get(c.column());
            boolean missing = s.present < s.rows;
            if (c.kind().equals("category")) {
                features.add(new FeatureEncoding.Feature(c.column(), "category", 0, 1, false, keptLevels(s)));
            } else {
                features.add(new FeatureEncoding.Feature(c.column(), c.kind(), c.kind().equals("boolean") ? 0 : s.mean(),
                        c.kind().equals("boolean") ? 1 : s.std(), missing, List.of()));
            }
        }
        return new FeatureEncoding(features);
    }

    /** The dataset of every row with a target, with each row's time (for time-based validation). */
    private record Loaded<T extends Output<T>>(MutableDataset<T> dataset, double[] time) {
    }

    private <T extends Output<T>> Loaded<T> load(LabSpec spec, LabPlan plan, FeatureEncoding encoding, OutputFactory<T> factory,
            double[] scale, ProgressMonitor monitor) {
        List<String> read = new ArrayList<>();
        read.add(plan.target());
        read.addAll(encoding.columns());
        String timeColumn = spec.validation().timeBased() ? spec.validation().timeColumn().trim().toLowerCase(Locale.ROOT) : null;
        if (timeColumn != null) {
            read.add(timeColumn);
        }
        MutableDataset<T> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("workspace table " + plan.table()
                + ", target " + plan.target(), factory), factory);
        FeatureEncoding.Encoder encoder = encoding.encoder();
        Map<String, Label> labels = new HashMap<>();
        int width = encoding.features().size();
        double[][] time = {new double[timeColumn == null ? 0 : (int) Math.min(Integer.MAX_VALUE - 8, plan.rows())]};
        long total = plan.rows() + plan.rowsWithoutTarget();
        long[] seen = {0};
        store.stream(plan.table(), read, null, monitor, values -> {
            seen[0]++;
            String text = FeatureEncoding.text(values[0]);
            if (text != null) {
                T output;
                if (plan.task() == LabTask.CLASSIFICATION) {
                    @SuppressWarnings("unchecked")
                    T label = (T) labels.computeIfAbsent(text, Label::new);
                    output = label;
                } else {
                    @SuppressWarnings("unchecked")
                    T reg = (T) new Regressor(REGRESSION_DIMENSION,
                            (FeatureEncoding.number(values[0]) - scale[0]) / scale[1]);
                    output = reg;
                }
                Object[] features = Arrays.copyOfRange(values, 1, 1 + width);
                Example<T> example = encoder.example(output, features);
                if (timeColumn != null) {
                    int i = dataset.size();
                    if (i >= time[0].length) {
                        time[0] = Arrays.copyOf(time[0], Math.max(16, time[0].length * 2));
                    }
                    time[0][i] = FeatureEncoding.number(values[values.length - 1]);
                }
                dataset.add(example);
            }
            if ((seen[0] & 0x3FFF) == 0) {
                monitor.update(seen[0], total, String.format("Encoding %s: %,d of %,d rows", plan.table(), seen[0], total));
            }
        });
        return new Loaded<>(dataset, time[0]);
    }

    /** The validation splits: pairs of (train, test) row indices. */
    private static List<int[][]> splits(LabSpec spec, Loaded<?> loaded) {
        int n = loaded.dataset().size();
        List<int[][]> out = new ArrayList<>();
        if (spec.validation().timeBased()) {
            double[] time = loaded.time();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            // Rows without a time go first: they are never treated as the latest.
            Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(time[i]) ? Double.NEGATIVE_INFINITY : time[i]));
            int cut = (int) Math.round(n * (1 - spec.validation().testShare()));
            int[] train = new int[cut];
            int[] test = new int[n - cut];
            for (int i = 0; i < n; i++) {
                if (i < cut) {
                    train[i] = order[i];
                } else {
                    test[i - cut] = order[i];
                }
            }
            Arrays.sort(train);
            Arrays.sort(test);
            out.add(new int[][] {train, test});
            return out;
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random random = new Random(spec.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int k = spec.validation().folds();
        for (int f = 0; f < k; f++) {
            int from = (int) ((long) f * n / k);
            int to = (int) ((long) (f + 1) * n / k);
            int[] test = Arrays.copyOfRange(perm, from, to);
            int[] train = new int[n - test.length];
            System.arraycopy(perm, 0, train, 0, from);
            System.arraycopy(perm, to, train, from, n - to);
            Arrays.sort(test);
            Arrays.sort(train);
            out.add(new int[][] {train, test});
        }
        return out;
    }

    private <T extends Output<T>> LabResult run(LabSpec spec, LabPlan plan, FeatureEncoding encoding, List<Algorithm> algorithms,
            OutputFactory<T> factory, double[] scale, ProgressMonitor monitor, long started) {
        Loaded<T> loaded = load(spec, plan, encoding, factory, scale, monitor);
        MutableDataset<T> dataset = loaded.dataset();
        List<int[][]> splits = splits(spec, loaded);
        boolean classification = plan.task() == LabTask.CLASSIFICATION;
        List<String> classes = plan.classes();
        String positive = classification && classes.size() == 2 ? positiveClass(classes) : null;
        int n = dataset.size();
        double[] actualNumber = new double[classification ? 0 : n];
        int[] actualClass = new int[classification ? n : 0];
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            Output<?> out = dataset.getExample(i).getOutput();
            if (classification) {
                actualClass[i] = classIndex.get(((Label) out).getLabel());
            } else {
                actualNumber[i] = ((Regressor) out).getValues()[0] * scale[1] + scale[0];
            }
        }
        long steps = (long) algorithms.size() * splits.size() + 1;
        long step = 0;
        List<CandidateResult> results = new ArrayList<>();
        for (Algorithm algorithm : algorithms) {
            monitor.checkCancelled();
            long t0 = System.nanoTime();
            Trainer<T> trainer = trainer(algorithm, classification, spec.seed());
            int k = classes.size();
            float[] probs = classification ? new float[n * k] : new float[0];
            double[] predicted = new double[n];
            boolean[] evaluated = new boolean[n];
            String failure = null;
            Model<T> lastModel = null;
            for (int s = 0; s < splits.size() && failure == null; s++) {
                monitor.checkCancelled();
                monitor.update(step++, steps, splits.size() == 1 ? "Training " + algorithm.title()
                        : String.format("Training %s, fold %d of %d", algorithm.title(), s + 1, splits.size()));
                int[][] split = splits.get(s);
                try {
                    Model<T> model = trainer.train(new DatasetView<>(dataset, split[0], "train"));
                    lastModel = model;
                    monitor.checkCancelled();
                    List<Prediction<T>> predictions = model.predict(new DatasetView<>(dataset, split[1], "test"));
                    for (int j = 0; j < split[1].length; j++) {
                        int row = split[1][j];
                        evaluated[row] = true;
                        Prediction<T> p = predictions.get(j);
                        if (classification) {
                            for (var e : p.getOutputScores().entrySet()) {
                                Integer ci = classIndex.get(e.getKey());
                                if (ci != null) {
                                    probs[row * k + ci] = (float) ((Label) e.getValue()).getScore();
                                }
                            }
                            predicted[row] = classIndex.getOrDefault(((Label) p.getOutput()).getLabel(), 0);
                        } else {
                            predicted[row] = ((Regressor) p.getOutput()).getValues()[0] * scale[1] + scale[0];
                        }
                    }
                } catch (CancelledException | WorkbenchException e) {
                    throw e;
                } catch (RuntimeException | OutOfMemoryError e) {
                    failure = algorithm.title() + " could not be trained: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage());
                }
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (failure != null) {
                results.add(CandidateResult.failed(algorithm, failure));
                step = (long) (results.size()) * splits.size();
                continue;
            }
            CandidateResult result = classification
                    ? classificationResult(algorithm, classes, positive, actualClass, probs, predicted, evaluated, millis)
                    : regressionResult(algorithm, actualNumber, predicted, evaluated, millis);
            monitor.update(step, steps, "Measuring feature importance of " + algorithm.title());
            int[] heldOut = splits.get(splits.size() - 1)[1];
            results.add(result.withImportance(permutationImportance(lastModel, dataset, heldOut, encoding, classIndex, positive,
                    algorithm == Algorithm.KNN ? 300 : 1_500, spec.seed())));
        }
        String primary = !classification ? "rmse" : positive != null ? "auc" : "accuracy";
        CandidateResult best = null;
        for (CandidateResult r : results) {
            if (r.failure() != null || Double.isNaN(r.metric(primary))) {
                continue;
            }
            if (best == null || (LabResult.higherIsBetter(primary) ? r.metric(primary) > best.metric(primary)
                    : r.metric(primary) < best.metric(primary))) {
                best = r;
            }
        }
        if (best == null) {
            throw new WorkbenchException(Kind.OTHER, "No candidate could be trained: "
                    + String.join("; ", results.stream().map(CandidateResult::failure).toList()));
        }
        monitor.checkCancelled();
        monitor.update(steps - 1, steps, "Training " + best.algorithm().title() + " on every row");
        Trainer<T> finalTrainer = trainer(best.algorithm(), classification, spec.seed());
        Model<T> model = finalTrainer.train(dataset);
        monitor.update(steps, steps, "Done");
        return new LabResult(spec, plan, encoding, results, best.algorithm(), primary, positive, model, scale[0], scale[1],
                (System.nanoTime() - started) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Output<T>> Trainer<T> trainer(Algorithm algorithm, boolean classification, long seed) {
        return classification ? (Trainer<T>) algorithm.classifier(seed) : (Trainer<T>) algorithm.regressor(seed);
    }

    /** The class whose probability AUC measures: {@code true} or {@code yes} when present, else the rarer class. */
    static String positiveClass(List<String> classesByCount) {
        for (String c : classesByCount) {
            String l = c.toLowerCase(Locale.ROOT);
            if (l.equals("true") || l.equals("yes") || l.equals("1")) {
                return c;
            }
        }
        return classesByCount.get(classesByCount.size() - 1);
    }

    private static CandidateResult classificationResult(Algorithm algorithm, List<String> classes, String positive, int[] actual,
            float[] probs, double[] predicted, boolean[] evaluated, long millis) {
        int k = classes.size();
        int m = 0;
        for (boolean e : evaluated) {
            if (e) {
                m++;
            }
        }
        long[][] confusion = new long[k][k];
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (evaluated[i]) {
                int p = (int) predicted[i];
                confusion[actual[i]][p]++;
                if (p == actual[i]) {
                    correct++;
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<double[]> roc = List.of();
        List<BinaryMetrics.ReliabilityBin> calibration = List.of();
        if (positive != null) {
            int pi = classes.indexOf(positive);
            double[] p = new double[m];
            boolean[] y = new boolean[m];
            int j = 0;
            for (int i = 0; i < actual.length; i++) {
                if (evaluated[i]) {
                    p[j] = probs[i * k + pi];
                    y[j++] = actual[i] == pi;
                }
            }
            metrics.put("auc", BinaryMetrics.auc(p, y));
            metrics.put("accuracy", correct / (double) m);
            metrics.put("f1", f1(confusion, pi));
            metrics.put("log_loss", BinaryMetrics.logLoss(p, y));
            metrics.put("brier", BinaryMetrics.brier(p, y));
            roc = roc(p, y);
            calibration = BinaryMetrics.reliability(p, y, 10);
        } else {
            double aucSum = 0;
            double f1Sum = 0;
            for (int c = 0; c < k; c++) {
                double[] p = new double[m];
                boolean[] y = new boolean[m];
                int j = 0;
                for (int i = 0; i < actual.length; i++) {
                    if (evaluated[i]) {
                        p[j] = probs[i * k + c];
                        y[j++] = actual[i] == c;
                    }
                }
                aucSum += BinaryMetrics.auc(p, y);
                f1Sum += f1(confusion, c);
            }
            metrics.put("accuracy", correct / (double) m);
            metrics.put("macro_f1", f1Sum / k);
            metrics.put("macro_auc", aucSum / k);
        }
        return new CandidateResult(algorithm, metrics, roc, calibration, classes, confusion, List.of(), m, millis, null);
    }

    private static double f1(long[][] confusion, int c) {
        long tp = confusion[c][c];
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < confusion.length; i++) {
            if (i != c) {
                fp += confusion[i][c];
                fn += confusion[c][i];
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** ROC points, thinned to about 100 along the curve. */
    static List<double[]> roc(double[] p, boolean[] y) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(p[b], p[a]));
        long pos = 0;
        for (boolean b : y) {
            if (b) {
                pos++;
            }
        }
        long neg = y.length - pos;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        if (pos == 0 || neg == 0) {
            points.add(new double[] {1, 1});
            return points;
        }
        long tp = 0;
        long fp = 0;
        int every = Math.max(1, idx.length / 100);
        for (int i = 0; i < idx.length; i++) {
            if (y[idx[i]]) {
                tp++;
            } else {
                fp++;
            }
            boolean tieNext = i + 1 < idx.length && p[idx[i + 1]] == p[idx[i]];
            if (!tieNext && (i % every == 0 || i == idx.length - 1)) {
                points.add(new double[] {fp / (double) neg, tp / (double) pos});
            }
        }
        double[] last = points.get(points.size() - 1);
        if (last[0] < 1 || last[1] < 1) {
            points.add(new double[] {1, 1});
        }
        return points;
    }

    private static CandidateResult regressionResult(Algorithm algorithm, double[] actual, double[] predicted, boolean[] evaluated,
            long millis) {
        int m = 0;
        for (boolean e : evaluated) {
            if (e) {
                m++;
            }
        }
        double[] a = new double[m];
        double[] p = new double[m];
        int j = 0;
        for (int i = 0; i < actual.length; i++) {
            if (evaluated[i]) {
                a[j] = actual[i];
                p[j++] = predicted[i];
            }
        }
        RegressionMetrics r = RegressionMetrics.of(p, a);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("rmse", r.rmse());
        metrics.put("mae", r.mae());
        metrics.put("r2", r.r2());
        return new CandidateResult(algorithm, metrics, List.of(), List.of(), List.of(), new long[0][0], List.of(), m, millis, null);
    }

    /**
     * Permutation importance: how much the held-out metric worsens when one column's features are
     * taken from another, randomly chosen row, as shares summing to 1 (empty when no column
     * matters). Measured on up to {@code sample} held-out rows of the last validation split, so
     * every algorithm is judged the same way.
     */
    static <T extends Output<T>> List<CandidateResult.Importance> permutationImportance(Model<T> model, Dataset<T> dataset, int[] heldOut,
            FeatureEncoding encoding, Map<String, Integer> classIndex, String positive, int sample, long seed) {
        if (model == null || heldOut.length == 0) {
            return List.of();
        }
        Random random = new Random(seed);
        int[] rows = heldOut.clone();
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        rows = Arrays.copyOf(rows, Math.min(sample, rows.length));
        List<Example<T>> base = new ArrayList<>(rows.length);
        for (int r : rows) {
            base.add(dataset.getExample(r));
        }
        double reference = score(model.predict(base), base, classIndex, positive);
        Map<String, Double> drop = new LinkedHashMap<>();
        for (String column : encoding.columns()) {
            List<Example<T>> shuffled = new ArrayList<>(base.size());
            for (int i = 0; i < base.size(); i++) {
                Example<T> own = base.get(i);
                Example<T> donor = base.get(random.nextInt(base.size()));
                List<String> names = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (org.tribuo.Feature f : own) {
                    if (!FeatureEncoding.columnOf(f.getName()).equals(column)) {
                        names.add(f.getName());
                        values.add(f.getValue());
                    }
                }
                for (org.tribuo.Feature f : donor) {
                    if (FeatureEncoding.columnOf(f.getName()).equals(column)) {
                        names.add(f.getName());
                        values.add(f.getValue());
                    }
                }
                shuffled.add(new org.tribuo.impl.ArrayExample<>(own.getOutput(), names.toArray(new String[0]),
                        values.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            double worse = reference - score(model.predict(shuffled), shuffled, classIndex, positive);
            drop.put(column, Math.max(0, worse));
        }
        double total = drop.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return List.of();
        }
        return drop.entrySet().stream()
                .map(e -> new CandidateResult.Importance(e.getKey(), e.getValue() / total))
                .sorted(Comparator.comparingDouble(CandidateResult.Importance::share).reversed())
                .toList();
    }

    /** Higher is better: AUC (two classes), accuracy (more), or minus RMSE (numbers). */
    private static <T extends Output<T>> double score(List<Prediction<T>> predictions, List<Example<T>> examples,
            Map<String, Integer> classIndex, String positive) {
        int n = examples.size();
        if (classIndex.isEmpty()) {
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double e = ((Regressor) predictions.get(i).getOutput()).getValues()[0]
                        - ((Regressor) examples.get(i).getOutput()).getValues()[0];
                sse += e * e;
            }
            return -Math.sqrt(sse / n);
        }
        if (positive != null) {
            double[] p = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                Output<?> score = predictions.get(i).getOutputScores().get(positive);
                p[i] = score == null ? 0 : ((Label) score).getScore();
                y[i] = ((Label) examples.get(i).getOutput()).getLabel().equals(positive);
            }
            return BinaryMetrics.auc(p, y);
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (((Label) predictions.get(i).getOutput()).getLabel().equals(((Label) examples.get(i).getOutput()).getLabel())) {
                correct++;
            }
        }
        return correct / (double) n;
    }
}
