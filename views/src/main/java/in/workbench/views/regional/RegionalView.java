package in.workbench.views.regional;

import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.regional.DeliverySpeed;
import in.workbench.analytics.regional.RankingPreview;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.chart.ChartData;
import in.workbench.views.map.IndiaMapView;
import in.workbench.views.shell.WorkspaceScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
 * The Regional screen: a map of India coloured by the lift of a chosen subcategory (hover for
 * the numbers, click a state for its lists), the state's top subcategories and products, where
 * the subcategory over-indexes, delivery speed, and the ranking preview with adjustable weights.
 * Layout and bindings only; the state lives in {@link RegionalViewModel}. JavaFX thread.
 */
public final class RegionalView extends WorkspaceScreen<RegionalViewModel> {

    private final SplitPane root = new SplitPane();
    private final IndiaMapView map = new IndiaMapView();
    private final ChartCard liftChart = new ChartCard("Top subcategories by lift");
    private final ChartCard deliveryChart = new ChartCard("Promised vs actual delivery days by state");
    private final TabPane tabs = new TabPane();
    private final Map<String, String> stateOfCode = new java.util.HashMap<>();

    public RegionalView(RegionalViewModel model) {
        super("Regional", model, RegionalViewModel::load);
        build();
    }

    /** The map (tests read its colours). */
    public IndiaMapView map() {
        return map;
    }

    /** The state's lift chart. */
    public ChartCard liftChart() {
        return liftChart;
    }

    /** The delivery chart. */
    public ChartCard deliveryChart() {
        return deliveryChart;
    }

    private void build() {
        ComboBox<String> subcategories = new ComboBox<>(model.subcategories());
        subcategories.setId("regionalSubcategory");
        subcategories.valueProperty().bindBidirectional(model.subcategoryProperty());
        HBox mapBar = new HBox(8, new Label("Lift of"), subcategories, new Label("by state"));
        mapBar.setAlignment(Pos.CENTER_LEFT);
        map.setId("regionalMap");
        map.setPrefSize(420, 430);
        map.setDetails(model::details);
        map.setOnStateClicked(s -> {
            model.stateProperty().set(s);
            tabs.getSelectionModel().select(0);
        });
        model.liftByStateProperty().addListener((obs, o, n) -> map.setValues(n, "lift of " + model.subcategoryProperty().get(),
                v -> String.format("%.2f×", v)));
        model.stateProperty().addListener((obs, o, n) -> map.setSelectedState(n));
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst): show what it has.
        if (!model.liftByStateProperty().get().isEmpty()) {
            map.setValues(model.liftByStateProperty().get(), "lift of " + model.subcategoryProperty().get(), v -> String.format("%.2f×", v));
        }
        if (model.stateProperty().get() != null) {
            map.setSelectedState(model.stateProperty().get());
        }
        Label explanation = new Label();
        explanation.setId("regionalExplanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("text-muted");
        explanation.textProperty().bind(model.explanationProperty());
        ScrollPane explanationScroll = new ScrollPane(explanation);
        explanationScroll.setFitToWidth(true);
        explanationScroll.setPrefHeight(150);
        explanationScroll.setMinHeight(90);
        VBox left = new VBox(8, mapBar, map, explanationScroll);
        VBox.setVgrow(map, Priority.ALWAYS);
        left.setPadding(new Insets(12));
        left.setMinWidth(380);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(new Tab("State", stateTab()), new Tab("Where it over-indexes", overIndexTab()),
                new Tab("Delivery speed", deliveryTab()), new Tab("Ranking preview", rankingTab()));
        root.getItems().addAll(left, tabs);
        root.setDividerPositions(0.42);
        root.setId("regionalScreen");
    }

    private ComboBox<String> statePicker(String id) {
        ComboBox<String> states = new ComboBox<>(model.states());
        states.setId(id);
        states.valueProperty().bindBidirectional(model.stateProperty());
        return states;
    }

