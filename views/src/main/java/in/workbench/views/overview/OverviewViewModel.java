package in.workbench.views.overview;

import in.workbench.analytics.overview.Dashboard;
import in.workbench.analytics.overview.FlaggedRecords;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.Navigator;
import in.workbench.views.task.TaskRunner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The overview dashboard's state: row counts, unresolved references and models, and the
 * {@link Dashboard} its charts draw, read in the background (building the aggregates once for an
 * older workspace); and where each click leads ({@link Navigator} with the screen and filter).
 * Used on the JavaFX thread.
 */
public final class OverviewViewModel {

    /** What the row counts and models say. */
    public record Header(String heading, Map<String, Long> counts, Map<String, String> models) {
    }

    private final TaskRunner runner;
    private final RegionalAggregates aggregates;
    private final Navigator navigator;
    private final Consumer<Throwable> onError;
    private final ObjectProperty<Header> header = new SimpleObjectProperty<>();
    private final ObjectProperty<Dashboard> dashboard = new SimpleObjectProperty<>();
    private final StringProperty unresolved = new SimpleStringProperty("");
    private final LongProperty chartMillis = new SimpleLongProperty();
    private Workspace workspace;

    public OverviewViewModel(TaskRunner runner, RegionalAggregates aggregates, Navigator navigator, Consumer<Throwable> onError) {
        this.runner = runner;
        this.aggregates = aggregates;
        this.navigator = navigator;
        this.onError = onError;
    }

    private record Loaded(Header header, Dashboard dashboard, long millis) {
    }

    /** Reads the workspace's overview in the background. */
    public void load(Workspace ws) {
        this.workspace = ws;
        runner.submit("Reading the overview", m -> {
            aggregates.ensureBuilt(ws, m);
            Header h = new Header(ws.server().map(a -> "Team workspace " + a.displayName()).orElse("Workspace " + ws.folder().getFileName()), ws.rowCounts(), ws.trainedModelLines());
            long t0 = System.nanoTime();
            Dashboard d = Dashboard.load(ws);
            return new Loaded(h, d, (System.nanoTime() - t0) / 1_000_000);
        }, loaded -> {
            if (ws != workspace) {
                return;
            }
            header.set(loaded.header());
            var u = loaded.dashboard().unresolved();
            unresolved.set(u.total() == 0 ? "Every shipment refers to a product, an address and a package type of the workspace."
                    : String.format("Waiting for other files: %,d shipments without their product, %,d without their address, "
                            + "%,d with a package type not on the ladder, %,d labels for unknown addresses. They resolve when "
                            + "the missing file is imported.", u.shipmentsWithoutProduct(), u.shipmentsWithoutAddress(),
                            u.shipmentsWithoutPackage(), u.labelsWithoutAddress()));
            chartMillis.set(loaded.millis());
            dashboard.set(loaded.dashboard());
        }, onError);
    }

    /** Reads everything again (after an import). */
    public void refresh() {
        if (workspace != null) {
            load(workspace);
        }
    }

    /** A month's bar: the shipments of that month with that outcome, in the data browser. */
    public void openMonth(String status, String month) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("table", "shipments");
        filter.put("status", "=" + status);
        java.time.YearMonth ym = java.time.YearMonth.parse(month);
        filter.put("order_date", ym.atDay(1) + ".." + ym.atEndOfMonth());
        navigator.open("Data", filter);
    }

    /** A package type's bar: its damaged shipments, in the data browser. */
    public void openDamage(String packageType) {
        navigator.open("Data", Map.of("table", "shipments", "package_type", "=" + packageType, "status", "=damaged"));
    }

    /** A state on the map: the Regional screen on that state and the subcategory shown. */
    public void openRegion(String state) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("state", state);
        Dashboard d = dashboard.get();
        if (d != null && d.mapSubcategory() != null) {
            filter.put("subcategory", d.mapSubcategory());
        }
        navigator.open("Regional", filter);
    }

    /** A state's flagged addresses, on the Addresses screen. */
    public void openRiskyAddresses(String state) {
        navigator.open("Addresses", Map.of("state", state, "flagged", "true"));
    }

    /** A kind of catalog conflict, on the Catalog screen. */
    public void openCatalogConflicts(String kind, String attribute) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("kind", kind);
        if (attribute != null) {
            filter.put("attribute", attribute);
        }
        navigator.open("Catalog", filter);
    }

    /** Products to re-pack from one package type, on the Packaging screen. */
    public void openDamageProne(String currentPackage) {
        navigator.open("Packaging", Map.of("current_package", currentPackage));
    }

    /** The label of a catalog-conflict bar. */
    public static String conflictLabel(FlaggedRecords.Count c) {
        return c.detail() == null ? c.group() : c.group() + " · " + c.detail();
    }

    public ObjectProperty<Header> headerProperty() {
        return header;
    }

    public ObjectProperty<Dashboard> dashboardProperty() {
        return dashboard;
    }

    public StringProperty unresolvedProperty() {
        return unresolved;
    }

    /** How long the chart queries of the last refresh took, in milliseconds. */
    public LongProperty chartMillisProperty() {
        return chartMillis;
    }
}
