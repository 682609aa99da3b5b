package in.workbench.views.labeling;

import in.workbench.views.task.TaskRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Writes the Labeling screen's decisions and undos off the JavaFX thread, one at a time and in
 * the order the analyst made them: a key press only queues its write, so the window never waits
 * for the database, and a decision counts as saved only when its write has returned (committed in
 * the workspace). {@link #stateProperty()} says so in one sentence: saving, waiting to be sent,
 * or saved.
 *
 * <p>Used on the JavaFX thread only; the writes run in the task runner's quick lane.
 */
public final class LabelWriter {

    /** One write: runs on a worker against the sink it was queued for. */
    @FunctionalInterface
    public interface Write<T> {
        T run(LabelSink sink) throws Exception;
    }

    private record Job<T>(LabelSink sink, String title, Write<T> write, Consumer<T> done, Consumer<Throwable> failed, boolean decision) {
    }

    /** A write's result, and how many decisions wait on this machine after it. */
    private record Written<T>(T result, int waiting) {
    }

    private final TaskRunner runner;
    private final Deque<Job<?>> queued = new ArrayDeque<>();
    private final IntegerProperty unsaved = new SimpleIntegerProperty();
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final IntegerProperty saved = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private boolean busy;

    public LabelWriter(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Queues a decision's save; {@code done} gets the number of decisions still waiting on this
     * machine once the write returned.
     */
    public void save(LabelSink sink, String title, Write<Integer> write, Consumer<Integer> done, Consumer<Throwable> failed) {
        unsaved.set(unsaved.get() + 1);
        describe();
        enqueue(new Job<>(sink, title, write, done, failed, true));
    }

    /** Queues other work on the labels (an undo, sending what waits) behind the decisions queued before it. */
    public <T> void then(LabelSink sink, String title, Write<T> write, Consumer<T> done, Consumer<Throwable> failed) {
        enqueue(new Job<>(sink, title, write, done, failed, false));
    }

    /** Sets how many decisions wait on this machine (after a send). */
    public void waiting(int n) {
        waiting.set(n);
        describe();
    }

    /** Starts counting this session's saved decisions again (another workspace). Queued writes still run. */
    public void newSession() {
        saved.set(0);
        waiting.set(0);
        describe();
    }

    private void enqueue(Job<?> job) {
        queued.addLast(job);
        pump();
    }

    private void pump() {
        if (busy || queued.isEmpty()) {
            return;
        }
        busy = true;
        start(queued.pollFirst());
    }

    private <T> void start(Job<T> job) {
        runner.submit(TaskRunner.Lane.QUICK, job.title(), m -> {
            T r = job.write().run(job.sink());
            return new Written<>(r, job.sink().waiting());
        }, w -> {
            if (job.decision()) {
                saved.set(saved.get() + 1);
            }
            waiting.set(w.waiting());
            finish(job);
            job.done().accept(w.result());
            pump();
        }, e -> {
            finish(job);
            job.failed().accept(e);
            pump();
        });
    }

    private void finish(Job<?> job) {
        busy = false;
        if (job.decision()) {
            unsaved.set(unsaved.get() - 1);
        }
        describe();
    }

    private void describe() {
        int u = unsaved.get();
        int w = waiting.get();
        if (u > 0) {
            state.set(String.format(Locale.ROOT, "Saving %d %s …", u, u == 1 ? "label" : "labels"));
        } else if (w > 0) {
            state.set(String.format(Locale.ROOT, "%d %s waiting to be sent: the team workspace cannot be reached. They are kept on this "
                    + "machine and sent when it returns.", w, w == 1 ? "label" : "labels"));
        } else if (saved.get() > 0) {
            state.set(String.format(Locale.ROOT, "Saved: all %d %s of this session.", saved.get(), saved.get() == 1 ? "label" : "labels"));
        } else {
            state.set("");
        }
    }

    /** Decisions queued or being written, not yet committed or kept. */
    public ReadOnlyIntegerProperty unsavedProperty() {
        return unsaved;
    }

    /** Decisions kept on this machine until the team workspace can be reached. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting;
    }

    /** One sentence: saving, waiting to be sent, or saved. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
