package in.workbench.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.Main;
import in.workbench.app.cli.VersionProvider;
import in.workbench.views.addresses.AddressMapView;
import in.workbench.views.addresses.AddressMapViewModel;
import in.workbench.views.addresses.AddressesSession;
import in.workbench.views.addresses.AddressesView;
import in.workbench.views.addresses.AddressesViewModel;
import in.workbench.views.addresses.CheckAddressView;
import in.workbench.views.addresses.CheckAddressViewModel;
import in.workbench.views.addresses.ModelView;
import in.workbench.views.addresses.ModelViewModel;
import in.workbench.views.browse.DataBrowserView;
import in.workbench.views.browse.DataBrowserViewModel;
import in.workbench.views.imports.ImportDialog;
import in.workbench.views.imports.ImportViewModel;
import in.workbench.views.packaging.PackagingView;
import in.workbench.views.packaging.PackagingViewModel;
import in.workbench.views.labeling.BuildingsView;
import in.workbench.views.labeling.BuildingsViewModel;
import in.workbench.views.labeling.LabelingView;
import in.workbench.views.labeling.LabelingViewModel;
import in.workbench.views.shell.FxDialogService;
import in.workbench.views.shell.MainWindow;
import in.workbench.views.catalog.CatalogChartsView;
import in.workbench.views.catalog.CatalogView;
import in.workbench.views.catalog.CatalogViewModel;
import in.workbench.views.catalog.ReviewView;
import in.workbench.views.catalog.ReviewViewModel;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.Screen;
import in.workbench.views.task.Failures;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.FxTaskRunner;
import in.workbench.views.overview.OverviewView;
import in.workbench.views.overview.OverviewViewModel;
import in.workbench.views.regional.RegionalView;
import in.workbench.views.regional.RegionalViewModel;
import in.workbench.views.shell.Navigator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the object graph by hand, restores the settings, and opens the
 * last workspace, or the first time a new copy of the bundled sample.
 */
public final class WorkbenchApplication extends Application implements MainWindow.Actions {

    private Path home;
    private AppSettings settings;
    private Stage stage;
    private FxTaskRunner runner;
    /** How screens tell each other the workspace changed (model trained, scores changed, labels changed, import finished). */
    private WorkspaceEvents events;
    private FxDialogService dialogs;
    private MainWindow window;
    private DataBrowserView browser;
    private AddressesView addresses;
    private ModelView deliverabilityModel;
    private AddressMapView addressMap;
    private CheckAddressView checkAddress;
    private PackagingView packaging;
    private LabelingView labeling;
    private BuildingsView buildings;
    private volatile in.workbench.analytics.address.AddressParser parser;
    private OverviewView overview;
    private RegionalView regional;
    private in.workbench.views.network.SlowNetworkView slowNetworks;
    private Workspace workspace;
    private final ImportHooks hooks = new ImportHooks();

