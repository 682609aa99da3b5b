package in.workbench.views.shell;

import in.workbench.analytics.workspace.Workspace;
import java.util.Map;
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

    /**
     * Shows what another screen asked for (see {@link Navigator}); keys are screen-defined,
     * such as {@code state} or {@code category}. The default ignores the filter.
     */
    default void applyFilter(Map<String, String> filter) {
    }
}