    private Node stateTab() {
        Label summary = new Label();
        summary.setId("stateSummary");
        summary.textProperty().bind(model.stateSummaryProperty());
        HBox bar = new HBox(8, label("State"), statePicker("regionalState"), summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        liftChart.setPrefSize(560, 300);
        liftChart.setOnDrillDown(click -> model.subcategoryProperty().set(click.category()));
        model.stateSubcategories().addListener((javafx.collections.ListChangeListener<RegionalPreferences.Lift>) c -> showLiftChart());
        if (!model.stateSubcategories().isEmpty()) {
            showLiftChart();
        }
        TableView<RegionalPreferences.Lift> subs = new TableView<>(model.stateSubcategories());
        subs.setId("stateSubcategories");
        Tables.column(subs, "Subcategory", 170, RegionalPreferences.Lift::subcategory);
        liftColumns(subs);
        subs.setPrefHeight(200);
        TableView<RegionalPreferences.ProductOrders> products = new TableView<>(model.stateProducts());
        products.setId("stateProducts");
        Tables.column(products, "Top product", 300, p -> p.title() == null ? p.productId() + " (not in catalog)" : p.title());
        Tables.column(products, "Subcategory", 150, RegionalPreferences.ProductOrders::subcategory);
        Tables.column(products, "Orders", 70, RegionalPreferences.ProductOrders::orders);
        Tables.column(products, "Share", 70, p -> Tables.percent(p.share()));
        products.setPrefHeight(200);
        return page(liftChart, bar, liftChart, subs, products);
    }

    private void showLiftChart() {
        List<RegionalPreferences.Lift> rows = model.stateSubcategories();
        if (rows.isEmpty()) {
            liftChart.showMessage(model.stateProperty().get() == null ? "Choose a state." : model.stateProperty().get() + " has no orders.");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        for (RegionalPreferences.Lift l : rows) {
            data.addValue(l.lift(), "lift (shrunk)", l.subcategory());
            data.addValue(l.rawLift(), "lift (raw)", l.subcategory());
            table.add(List.of(l.state(), l.category(), l.subcategory(), l.orders(), l.share(), l.lift(), l.liftLow(), l.liftHigh(),
                    l.rawLift()));
        }
        liftChart.setChart(barChart(model.stateProperty().get() + ": top subcategories by lift (1 = national taste)", "subcategory",
                "lift", data, true), new ChartData(List.of("state", "category", "subcategory", "orders", "share", "lift", "lift_low",
                        "lift_high", "raw_lift"), table));
    }

    private Node overIndexTab() {
        Label heading = new Label();
        heading.textProperty().bind(javafx.beans.binding.Bindings.concat("States where ", model.subcategoryProperty(),
                " over-indexes (the whole 90 % interval of the lift above 1), strongest first"));
        heading.setWrapText(true);
        TableView<RegionalPreferences.Lift> table = new TableView<>(model.overIndexing());
        table.setId("overIndexing");
        table.setPlaceholder(new Label("No state clearly over-indexes: the subcategory sells about as nationally everywhere."));
        Tables.column(table, "State", 160, RegionalPreferences.Lift::state);
        liftColumns(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.stateProperty().set(n.state());
            }
        });
        return page(table, heading, table);
    }

    private Node deliveryTab() {
        deliveryChart.setPrefSize(560, 320);
        deliveryChart.setOnDrillDown(click -> model.stateProperty().set(stateOfCode.getOrDefault(click.category(), click.category())));
        model.deliveryByState().addListener((javafx.collections.ListChangeListener<DeliverySpeed.Speed>) c -> showDeliveryChart());
        if (!model.deliveryByState().isEmpty()) {
            showDeliveryChart();
        }
        Label heading = new Label();
        heading.textProperty().bind(javafx.beans.binding.Bindings.concat("Delivery to ", model.stateProperty(), " by package type"));
        TableView<DeliverySpeed.Speed> table = new TableView<>(model.stateDelivery());
        table.setId("stateDelivery");
        Tables.column(table, "Package type", 140, DeliverySpeed.Speed::packageType);
        Tables.column(table, "Shipments", 90, DeliverySpeed.Speed::shipments);
        Tables.column(table, "Timed", 70, DeliverySpeed.Speed::timed);
        Tables.column(table, "Promised days", 115, s -> Tables.decimal(s.meanPromised()));
        Tables.column(table, "Actual days", 100, s -> Tables.decimal(s.meanActual()));
        Tables.column(table, "Late", 70, s -> Tables.percent(s.lateShare()));
        return page(deliveryChart, deliveryChart, heading, table);
    }