    /** The workbench's home folder: {@code -Dworkbench.home}, else {@code ~/.workbench}. */
    public static Path home() {
        String configured = System.getProperty("workbench.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".workbench");
    }

    @Override
    public void start(Stage primary) {
        in.workbench.analytics.workspace.SerialFilter.installProcessWide();
        this.stage = primary;
        this.home = home();
        this.settings = AppSettings.load(home.resolve("settings.json"));
        applyTheme();
        runner = new FxTaskRunner();
        dialogs = new FxDialogService(primary);
        events = new WorkspaceEvents(this::fail);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Platform.runLater(
                () -> dialogs.showError(Failures.sentenceFor(e), e)));
        browser = new DataBrowserView(new DataBrowserViewModel(runner, this::fail), dialogs);
        Navigator navigator = (title, filter) -> window.open(title, filter);
        overview = new OverviewView(new OverviewViewModel(runner, hooks.regional(), navigator, this::fail));
        regional = new RegionalView(new RegionalViewModel(runner, hooks.regional(), this::fail));
        AddressesSession addressSession = new AddressesSession(runner);
        addresses = new AddressesView(new AddressesViewModel(addressSession, runner, this::fail), dialogs);
        deliverabilityModel = new ModelView(new ModelViewModel(addressSession, runner, this::fail), navigator);
        addressMap = new AddressMapView(new AddressMapViewModel(addressSession, runner, this::fail), navigator);
        checkAddress = new CheckAddressView(new CheckAddressViewModel(addressSession, runner));
        labeling = new LabelingView(new LabelingViewModel(runner, this::fail, new SettingsAnalyst(),
                this::parser, in.workbench.analytics.segmentation.SegmentationTrainer.Settings.defaults(42),
                (ws, m) -> addressSession.trainAndScore(ws, m).model(), events), dialogs);
        events.subscribe(e -> {
            if (e.workspace() == workspace && e.detail().equals(in.workbench.analytics.address.DeliverabilityTrainer.MODEL_NAME)) {
                addressSession.reloadModel();
            }
        }, WorkspaceEvent.Kind.MODEL_TRAINED);
        events.subscribe(e -> {
            if (e.workspace() == workspace) {
                overview.model().refresh();
                regional.model().load(e.workspace());
            }
        }, WorkspaceEvent.Kind.IMPORT_FINISHED);
        buildings = new BuildingsView(new BuildingsViewModel(runner, this::fail, this::parser), dialogs,
                navigator);
        CatalogViewModel catalogModel = new CatalogViewModel(runner, this::fail);
        CatalogView catalog = new CatalogView(catalogModel);
        ReviewView review = new ReviewView(new ReviewViewModel(runner, this::fail, () -> settings.analystName), dialogs);
        CatalogChartsView catalogCharts = new CatalogChartsView(catalogModel, navigator);
        packaging = new PackagingView(new PackagingViewModel(runner, this::fail), navigator, dialogs);
        slowNetworks = SlowNetworkScreen.create(runner, this::fail);
        in.workbench.views.lab.LabView lab = new in.workbench.views.lab.LabView(new in.workbench.views.lab.LabViewModel(runner, this::fail));
        List<Screen> screens = List.of(overview, browser, addresses, deliverabilityModel, addressMap, checkAddress, labeling,
                buildings, catalog, review, catalogCharts, packaging, regional, slowNetworks, CrispScreens.create(runner, this::fail, primary),
                lab);
        window = new MainWindow(primary, runner, screens, this);
        primary.setScene(window.scene(settings.windowWidth, settings.windowHeight));
        WindowLayout.restore(primary, settings);
        primary.setTitle("Workbench");
        try (var icon = WorkbenchApplication.class.getResourceAsStream("/in/workbench/app/workbench.png")) {
            if (icon != null) {
                primary.getIcons().add(new Image(icon));
            }
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(WorkbenchApplication.class).debug("no window icon", e);
        }
        primary.setOnCloseRequest(e -> quit());
        primary.show();
        openInitialWorkspace();
    }

