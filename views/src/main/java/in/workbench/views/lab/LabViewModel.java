package in.workbench.views.lab;

import in.workbench.analytics.lab.Algorithm;
import in.workbench.analytics.lab.LabModel;
import in.workbench.analytics.lab.LabPlan;
import in.workbench.analytics.lab.LabResult;
import in.workbench.analytics.lab.LabScoring;
import in.workbench.analytics.lab.LabSpec;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.lab.LabTask;
import in.workbench.analytics.lab.LabTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model lab's state: the table or view, the target, the feature columns (with the lab's
 * defaults), the candidates and the validation; training in the background with progress and
 * cancel; the results; saving; and "score this table". Calls only {@code analytics.lab}. Used on
 * the JavaFX thread.
 */
public final class LabViewModel {

    /** The built-in template: will a shipment that reached the customer arrive late? */
    public static final String LATE_DELIVERY_VIEW = "late_delivery";

    /** A column with whether it is a feature and why (not); the check box edits {@code usedProperty}. */
    public record FeatureChoice(String column, String reason, BooleanProperty usedProperty) {
        FeatureChoice(String column, boolean used, String reason) {
            this(column, reason, new SimpleBooleanProperty(used));
        }

        @Override
        public String toString() {
            return column + " — " + reason;
        }
    }

    /** A candidate algorithm and whether it is tried; the check box edits {@code selectedProperty}. */
    public record AlgorithmChoice(Algorithm algorithm, BooleanProperty selectedProperty) {
        AlgorithmChoice(Algorithm algorithm, boolean selected) {
            this(algorithm, new SimpleBooleanProperty(selected));
        }
    }

    /** The validation choices the screen offers. */
    public static final String FIVE_FOLD = "5-fold cross-validation";
    public static final String BY_TIME = "By time (latest 20 % held out)";

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private LabStore store;
    private long generation;

    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final StringProperty table = new SimpleStringProperty();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final StringProperty target = new SimpleStringProperty();
    private final ObjectProperty<LabTask> task = new SimpleObjectProperty<>();
    private final ObservableList<FeatureChoice> features = FXCollections.observableArrayList();
    private final ObservableList<AlgorithmChoice> algorithms = FXCollections.observableArrayList();
    private final StringProperty validation = new SimpleStringProperty(FIVE_FOLD);
    private final StringProperty timeColumn = new SimpleStringProperty();
    private final ObjectProperty<LabResult> result = new SimpleObjectProperty<>();
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Pick a table or view and the column to predict, or try the late-delivery template.");
    private final StringProperty modelName = new SimpleStringProperty("");
    private final StringProperty savedModel = new SimpleStringProperty();
    private final ObjectProperty<RunningTask> running = new SimpleObjectProperty<>();

    public LabViewModel(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner;
        this.onError = onError;
        table.addListener((o, before, now) -> {
            if (now != null && !now.equals(before)) {
                loadColumns(now);
            }
        });
        target.addListener((o, before, now) -> {
            if (now != null && !now.equals(before)) {
                plan();
            }
        });
    }

    /** Points the lab at a workspace and lists its tables and views. */
    public void setWorkspace(Workspace ws) {
        store = new LabStore(ws);
        result.set(null);
        long g = ++generation;
        runner.submit(TaskRunner.Lane.QUICK, "Reading tables", m -> store.tablesAndViews(), list -> {
            if (g == generation) {
                tables.setAll(list);
            }
        }, onError);
    }

    /** Lists the tables and views again (after an import), keeping the table, target and results chosen. */
    public void refreshTables() {
        LabStore current = store;
        if (current == null) {
            return;
        }
        runner.submit(TaskRunner.Lane.QUICK, "Reading tables", m -> current.tablesAndViews(), list -> {
            if (current == store) {
                tables.setAll(list);
            }
        }, onError);
    }

    private void loadColumns(String t) {
        long g = ++generation;
        target.set(null);
        features.clear();
        runner.submit("Reading columns of " + t, m -> store.columns(t).stream().map(c -> c.name()).toList(), list -> {
            if (g == generation) {
                columns.setAll(list);
            }
        }, onError);
    }

    /** Works out the task and the default features for the current target. */
    public void plan() {
        if (store == null || table.get() == null || target.get() == null) {
            return;
        }
        long g = ++generation;
        LabSpec spec = spec(null, null);
        running.set(runner.submit("Looking at " + table.get(), m -> new LabTrainer(store).plan(spec, m), plan -> {
            if (g == generation) {
                applyPlan(plan);
            }
        }, onError));
    }

    private void applyPlan(LabPlan plan) {
        features.setAll(plan.columns().stream().map(c -> new FeatureChoice(c.column(), c.used(), c.reason())).toList());
        task.set(plan.task());
        List<Algorithm> defaults = Algorithm.defaults(plan.task(), plan.rows());
        algorithms.setAll(Algorithm.forTask(plan.task()).stream().map(a -> new AlgorithmChoice(a, defaults.contains(a)
                && a != Algorithm.RANDOM_FOREST)).toList());
        notes.set(String.join("\n", plan.notes()));
        if (modelName.get() == null || modelName.get().isBlank()) {
            modelName.set((plan.table() + "_" + plan.target()).replaceAll("[^a-z0-9_]", "_"));
        }
        status.set(String.format("%,d rows with a %s; %s. Choose features and candidates, then Train.", plan.rows(), plan.target(),
                plan.task().label()));
    }