    private void showDeliveryChart() {
        List<DeliverySpeed.Speed> rows = model.deliveryByState();
        if (rows.isEmpty()) {
            deliveryChart.showMessage("No delivered shipments with promised and actual days yet.");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> table = new ArrayList<>();
        stateOfCode.clear();
        for (DeliverySpeed.Speed s : rows) {
            String code = IndianState.resolve(s.state()).map(IndianState::code).orElse(s.state());
            stateOfCode.put(code, s.state());
            data.addValue(s.meanPromised(), "promised days", code);
            data.addValue(s.meanActual(), "actual days", code);
            table.add(List.of(s.state(), s.shipments(), s.timed(), s.meanPromised(), s.meanActual(), s.lateShare()));
        }
        JFreeChart chart = barChart("Mean promised vs actual days (state codes; hover for names)", "state", "days", data, true);
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setDefaultToolTipGenerator((dataset, row, column) -> String.format("%s: %.2f %s",
                stateOfCode.get(String.valueOf(dataset.getColumnKey(column))), dataset.getValue(row, column), dataset.getRowKey(row)));
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        deliveryChart.setChart(chart,
                new ChartData(List.of("state", "shipments", "timed", "promised_days", "actual_days", "late_share"), table));
    }

    private Node rankingTab() {
        TextField query = new TextField();
        query.setId("rankingQuery");
        query.setPromptText("Search, e.g. saree");
        query.textProperty().bindBidirectional(model.queryProperty());
        GridPane weights = new GridPane();
        weights.setHgap(8);
        weights.setVgap(4);
        weights.addRow(0, label("Query"), query, label("for shoppers in"), statePicker("rankingState"));
        weights.addRow(1, label("Text match"), slider("textWeight", model.textWeightProperty()));
        weights.addRow(2, label("Regional popularity"), slider("popularityWeight", model.popularityWeightProperty()));
        weights.addRow(3, label("Delivery speed"), slider("speedWeight", model.speedWeightProperty()));
        Label note = new Label("Each factor is scaled 0–1 over the matching products; the weights are normalised. Change = places"
                + " gained against the national ranking with the same weights (popularity without the state's lift, speed over all states).");
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        TableView<RankingPreview.Ranked> table = new TableView<>(model.ranking());
        table.setId("ranking");
        table.setPlaceholder(new Label("No product matches the query."));
        Tables.column(table, "#", 40, RankingPreview.Ranked::rank);
        Tables.column(table, "Change", 70, r -> r.rankChange() > 0 ? "▲ " + r.rankChange() : r.rankChange() < 0 ? "▼ " + -r.rankChange() : "=");
        Tables.column(table, "National #", 90, RankingPreview.Ranked::nationalRank);
        Tables.column(table, "Title", 260, RankingPreview.Ranked::title);
        Tables.column(table, "Subcategory", 140, RankingPreview.Ranked::subcategory);
        Tables.column(table, "Text", 50, r -> Tables.decimal(r.text()));
        Tables.column(table, "Popularity", 75, r -> Tables.decimal(r.popularity()));
        Tables.column(table, "Lift", 50, r -> Tables.decimal(r.lift()));
        Tables.column(table, "Days", 50, r -> String.format("%.1f", r.days()));
        Tables.column(table, "Score", 55, r -> Tables.decimal(r.score()));
        return page(table, weights, note, table);
    }

    /** The columns of a lift after its first: orders, observed and national share, shrunk lift and its 90 % interval. */
    private static void liftColumns(TableView<RegionalPreferences.Lift> table) {
        Tables.column(table, "Orders", 70, RegionalPreferences.Lift::orders);
        Tables.column(table, "Share", 70, l -> Tables.percent(l.share()));
        Tables.column(table, "National", 80, l -> Tables.percent(l.nationalShare()));
        Tables.column(table, "Lift", 60, l -> Tables.decimal(l.lift()));
        Tables.column(table, "90 % interval", 110, l -> Tables.decimal(l.liftLow()) + "–" + Tables.decimal(l.liftHigh()));
    }

    /** A tab's page: {@code children} stacked 8 px apart inside a 10 px margin, {@code grow} taking the spare height. */
    private static VBox page(Node grow, Node... children) {
        VBox box = new VBox(8, children);
        VBox.setVgrow(grow, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        return box;
    }

    private static Node slider(String id, javafx.beans.property.DoubleProperty weight) {
        Slider s = new Slider(0, 3, weight.get());
        s.setId(id);
        s.setShowTickMarks(true);
        s.setMajorTickUnit(1);
        s.setPrefWidth(220);
        s.valueProperty().bindBidirectional(weight);
        Label value = label("");
        value.textProperty().bind(weight.asString("%.1f"));
        return new HBox(6, s, value);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static JFreeChart barChart(String title, String x, String y, DefaultCategoryDataset data, boolean legend) {
        JFreeChart chart = ChartFactory.createBarChart(title, x, y, data, PlotOrientation.VERTICAL, legend, true, false);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new java.awt.Color(0xF6, 0xF8, 0xFA));
        plot.setRangeGridlinePaint(new java.awt.Color(0xD0, 0xD7, 0xDE));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new java.awt.Color(0x1F, 0x6F, 0xEB));
        renderer.setSeriesPaint(1, new java.awt.Color(0xD2, 0x99, 0x22));
        return chart;
    }

    @Override
    public Node view() {
        return root;
    }
}
