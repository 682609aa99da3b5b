package in.workbench.views.shell;

import java.util.Map;

/**
 * A view model that opens on what another screen asked for ({@link Navigator}): a drill-down such as
 * {@code {"state": "Kerala"}} or {@code {"category": "Footwear", "kind": "conflict"}}. A
 * {@link WorkspaceScreen} whose view model is one hands the filter on by itself, so the screen
 * declares nothing for it. Used on the JavaFX thread.
 */
public interface OpensFiltered {

    /** Shows what {@code filter} asks for; the keys are the view model's own, unknown keys are ignored. */
    void applyFilter(Map<String, String> filter);
}
