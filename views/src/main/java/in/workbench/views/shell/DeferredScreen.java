package in.workbench.views.shell;

import in.workbench.analytics.workspace.Workspace;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A screen of the navigation that is built when it is first needed: when it is shown, when another
 * screen opens it with a filter, when the app asks for it, or when the main window prepares the
 * screens not shown yet, one at a time, after the window is on screen. Until then it only
 * remembers the workspace it is to show, so starting the window builds and loads one screen, not
 * sixteen. Used on the JavaFX thread.
 *
 * @param <S> the screen it builds
 */
public final class DeferredScreen<S extends Screen> implements Screen {

    private final String title;
    private final Supplier<S> factory;
    private S screen;
    private Workspace workspace;
    private boolean early;

    /**
     * @param title the navigation title (the built screen must have the same one)
     * @param factory builds the screen; called at most once, on the JavaFX thread
     */
    public DeferredScreen(String title, Supplier<S> factory) {
        this.title = title;
        this.factory = factory;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node view() {
        return get().view();
    }

    /** Before the screen is built, remembers the workspace; after, passes it on. */
    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        this.workspace = workspace;
        if (screen != null) {
            screen.onWorkspaceChanged(workspace);
        }
    }

    @Override
    public void applyFilter(Map<String, String> filter) {
        get().applyFilter(filter);
    }

    /** The screen, built now (and given the workspace it is to show) if it was not yet. */
    public S get() {
        if (screen == null) {
            S built = factory.get();
            if (!built.title().equals(title)) {
                throw new IllegalStateException("the screen built for \"" + title + "\" is titled \"" + built.title() + "\"");
            }
            screen = built;
            if (workspace != null) {
                screen.onWorkspaceChanged(workspace);
            }
        }
        return screen;
    }

    /** Whether the screen has been built. */
    public boolean built() {
        return screen != null;
    }

    /**
     * Marks a screen whose first reads take long (models, plans, rankings): the main window builds it
     * before the others it prepares, so its reads start while the cheap screens are still being built.
     *
     * @return this screen
     */
    public DeferredScreen<S> preparedEarly() {
        early = true;
        return this;
    }

    /** Whether the main window builds this screen before the others it prepares. */
    public boolean early() {
        return early;
    }

    /** The title, as the navigation list and logs show it. */
    @Override
    public String toString() {
        return title;
    }

    /** Runs {@code action} on the screen if it has been built (a screen not built yet needs none: it loads when built). */
    public void whenBuilt(Consumer<? super S> action) {
        if (screen != null) {
            action.accept(screen);
        }
    }
}