    /** The address parser, loaded once (the postal directory takes about a second) on the first worker that needs it. */
    private in.workbench.analytics.address.AddressParser parser() {
        in.workbench.analytics.address.AddressParser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) {
                    parser = new in.workbench.analytics.address.AddressParser(in.workbench.analytics.geo.PostalDirectory.load());
                }
                p = parser;
            }
        }
        return p;
    }

    /** The analyst's name as the app settings keep it. */
    private final class SettingsAnalyst implements LabelingViewModel.Analyst {
        @Override
        public String name() {
            return settings.analystName == null || settings.analystName.isBlank() ? "analyst" : settings.analystName;
        }

        @Override
        public boolean confirmed() {
            return settings.analystNameConfirmed;
        }

        @Override
        public void confirm(String name) {
            settings.analystName = name;
            settings.analystNameConfirmed = true;
            settings.save(home.resolve("settings.json"));
        }
    }

    private void fail(Throwable e) {
        dialogs.showError(Failures.sentenceFor(e), e);
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(settings.darkTheme ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void openInitialWorkspace() {
        String requested = System.getProperty(Main.OPEN_WORKSPACE_PROPERTY);
        if (requested != null) {
            open(Path.of(requested));
        } else if (settings.lastWorkspace != null && SampleWorkspace.exists(Path.of(settings.lastWorkspace))) {
            open(Path.of(settings.lastWorkspace));
        } else {
            Path sample = home.resolve("workspaces").resolve("sample");
            if (SampleWorkspace.exists(sample)) {
                open(sample);
            } else {
                window.showMessage("Preparing the sample workspace (a copy of the bundled sample) in " + sample + " …");
                runner.submit("Creating the sample workspace", m -> SampleWorkspace.create(sample, hooks.all(), m), this::show, e -> {
                    window.showMessage("The sample workspace could not be created. Use File ▸ New workspace to start an empty one.");
                    fail(e);
                });
            }
        }
    }

    /** Opens a workspace in the background; on failure the current one stays open. */
    void open(Path folder) {
        runner.submit("Opening " + folder.getFileName(), m -> Workspace.open(folder), this::show, e -> dialogs.showError(
                Failures.sentenceFor(e) + (workspace == null ? "" : " The workspace " + workspace.folder().getFileName() + " stays open."), e));
    }

    void show(Workspace opened) {
        Workspace previous = workspace;
        workspace = opened;
        if (opened.server().isEmpty()) {
            settings.opened(opened.folder());
            settings.save(home.resolve("settings.json"));
        }
        boolean first = previous == null;
        window.setWorkspace(opened);
        if (first) {
            WindowLayout.restoreScreen(window, settings);
            if (!settings.tourDismissed && !Boolean.getBoolean("workbench.noTour")) {
                tour();
            }
            if (Boolean.getBoolean(StartupProbe.PROPERTY)) {
                StartupProbe.reportWhenRendered(stage.getScene(), this::quit);
            }
        }
        if (previous != null && !previous.folder().equals(opened.folder())) {
            previous.close();
        }
    }

    /** The workspace shown now (tests use it). */
    public Workspace workspace() {
        return workspace;
    }

    /** The overview dashboard, the first screen (tests use it). */
    public OverviewView overview() {
        return overview;
    }

    /** The Regional screen (tests use it). */
    public RegionalView regional() {
        return regional;
    }

    /** Switches the window to a screen (tests use it). */
    public void select(Screen screen) {
        window.select(screen);
    }

    /** The labeling screen (tests use it). */
    public LabelingView labeling() {
        return labeling;
    }

    /** The buildings screen (tests use it). */
    public BuildingsView buildings() {
        return buildings;
    }

    /** The data browser screen (tests use it). */
    public in.workbench.views.shell.MainWindow window() {
        return window;
    }

    public DataBrowserView browser() {
        return browser;
    }

    /** The packaging screen (tests use it). */
    public PackagingView packaging() {
        return packaging;
    }

    /** The Addresses screen (tests use it). */
    public AddressesView addresses() {
        return addresses;
    }

    /** The deliverability Model screen (tests use it). */
    public ModelView deliverabilityModel() {
        return deliverabilityModel;
    }

    /** The address Map screen (tests use it). */
    public AddressMapView addressMap() {
        return addressMap;
    }

    /** The Check an address screen (tests use it). */
    public CheckAddressView checkAddress() {
        return checkAddress;
    }

    @Override
    public void newWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose an empty folder for the new workspace");
        File f = chooser.showDialog(stage);
        if (f != null) {
            open(f.toPath());
        }
    }

    @Override
    public void openWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a workspace folder");
        File f = chooser.showDialog(stage);
        if (f != null) {
            if (!SampleWorkspace.exists(f.toPath())) {
                dialogs.showError(f + " holds no workspace. Use File ▸ New workspace to create one there.",
                        new WorkbenchException(WorkbenchException.Kind.WORKSPACE_UNUSABLE, "no workspace.mv.db in " + f));
                return;
            }
            open(f.toPath());
        }
    }

    @Override
    public void openTeamWorkspace() {
        TeamWorkspaceOpening.ask(stage, runner, dialogs, this::show, workspace);
    }

    @Override
    public void openRecent(Path folder) {
        if (!Files.isDirectory(folder)) {
            dialogs.showError(folder + " no longer exists.", null);
            settings.recentWorkspaces.remove(folder.toString());
            settings.save(home.resolve("settings.json"));
            return;
        }
        open(folder);
    }

    @Override
    public List<Path> recentWorkspaces() {
        return settings == null ? List.of() : settings.recentWorkspaces.stream().map(Path::of).toList();
    }

    @Override
    public void importFile() {
        ImportDialog dialog = importDialog();
        if (dialog != null) {
            dialog.show();
        }
    }

    /** Builds the import dialog for the current workspace (tests drive it). */
    public ImportDialog importDialog() {
        if (workspace == null) {
            dialogs.showError("Open a workspace first (File ▸ Open workspace).", null);
            return null;
        }
        Workspace ws = workspace;
        ImportViewModel model = new ImportViewModel(new CsvImporter(ws, hooks.all()), runner, this::fail);
        model.summaryProperty().addListener((obs, o, done) -> {
            if (done != null) {
                events.publish(new WorkspaceEvent(WorkspaceEvent.Kind.IMPORT_FINISHED, ws, done.type()));
                if (ws == workspace) {
                    slowNetworks.model().load(ws);
                }
            }
        });
        return new ImportDialog(model, stage, runId -> {
            browser.model().show("rejected_rows", "run_id", String.valueOf(runId));
            window.select(browser);
        });
    }

    @Override
    public void exportView() {
        window.select(browser);
        browser.view().lookup("#exportView").fireEvent(new javafx.event.ActionEvent());
    }

    @Override
    public void setDarkTheme(boolean dark) {
        settings.darkTheme = dark;
        settings.save(home.resolve("settings.json"));
        applyTheme();
    }

    @Override
    public boolean darkTheme() {
        return settings.darkTheme;
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
        window.showTour(FirstRunTour.STEPS, dontShowAgain -> {
            if (dontShowAgain) {
                settings.tourDismissed = true;
                settings.save(home.resolve("settings.json"));
            }
        });
    }

    @Override
    public void quit() {
        WindowLayout.remember(stage, window, settings);
        settings.save(home.resolve("settings.json"));
        if (workspace != null) {
            workspace.close();
        }
        runner.close();
        Platform.exit();
    }
}
