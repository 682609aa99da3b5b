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
import in.workbench.views.overview.OverviewView;
import in.workbench.views.overview.OverviewViewModel;
import in.workbench.views.packaging.PackagingView;
import in.workbench.views.packaging.PackagingViewModel;
import in.workbench.views.regional.RegionalView;
import in.workbench.views.regional.RegionalViewModel;
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

    private final DataBrowserView browser;
    private final OverviewView overview;
    private final RegionalView regional;
    private final AddressesView addresses;
    private final ModelView deliverabilityModel;
    private final AddressMapView addressMap;
    private final CheckAddressView checkAddress;
    private final LabelingView labeling;
    private final BuildingsView buildings;
    private final PackagingView packaging;
    private final SlowNetworkView slowNetworks;
    private final List<Screen> all;

    /**
     * @param shown the workspace the window shows now (events about another one are ignored)
     * @param navigator opens a screen with a filter (the main window, once it exists)
     */
    WorkbenchScreens(TaskRunner runner, FxDialogService dialogs, WorkspaceEvents events, ImportHooks hooks,
            Supplier<AddressParser> parser, SettingsStore settings, Window owner, Navigator navigator,
            Supplier<Workspace> shown, Consumer<Throwable> fail) {
        browser = new DataBrowserView(new DataBrowserViewModel(runner, fail), dialogs);
        overview = new OverviewView(new OverviewViewModel(runner, hooks.regional(), navigator, fail));
        regional = new RegionalView(new RegionalViewModel(runner, hooks.regional(), fail));
        AddressesSession addressSession = new AddressesSession(runner);
        addresses = new AddressesView(new AddressesViewModel(addressSession, runner, fail), dialogs);
        deliverabilityModel = new ModelView(new ModelViewModel(addressSession, runner, fail), navigator);
        addressMap = new AddressMapView(new AddressMapViewModel(addressSession, runner, fail), navigator);
        checkAddress = new CheckAddressView(new CheckAddressViewModel(addressSession, runner));
        labeling = new LabelingView(new LabelingViewModel(runner, fail, new SettingsAnalyst(settings),
                parser, SegmentationTrainer.Settings.defaults(42),
                (ws, m) -> addressSession.trainAndScore(ws, m).model(), events), dialogs);
        buildings = new BuildingsView(new BuildingsViewModel(runner, fail, parser), dialogs, navigator);
        CatalogViewModel catalogModel = new CatalogViewModel(runner, fail);
        CatalogView catalog = new CatalogView(catalogModel);
        ReviewView review = new ReviewView(new ReviewViewModel(runner, fail, () -> settings.current().analystName), dialogs);
        CatalogChartsView catalogCharts = new CatalogChartsView(catalogModel, navigator);
        packaging = new PackagingView(new PackagingViewModel(runner, fail), navigator, dialogs);
        slowNetworks = SlowNetworkScreen.create(runner, fail);
        LabViewModel labModel = new LabViewModel(runner, fail);
        LabView lab = new LabView(labModel);
        all = List.of(overview, browser, addresses, deliverabilityModel, addressMap, checkAddress, labeling,
                buildings, catalog, review, catalogCharts, packaging, regional, slowNetworks, CrispScreens.create(runner, fail, owner),
                lab);
        events.subscribe(e -> {
            if (e.workspace() == shown.get() && e.detail().equals(DeliverabilityTrainer.MODEL_NAME)) {
                addressSession.reloadModel();
            }
        }, WorkspaceEvent.Kind.MODEL_TRAINED);
        events.subscribe(e -> {
            if (e.workspace() == shown.get()) {
                overview.model().refresh();
                regional.model().load(e.workspace());
                slowNetworks.model().load(e.workspace());
                labModel.refreshTables();
            }
        }, WorkspaceEvent.Kind.IMPORT_FINISHED);
    }

    /** Every screen, in navigation order. */
    List<Screen> all() {
        return all;
    }

    DataBrowserView browser() {
        return browser;
    }

    OverviewView overview() {
        return overview;
    }

    RegionalView regional() {
        return regional;
    }

    AddressesView addresses() {
        return addresses;
    }

    ModelView deliverabilityModel() {
        return deliverabilityModel;
    }

    AddressMapView addressMap() {
        return addressMap;
    }

    CheckAddressView checkAddress() {
        return checkAddress;
    }

    LabelingView labeling() {
        return labeling;
    }

    BuildingsView buildings() {
        return buildings;
    }

    PackagingView packaging() {
        return packaging;
    }

    SlowNetworkView slowNetworks() {
        return slowNetworks;
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
