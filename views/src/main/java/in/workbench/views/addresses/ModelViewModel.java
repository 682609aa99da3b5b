package in.workbench.views.addresses;

import in.workbench.analytics.address.DeliverabilityEvaluation;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer.Confusion;
import in.workbench.analytics.address.FlagThreshold;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Model screen's state: the last training's cross-validated evaluation, the flag threshold
 * the analyst is trying (precision, recall and the confusion matrix follow it live, from the
 * stored out-of-fold scores), the features that matter most, and training in the background with
 * progress and Cancel. Used on the JavaFX thread.
 */
public final class ModelViewModel {

    /** How many features the importance chart shows. */
    public static final int TOP_FEATURES = 15;

    private final AddressesSession session;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ObjectProperty<DeliverabilityEvaluation> evaluation = new SimpleObjectProperty<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final DoubleProperty appliedThreshold = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<Confusion> confusion = new SimpleObjectProperty<>();
    private final ObservableList<DeliverabilityModel.FeatureImportance> features = FXCollections.observableArrayList();
    private final StringProperty importanceMeasure = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty training = new SimpleBooleanProperty();
    private final ObjectProperty<RunningTask> task = new SimpleObjectProperty<>();

    public ModelViewModel(AddressesSession session, TaskRunner runner, Consumer<Throwable> onError) {
        this.session = session;
        this.runner = runner;
        this.onError = onError;
        threshold.addListener((o, a, b) -> updateConfusion());
        evaluation.addListener((o, a, b) -> updateConfusion());
        session.workspaceProperty().addListener((o, a, b) -> load());
        session.modelProperty().addListener((o, a, b) -> showFeatures(b));
        session.modelProblemProperty().addListener((o, a, b) -> {
            if (evaluation.get() == null && !b.isEmpty()) {
                message.set(b);
            }
        });
        showFeatures(session.modelProperty().get());
        load();
    }

    public AddressesSession session() {
        return session;
    }

    /** The stored cross-validated evaluation, or null before training. */
    public ObjectProperty<DeliverabilityEvaluation> evaluationProperty() {
        return evaluation;
    }

    /** The threshold being tried (the slider): addresses scoring below it would be flagged. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The threshold the workspace flags with now. */
    public DoubleProperty appliedThresholdProperty() {
        return appliedThreshold;
    }

    /** Precision, recall and the confusion matrix at {@link #thresholdProperty()}, cross-validated. */
    public ObjectProperty<Confusion> confusionProperty() {
        return confusion;
    }

    public ObservableList<DeliverabilityModel.FeatureImportance> features() {
        return features;
    }

    /** What the importance numbers mean for the model kept. */
    public StringProperty importanceMeasureProperty() {
        return importanceMeasure;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty trainingProperty() {
        return training;
    }

    public ObjectProperty<RunningTask> taskProperty() {
        return task;
    }

    private void updateConfusion() {
        DeliverabilityEvaluation e = evaluation.get();
        confusion.set(e == null ? null : e.confusionAt(threshold.get()));
    }

    private void showFeatures(DeliverabilityModel m) {
        if (m == null) {
            features.clear();
            importanceMeasure.set("");
        } else {
            importanceMeasure.set(m.importanceMeasure());
            features.setAll(m.featureImportance(TOP_FEATURES));
        }
    }

    private record Stored(Optional<DeliverabilityEvaluation> evaluation, double threshold) {
    }

    /** Reads the workspace's stored evaluation and chosen threshold. */
    public void load() {
        Workspace ws = session.workspaceProperty().get();
        evaluation.set(null);
        if (ws == null) {
            return;
        }
        runner.submit(TaskRunner.Lane.QUICK, "Reading the deliverability evaluation", m -> new Stored(DeliverabilityEvaluation.load(ws), FlagThreshold.of(ws, 0.5)),
                s -> {
                    if (session.workspaceProperty().get() != ws) {
                        return;
                    }
                    appliedThreshold.set(s.threshold());
                    threshold.set(s.threshold());
                    evaluation.set(s.evaluation().orElse(null));
                    message.set(s.evaluation().isPresent() ? "" : "No deliverability model has been trained in this workspace yet. "
                            + "Train it: shipment outcomes and analysts' labels are the training data.");
                }, onError);
    }

    /** Trains (or retrains) the model and rescores every address, in the background with progress and Cancel. */
    public void train() {
        Workspace ws = session.workspaceProperty().get();
        if (ws == null || training.get()) {
            return;
        }
        training.set(true);
        message.set("Training: cross-validating a logistic regression and XGBoost, then scoring every address…");
        RunningTask t = runner.submit("Training deliverability", m -> session.trainAndScore(ws, m), r -> {
            training.set(false);
            evaluation.set(DeliverabilityEvaluation.of(r.report(), OffsetDateTime.now(ZoneOffset.UTC).toString()));
            message.set(String.format("Trained in %.1f s: kept %s (cross-validated AUC %.3f); scored %,d addresses, %,d flagged.",
                    r.report().trainMillis() / 1000.0, r.report().chosen(), r.report().auc(), r.scores().addresses(), r.scores().flagged()));
            session.modelTrained(r.model());
        }, e -> {
            training.set(false);
            AddressesSession.trainingFailed(e, message, onError);
        });
        task.set(t);
        t.runningProperty().addListener((o, was, running) -> {
            if (!running) {
                training.set(false);
                if (message.get().startsWith("Training:")) {
                    message.set("Training was cancelled; the previous model stays.");
                }
            }
        });
        if (!t.runningProperty().get()) {
            training.set(false);
        }
    }

    /** Flags the workspace's addresses at the threshold being tried, and keeps it for scoring. */
    public void applyThreshold() {
        Workspace ws = session.workspaceProperty().get();
        double t = threshold.get();
        if (ws == null) {
            return;
        }
        runner.submit("Re-flagging addresses", m -> FlagThreshold.apply(ws, t), flagged -> {
            appliedThreshold.set(t);
            DeliverabilityModel m = session.modelProperty().get();
            if (m != null) {
                session.modelProperty().set(m.withThreshold(t));
            }
            message.set(String.format("Addresses scoring below %.2f are flagged now: %,d addresses.", t, flagged));
            session.scoresChanged();
        }, onError);
    }

    /** The candidates compared, best first, for the comparison chart. */
    public List<in.workbench.analytics.address.DeliverabilityTrainer.CandidateMetrics> candidates() {
        DeliverabilityEvaluation e = evaluation.get();
        return e == null ? List.of() : e.candidates();
    }
}
