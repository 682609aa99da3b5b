package in.workbench.app.desktop;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
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
import in.workbench.views.catalog.CatalogChartsView;
import in.workbench.views.catalog.CatalogView;
import in.workbench.views.catalog.CatalogViewModel;
import in.workbench.views.catalog.ReviewView;
import in.workbench.views.catalog.ReviewViewModel;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.labeling.BuildingsView;
import in.workbench.views.labeling.BuildingsViewModel;
import in.workbench.views.labeling.LabelingView;
import in.workbench.views.labeling.LabelingViewModel;
import in.workbench.views.lab.LabView;
import in.workbench.views.lab.LabViewModel;
import in.workbench.views.network.SlowNetworkView;
import in.workbench.views.network.SlowNetworkViewModel;
import in.workbench.views.crisp.CrispViewModel;
import in.workbench.views.overview.OverviewView;
import in.workbench.views.overview.OverviewViewModel;
import in.workbench.views.packaging.PackagingView;
import in.workbench.views.packaging.PackagingViewModel;
import in.workbench.views.regional.RegionalView;
import in.workbench.views.regional.RegionalViewModel;
import in.workbench.views.shell.DeferredScreen;
import in.workbench.views.shell.FxDialogService;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.Screen;
import in.workbench.views.task.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The window's screens, built by hand in navigation order, and the workspace events that keep
 * them in step (a trained deliverability model reloads the address screens; a finished import
 * refreshes the dashboards). Built once on the JavaFX thread.
 */
final class WorkbenchScreens {

    private final DeferredScreen<DataBrowserView> browser;
    private final DeferredScreen<OverviewView> overview;
    private final DeferredScreen<RegionalView> regional;
    private final DeferredScreen<AddressesView> addresses;
    private final DeferredScreen<ModelView> deliverabilityModel;
    private final DeferredScreen<AddressMapView> addressMap;
    private final DeferredScreen<CheckAddressView> checkAddress;
    private final DeferredScreen<LabelingView> labeling;
    private final DeferredScreen<BuildingsView> buildings;
    private final DeferredScreen<PackagingView> packaging;
    private final DeferredScreen<SlowNetworkView> slowNetworks;
    private final DeferredScreen<LabView> lab;
    private final List<Screen> all;

