package in.workbench.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import in.workbench.analytics.workspace.ProcessGuards;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.SharedAddressParser;
import in.workbench.views.addresses.AddressMapView;
import in.workbench.views.addresses.AddressesView;
import in.workbench.views.addresses.CheckAddressView;
import in.workbench.views.addresses.ModelView;
import in.workbench.views.browse.DataBrowserView;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.imports.ImportDialog;
import in.workbench.views.labeling.BuildingsView;
import in.workbench.views.labeling.LabelingView;
import in.workbench.views.overview.OverviewView;
import in.workbench.views.packaging.PackagingView;
import in.workbench.views.regional.RegionalView;
import in.workbench.views.shell.FxDialogService;
import in.workbench.views.shell.MainWindow;
import in.workbench.views.shell.Screen;
import in.workbench.views.task.Failures;
import in.workbench.views.task.FxTaskRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the object graph by hand ({@link WorkbenchScreens} for the
 * screens, {@link MenuActions} for the menus, {@link SettingsStore} for the settings,
 * {@link CurrentWorkspace} for the workspace shown), shows the window and opens the first
 * workspace. It owns the lifecycle: start and quit.
 */
public final class WorkbenchApplication extends Application {

    private Stage stage;
    private SettingsStore settings;
    private FxTaskRunner runner;
    private FxDialogService dialogs;
    private WorkbenchScreens screens;
    private CurrentWorkspace workspace;
    private MenuActions menu;
    private MainWindow window;
    private StartupProbe probe;

    /** The workbench's home folder: {@code -Dworkbench.home}, else {@code ~/.workbench}. */
    public static Path home() {
        return DesktopLauncher.home();
    }

    @Override
    public void start(Stage primary) {
        StartupProbe.phase("JavaFX started");
        ProcessGuards.install();
        this.stage = primary;
        Path home = home();
        settings = SettingsStore.in(home);
        applyTheme(settings.current().darkTheme);
        runner = new FxTaskRunner();
        dialogs = new FxDialogService(primary);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Platform.runLater(
                () -> dialogs.showError(Failures.sentenceFor(e), e)));
        WorkspaceEvents events = new WorkspaceEvents(this::fail);
        SharedAddressParser parser = new SharedAddressParser();
        ImportHooks hooks = new ImportHooks(parser);
        probe = StartupProbe.ifRequested();
        workspace = new CurrentWorkspace(runner, dialogs, settings, home, hooks, parser, this::shown);
        // The workspace opens (or the sample is unpacked) on a worker while the screens are built here; it is shown once
        // this method has returned, since its result comes back through the JavaFX event queue.
        workspace.openAtStart(message -> Platform.runLater(() -> window.showMessage(message)));
        StartupProbe.phase("settings read, workspace opening");
        screens = new WorkbenchScreens(probe == null ? runner : probe.track(runner), dialogs, events, hooks, parser, settings, primary,
                (title, filter) -> window.open(title, filter), () -> workspace.get(), this::fail);
        menu = new MenuActions(primary, home, settings, workspace, screens, runner, dialogs, events, hooks, () -> window,
                WorkbenchApplication::applyTheme, this::quit);
        StartupProbe.phase("screens built");
        window = new MainWindow(primary, runner, screens.all(), menu);
        primary.setScene(window.scene(settings.current().windowWidth, settings.current().windowHeight));
        WindowLayout.restore(primary, settings.current());
        primary.setTitle("Workbench");
        addIcon(primary);
        primary.setOnCloseRequest(e -> quit());
        StartupProbe.phase("window laid out");
        primary.show();
        if (probe != null) {
            probe.windowShown();
        }
        // The screens are built while the first workspace opens; each starts its reads when it is given one.
        window.prepareScreens();
    }

    private void shown(Workspace opened, boolean first) {
        StartupProbe.phase("workspace opened");
        if (first) {
            // The screen the analyst left last is built first, and only then the others (see MainWindow.setWorkspace).
            WindowLayout.restoreScreen(window, settings.current());
        }
        window.setWorkspace(opened);
        StartupProbe.phase("workspace given to the screens");
        if (first) {
            if (!settings.current().tourDismissed && !Boolean.getBoolean("workbench.noTour")) {
                menu.tour();
            }
            if (probe != null) {
                probe.reportWhenRendered(stage.getScene(), window::screensPrepared, this::quit);
            }
        }
    }

    private void quit() {
        settings.change(s -> WindowLayout.remember(stage, window, s));
        screens.leaveLabeling();
        // The window goes at once; closing compacts the workspace (seconds on a large one) on a thread of its own,
        // which the JVM waits for before it exits, so the window is never seen frozen.
        stage.hide();
        Thread closing = new Thread(() -> {
            try {
                workspace.close();
                runner.close();
            } finally {
                Platform.exit();
            }
        }, "workbench-closing");
        closing.start();
    }

    private void fail(Throwable e) {
        dialogs.showError(Failures.sentenceFor(e), e);
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private static void addIcon(Stage stage) {
        try (InputStream icon = WorkbenchApplication.class.getResourceAsStream("/in/workbench/app/workbench.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(WorkbenchApplication.class).debug("no window icon", e);
        }
    }

    /** The workspace shown now (tests use it). */
    public Workspace workspace() {
        return workspace.get();
    }

    /** Shows a workspace that is already open, in place of the current one (tests use it). */
    void show(Workspace opened) {
        workspace.show(opened);
    }

    /** The main window (tests use it). */
    public MainWindow window() {
        return window;
    }

    /** Switches the window to a screen (tests use it). */
    public void select(Screen screen) {
        window.select(screen);
    }

    /** Builds the import dialog for the current workspace (tests drive it). */
    public ImportDialog importDialog() {
        return menu.importDialog();
    }

    /** The overview dashboard, the first screen (tests use it). */
    public OverviewView overview() {
        return screens.overview();
    }

    /** The Regional screen (tests use it). */
    public RegionalView regional() {
        return screens.regional();
    }

    /** The labeling screen (tests use it). */
    public LabelingView labeling() {
        return screens.labeling();
    }

    /** The buildings screen (tests use it). */
    public BuildingsView buildings() {
        return screens.buildings();
    }

    /** The data browser screen (tests use it). */
    public DataBrowserView browser() {
        return screens.browser();
    }

    /** The packaging screen (tests use it). */
    public PackagingView packaging() {
        return screens.packaging();
    }

    /** The Addresses screen (tests use it). */
    public AddressesView addresses() {
        return screens.addresses();
    }

    /** The deliverability Model screen (tests use it). */
    public ModelView deliverabilityModel() {
        return screens.deliverabilityModel();
    }

    /** The address Map screen (tests use it). */
    public AddressMapView addressMap() {
        return screens.addressMap();
    }

    /** The Check an address screen (tests use it). */
    public CheckAddressView checkAddress() {
        return screens.checkAddress();
    }
}
