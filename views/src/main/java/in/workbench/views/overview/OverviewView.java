package in.workbench.views.overview;

import in.workbench.analytics.overview.Dashboard;
import in.workbench.analytics.overview.FlaggedRecords;
import in.workbench.analytics.overview.WorkspaceOverview;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.chart.ChartData;
import in.workbench.views.map.IndiaMapView;
import in.workbench.views.shell.Screen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The overview dashboard, the first screen of a workspace: what it holds, then small charts
 * (shipments per month, damage rate by package type, regional preferences on a map, and the
 * records other features flag: undeliverable-risk addresses, catalog conflicts, damage-prone
 * products). A click on a bar or state opens its full screen filtered to it; a feature not run
 * yet shows what to run. Layout only; state in {@link OverviewViewModel}. JavaFX thread.
 */
public final class OverviewView implements Screen {

    private static final java.awt.Color BLUE = new java.awt.Color(0x1F, 0x6F, 0xEB);
    private static final Map<String, java.awt.Color> OUTCOME_COLOURS = Map.of("delivered", BLUE,
            "damaged", new java.awt.Color(0xD2, 0x99, 0x22), "returned", new java.awt.Color(0x8C, 0x95, 0x9F),
            "undeliverable", new java.awt.Color(0xCF, 0x22, 0x2E));

    private final OverviewViewModel model;
    private final VBox content = new VBox(12);
    private final ScrollPane root = new ScrollPane(content);
    private final Label heading = new Label("Workspace");
    private final FlowPane counts = new FlowPane(18, 4);
    private final Label unresolved = new Label();
    private final Label models = new Label();
    private final ChartCard months = new ChartCard("Shipments by month");
    private final ChartCard damage = new ChartCard("Damage by package");
    private final IndiaMapView map = new IndiaMapView();
    private final Label mapTitle = new Label("Regional preferences");
    private final ChartCard risky = new ChartCard("Risky addresses");
    private final ChartCard conflicts = new ChartCard("Catalog conflicts");
    private final ChartCard damageProne = new ChartCard("Damage-prone");
    private final Map<String, FlaggedRecords.Count> conflictByLabel = new HashMap<>();

    public OverviewView(OverviewViewModel model) {
        this.model = model;
        heading.getStyleClass().add("title-2");
        counts.setId("workspaceCounts");
        unresolved.setId("unresolved");
        unresolved.setWrapText(true);
        models.setWrapText(true);
        months.setId("monthsChart");
        damage.setId("damageChart");
        risky.setId("riskyChart");
        conflicts.setId("conflictsChart");
        damageProne.setId("damageProneChart");
        map.setId("overviewMap");
        months.setOnDrillDown(c -> model.openMonth(c.series(), c.category()));
        damage.setOnDrillDown(c -> model.openDamage(c.category().replace(" (not on ladder)", "")));
        risky.setOnDrillDown(c -> model.openRiskyAddresses(c.category()));
        conflicts.setOnDrillDown(c -> {
            FlaggedRecords.Count count = conflictByLabel.get(c.category());
            if (count != null) {
                model.openCatalogConflicts(count.group(), count.detail());
            }
        });
        damageProne.setOnDrillDown(c -> model.openDamageProne(c.category()));
        map.setOnStateClicked(model::openRegion);
        mapTitle.getStyleClass().add("title-4");
        Label mapHint = new Label("Click a state for its top subcategories and products; hover for numbers.");
        mapHint.getStyleClass().add("text-muted");
        BorderPane mapCard = new BorderPane(map, new VBox(2, mapTitle, mapHint), null, null, null);
        mapCard.setPadding(new Insets(4, 8, 4, 8));
        mapCard.getStyleClass().add("chart-card");
        mapCard.setPrefSize(520, 320);
        map.setPrefSize(480, 270);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.add(months, 0, 0);
        grid.add(mapCard, 1, 0);
        grid.add(damage, 0, 1);
        grid.add(risky, 1, 1);
        grid.add(conflicts, 0, 2);
        grid.add(damageProne, 1, 2);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        GridPane.setHgrow(mapCard, Priority.ALWAYS);
        for (ChartCard card : List.of(months, damage, risky, conflicts, damageProne)) {
            card.setPrefSize(520, 320);
            card.setMinHeight(260);
            GridPane.setHgrow(card, Priority.ALWAYS);
        }
        HBox top = new HBox(24, heading, counts);
        content.getChildren().addAll(top, unresolved, models, grid);
        content.setPadding(new Insets(16));
        root.setFitToWidth(true);
        model.headerProperty().addListener((obs, o, h) -> showHeader(h));
        unresolved.textProperty().bind(model.unresolvedProperty());
        model.dashboardProperty().addListener((obs, o, d) -> show(d));
    }

