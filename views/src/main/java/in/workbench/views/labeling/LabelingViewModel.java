package in.workbench.views.labeling;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.labeling.LabelMerge;
import in.workbench.analytics.labeling.LabelOutbox;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.labeling.LabelingLeases;
import in.workbench.analytics.labeling.LabelingQueue;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.TeamRole;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Labeling screen's state and actions, without any JavaFX node. It puts together the parts
 * that each do one thing: the {@link AddressQueue} (what to show next; leases on a team
 * workspace), the {@link SpanEditor} (segment correction), the {@link KeyBindings}, the
 * {@link LabelWriter} (decisions written off the JavaFX thread, in order, reported saved once
 * committed), the {@link UndoHistory} (Backspace), {@link Retraining} and {@link LabelFiles}
 * (export and merge). On a team workspace it also shows the live agreement (kappa) and the labels
 * waiting on this machine to be sent.
 *
 * <p>Used on the JavaFX thread only.
 */
public final class LabelingViewModel {

    /** Who is labelling: the analyst's name from the app settings, asked for once. */
    public interface Analyst {
        String name();

        /** False until the analyst has confirmed the name once. */
        boolean confirmed();

        void confirm(String name);
    }

    /** The team workspace's outbox file in its local folder: labels kept while the server cannot be reached. */
    static final String OUTBOX_FILE = "labels-outbox.jsonl";
    private static final String OPEN = "open";
    private static final String STATUS = "status";

    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;
    private final Analyst analyst;
    private final Supplier<AddressParser> parserSupplier;
    private final WorkspaceEvents events;
    private final ScreenUpdates updates;
    private final KeyBindings keys = new KeyBindings();
    private final SpanEditor spans = new SpanEditor();
    private final UndoHistory history = new UndoHistory();
    private final AddressQueue queue;
    private final LabelWriter writer;
    private final Retraining retraining;
    private final LabelFiles files;
    private final Clock clock;

    private final ObjectProperty<LabelingQueue.Item> current = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty quality = new SimpleStringProperty("");
    private final StringProperty team = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final BooleanProperty mayRetrain = new SimpleBooleanProperty(true);
    private final ObservableList<SegmentationTrainer.CurvePoint> curve = FXCollections.observableArrayList();

    private Workspace workspace;
    private LabelStore store;
    private LabelSink sink;
    private LabelingLeases leases;
    private AddressParser parser;
    private SegmentationModel segmenter;
    private DeliverabilityModel deliverability;

    /** A screen that retrains deliverability as the command line does (5 folds) and tells no other screen (tests). */
    public LabelingViewModel(TaskRunner runner, Consumer<Throwable> onFailure, Analyst analyst, Supplier<AddressParser> parser,
            SegmentationTrainer.Settings retrainSettings) {
        this(runner, onFailure, analyst, parser, retrainSettings, Retraining.commandLineWay(parser, retrainSettings.seed()),
                WorkspaceEvents.none());
    }

    /**
     * @param retrainDeliverability how the deliverability model is retrained alongside the segmenter
     * @param events where "model trained", "scores changed" and "labels changed" are published
     */
    public LabelingViewModel(TaskRunner runner, Consumer<Throwable> onFailure, Analyst analyst, Supplier<AddressParser> parser,
            SegmentationTrainer.Settings retrainSettings, Retraining.Deliverability retrainDeliverability, WorkspaceEvents events) {
        this(runner, onFailure, analyst, parser, new Retraining(runner, onFailure, retrainSettings, retrainDeliverability, events), events,
                Clock.systemUTC());
    }

    /** With the parts a test replaces: the retraining and the clock the leases run on. */
    LabelingViewModel(TaskRunner runner, Consumer<Throwable> onFailure, Analyst analyst, Supplier<AddressParser> parser,
            Retraining retraining, WorkspaceEvents events, Clock clock) {
        this.runner = runner;
        this.onFailure = onFailure;
        this.analyst = analyst;
        this.parserSupplier = parser;
        this.events = events;
        this.clock = clock;
        this.retraining = retraining;
        this.updates = new ScreenUpdates(runner, () -> workspace, onFailure);
        this.queue = new AddressQueue(updates, runner, onFailure, clock);
        this.writer = new LabelWriter(runner);
        this.files = new LabelFiles(runner, onFailure);
    }

