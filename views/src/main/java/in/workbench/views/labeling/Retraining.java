package in.workbench.views.labeling;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.TeamRole;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Retraining from the Labeling screen: the segmenter, and the deliverability model when the
 * workspace has one, the way the Model screen and the command line train it (5-fold
 * cross-validation, then every address rescored). Runs after every {@link #EVERY} saved labels
 * or on demand, in the long-work lane; tells the other screens "model trained" and "scores
 * changed". On a team workspace only owners retrain (it rewrites shared models): a labeler's
 * labels wait for an owner's retraining, and the screen says so.
 *
 * <p>Used on the JavaFX thread only.
 */
public final class Retraining {

    /** Saved labels between two automatic retrainings. */
    public static final int EVERY = 25;
    /** The command line's number of cross-validation folds for deliverability ({@code workbench train --folds}, default 5). */
    public static final int CLI_FOLDS = 5;

    /** How the deliverability model is retrained: the window passes the Model screen's way (5 folds, then rescoring). */
    @FunctionalInterface
    public interface Deliverability {
        DeliverabilityModel retrain(Workspace ws, ProgressMonitor monitor) throws Exception;
    }

    /** What a retraining produced. */
    public record Trained(SegmentationModel segmenter, DeliverabilityModel deliverability, List<SegmentationTrainer.CurvePoint> curve) {
    }

    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;
    private final SegmentationTrainer.Settings settings;
    private final Deliverability deliverability;
    private final WorkspaceEvents events;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private int since;

    public Retraining(TaskRunner runner, Consumer<Throwable> onFailure, SegmentationTrainer.Settings settings, Deliverability deliverability,
            WorkspaceEvents events) {
        this.runner = runner;
        this.onFailure = onFailure;
        this.settings = settings;
        this.deliverability = deliverability;
        this.events = events;
    }

    /** The command line's training (5 folds, no rescoring): for screens built without a window. */
    public static Deliverability commandLineWay(java.util.function.Supplier<AddressParser> parser, long seed) {
        return (ws, m) -> new DeliverabilityTrainer(parser.get()).trainAndSave(ws, seed, CLI_FOLDS, m).model();
    }

    /** Why the analyst may not retrain in {@code ws}, in one sentence; empty when they may. */
    public static Optional<String> refusal(Workspace ws) {
        return LabelingViewModel.refusal(ws, TeamRole.Right.CHANGE, "retrain the models");
    }

    /** What the screen says about retraining when the analyst may not retrain; empty when they may. */
    public static Optional<String> waitingNote(Workspace ws) {
        return refusal(ws).map(r -> "Your labels are saved and wait for an owner's retraining (only owners retrain the shared models).");
    }

    /** A new session (another workspace): the count of labels since the last retraining starts again. */
    public void reset() {
        since = 0;
    }

    /** Counts a saved label; true when an automatic retraining is due and the analyst may retrain. */
    public boolean labelSaved(Workspace ws) {
        since++;
        return since >= EVERY && !running.get() && refusal(ws).isEmpty();
    }

    /** Counts an undone label. */
    public void labelUndone() {
        since = Math.max(0, since - 1);
    }

    /**
     * Retrains in the background and tells the other screens.
     *
     * @param withDeliverability whether the workspace has a deliverability model to retrain
     * @param apply called on the JavaFX thread with the new models
     * @return the sentence why it did not start (a role without the right), or empty when it started or runs already
     */
    public Optional<String> start(Workspace ws, AddressParser parser, boolean withDeliverability, Consumer<Trained> apply) {
        Optional<String> refused = refusal(ws);
        if (refused.isPresent() || running.get()) {
            return refused;
        }
        running.set(true);
        since = 0;
        runner.submit(TaskRunner.Lane.LONG, "Retraining on the analysts' labels", m -> {
            SegmentationTrainer.Result r = new SegmentationTrainer(parser).trainAndSave(ws, settings, m);
            DeliverabilityModel d = withDeliverability ? deliverability.retrain(ws, m) : null;
            return new Trained(r.model(), d, SegmentationTrainer.learningCurve(ws));
        }, t -> {
            running.set(false);
            events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.MODEL_TRAINED, ws, SegmentationTrainer.MODEL_NAME));
            if (t.deliverability() != null) {
                events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.MODEL_TRAINED, ws, DeliverabilityTrainer.MODEL_NAME));
                events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.SCORES_CHANGED, ws, DeliverabilityTrainer.MODEL_NAME));
            }
            apply.accept(t);
        }, e -> {
            running.set(false);
            onFailure.accept(e);
        });
        return Optional.empty();
    }

    /** True while a retraining runs. */
    public BooleanProperty runningProperty() {
        return running;
    }
}