    /** The view model (tests drive it). */
    public OverviewViewModel model() {
        return model;
    }

    /** Every chart card of the dashboard, in reading order (tests check each is filled). */
    public List<ChartCard> charts() {
        return List.of(months, damage, risky, conflicts, damageProne);
    }

    /** The regional map tile. */
    public IndiaMapView map() {
        return map;
    }

    private void showHeader(OverviewViewModel.Header h) {
        heading.setText(h.heading());
        counts.getChildren().clear();
        for (Map.Entry<String, Long> e : h.counts().entrySet()) {
            Label name = new Label(e.getKey().replace('_', ' '));
            name.getStyleClass().add("text-muted");
            Label n = new Label(String.format("%,d", e.getValue()));
            n.setId("count-" + e.getKey());
            n.getStyleClass().add("text-bold");
            counts.getChildren().add(new VBox(0, name, n));
        }
        models.setText(h.models().isEmpty() ? "No trained models yet." : "Trained models: " + String.join("; ",
                h.models().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
    }

    private void show(Dashboard d) {
        showMonths(d.months());
        showDamage(d);
        showMap(d);
        showRisky(d.riskyAddresses());
        showConflicts(d.catalogConflicts());
        showDamageProne(d.damageProne());
    }

    private void showMonths(List<WorkspaceOverview.MonthlyOutcome> rows) {
        if (rows.isEmpty()) {
            months.showMessage("No shipments yet: import shipments.csv (File ▸ Import…).");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        for (WorkspaceOverview.MonthlyOutcome m : rows) {
            data.addValue(m.shipments(), m.status(), m.month());
            table.add(List.of(m.month(), m.status(), m.shipments()));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, "month", "shipments", data);
        style(chart, data);
        months.setChart(chart, new ChartData(List.of("month", "status", "shipments"), table));
    }

    private void showDamage(Dashboard d) {
        if (d.damage().isEmpty()) {
            damage.showMessage("No delivered shipments yet: import shipments.csv.");
            return;
        }
        Map<String, Long> predicted = new HashMap<>();
        d.predictedDamage().ifPresent(list -> list.forEach(c -> predicted.put(c.group(), c.count())));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        for (WorkspaceOverview.PackageDamage p : d.damage()) {
            String label = p.robustnessRank() == null ? p.packageType() + " (not on ladder)" : p.packageType();
            data.addValue(100 * p.rate(), "observed % damaged", label);
            Long perMille = predicted.get(p.packageType());
            if (perMille != null) {
                data.addValue(perMille / 10.0, "model's mean predicted %", label);
            }
            table.add(List.of(p.packageType(), p.robustnessRank() == null ? "" : p.robustnessRank(), p.shipments(), p.damaged(), p.rate(),
                    perMille == null ? "" : perMille / 1000.0));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "package type (weakest first)", "% damaged", data, PlotOrientation.VERTICAL,
                !predicted.isEmpty(), true, false);
        style(chart, data);
        damage.setChart(chart, new ChartData(List.of("package_type", "robustness_rank", "shipments", "damaged", "damage_rate",
                "predicted_damage"), table));
    }

    private void showMap(Dashboard d) {
        if (d.mapSubcategory() == null) {
            mapTitle.setText("Regional preferences: no orders yet");
            map.setValues(Map.of(), "lift", v -> String.format("%.2f×", v));
            return;
        }
        mapTitle.setText("Where " + d.mapSubcategory() + " sell (lift)");
        map.setValues(d.mapLift(), "lift of " + d.mapSubcategory(), v -> String.format("%.2f×", v));
        map.setDetails(state -> {
            var l = d.preferences().lift(state, d.mapSubcategory());
            if (l == null) {
                return state + ": no orders";
            }
            var top = d.preferences().topSubcategories(state, 1);
            return String.format("%s%nlift %.2f [%.2f–%.2f] on %,d of %,d orders%nits strongest taste: %s (%.2f×)", state, l.lift(),
                    l.liftLow(), l.liftHigh(), l.orders(), l.stateOrders(), top.isEmpty() ? "-" : top.get(0).subcategory(),
                    top.isEmpty() ? 0 : top.get(0).lift());
        });
    }

    private void showRisky(FlaggedRecords.Tile tile) {
        if (!tile.present()) {
            risky.showMessage(tile.missing());
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        for (FlaggedRecords.Count c : tile.counts()) {
            data.addValue(c.count(), "flagged addresses", c.group());
            table.add(List.of(c.group(), c.count()));
        }
        JFreeChart chart = ChartFactory.createBarChart(String.format("%,d flagged in all", tile.total()), "state", "flagged addresses",
                data, PlotOrientation.VERTICAL, false, true, false);
        style(chart, data);
        risky.setChart(chart, new ChartData(List.of("state", "flagged_addresses"), table));
    }

    private void showConflicts(FlaggedRecords.Tile tile) {
        if (!tile.present()) {
            conflicts.showMessage(tile.missing());
            return;
        }
        conflictByLabel.clear();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        for (FlaggedRecords.Count c : tile.counts()) {
            String label = OverviewViewModel.conflictLabel(c);
            conflictByLabel.put(label, c);
            data.addValue(c.count(), "products", label);
            table.add(List.of(c.group(), c.detail() == null ? "" : c.detail(), c.count()));
        }
        JFreeChart chart = ChartFactory.createBarChart(String.format("%,d conflicts in all", tile.total()), "kind · attribute", "products",
                data, PlotOrientation.VERTICAL, false, true, false);
        style(chart, data);
        conflicts.setChart(chart, new ChartData(List.of("kind", "attribute", "products"), table));
    }

    private void showDamageProne(FlaggedRecords.Tile tile) {
        if (!tile.present()) {
            damageProne.showMessage(tile.missing());
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        for (FlaggedRecords.Count c : tile.counts()) {
            data.addValue(c.count(), "to " + c.detail(), c.group());
            table.add(List.of(c.group(), c.detail(), c.count()));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(String.format("%,d products in all", tile.total()), "current package",
                "products", data);
        style(chart, data);
        damageProne.setChart(chart, new ChartData(List.of("current_package", "recommended_package", "products"), table));
    }

    private static void style(JFreeChart chart, DefaultCategoryDataset data) {
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 12));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new java.awt.Color(0xF6, 0xF8, 0xFA));
        plot.setRangeGridlinePaint(new java.awt.Color(0xD0, 0xD7, 0xDE));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        java.awt.Color[] others = {BLUE, new java.awt.Color(0xD2, 0x99, 0x22), new java.awt.Color(0x1A, 0x7F, 0x37),
            new java.awt.Color(0x82, 0x50, 0xDF), new java.awt.Color(0xCF, 0x22, 0x2E), new java.awt.Color(0x8C, 0x95, 0x9F)};
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, OUTCOME_COLOURS.getOrDefault(String.valueOf(data.getRowKey(i)), others[i % others.length]));
        }
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        heading.setText("Workspace " + workspace.folder().getFileName());
        model.load(workspace);
    }
}
