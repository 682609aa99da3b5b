package in.workbench.views.shell;

import in.workbench.analytics.workspace.Workspace;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A screen that shows one view model: its title, the view model, and what a newly opened workspace
 * does to it (load it, or open the shared session on it). Screens extend this and add their nodes
 * ({@link #view()}); a filter from another screen goes to the view model when it {@link OpensFiltered}
 * (a screen that reads filters otherwise overrides {@link #applyFilter}). Used on the JavaFX thread.
 *
 * @param <M> the screen's view model
 */
public abstract class WorkspaceScreen<M> implements Screen {

    private final String title;
    private final BiConsumer<M, Workspace> open;
    /** The screen's view model. */
    protected final M model;

    /**
     * @param title the navigation title
     * @param model the view model the screen shows
     * @param open what opening a workspace does to the view model (e.g. {@code FooViewModel::setWorkspace})
     */
    protected WorkspaceScreen(String title, M model, BiConsumer<M, Workspace> open) {
        this.title = title;
        this.model = model;
        this.open = open;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        open.accept(model, workspace);
    }

    /** Hands {@code filter} to the view model when it {@link OpensFiltered}; otherwise ignores it. */
    @Override
    public void applyFilter(Map<String, String> filter) {
        if (model instanceof OpensFiltered target) {
            target.applyFilter(filter);
        }
    }

    /** The view model (the app's wiring and the tests use it). */
    public final M model() {
        return model;
    }
}
