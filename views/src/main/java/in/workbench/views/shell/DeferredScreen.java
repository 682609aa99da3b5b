package in.workbench.views.shell;

import in.workbench.analytics.workspace.Workspace;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * A screen of the navigation that is built when it is first needed: when it is shown, when another
 * screen opens it with a filter, when the app asks for it, or when the main window prepares the
 * screens not shown yet, a few at a time, after the window is on screen. Until then it only
 * remembers the workspace it is to show, so starting the window builds one screen before it is
 * shown, not sixteen; or, made with {@link #loadingFirst}, it makes its view model and starts its
 * reads when a workspace is shown, so the reads of every screen start then and not when its nodes
 * are built. Used on the JavaFX thread.
 *
 * @param <S> the screen it builds
 */
public final class DeferredScreen<S extends Screen> implements Screen {

    private final String title;
    private final Supplier<S> factory;
    /** Starts the screen's reads for a workspace before its nodes exist; null when only the built screen loads. */
    private final Consumer<Workspace> loadBeforeBuilt;
    private S screen;
    private Workspace workspace;
    /** The workspace {@link #loadBeforeBuilt} was last given (the built screen is not given it again). */
    private Workspace loaded;
    private boolean early;

    /**
     * @param title the navigation title (the built screen must have the same one)
     * @param factory builds the screen; called at most once, on the JavaFX thread
     */
    public DeferredScreen(String title, Supplier<S> factory) {
        this(title, factory, null);
    }

    private DeferredScreen(String title, Supplier<S> factory, Consumer<Workspace> loadBeforeBuilt) {
        this.title = title;
        this.factory = factory;
        this.loadBeforeBuilt = loadBeforeBuilt;
    }

    /**
     * A screen whose view model is made, and given each workspace (so its reads start), as soon as a
     * workspace is shown, while its nodes are built only when the screen is first needed, from that view
     * model: the view shows what the view model has already loaded. For screens whose view applies the
     * view model's current state when built, not only its later changes.
     *
     * @param model makes the view model; called at most once, on the JavaFX thread
     * @param open what a workspace does to the view model (as the screen's own {@link WorkspaceScreen} does)
     * @param view builds the screen on the view model; called at most once, on the JavaFX thread
     */
    public static <M, S extends WorkspaceScreen<M>> DeferredScreen<S> loadingFirst(String title, Supplier<M> model,
            java.util.function.BiConsumer<M, Workspace> open, java.util.function.Function<M, S> view) {
        Supplier<M> once = new Supplier<>() {
            private M made;

            @Override
            public M get() {
                if (made == null) {
                    made = model.get();
                }
                return made;
            }
        };
        return new DeferredScreen<>(title, () -> view.apply(once.get()), ws -> open.accept(once.get(), ws));
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
        } else if (loadBeforeBuilt != null) {
            loaded = workspace;
            loadBeforeBuilt.accept(workspace);
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
            if (workspace != null && workspace != loaded) {
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