    /**
     * Each screen is built when it is first needed (see {@link DeferredScreen}); the window shows the
     * one it opens on first and builds the others after it is on screen.
     *
     * @param shown the workspace the window shows now (events about another one are ignored)
     * @param navigator opens a screen with a filter (the main window, once it exists)
     */
    WorkbenchScreens(TaskRunner runner, FxDialogService dialogs, WorkspaceEvents events, ImportHooks hooks,
            Supplier<AddressParser> parser, SettingsStore settings, Window owner, Navigator navigator,
            Supplier<Workspace> shown, Consumer<Throwable> fail) {
        // Screens made with DeferredScreen.loadingFirst start their reads when a workspace is shown, before their nodes are
        // built; the others start them when built (their views apply only later changes, or they read nothing at first).
        browser = DeferredScreen.loadingFirst("Data browser", () -> new DataBrowserViewModel(runner, fail), DataBrowserViewModel::setWorkspace,
                m -> new DataBrowserView(m, dialogs));
        overview = new DeferredScreen<>("Overview",
                () -> new OverviewView(new OverviewViewModel(runner, hooks.regional(), navigator, fail)));
        regional = DeferredScreen.loadingFirst("Regional", () -> new RegionalViewModel(runner, hooks.regional(), fail),
                RegionalViewModel::load, RegionalView::new).preparedEarly();
        AddressesSession addressSession = new AddressesSession(runner);
        addresses = DeferredScreen.loadingFirst("Addresses", () -> new AddressesViewModel(addressSession, runner, fail),
                (m, ws) -> m.session().open(ws), m -> new AddressesView(m, dialogs));
        deliverabilityModel = DeferredScreen.loadingFirst("Model", () -> new ModelViewModel(addressSession, runner, fail),
                (m, ws) -> m.session().open(ws), m -> new ModelView(m, navigator));
        addressMap = DeferredScreen.loadingFirst("Address map", () -> new AddressMapViewModel(addressSession, runner, fail),
                (m, ws) -> m.session().open(ws), m -> new AddressMapView(m, navigator));
        checkAddress = DeferredScreen.loadingFirst("Check an address", () -> new CheckAddressViewModel(addressSession, runner),
                (m, ws) -> m.session().open(ws), CheckAddressView::new);
        labeling = new DeferredScreen<>("Labeling", () -> new LabelingView(new LabelingViewModel(runner, fail, new SettingsAnalyst(settings),
                parser, SegmentationTrainer.Settings.defaults(42),
                (ws, m) -> addressSession.trainAndScore(ws, m).model(), events), dialogs));
        buildings = DeferredScreen.loadingFirst("Buildings", () -> new BuildingsViewModel(runner, fail, parser), BuildingsViewModel::setWorkspace,
                m -> new BuildingsView(m, dialogs, navigator));
        // The Catalog and Catalog charts screens share one view model: whichever is built first makes it.
        Supplier<CatalogViewModel> catalogModel = new Supplier<>() {
            private CatalogViewModel model;

            @Override
            public CatalogViewModel get() {
                if (model == null) {
                    model = new CatalogViewModel(runner, fail);
                }
                return model;
            }
        };
        DeferredScreen<CatalogView> catalog = DeferredScreen.loadingFirst("Catalog", catalogModel, CatalogViewModel::setWorkspace,
                CatalogView::new).preparedEarly();
        DeferredScreen<ReviewView> review = DeferredScreen.loadingFirst("Review queue",
                () -> new ReviewViewModel(runner, fail, () -> settings.current().analystName), ReviewViewModel::setWorkspace,
                m -> new ReviewView(m, dialogs)).preparedEarly();
        DeferredScreen<CatalogChartsView> catalogCharts = new DeferredScreen<>("Catalog charts",
                () -> new CatalogChartsView(catalogModel.get(), navigator));
        // Packaging (the damage analysis and two plans), Regional (the ranking preview) and the catalog's model
        // read the most when a workspace opens: built first of the screens not shown (measured with bench startup).
        packaging = DeferredScreen.loadingFirst("Packaging", () -> new PackagingViewModel(runner, fail), PackagingViewModel::setWorkspace,
                m -> new PackagingView(m, navigator, dialogs)).preparedEarly();
        slowNetworks = DeferredScreen.loadingFirst("Slow networks", () -> SlowNetworkScreen.model(runner, fail), SlowNetworkViewModel::load,
                SlowNetworkView::new);
        lab = DeferredScreen.loadingFirst("Model lab", () -> new LabViewModel(runner, fail), LabViewModel::setWorkspace, LabView::new);
        all = List.of(overview, browser, addresses, deliverabilityModel, addressMap, checkAddress, labeling,
                buildings, catalog, review, catalogCharts, packaging, regional, slowNetworks,
                DeferredScreen.loadingFirst("Infection risk", () -> new CrispViewModel(runner, fail), CrispViewModel::setWorkspace,
                        m -> CrispScreens.create(m, owner)), lab);
        events.subscribe(e -> {
            if (e.workspace() == shown.get() && e.detail().equals(DeliverabilityTrainer.MODEL_NAME)) {
                addressSession.reloadModel();
            }
        }, WorkspaceEvent.Kind.MODEL_TRAINED);
        events.subscribe(e -> {
            if (e.workspace() == shown.get()) {
                overview.whenBuilt(v -> v.model().refresh());
                regional.whenBuilt(v -> v.model().load(e.workspace()));
                slowNetworks.whenBuilt(v -> v.model().load(e.workspace()));
                lab.whenBuilt(v -> v.model().refreshTables());
            }
        }, WorkspaceEvent.Kind.IMPORT_FINISHED);
    }

    /** Every screen, in navigation order. */
    List<Screen> all() {
        return all;
    }

    DataBrowserView browser() {
        return browser.get();
    }

    OverviewView overview() {
        return overview.get();
    }

    RegionalView regional() {
        return regional.get();
    }

    AddressesView addresses() {
        return addresses.get();
    }

    ModelView deliverabilityModel() {
        return deliverabilityModel.get();
    }

    AddressMapView addressMap() {
        return addressMap.get();
    }

    CheckAddressView checkAddress() {
        return checkAddress.get();
    }

    LabelingView labeling() {
        return labeling.get();
    }

    /** The Labeling screen's view model if the screen has been built (leaving it releases its leases). */
    void leaveLabeling() {
        labeling.whenBuilt(v -> v.model().leave());
    }

    BuildingsView buildings() {
        return buildings.get();
    }

    PackagingView packaging() {
        return packaging.get();
    }

    SlowNetworkView slowNetworks() {
        return slowNetworks.get();
    }

    /** The analyst's name as the settings keep it; confirming it is a settings change. */
    private static final class SettingsAnalyst implements LabelingViewModel.Analyst {

        private final SettingsStore settings;

        SettingsAnalyst(SettingsStore settings) {
            this.settings = settings;
        }

        @Override
        public String name() {
            String name = settings.current().analystName;
            return name == null || name.isBlank() ? "analyst" : name;
        }

        @Override
        public boolean confirmed() {
            return settings.current().analystNameConfirmed;
        }

        @Override
        public void confirm(String name) {
            settings.change(s -> {
                s.analystName = name;
                s.analystNameConfirmed = true;
            });
        }
    }
}