    private LabSpec spec(List<String> chosenFeatures, List<Algorithm> chosenAlgorithms) {
        LabSpec.Validation v = BY_TIME.equals(validation.get()) && timeColumn.get() != null
                ? LabSpec.Validation.byTime(timeColumn.get()) : LabSpec.Validation.kFold(5);
        return new LabSpec(table.get(), target.get(), task.get(), chosenFeatures, chosenAlgorithms, v, 42);
    }

    /** Trains the chosen candidates in the background. */
    public void train() {
        if (store == null || table.get() == null || target.get() == null) {
            status.set("Pick a table or view and the column to predict first.");
            return;
        }
        List<String> chosen = features.stream().filter(f -> f.usedProperty().get()).map(FeatureChoice::column).toList();
        List<Algorithm> candidates = algorithms.stream().filter(a -> a.selectedProperty().get()).map(AlgorithmChoice::algorithm).toList();
        if (chosen.isEmpty() || candidates.isEmpty()) {
            status.set("Tick at least one feature and one candidate.");
            return;
        }
        LabSpec spec = spec(chosen, candidates);
        long g = ++generation;
        savedModel.set(null);
        status.set("Training…");
        running.set(runner.submit("Training on " + table.get(), m -> new LabTrainer(store).train(spec, m), r -> {
            if (g == generation) {
                showResult(r);
            }
        }, onError));
    }

    private void showResult(LabResult r) {
        result.set(r);
        notes.set(String.join("\n", r.plan().notes()));
        status.set(String.format("%s kept: %s %.3f on held-out rows (%s). Trained in %.1f s.", r.kept().title(), r.primaryMetric(),
                r.keptResult().metric(r.primaryMetric()), r.spec().validation().describe(), r.trainMillis() / 1000.0));
    }

    /**
     * The late-delivery template: shipments that reached the customer, late when delivered after
     * the promised days; validated by time on the order date with logistic regression and XGBoost.
     */
    public void lateDeliveryTemplate() {
        if (store == null) {
            return;
        }
        long g = ++generation;
        LabSpec spec = new LabSpec(LATE_DELIVERY_VIEW, "late", LabTask.CLASSIFICATION, null,
                List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.XGBOOST), LabSpec.Validation.byTime("order_date"), 42);
        modelName.set("late_delivery");
        status.set("Training the late-delivery template…");
        running.set(runner.submit("Late-delivery template", m -> new LabTrainer(store).train(spec, m), r -> {
            if (g != generation) {
                return;
            }
            generation++;
            table.set(LATE_DELIVERY_VIEW);
            columns.setAll(new ArrayList<>(r.plan().columns().stream().map(LabPlan.ColumnChoice::column).toList()));
            columns.add(0, "late");
            target.set("late");
            generation++;
            validation.set(BY_TIME);
            timeColumn.set("order_date");
            features.setAll(r.plan().columns().stream().map(c -> new FeatureChoice(c.column(), c.used(), c.reason())).toList());
            task.set(LabTask.CLASSIFICATION);
            algorithms.setAll(Algorithm.forTask(LabTask.CLASSIFICATION).stream().map(a -> new AlgorithmChoice(a,
                    a == Algorithm.LOGISTIC_REGRESSION || a == Algorithm.XGBOOST)).toList());
            showResult(r);
        }, onError));
    }

    /** Saves the kept candidate under the model name. */
    public void save() {
        LabResult r = result.get();
        if (r == null) {
            status.set("Train first, then save.");
            return;
        }
        String name = modelName.get();
        runner.submit("Saving " + name, m -> LabModel.save(store, name, r), saved -> {
            savedModel.set(saved.description().name());
            status.set("Saved as " + saved.description().name() + ". Score this table to see its predictions in the view "
                    + LabScoring.viewName(saved.description().name()) + ".");
        }, onError);
    }

    /** Scores the model's table with the saved model, adding the view {@code scored_MODEL}. */
    public void scoreTable() {
        String name = savedModel.get();
        if (name == null) {
            status.set("Save the model first, then score the table.");
            return;
        }
        running.set(runner.submit("Scoring with " + name, m -> new LabScoring(store).score(LabModel.load(store, name), null, null, m),
                scored -> status.set(String.format("Scored %,d rows of %s: open the view %s in the data browser, charts or export.",
                        scored.rows(), scored.table(), scored.view())), onError));
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<LabTask> taskProperty() {
        return task;
    }

    public ObservableList<FeatureChoice> features() {
        return features;
    }

    public ObservableList<AlgorithmChoice> algorithms() {
        return algorithms;
    }

    public StringProperty validationProperty() {
        return validation;
    }

    public StringProperty timeColumnProperty() {
        return timeColumn;
    }

    public ObjectProperty<LabResult> resultProperty() {
        return result;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    public StringProperty savedModelProperty() {
        return savedModel;
    }

    public ObjectProperty<RunningTask> runningProperty() {
        return running;
    }
}
