package in.workbench.app.desktop;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.cli.VersionProvider;
import in.workbench.app.sample.SampleWorld;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.imports.ImportDialog;
import in.workbench.views.imports.ImportViewModel;
import in.workbench.views.shell.FxDialogService;
import in.workbench.views.shell.MainWindow;
import in.workbench.views.task.Failures;
import in.workbench.views.task.TaskRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/**
 * What the window's menus do: open, create and import into workspaces, export the data browser's
 * view, switch the theme, show the tour and About, and quit. Each action is a few lines that call
 * the workspace, the settings or a screen. Used on the JavaFX thread.
 */
final class MenuActions implements MainWindow.Actions {

    private final Stage stage;
    private final Path home;
    private final SettingsStore settings;
    private final CurrentWorkspace workspace;
    private final WorkbenchScreens screens;
    private final TaskRunner runner;
    private final FxDialogService dialogs;
    private final WorkspaceEvents events;
    private final ImportHooks hooks;
    private final Supplier<MainWindow> window;
    private final Consumer<Boolean> applyTheme;
    private final Runnable quit;

    /**
     * @param window the main window (built after the actions it calls)
     * @param applyTheme switches the look to dark ({@code true}) or light
     * @param quit saves the window's layout, closes the workspace and ends the application
     */
    MenuActions(Stage stage, Path home, SettingsStore settings, CurrentWorkspace workspace, WorkbenchScreens screens,
            TaskRunner runner, FxDialogService dialogs, WorkspaceEvents events, ImportHooks hooks, Supplier<MainWindow> window,
            Consumer<Boolean> applyTheme, Runnable quit) {
        this.stage = stage;
        this.home = home;
        this.settings = settings;
        this.workspace = workspace;
        this.screens = screens;
        this.runner = runner;
        this.dialogs = dialogs;
        this.events = events;
        this.hooks = hooks;
        this.window = window;
        this.applyTheme = applyTheme;
        this.quit = quit;
    }

    @Override
    public void newWorkspace() {
        Path f = chooseFolder("Choose an empty folder for the new workspace");
        if (f != null) {
            workspace.open(f);
        }
    }

    @Override
    public void openWorkspace() {
        Path f = chooseFolder("Open a workspace folder");
        if (f == null) {
            return;
        }
        if (!CurrentWorkspace.holdsWorkspace(f)) {
            dialogs.showError(f + " holds no workspace. Use File ▸ New workspace to create one there.",
                    new WorkbenchException(WorkbenchException.Kind.WORKSPACE_UNUSABLE, "no workspace.mv.db in " + f));
            return;
        }
        workspace.open(f);
    }

    private Path chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File f = chooser.showDialog(stage);
        return f == null ? null : f.toPath();
    }

    @Override
    public List<String> samples() {
        return Arrays.stream(SampleWorld.values()).map(SampleWorld::title).toList();
    }

    @Override
    public void openSample(String title) {
        workspace.openSample(SampleWorld.titled(title), window.get()::showMessage);
    }

    @Override
    public void openTeamWorkspace() {
        TeamWorkspaceOpening.ask(stage, runner, dialogs, workspace::show, workspace.get());
    }

    @Override
    public void openRecent(Path folder) {
        if (!Files.isDirectory(folder)) {
            dialogs.showError(folder + " no longer exists.", null);
            settings.change(s -> s.forgetRecent(folder));
            return;
        }
        workspace.open(folder);
    }

    @Override
    public List<Path> recentWorkspaces() {
        return settings.current().recentWorkspaces.stream().map(Path::of).toList();
    }

    @Override
    public void importFile() {
        ImportDialog dialog = importDialog();
        if (dialog != null) {
            dialog.show();
        }
    }

    /** The import dialog for the workspace shown now, or null (with a message) when none is open. */
    ImportDialog importDialog() {
        Workspace ws = workspace.get();
        if (ws == null) {
            dialogs.showError("Open a workspace first (File ▸ Open workspace).", null);
            return null;
        }
        ImportViewModel model = new ImportViewModel(new CsvImporter(ws, hooks.all()), new GenericTableImporter(new LabStore(ws)), runner,
                this::fail);
        model.summaryProperty().addListener((obs, o, done) -> {
            if (done != null) {
                events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.IMPORT_FINISHED, ws, done.type()));
            }
        });
        return new ImportDialog(model, stage, runId -> {
            screens.browser().model().show("rejected_rows", "run_id", String.valueOf(runId));
            window.get().select(screens.browser());
        });
    }

    @Override
    public void exportView() {
        window.get().select(screens.browser());
        screens.browser().view().lookup("#exportView").fireEvent(new javafx.event.ActionEvent());
    }

    @Override
    public void setDarkTheme(boolean dark) {
        settings.change(s -> s.darkTheme = dark);
        applyTheme.accept(dark);
    }

    @Override
    public boolean darkTheme() {
        return settings.current().darkTheme;
    }

    @Override
    public void about() {
        dialogs.showInformation("About Workbench", "Workbench " + VersionProvider.version() + " · Java " + System.getProperty("java.version")
                + " · JavaFX " + System.getProperty("javafx.runtime.version") + "\n\nData: India postal directory from GeoNames "
                + "(geonames.org, CC BY 4.0); map of India from @svg-maps/india (CC BY 4.0); colour names from the xkcd colour "
                + "survey (CC0) and CSS named colours (MIT).\n\nLogs: " + home.resolve("logs"));
    }

    @Override
    public void tour() {
        window.get().showTour(FirstRunTour.STEPS, dontShowAgain -> {
            if (dontShowAgain) {
                settings.change(s -> s.tourDismissed = true);
            }
        });
    }

    @Override
    public void quit() {
        quit.run();
    }

    private void fail(Throwable e) {
        dialogs.showError(Failures.sentenceFor(e), e);
    }
}