    /** How labels reach {@code ws}: straight in on a workspace folder, through this machine's outbox on a team workspace. */
    static LabelSink sinkFor(Workspace ws, LabelStore store) {
        return ws.server().isPresent() ? LabelSink.throughOutbox(LabelOutbox.of(ws.folder().resolve(OUTBOX_FILE), store), store)
                : LabelSink.direct(store);
    }

    /** Opens a workspace: the key bindings, the models and the first addresses are read in the background. */
    public void setWorkspace(Workspace ws) {
        setWorkspace(ws, null);
    }

    /** As {@link #setWorkspace(Workspace)} with the labels' destination a test chooses (null: the workspace's own). */
    void setWorkspace(Workspace ws, LabelSink destination) {
        workspace = ws;
        store = new LabelStore(ws);
        sink = destination != null ? destination : sinkFor(ws, store);
        boolean teamWorkspace = ws.server().isPresent();
        Optional<String> mayNotLabel = labelRefusal(ws);
        leases = teamWorkspace && mayNotLabel.isEmpty() ? new LabelingLeases(ws, clock, AddressQueue.LEASE_TIME) : null;
        mayRetrain.set(Retraining.refusal(ws).isEmpty());
        history.clear();
        retraining.reset();
        writer.newSession();
        segmenter = null;
        deliverability = null;
        show(null, false);
        queue.open(leases, this::source, this::arrived);
        team.set("");
        loading.set(true);
        message.set("Finding the addresses the models are least sure of …");
        String name = analyst.name();
        LabelingLeases l = leases;
        updates.longWork(OPEN, "Preparing the labeling queue", (w, m) -> {
            AddressParser p = parser != null ? parser : parserSupplier.get();
            Optional<String> stored = w.setting(KeyBindings.SETTING);
            SegmentationModel s = SegmentationModel.exists(w.modelsDir()) ? SegmentationModel.load(w.modelsDir()) : null;
            DeliverabilityModel d = Files.exists(w.modelsDir().resolve(DeliverabilityModel.FILE_NAME)) ? DeliverabilityModel.load(w.modelsDir())
                    : null;
            List<QueueSource.Taken> first = mayNotLabel.isPresent() ? List.of()
                    : new QueueSource(w, p, d, s, l, name).take(Set.of(), m);
            return new Opened(p, stored, s, d, first, SegmentationTrainer.learningCurve(w), status(w, name));
        }, o -> {
            parser = o.parser();
            keys.load(o.keys());
            segmenter = o.segmenter();
            deliverability = o.deliverability();
            curve.setAll(o.curve());
            loading.set(false);
            queue.add(o.first());
            updateQuality();
            showStatus(o.status());
            if (mayNotLabel.isPresent()) {
                message.set(mayNotLabel.get());
            } else if (current.get() == null) {
                advance();
            }
            if (teamWorkspace && mayNotLabel.isEmpty()) {
                sendWaiting();
            }
        }, e -> {
            loading.set(false);
            message.set("The labeling queue could not be prepared.");
            onFailure.accept(e);
        });
    }

    private record Opened(AddressParser parser, Optional<String> keys, SegmentationModel segmenter, DeliverabilityModel deliverability,
            List<QueueSource.Taken> first, List<SegmentationTrainer.CurvePoint> curve, Status status) {
    }

    /** Progress, and on a team workspace the analysts' agreement. */
    private record Status(LabelStore.Progress progress, LabelingLeases.Agreement agreement, double share) {
    }

    /** Progress, and on a team workspace the agreement (which every role may read). */
    private static Status status(Workspace ws, String analyst) {
        LabelStore.Progress p = new LabelStore(ws).progress(analyst);
        if (ws.server().isEmpty()) {
            return new Status(p, null, 0);
        }
        LabelingLeases agreement = new LabelingLeases(ws, Clock.systemUTC(), AddressQueue.LEASE_TIME);
        return new Status(p, agreement.agreement(), agreement.share());
    }

    /** Why the analyst may not label in {@code ws} (a reader, or a workspace open read-only); empty when they may. */
    private static Optional<String> labelRefusal(Workspace ws) {
        return refusal(ws, TeamRole.Right.LABEL, "label addresses");
    }

