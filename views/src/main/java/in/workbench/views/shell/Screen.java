package in.workbench.views.shell;

import in.workbench.analytics.workspace.Workspace;
import javafx.scene.Node;

/**
 * A screen of the main window's navigation. Adding a screen is one line in the app's wiring.
 * Screens are created and used on the JavaFX thread.
 */
public interface Screen {

    /** The name in the navigation list. */
    String title();

    /** The screen's content. */
    Node view();

    /** Called on the JavaFX thread when another workspace is opened. */
    void onWorkspaceChanged(Workspace workspace);
}
