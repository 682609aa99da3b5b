package in.workbench.app.desktop;

import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.Main;
import in.workbench.app.sample.SampleWorld;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The window's first workspace, opened on a thread of its own as soon as the window's JVM starts,
 * while JavaFX starts and the window is laid out (opening needs no toolkit): the one named on the
 * command line, else the last one, else the marketplace sample once it exists. Making the sample on the
 * first start (unpacking or building it) is left to the window, which shows its progress. Opening is
 * {@link Workspace#open(Path)} as always, with all its checks.
 *
 * <p>{@code Application.launch} creates the application itself, so the launcher hands the opening
 * over through {@link #startFor} and {@link #take}: one per JVM. Thread-safe.
 */
final class EarlyWorkspace {

    private static volatile EarlyWorkspace started;

    private final Path folder;
    private final CompletableFuture<Workspace> opened = new CompletableFuture<>();

    private EarlyWorkspace(Path folder) {
        this.folder = folder;
    }

    /**
     * Starts opening the window's first workspace on a daemon thread and keeps it for the window
     * ({@link #take}); does nothing when the first workspace is the sample and it has not been made yet.
     */
    static void startFor(Path home) {
        Path folder = firstFolder(home, SettingsStore.in(home).current().lastWorkspace);
        if (folder == null) {
            folder = SampleWorld.MARKETPLACE.folderIn(home);
            if (!CurrentWorkspace.holdsWorkspace(folder)) {
                // The first start: unpacking the sample (or building it) competes with JavaFX for the processor while
                // its classes are read without the class archive (bench startup: the window 6 s later at load 8-10),
                // so the window starts it once it is up, as before.
                return;
            }
        }
        EarlyWorkspace early = new EarlyWorkspace(folder);
        Thread t = new Thread(early::open, "workbench-open-first-workspace");
        t.setDaemon(true);
        t.start();
        started = early;
    }

    /**
     * The folder of the window's first workspace when it is not the marketplace sample: the one named
     * on the command line, else the last one if it still holds a workspace; null for the sample.
     */
    static Path firstFolder(Path home, String lastWorkspace) {
        String requested = System.getProperty(Main.OPEN_WORKSPACE_PROPERTY);
        if (requested != null) {
            return Path.of(requested);
        }
        if (lastWorkspace != null && CurrentWorkspace.holdsWorkspace(Path.of(lastWorkspace))) {
            return Path.of(lastWorkspace);
        }
        return null;
    }

    private void open() {
        StartupProbe.phase("first workspace opening on its own thread");
        try {
            opened.complete(Workspace.open(folder));
            StartupProbe.phase("first workspace open on its own thread");
        } catch (Throwable e) {
            opened.completeExceptionally(e);
        }
    }

    /** The opening started for this JVM's window, once: later calls (and windows started otherwise, as in tests) get none. */
    static Optional<EarlyWorkspace> take() {
        EarlyWorkspace early = started;
        started = null;
        return Optional.ofNullable(early);
    }

    /** The folder being opened. */
    Path folder() {
        return folder;
    }

    /** Waits for the workspace; throws what opening it threw. */
    Workspace await() throws Exception {
        try {
            return opened.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
