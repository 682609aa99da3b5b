package in.workbench.views.shell;

import in.workbench.views.task.RunningTask;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom bar: the workspace, and the running task's title, progress, message and Cancel. */
public final class StatusBar extends HBox {

    private final Label workspace = new Label();
    private final Label task = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");

    public StatusBar(ObjectProperty<RunningTask> current) {
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        progress.setPrefWidth(180);
        progress.setVisible(false);
        cancel.setVisible(false);
        cancel.setId("cancelTask");
        // A long task message or workspace path shrinks, never the Cancel button.
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(120);
        task.setId("taskMessage");
        workspace.setId("workspaceLocation");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(workspace, spacer, task, progress, cancel);
        current.addListener((obs, old, now) -> follow(now));
    }

    public void setWorkspace(String text) {
        workspace.setText(text);
    }

    private void follow(RunningTask t) {
        if (t == null) {
            return;
        }
        task.textProperty().bind(t.titleProperty().concat(" — ").concat(t.messageProperty()));
        progress.progressProperty().bind(t.progressProperty());
        progress.visibleProperty().bind(t.runningProperty());
        cancel.visibleProperty().bind(t.runningProperty());
        cancel.setOnAction(e -> t.cancel());
    }
}
