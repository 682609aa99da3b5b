package in.workbench.views.addresses;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScoring;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.address.FlagThreshold;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.Failures;
import java.nio.file.Files;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import in.workbench.views.task.TaskRunner;

/**
 * What the four address screens share: the open workspace, the address parser (the postal
 * directory is read once, on first use, off the JavaFX thread), the trained model when there is
 * one, and a revision counter that goes up whenever scores or flags change so every screen
 * reloads. Properties are changed on the JavaFX thread only; {@link #parser()},
 * {@link #loadModel(Workspace)} and {@link #trainAndScore} are for background work and thread-safe.
 */
public final class AddressesSession {

    /** Seed of training from the window, as on the command line. */
    public static final long SEED = 42;

    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<DeliverabilityModel> model = new SimpleObjectProperty<>();
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private final StringProperty modelProblem = new SimpleStringProperty("");
    private final TaskRunner runner;
    private final int folds;
    private final int trees;
    private volatile AddressParser parser;

    /** A session training as the command line does: 5-fold cross-validation, the product's trees. */
    public AddressesSession(TaskRunner runner) {
        this(runner, 5, DeliverabilityTrainer.TREES);
    }

    /** A session training with {@code folds}-fold cross-validation and {@code trees} XGBoost trees (fewer in tests). */
    public AddressesSession(TaskRunner runner, int folds, int trees) {
        this.runner = runner;
        this.folds = folds;
        this.trees = trees;
    }

    /**
     * Switches every address screen to a workspace (JavaFX thread): the same workspace again does
     * nothing; otherwise its saved model is loaded in the background.
     */
    public void open(Workspace ws) {
        if (ws == workspace.get()) {
            return;
        }
        model.set(null);
        modelProblem.set("");
        workspace.set(ws);
        loadModel();
    }

    /**
     * Loads the shown workspace's saved model again (JavaFX thread): another screen trained it. The
     * screens that show scores follow {@link #modelProperty()} and {@link #revisionProperty()}.
     */
    public void reloadModel() {
        if (workspace.get() != null) {
            loadModel();
            scoresChanged();
        }
    }

    private void loadModel() {
        Workspace ws = workspace.get();
        model.set(null);
        modelProblem.set("");
        runner.submit(TaskRunner.Lane.QUICK, "Loading the deliverability model", m -> java.util.Optional.ofNullable(loadModel(ws)), loaded -> {
            if (workspace.get() == ws) {
                model.set(loaded.orElse(null));
                modelProblem.set(loaded.isPresent() ? "" : noModelSentence());
            }
        }, e -> {
            if (workspace.get() == ws) {
                modelProblem.set(in.workbench.views.task.Failures.sentenceFor(e));
            }
        });
    }

    /** Why there is no model (empty while one is loaded or loading). */
    public StringProperty modelProblemProperty() {
        return modelProblem;
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    /** The workspace's trained model, or null before training. */
    public ObjectProperty<DeliverabilityModel> modelProperty() {
        return model;
    }

    /** Goes up whenever the scores or flags of the workspace change. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    /**
     * A training finished: its model becomes the workspace's, and every screen hears that the scores
     * changed (JavaFX thread).
     */
    public void modelTrained(DeliverabilityModel trained) {
        model.set(trained);
        modelProblem.set("");
        scoresChanged();
    }

    /**
     * Tells the analyst that a training failed: what the workspace lacks (labels, addresses) in one
     * sentence, or "Training failed." with the fault handed to {@code onError} for the error dialog.
     */
    public static void trainingFailed(Throwable e, StringProperty message, Consumer<Throwable> onError) {
        if (isMissingPrerequisite(e)) {
            message.set(Failures.sentenceFor(e));
        } else {
            message.set("Training failed.");
            onError.accept(e);
        }
    }

    /** Tells every screen that scores or flags changed (JavaFX thread). */
    public void scoresChanged() {
        revision.set(revision.get() + 1);
    }

    /** The parser, built from the bundled postal directory on first call (slow once). */
    public AddressParser parser() {
        AddressParser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) {
                    parser = new AddressParser(PostalDirectory.load());
                }
                p = parser;
            }
        }
        return p;
    }

    /** The workspace's saved model, or null when it has none yet (background thread). */
    public static DeliverabilityModel loadModel(Workspace ws) {
        if (!Files.exists(ws.modelsDir().resolve(DeliverabilityModel.FILE_NAME))) {
            return null;
        }
        DeliverabilityModel m = DeliverabilityModel.load(ws.modelsDir());
        return m.withThreshold(FlagThreshold.of(ws, m.threshold()));
    }

    /** A trained and scored workspace. */
    public record Trained(DeliverabilityModel model, DeliverabilityTrainer.Report report, AddressScoring.Summary scores) {
    }

    /**
     * Trains the model on the workspace's labels, saves it, and scores every address with it
     * (background thread). Fails with the trainer's sentence when the workspace has no labels.
     */
    public Trained trainAndScore(Workspace ws, ProgressMonitor monitor) {
        AddressParser p = parser();
        ProgressMonitor training = new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                monitor.update(done * 80, Math.max(1, total) * 100, "training: " + message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
        DeliverabilityTrainer.Result r = new DeliverabilityTrainer(p, trees).trainAndSave(ws, SEED, folds, training);
        DeliverabilityModel m = r.model().withThreshold(FlagThreshold.of(ws, r.model().threshold()));
        monitor.checkCancelled();
        ProgressMonitor scoring = new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                monitor.update(80L * Math.max(1, total) + done * 20, Math.max(1, total) * 100, message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
        return new Trained(m, r.report(), new AddressScoring(ws, p).scoreAll(m, null, scoring));
    }

    /** The sentence for a screen that needs a model the workspace does not have. */
    public static String noModelSentence() {
        return "This workspace has no deliverability model yet. Train it on the Model screen (or with "
                + "`workbench train -w DIR deliverability`) after importing addresses and shipments.";
    }

    /** Whether a failure means the workspace lacks something (labels, addresses), rather than a fault. */
    public static boolean isMissingPrerequisite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WorkbenchException w && w.kind() == WorkbenchException.Kind.PREREQUISITE_MISSING) {
                return true;
            }
        }
        return false;
    }
}
