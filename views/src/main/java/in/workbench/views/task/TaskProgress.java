package in.workbench.views.task;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * A progress bar, a status line and a Cancel button that follow whichever background task a
 * screen is running: each new task's progress and message are shown, Cancel cancels the current
 * one. The screen lays the three nodes out itself. Used on the JavaFX thread only.
 */
public final class TaskProgress {

    private final ProgressBar bar = new ProgressBar();
    private final Label status = new Label();
    private final Button cancel = new Button("Cancel");

    /**
     * @param task the screen's current task (null when none runs)
     * @param width the progress bar's preferred width
     */
    public TaskProgress(ObservableValue<RunningTask> task, double width) {
        bar.setPrefWidth(width);
        cancel.setOnAction(e -> {
            RunningTask t = task.getValue();
            if (t != null) {
                t.cancel();
            }
        });
        task.addListener((o, before, now) -> follow(now));
        follow(task.getValue());
    }

    /** Follows {@code t}; with no task, an empty bar (not the toolkit's endless "working" animation) and no Cancel. */
    private void follow(RunningTask t) {
        bar.progressProperty().unbind();
        status.textProperty().unbind();
        cancel.setDisable(t == null);
        if (t != null) {
            bar.progressProperty().bind(t.progressProperty());
            status.textProperty().bind(t.messageProperty());
        } else {
            bar.setProgress(0);
        }
    }

    public ProgressBar bar() {
        return bar;
    }

    public Label status() {
        return status;
    }

    public Button cancel() {
        return cancel;
    }
}
