package in.workbench.app.desktop;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the object graph and shows the main window. */
public final class WorkbenchApplication extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Workbench");
        stage.setScene(new Scene(new Label("Workbench"), 1200, 800));
        stage.show();
    }
}