    /** The workspace's sentence why the analyst's role may not do {@code work}; empty when it may. */
    static Optional<String> refusal(Workspace ws, TeamRole.Right right, String work) {
        try {
            ws.require(right, work);
            return Optional.empty();
        } catch (WorkbenchException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The queue's source with the models of the moment; null until the first read brought the parser. */
    private QueueSource source() {
        return parser == null || workspace == null ? null
                : new QueueSource(workspace, parser, deliverability, segmenter, leases, analyst.name());
    }

    /** A refill arrived: show its first item if nothing is shown. */
    private void arrived() {
        if (current.get() == null) {
            advance();
        }
    }

    /** Shows the next address of the queue. */
    private void advance() {
        LabelingQueue.Item next = queue.next();
        show(next, false);
        message.set(next != null ? "" : workspace == null ? "Open a workspace to label addresses."
                : queue.refilling() ? "Finding the next addresses …"
                : "Nothing left to label: every address of this workspace has a label, or it holds no addresses yet "
                        + "(File ▸ Import… addresses.csv).");
    }

    private void show(LabelingQueue.Item item, boolean edited) {
        current.set(item);
        spans.show(item == null ? null : item.segmentation(), edited);
    }

    /** True when the analyst has not confirmed a name yet (the view asks once before the first label). */
    public boolean needsAnalystName() {
        return !analyst.confirmed();
    }

    /** Records the analyst's name. */
    public void confirmAnalyst(String name) {
        if (name != null && !name.isBlank()) {
            analyst.confirm(name.trim());
        }
    }

    /** The analyst's name. */
    public String analystName() {
        return analyst.name();
    }

    /**
     * Handles a key press: {@code key} is the key's name ("D", "SPACE", "TAB", …). Returns true when
     * the key is bound to an action (the view then consumes the event). Never waits for the database.
     */
    public boolean handleKey(String key, boolean shift) {
        Optional<LabelingAction> action = keys.actionFor(key, shift);
        action.ifPresent(this::perform);
        return action.isPresent();
    }

    /** Performs an action. */
    public void perform(LabelingAction action) {
        switch (action) {
            case DELIVERABLE, UNDELIVERABLE, UNSURE -> decide(action.label());
            case SKIP -> skip();
            case UNDO -> undo();
            case NEXT_SPAN -> spans.move(1);
            case PREVIOUS_SPAN -> spans.move(-1);
            case LABEL_UP -> spans.relabel(false);
            case LABEL_DOWN -> spans.relabel(true);
            case GROW_SPAN -> spans.moveEdge(true);
            case SHRINK_SPAN -> spans.moveEdge(false);
            case RETRAIN -> retrain();
            case REFRESH -> refresh();
            default -> throw new IllegalStateException(action.name());
        }
    }

    /** Queues the decision's save and shows the next address at once; the save is reported when committed. */
    private void decide(String label) {
        LabelingQueue.Item item = current.get();
        if (item == null || workspace == null) {
            return;
        }
        Optional<String> refused = labelRefusal(workspace);
        if (refused.isPresent()) {
            message.set(refused.get());
            return;
        }
        String receipt = UUID.randomUUID().toString();
        boolean edited = spans.edited();
        LabelingQueue.Item asDecided = new LabelingQueue.Item(item.address(), item.duplicates(), item.deliverability(),
                spans.segmentationProperty().get(), item.priority(), item.why());
        LabelOutbox.Pending decision = new LabelOutbox.Pending(receipt, item.addressIds(), label, spans.corrected(), analyst.name());
        history.record(new UndoHistory.Decided(receipt, asDecided, edited, label));
        Workspace ws = workspace;
        advance();
        writer.save(sink, "Saving the " + label + " label", s -> s.save(decision), waiting -> saved(ws, item, waiting),
                e -> notSaved(ws, receipt, asDecided, edited, e));
    }

    private void saved(Workspace ws, LabelingQueue.Item item, int waiting) {
        if (ws != workspace) {
            return;
        }
        events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.LABELS_CHANGED, ws, "address"));
        if (waiting == 0) {
            queue.done(item.address().id());
        }
        readStatus();
        if (retraining.labelSaved(ws)) {
            retrain();
        }
    }

    /** A save failed: nothing was written; the address comes back to be decided again. */
    private void notSaved(Workspace ws, String receipt, LabelingQueue.Item item, boolean edited, Throwable e) {
        if (ws == workspace) {
            history.forget(receipt);
            LabelingQueue.Item shown = current.get();
            if (shown != null) {
                queue.putBack(shown);
            }
            show(item, edited);
            message.set("This label could not be saved, so the address is shown again: decide it once more.");
        }
        onFailure.accept(e);
    }

