package in.workbench.views.labeling;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.labeling.LabelMerge;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.labeling.LabelingQueue;
import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Labeling screen's state and actions, without any JavaFX node: the queue the models chose,
 * the address shown with its segmentation, the analyst's decisions (each saved at once in its own
 * transaction, undoable with Backspace), segment correction by keys, the key bindings (remappable,
 * kept in the workspace's settings), progress, pace, and the learning curve. Retraining runs in
 * the background after every {@link #RETRAIN_EVERY} decisions or on demand; the queue keeps going
 * meanwhile and is refilled in the background before it runs dry.
 *
 * <p>Used on the JavaFX thread only. Label writes are one small committed insert each and run
 * synchronously, so a label is on disk before the next address appears and undo follows order.
 */
public final class LabelingViewModel {

    /** What a key can do. */
    public enum Action {
        DELIVERABLE("deliverable"), UNDELIVERABLE("undeliverable"), UNSURE("unsure"), SKIP("skip"), UNDO("undo"),
        NEXT_SPAN("next span"), PREVIOUS_SPAN("previous span"), LABEL_UP("span label ↑"), LABEL_DOWN("span label ↓"),
        GROW_SPAN("grow span"), SHRINK_SPAN("shrink span"), RETRAIN("retrain now");

        private final String words;

        Action(String words) {
            this.words = words;
        }

        /** The action in the analyst's words. */
        public String words() {
            return words;
        }
    }

    /** Who is labelling: the analyst's name from the app settings, asked for once. */
    public interface Analyst {
        String name();

        /** False until the analyst has confirmed the name once. */
        boolean confirmed();

        void confirm(String name);
    }

    /** Decisions between two background retrainings. */
    public static final int RETRAIN_EVERY = 25;
    /** Queue items fetched per refill. */
    static final int QUEUE_SIZE = 60;
    /** Refill in the background when fewer than this many items are left. */
    static final int REFILL_BELOW = 15;
    /** The workspace setting holding the key bindings. */
    public static final String KEYS_SETTING = "labeling.keys";
    static final Map<Action, String> DEFAULT_KEYS = defaults();

    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;
    private final Analyst analyst;
    private final Supplier<AddressParser> parserSupplier;
    private final SegmentationTrainer.Settings retrainSettings;

    private final ObjectProperty<LabelingQueue.Item> current = new SimpleObjectProperty<>();
    private final ObjectProperty<Segmentation> segmentation = new SimpleObjectProperty<>();
    private final IntegerProperty selectedSpan = new SimpleIntegerProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty quality = new SimpleStringProperty("");
    private final BooleanProperty retraining = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final ObservableMap<Action, String> keys = FXCollections.observableMap(new EnumMap<>(Action.class));
    private final ObservableList<SegmentationTrainer.CurvePoint> curve = FXCollections.observableArrayList();

    private final Deque<LabelingQueue.Item> queue = new ArrayDeque<>();
    private final Deque<Undoable> undo = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private Workspace workspace;
    private LabelStore store;
    private AddressParser parser;
    private volatile SegmentationModel segmenter;
    private volatile DeliverabilityModel deliverability;
    private boolean edited;
    private boolean refilling;
    /** The last refill found nothing new: no more refills until an undo, a retraining or another workspace. */
    private boolean exhausted;
    private int sinceTraining;
    private static final String QUEUE = "queue";
    private static final String REFILL = "refill";
    private final ScreenUpdates updates;
    private final DeliverabilityRetraining retrainDeliverability;
    private final WorkspaceEvents events;

    /** The command line's number of cross-validation folds for deliverability (`workbench train --folds`, default 5). */
    static final int CLI_FOLDS = 5;

    /**
     * How this screen retrains the deliverability model. The window passes the Model screen's way
     * (5-fold cross-validation as on the command line, then every address rescored), so a model
     * retrained here is the model the other screens would have trained.
     */
    @FunctionalInterface
    public interface DeliverabilityRetraining {
        DeliverabilityModel retrain(Workspace ws, in.workbench.analytics.task.ProgressMonitor monitor) throws Exception;
    }

    private record Undoable(LabelStore.Decision decision, LabelingQueue.Item item, boolean edited) {
    }

    /** A screen that retrains deliverability as the command line does (5 folds) and tells no other screen (tests). */
    public LabelingViewModel(TaskRunner runner, Consumer<Throwable> onFailure, Analyst analyst, Supplier<AddressParser> parser,
            SegmentationTrainer.Settings retrainSettings) {
        this(runner, onFailure, analyst, parser, retrainSettings,
                (ws, m) -> new DeliverabilityTrainer(parser.get()).trainAndSave(ws, retrainSettings.seed(), CLI_FOLDS, m).model(),
                WorkspaceEvents.none());
    }

    /**
     * @param retrainDeliverability how the deliverability model is retrained alongside the segmenter
     * @param events where "model trained", "scores changed" and "labels changed" are published
     */
    public LabelingViewModel(TaskRunner runner, Consumer<Throwable> onFailure, Analyst analyst, Supplier<AddressParser> parser,
            SegmentationTrainer.Settings retrainSettings, DeliverabilityRetraining retrainDeliverability, WorkspaceEvents events) {
        this.runner = runner;
        this.onFailure = onFailure;
        this.analyst = analyst;
        this.parserSupplier = parser;
        this.retrainSettings = retrainSettings;
        this.retrainDeliverability = retrainDeliverability;
        this.events = events;
        this.updates = new ScreenUpdates(runner, () -> workspace, onFailure);
        keys.putAll(DEFAULT_KEYS);
    }

    private static Map<Action, String> defaults() {
        Map<Action, String> m = new EnumMap<>(Action.class);
        m.put(Action.DELIVERABLE, "D");
        m.put(Action.UNDELIVERABLE, "U");
        m.put(Action.UNSURE, "S");
        m.put(Action.SKIP, "SPACE");
        m.put(Action.UNDO, "BACK_SPACE");
        m.put(Action.NEXT_SPAN, "TAB");
        m.put(Action.PREVIOUS_SPAN, "Shift+TAB");
        m.put(Action.LABEL_UP, "UP");
        m.put(Action.LABEL_DOWN, "DOWN");
        m.put(Action.GROW_SPAN, "Shift+RIGHT");
        m.put(Action.SHRINK_SPAN, "Shift+LEFT");
        m.put(Action.RETRAIN, "R");
        return m;
    }

    /** Opens a workspace: loads the key bindings, the models and the first queue in the background. */
    public void setWorkspace(Workspace ws) {
        workspace = ws;
        refilling = false;
        updates.forget(REFILL);
        store = new LabelStore(ws);
        queue.clear();
        undo.clear();
        seen.clear();
        current.set(null);
        segmentation.set(null);
        sinceTraining = 0;
        exhausted = false;
        keys.putAll(DEFAULT_KEYS);
        ws.setting(KEYS_SETTING).ifPresent(this::readKeys);
        loading.set(true);
        message.set("Finding the addresses the models are least sure of …");
        updates.read(QUEUE, "Preparing the labeling queue", (w, m) -> {
            AddressParser p = parser != null ? parser : parserSupplier.get();
            SegmentationModel s = SegmentationModel.exists(ws.modelsDir()) ? SegmentationModel.load(ws.modelsDir()) : null;
            DeliverabilityModel d = Files.exists(ws.modelsDir().resolve(DeliverabilityModel.FILE_NAME))
                    ? DeliverabilityModel.load(ws.modelsDir()) : null;
            List<LabelingQueue.Item> items = new LabelingQueue(ws, p).build(d, s, QUEUE_SIZE, Set.of(), m);
            return new Object[] {p, s, d, items, SegmentationTrainer.learningCurve(ws)};
        }, r -> {
            parser = (AddressParser) r[0];
            segmenter = (SegmentationModel) r[1];
            deliverability = (DeliverabilityModel) r[2];
            @SuppressWarnings("unchecked")
            List<LabelingQueue.Item> items = (List<LabelingQueue.Item>) r[3];
            @SuppressWarnings("unchecked")
            List<SegmentationTrainer.CurvePoint> points = (List<SegmentationTrainer.CurvePoint>) r[4];
            curve.setAll(points);
            loading.set(false);
            enqueue(items);
            updateQuality();
            refreshProgress();
            if (current.get() == null) {
                advance();
            }
        }, e -> {
            loading.set(false);
            message.set("The labeling queue could not be prepared.");
            onFailure.accept(e);
        });
    }

    private void readKeys(String stored) {
        for (String pair : stored.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    keys.put(Action.valueOf(pair.substring(0, eq)), pair.substring(eq + 1));
                } catch (IllegalArgumentException e) {
                    // a binding of an action this version no longer has: ignored
                }
            }
        }
    }

    /** Adds new items to the end of the queue; returns how many were new. */
    private int enqueue(List<LabelingQueue.Item> items) {
        int added = 0;
        for (LabelingQueue.Item it : items) {
            if (seen.add(it.address().id())) {
                queue.addLast(it);
                added++;
            }
        }
        if (added == 0) {
            exhausted = true;
        }
        return added;
    }

    /** Shows the next address of the queue, refilling it in the background when it runs low. */
    private void advance() {
        LabelingQueue.Item next = queue.pollFirst();
        show(next);
        if (next == null) {
            message.set(workspace == null ? "Open a workspace to label addresses."
                    : refilling ? "Finding the next addresses …"
                    : "Nothing left to label: every address of this workspace has a label, or it holds no addresses yet "
                            + "(File ▸ Import… addresses.csv).");
        } else {
            message.set("");
        }
        if (queue.size() < REFILL_BELOW && !exhausted) {
            refill();
        }
    }

    private void show(LabelingQueue.Item item) {
        current.set(item);
        edited = false;
        segmentation.set(item == null ? null : item.segmentation());
        selectedSpan.set(item == null || item.segmentation().segments().isEmpty() ? -1 : 0);
    }

    private void refill() {
        if (refilling || workspace == null || parser == null) {
            return;
        }
        refilling = true;
        Set<String> exclude = new HashSet<>(seen);
        SegmentationModel s = segmenter;
        DeliverabilityModel d = deliverability;
        AddressParser p = parser;
        updates.read(REFILL, "Refilling the labeling queue", (ws, m) -> new LabelingQueue(ws, p).build(d, s, QUEUE_SIZE, exclude, m), items -> {
            refilling = false;
            enqueue(items);
            if (current.get() == null) {
                advance();
            }
        }, e -> {
            refilling = false;
            onFailure.accept(e);
        });
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
     * the key is bound to an action (the view then consumes the event).
     */
    public boolean handleKey(String key, boolean shift) {
        String pressed = (shift ? "Shift+" : "") + key;
        for (Map.Entry<Action, String> e : keys.entrySet()) {
            if (e.getValue().equals(pressed)) {
                perform(e.getKey());
                return true;
            }
        }
        if (shift) {
            for (Map.Entry<Action, String> e : keys.entrySet()) {
                if (e.getValue().equals(key) && key.length() == 1) {
                    perform(e.getKey());
                    return true;
                }
            }
        }
        return false;
    }

    /** Performs an action. */
    public void perform(Action action) {
        switch (action) {
            case DELIVERABLE -> decide("deliverable");
            case UNDELIVERABLE -> decide("undeliverable");
            case UNSURE -> decide("unsure");
            case SKIP -> {
                if (current.get() != null) {
                    advance();
                }
            }
            case UNDO -> undoLast();
            case NEXT_SPAN -> moveSelection(1);
            case PREVIOUS_SPAN -> moveSelection(-1);
            case LABEL_UP -> relabel(false);
            case LABEL_DOWN -> relabel(true);
            case GROW_SPAN -> moveEdge(true);
            case SHRINK_SPAN -> moveEdge(false);
            case RETRAIN -> retrain();
            default -> throw new IllegalStateException(action.name());
        }
    }

    private void decide(String label) {
        LabelingQueue.Item item = current.get();
        if (item == null || store == null) {
            return;
        }
        String segments = edited ? segmentation.get().format() : null;
        try {
            LabelStore.Decision d = store.decide(item.addressIds(), label, segments, analyst.name());
            undo.push(new Undoable(d, new LabelingQueue.Item(item.address(), item.duplicates(), item.deliverability(),
                    segmentation.get(), item.priority(), item.why()), edited));
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return;
        }
        sinceTraining++;
        events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.LABELS_CHANGED, workspace, "address"));
        refreshProgress();
        advance();
        if (sinceTraining >= RETRAIN_EVERY && !retraining.get()) {
            retrain();
        }
    }

    private void undoLast() {
        Undoable last = undo.poll();
        if (last == null) {
            undoEarlier();
            return;
        }
        try {
            store.undo(last.decision().id());
        } catch (RuntimeException e) {
            undo.push(last);
            onFailure.accept(e);
            return;
        }
        LabelingQueue.Item shown = current.get();
        if (shown != null) {
            queue.addFirst(shown);
        }
        show(last.item());
        edited = last.edited();
        exhausted = false;
        sinceTraining = Math.max(0, sinceTraining - 1);
        message.set("Undone: the " + last.decision().label() + " label of " + last.decision().addressIds().size()
                + (last.decision().addressIds().size() == 1 ? " address" : " addresses") + ". Decide it again.");
        refreshProgress();
    }

    /**
     * Backspace with nothing left to undo in this session walks back through the analyst's
     * decisions of earlier sessions, newest first: the decision is undone and its addresses shown
     * to be decided again.
     */
    private void undoEarlier() {
        if (store == null || parser == null) {
            message.set("Nothing to undo.");
            return;
        }
        try {
            List<LabelStore.Decision> earlier = store.recentDecisions(analyst.name(), 1);
            if (earlier.isEmpty()) {
                message.set("Nothing to undo: " + analyst.name() + " has no decisions left in this workspace.");
                return;
            }
            LabelStore.Decision d = earlier.get(0);
            String when = d.at() == null ? "an earlier session"
                    : d.at().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(java.time.format.DateTimeFormatter.ofPattern("d MMM HH:mm"));
            var item = new LabelingQueue(workspace, parser).itemFor(d.addressIds(), deliverability, segmenter, "decided " + when
                    + ", undone to decide again");
            store.undo(d.id());
            LabelingQueue.Item shown = current.get();
            if (shown != null) {
                queue.addFirst(shown);
            }
            if (item.isPresent()) {
                show(item.get());
                message.set("Undone from " + when + ": the " + d.label() + " label of " + d.addressIds().size()
                        + (d.addressIds().size() == 1 ? " address" : " addresses") + ". Decide it again.");
            } else {
                advance();
                message.set("Undone from " + when + ": the " + d.label() + " label; its addresses are no longer in the workspace.");
            }
            exhausted = false;
            refreshProgress();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    private void moveSelection(int step) {
        Segmentation s = segmentation.get();
        if (s == null || s.segments().isEmpty()) {
            return;
        }
        int n = s.segments().size();
        selectedSpan.set(Math.floorMod(selectedSpan.get() + step, n));
    }

    private void relabel(boolean down) {
        Segmentation s = segmentation.get();
        int i = selectedSpan.get();
        if (s == null || i < 0 || i >= s.segments().size()) {
            return;
        }
        SegmentLabel old = s.segments().get(i).label();
        SegmentLabel next = down ? old.next() : old.previous();
        Segmentation changed = s.relabel(i, next);
        edited = true;
        segmentation.set(changed);
        selectedSpan.set(indexOfToken(changed, s.segments().get(i).firstToken()));
    }

    private void moveEdge(boolean grow) {
        Segmentation s = segmentation.get();
        int i = selectedSpan.get();
        if (s == null || i < 0 || i >= s.segments().size()) {
            return;
        }
        int first = s.segments().get(i).firstToken();
        Segmentation changed = s.moveRightEdge(i, grow);
        edited = true;
        segmentation.set(changed);
        selectedSpan.set(indexOfToken(changed, first));
    }

    private static int indexOfToken(Segmentation s, int token) {
        var segs = s.segments();
        for (int k = 0; k < segs.size(); k++) {
            if (segs.get(k).firstToken() <= token && token <= segs.get(k).lastToken()) {
                return k;
            }
        }
        return segs.isEmpty() ? -1 : 0;
    }

    /** Retrains the segmenter (and the deliverability model, if the workspace has one) in the background. */
    public void retrain() {
        if (workspace == null || parser == null || retraining.get()) {
            return;
        }
        retraining.set(true);
        sinceTraining = 0;
        Workspace ws = workspace;
        AddressParser p = parser;
        boolean withDeliverability = deliverability != null;
        runner.submit(TaskRunner.Lane.LONG, "Retraining on the analysts' labels", m -> {
            SegmentationTrainer.Result r = new SegmentationTrainer(p).trainAndSave(ws, retrainSettings, m);
            DeliverabilityModel d = null;
            if (withDeliverability) {
                d = retrainDeliverability.retrain(ws, m);
            }
            return new Object[] {r.model(), d, SegmentationTrainer.learningCurve(ws)};
        }, r -> {
            retraining.set(false);
            events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.MODEL_TRAINED, ws, SegmentationTrainer.MODEL_NAME));
            if (r[1] != null) {
                events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.MODEL_TRAINED, ws, DeliverabilityTrainer.MODEL_NAME));
                events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.SCORES_CHANGED, ws, DeliverabilityTrainer.MODEL_NAME));
            }
            if (ws != workspace) {
                return;
            }
            segmenter = (SegmentationModel) r[0];
            exhausted = false;
            if (r[1] != null) {
                deliverability = (DeliverabilityModel) r[1];
            }
            @SuppressWarnings("unchecked")
            List<SegmentationTrainer.CurvePoint> points = (List<SegmentationTrainer.CurvePoint>) r[2];
            curve.setAll(points);
            updateQuality();
        }, e -> {
            retraining.set(false);
            onFailure.accept(e);
        });
    }

    private void updateQuality() {
        if (curve.isEmpty()) {
            quality.set("Segmenter: not trained yet (weak labels shown). It trains after " + RETRAIN_EVERY + " labels, or press "
                    + keyText(keys.get(Action.RETRAIN)) + ".");
            return;
        }
        SegmentationTrainer.CurvePoint last = curve.get(curve.size() - 1);
        quality.set(last.spanF1() == null
                ? String.format(Locale.ROOT, "Segmenter: no held-out corrections yet (agrees with the weak labels at span F1 %.2f). "
                        + "Correct segments to measure it.", last.weakAgreementF1())
                : String.format(Locale.ROOT, "Segmenter: span F1 %.2f on %d held-out corrected addresses (trained with %d labels).",
                        last.spanF1(), last.heldOut(), last.analystLabels()));
    }

    private void refreshProgress() {
        if (store == null) {
            return;
        }
        try {
            LabelStore.Progress p = store.progress(analyst.name());
            progress.set(String.format(Locale.ROOT, "%,d of %,d addresses labelled · %s: %d today · %.1f labels/min", p.labelledAddresses(),
                    p.addresses(), analyst.name(), p.analystLabelsToday(), p.labelsPerMinute()));
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    /** Binds an action to another key (stored in the workspace); a key bound elsewhere is taken from the other action. */
    public void rebind(Action action, String key) {
        for (Map.Entry<Action, String> e : Map.copyOf(keys).entrySet()) {
            if (e.getValue().equals(key) && e.getKey() != action) {
                keys.put(e.getKey(), keys.get(action));
            }
        }
        keys.put(action, key);
        saveKeys();
    }

    /** Restores the default keys. */
    public void resetKeys() {
        keys.putAll(DEFAULT_KEYS);
        saveKeys();
    }

    private void saveKeys() {
        if (workspace == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        keys.forEach((a, k) -> sb.append(sb.length() == 0 ? "" : ";").append(a.name()).append('=').append(k));
        try {
            workspace.putSetting(KEYS_SETTING, sb.toString());
        } catch (RuntimeException e) {
            onFailure.accept(e);
        }
    }

    /** A key as the screen shows it: "Space", "⌫", "Shift+Tab". */
    public static String keyText(String key) {
        if (key == null) {
            return "";
        }
        boolean shift = key.startsWith("Shift+");
        String k = shift ? key.substring(6) : key;
        String shown = switch (k) {
            case "SPACE" -> "Space";
            case "BACK_SPACE" -> "⌫ Backspace";
            case "TAB" -> "Tab";
            case "UP" -> "↑";
            case "DOWN" -> "↓";
            case "LEFT" -> "←";
            case "RIGHT" -> "→";
            case "ENTER" -> "Enter";
            default -> k.length() == 1 ? k : k.charAt(0) + k.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return (shift ? "Shift+" : "") + shown;
    }

    /** Exports the workspace's labels as address_labels.csv in the background. */
    public void exportLabels(Path file, Consumer<String> done) {
        LabelStore s = store;
        if (s == null) {
            return;
        }
        runner.submit("Exporting labels", m -> s.exportCsv(file), rows -> done.accept(String.format(Locale.ROOT,
                "Wrote %,d labels to %s.", rows, file)), onFailure);
    }

    /** Merges another analyst's address_labels.csv: agreement first, then the import; {@code done} gets the result. */
    public void mergeLabels(Path file, Consumer<LabelMerge.Result> done) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        runner.submit("Merging labels from " + file.getFileName(), m -> new LabelMerge(ws).merge(file, m), r -> {
            refreshProgress();
            done.accept(r);
        }, onFailure);
    }

    public ObjectProperty<LabelingQueue.Item> currentProperty() {
        return current;
    }

    public ObjectProperty<Segmentation> segmentationProperty() {
        return segmentation;
    }

    public IntegerProperty selectedSpanProperty() {
        return selectedSpan;
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

    public BooleanProperty retrainingProperty() {
        return retraining;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public ObservableMap<Action, String> keys() {
        return keys;
    }

    public ObservableList<SegmentationTrainer.CurvePoint> curve() {
        return curve;
    }

    /** Items waiting in the queue after the one shown. */
    public int queued() {
        return queue.size();
    }
}
