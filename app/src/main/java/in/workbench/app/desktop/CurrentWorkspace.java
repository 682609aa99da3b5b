package in.workbench.app.desktop;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.sample.SampleWorld;
import in.workbench.views.shell.DialogService;
import in.workbench.views.task.Failures;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The workspace the window shows: opens one on a worker, shows it (remembering a local one as the
 * last and most recent in the settings), closes the one it replaces, and keeps the current one
 * open when another fails to open. Makes the sample workspaces the first time they are asked for.
 * Used on the JavaFX thread.
 */
final class CurrentWorkspace {

    /** Told on the JavaFX thread when a workspace is shown; {@code first} for the window's first one. */
    interface Shown {
        void shown(Workspace workspace, boolean first);
    }

    private final TaskRunner runner;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final Path home;
    private final ImportHooks hooks;
    private final Supplier<AddressParser> parser;
    private final Shown onShown;
    private Workspace workspace;

    /**
     * @param home the workbench home, where the sample workspaces are made
     * @param hooks and {@code parser}: what making a sample workspace imports and trains with
     */
    CurrentWorkspace(TaskRunner runner, DialogService dialogs, SettingsStore settings, Path home, ImportHooks hooks,
            Supplier<AddressParser> parser, Shown onShown) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.settings = settings;
        this.home = home;
        this.hooks = hooks;
        this.parser = parser;
        this.onShown = onShown;
    }

    /** True when {@code folder} holds a workspace. */
    static boolean holdsWorkspace(Path folder) {
        return Files.exists(folder.resolve(Workspace.DATABASE_NAME + ".mv.db"));
    }

    /** The workspace shown now, or null before the first one is open. */
    Workspace get() {
        return workspace;
    }

    /** Opens a workspace folder in the background; on failure the current one stays open. */
    void open(Path folder) {
        runner.submit("Opening " + folder.getFileName(), m -> Workspace.open(folder), this::show,
                e -> dialogs.showError(Failures.sentenceFor(e) + stillOpen(), e));
    }

    private String stillOpen() {
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
            // Closing compacts the file, seconds on a large workspace: a worker does it, so the window never waits.
            runner.submit("Closing " + previous.folder().getFileName(), m -> {
                previous.close();
                return previous;
            }, closed -> { }, e -> dialogs.showError(Failures.sentenceFor(e), e));
        }
    }

    /**
     * Opens the window's first workspace: the one named on the command line, else the last one,
     * else the marketplace sample (made the first time).
     *
     * @param message shows a sentence in place of the screens while the sample is made
     */
    void openAtStart(Consumer<String> message) {
        java.util.Optional<EarlyWorkspace> early = EarlyWorkspace.take();
        if (early.isPresent()) {
            // Opening started when the window's JVM did (DesktopLauncher): wait for it on a worker.
            EarlyWorkspace opening = early.get();
            runner.submit("Opening " + opening.folder().getFileName(), m -> opening.await(), this::show,
                    e -> dialogs.showError(Failures.sentenceFor(e) + stillOpen(), e));
            return;
        }
        Path folder = EarlyWorkspace.firstFolder(home, settings.current().lastWorkspace);
        if (folder != null) {
            open(folder);
        } else {
            openSample(SampleWorld.MARKETPLACE, message);
        }
    }

    /**
     * Opens a sample workspace, making it first if this home has none yet: the shipped marketplace
     * sample is unpacked in a moment, the other worlds are generated, imported and trained in the
     * background with progress in the status bar while the window stays usable.
     *
     * @param message shows a sentence in place of the screens while the first workspace is made
     */
    void openSample(SampleWorld world, Consumer<String> message) {
        Path folder = world.folderIn(home);
        if (holdsWorkspace(folder)) {
            open(folder);
            return;
        }
        if (workspace == null) {
            message.accept(world.ready() ? "Unpacking the sample workspace into " + folder + " …"
                    : "Making the sample workspace “" + world.title() + "” in " + folder + " (progress below) …");
        }
        runner.submit("Making the sample workspace: " + world.title(), m -> world.create(folder, hooks, parser, m), this::show, e -> {
            if (workspace == null) {
                message.accept("The sample workspace could not be made. Use File ▸ New workspace to start an empty one.");
            }
            dialogs.showError(Failures.sentenceFor(e) + stillOpen(), e);
        });
    }

    /** Closes the workspace shown now (on quit). */
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }
}