    private void skip() {
        LabelingQueue.Item item = current.get();
        if (item != null) {
            queue.done(item.address().id());
            advance();
        }
    }

    /** Backspace: the analyst's newest decision is undone (after the saves queued before it) and shown to be decided again. */
    private void undo() {
        QueueSource source = source();
        if (workspace == null || source == null) {
            message.set("Nothing to undo.");
            return;
        }
        Optional<UndoHistory.Decided> mine = history.takeNewest();
        Workspace ws = workspace;
        LabelStore st = store;
        String name = analyst.name();
        writer.then(sink, "Undoing the last label", s -> UndoHistory.undoNewest(mine, s, st, source, name), r -> undone(ws, r), e -> {
            mine.ifPresent(history::record);
            onFailure.accept(e);
        });
    }

    private void undone(Workspace ws, Optional<UndoHistory.Undone> result) {
        if (ws != workspace) {
            return;
        }
        if (result.isEmpty()) {
            message.set("Nothing to undo: " + analyst.name() + " has no decisions left in this workspace.");
            return;
        }
        UndoHistory.Undone u = result.get();
        LabelingQueue.Item shown = current.get();
        if (shown != null) {
            queue.putBack(shown);
        }
        if (u.item().isPresent()) {
            show(u.item().get(), u.edited());
        } else {
            advance();
        }
        message.set(u.sentence());
        queue.mayHaveMore();
        retraining.labelUndone();
        events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.LABELS_CHANGED, ws, "address"));
        readStatus();
    }

    /**
     * Retrains the models in the background (an owner's right on a team workspace: anyone else
     * is told why not).
     */
    public void retrain() {
        if (workspace == null || parser == null) {
            return;
        }
        Workspace ws = workspace;
        retraining.start(ws, parser, deliverability != null, t -> {
            if (ws != workspace) {
                return;
            }
            segmenter = t.segmenter();
            if (t.deliverability() != null) {
                deliverability = t.deliverability();
            }
            curve.setAll(t.curve());
            queue.mayHaveMore();
            updateQuality();
        }).ifPresent(message::set);
    }

    /**
     * Reads the workspace afresh: progress and agreement with others' new labels; on a team
     * workspace the labels waiting on this machine are sent and the queued addresses are leased
     * afresh, so the queue leaves out what others labelled meanwhile.
     */
    public void refresh() {
        if (workspace == null) {
            return;
        }
        if (workspace.server().isPresent() && leases != null) {
            sendWaiting();
            LabelingQueue.Item shown = current.get();
            queue.refresh(shown == null ? null : shown.address().id());
        }
        readStatus();
    }

    /** Gives back the addresses leased to this analyst now (the window closes). */
    public void leave() {
        queue.leaveNow();
    }

    private void sendWaiting() {
        Workspace ws = workspace;
        writer.then(sink, "Sending the labels kept on this machine", LabelSink::flush, n -> {
            writer.waiting(n);
            if (ws == workspace) {
                readStatus();
            }
        }, onFailure);
    }

    private void readStatus() {
        String name = analyst.name();
        updates.read(STATUS, "Reading the labeling progress", (w, m) -> status(w, name), this::showStatus);
    }

    private void showStatus(Status s) {
        LabelStore.Progress p = s.progress();
        progress.set(String.format(Locale.ROOT, "%,d of %,d addresses labelled · %s: %d today · %.1f labels/min", p.labelledAddresses(),
                p.addresses(), analyst.name(), p.analystLabelsToday(), p.labelsPerMinute()));
        if (workspace == null || workspace.server().isEmpty()) {
            team.set("");
            return;
        }
        StringBuilder t = new StringBuilder("Team workspace, you are a " + workspace.role().word() + ".");
        if (s.agreement() != null) {
            t.append(s.agreement().overlap() == 0
                    ? String.format(Locale.ROOT, " Agreement: no address labelled by two analysts yet (%.0f %% go to a second analyst).",
                            100 * s.share())
                    : String.format(Locale.ROOT, " Agreement: kappa %.2f on %,d addresses two analysts labelled (%,d agree; %.0f %% go to a "
                            + "second analyst).", s.agreement().kappa(), s.agreement().overlap(), s.agreement().agreeing(), 100 * s.share()));
        }
        if (labelRefusal(workspace).isEmpty()) {
            Retraining.waitingNote(workspace).ifPresent(n -> t.append(' ').append(n));
        }
        team.set(t.toString());
    }

    private void updateQuality() {
        if (curve.isEmpty()) {
            quality.set("Segmenter: not trained yet (weak labels shown). " + (mayRetrain.get() ? "It trains after " + Retraining.EVERY
                    + " labels, or press " + keys.text(LabelingAction.RETRAIN) + "." : "An owner of the team workspace trains it."));
            return;
        }
        SegmentationTrainer.CurvePoint last = curve.get(curve.size() - 1);
        quality.set(last.spanF1() == null
                ? String.format(Locale.ROOT, "Segmenter: no held-out corrections yet (agrees with the weak labels at span F1 %.2f). "
                        + "Correct segments to measure it.", last.weakAgreementF1())
                : String.format(Locale.ROOT, "Segmenter: span F1 %.2f on %d held-out corrected addresses (trained with %d labels).",
                        last.spanF1(), last.heldOut(), last.analystLabels()));
    }

    /** Binds an action to another key (kept in the workspace); a key bound elsewhere is taken from the other action. */
    public void rebind(LabelingAction action, String key) {
        saveKeys(keys.rebind(action, key));
    }

    /** Restores the default keys. */
    public void resetKeys() {
        saveKeys(keys.reset());
    }

    private void saveKeys(String stored) {
        Workspace ws = workspace;
        if (ws != null) {
            runner.submit(TaskRunner.Lane.QUICK, "Saving the labeling keys", m -> {
                ws.putSetting(KeyBindings.SETTING, stored);
                return stored;
            }, s -> {
            }, onFailure);
        }
    }

    /** Exports the workspace's labels as address_labels.csv in the background. */
    public void exportLabels(Path file, Consumer<String> done) {
        if (workspace != null) {
            files.export(workspace, file, done);
        }
    }

    /** Merges another analyst's address_labels.csv: agreement first, then the import; {@code done} gets the result. */
    public void mergeLabels(Path file, Consumer<LabelMerge.Result> done) {
        Workspace ws = workspace;
        if (ws != null) {
            files.merge(ws, file, r -> {
                if (ws == workspace) {
                    events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.LABELS_CHANGED, ws, "address"));
                    readStatus();
                }
                done.accept(r);
            });
        }
    }

    public ObjectProperty<LabelingQueue.Item> currentProperty() {
        return current;
    }

    public ObjectProperty<Segmentation> segmentationProperty() {
        return spans.segmentationProperty();
    }

    public IntegerProperty selectedSpanProperty() {
        return spans.selectedProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty qualityProperty() {
        return quality;
    }

    /** On a team workspace: the analyst's role, the live agreement (kappa), and why retraining waits for an owner. */
    public StringProperty teamProperty() {
        return team;
    }

    /** Saving, waiting to be sent, or saved: one sentence on the labels' way to the workspace. */
    public ReadOnlyStringProperty saveStateProperty() {
        return writer.stateProperty();
    }

    /** Decisions queued or being written, not yet committed (or kept on this machine). */
    public javafx.beans.property.ReadOnlyIntegerProperty unsavedProperty() {
        return writer.unsavedProperty();
    }

    /** The label writer (tests follow its counts). */
    LabelWriter writer() {
        return writer;
    }

    public BooleanProperty retrainingProperty() {
        return retraining.runningProperty();
    }

    /** False where the analyst's role does not allow retraining (a labeler or reader on a team workspace). */
    public BooleanProperty mayRetrainProperty() {
        return mayRetrain;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObservableMap<LabelingAction, String> keys() {
        return keys.keys();
    }

    public ObservableList<SegmentationTrainer.CurvePoint> curve() {
        return curve;
    }

    /** Items waiting in the queue after the one shown. */
    public int queued() {
        return queue.size();
    }

    /** The lease that holds the address shown, on a team workspace. */
    Optional<LabelingLeases.Lease> leaseOfShown() {
        LabelingQueue.Item item = current.get();
        return item == null ? Optional.empty() : queue.lease(item.address().id());
    }
}
