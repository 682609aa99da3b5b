package in.workbench.app.desktop;

import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.Main;
import in.workbench.views.shell.DialogService;
import in.workbench.views.task.Failures;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The workspace the window shows: opens one on a worker, shows it (remembering a local one as the
 * last and most recent in the settings), closes the one it replaces, and keeps the current one
 * open when another fails to open. Used on the JavaFX thread.
 */
final class CurrentWorkspace {

    /** Told on the JavaFX thread when a workspace is shown; {@code first} for the window's first one. */
    interface Shown {
        void shown(Workspace workspace, boolean first);
    }

    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final Shown onShown;
    private Workspace workspace;

    CurrentWorkspace(TaskRunner runner, DialogService dialogs, SettingsStore settings, Shown onShown) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.onShown = onShown;
    }

    /** The workspace shown now, or null before the first one is open. */
    Workspace get() {
        return workspace;
    }

    /** Opens a workspace folder in the background; on failure the current one stays open. */
    void open(Path folder) {
        runner.submit("Opening " + folder.getFileName(), m -> Workspace.open(folder), this::show, e -> dialogs.showError(
                Failures.sentenceFor(e) + stillOpen(), e));
    }

    /** The sentence that tells the analyst the current workspace is still there after a failure. */
    String stillOpen() {
        return workspace == null ? "" : " The workspace " + workspace.folder().getFileName() + " stays open.";
    }

    /** Shows a workspace that is already open, in place of the current one. */
    void show(Workspace opened) {
        Workspace previous = workspace;
        workspace = opened;
        if (opened.server().isEmpty()) {
            settings.change(s -> s.opened(opened.folder()));
        }
        onShown.shown(opened, previous == null);
        if (previous != null && !previous.folder().equals(opened.folder())) {
            previous.close();
        }
    }

    /**
     * Opens the window's first workspace: the one named on the command line, else the last one,
     * else the sample workspace in {@code home}, built from the bundled sample the first time.
     *
     * @param message shows a sentence in place of the screens while the sample is built
     */
    void openAtStart(Path home, ImportHooks hooks, Consumer<String> message) {
        String requested = System.getProperty(Main.OPEN_WORKSPACE_PROPERTY);
        String last = settings.current().lastWorkspace;
        if (requested != null) {
            open(Path.of(requested));
        } else if (last != null && SampleWorkspace.exists(Path.of(last))) {
            open(Path.of(last));
        } else {
            Path sample = home.resolve("workspaces").resolve("sample");
            if (SampleWorkspace.exists(sample)) {
                open(sample);
            } else {
                message.accept("Preparing the sample workspace (a copy of the bundled sample) in " + sample + " …");
                runner.submit("Creating the sample workspace", m -> SampleWorkspace.create(sample, hooks.all(), m), this::show, e -> {
                    message.accept("The sample workspace could not be created. Use File ▸ New workspace to start an empty one.");
                    dialogs.showError(Failures.sentenceFor(e), e);
                });
            }
        }
    }

    /** Closes the workspace shown now (on quit). */
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
