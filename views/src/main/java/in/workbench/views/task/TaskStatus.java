package in.workbench.views.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status-bar side of a task (title, progress, message, running) held in read-only properties
 * that the runner sets: the one {@link RunningTask} every task runner hands out. A runner whose
 * work can be stopped overrides {@link #cancel()}; by default cancelling does nothing, for work
 * that has already finished or that a test finishes. Not thread-safe: set it on the thread that
 * shows it (the JavaFX thread in the window).
 */
public class TaskStatus implements RunningTask {

    private final ReadOnlyStringWrapper title;
    private final ReadOnlyDoubleWrapper progress;
    private final ReadOnlyStringWrapper message;
    private final ReadOnlyBooleanWrapper running;

    /**
     * @param progress 0–1, or -1 while unknown
     */
    protected TaskStatus(String title, double progress, String message, boolean running) {
        this.title = new ReadOnlyStringWrapper(title);
        this.progress = new ReadOnlyDoubleWrapper(progress);
        this.message = new ReadOnlyStringWrapper(message);
        this.running = new ReadOnlyBooleanWrapper(running);
    }

    /** Work that is still running, with progress unknown and no message yet. */
    public static TaskStatus running(String title) {
        return new TaskStatus(title, -1, "", true);
    }

    /** Work that has already ended, with its last message ("" when it succeeded). */
    public static TaskStatus finished(String title, String message) {
        return new TaskStatus(title, 1, message, false);
    }

    /** Sets the progress (0–1, or -1 while unknown) and the message, while the work is still running. */
    protected final void report(double fraction, String text) {
        if (running.get()) {
            progress.set(fraction);
            message.set(text == null ? "" : text);
        }
    }

    /** Ends the work: done (progress 1, "done.") when {@code finalMessage} is null, else stopped with that message. */
    protected final void finish(String finalMessage) {
        running.set(false);
        progress.set(finalMessage == null ? 1 : 0);
        message.set(finalMessage == null ? "done." : finalMessage);
    }

    /** Shows {@code text} as the message, whatever the state. */
    protected final void say(String text) {
        message.set(text);
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    @Override
    public void cancel() {
        // nothing left to stop
    }
}
