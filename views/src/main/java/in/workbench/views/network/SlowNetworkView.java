package in.workbench.views.network;

import in.workbench.analytics.network.PageDecision;
import in.workbench.analytics.network.SlowNetworkReport;
import in.workbench.views.map.IndiaMapView;
import in.workbench.views.shell.WorkspaceScreen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * The Slow networks screen: slow share by network type, carrier, device memory and hour; towers
 * ranked by congestion with a tower × hour heat map; a map of India by state with pincode points;
 * one session's prediction with its reasons; the page decision's utility against serving everyone
 * the full or the lite page, with a threshold the analyst moves. Layout and bindings only; the state
 * lives in {@link SlowNetworkViewModel}. JavaFX thread.
 */
public final class SlowNetworkView extends WorkspaceScreen<SlowNetworkViewModel> {

    static final int HEAT_TOWERS = 25;

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final List<BarChart<String, Number>> shareCharts = new ArrayList<>();
    private final TableView<SlowNetworkReport.Tower> towers = new TableView<>();
    private final Canvas heat = new Canvas(24 * 26 + 150, HEAT_TOWERS * 18 + 30);
    private final HBox heatLegend = buildHeatLegend();
    private final IndiaMapView map = new IndiaMapView();
    private final Label utilityText = new Label();
    private final Slider threshold = new Slider(0, 1, PageDecision.DEFAULTS.threshold());
    private final Label thresholdText = new Label();
    private final TextField sessionField = new TextField();
    private final Label sessionAnswer = new Label();

    public SlowNetworkView(SlowNetworkViewModel model) {
        super("Slow networks", model, SlowNetworkViewModel::load);
        build();
    }

    private void build() {
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setPadding(new Insets(6, 10, 6, 10));
        root.setTop(message);
        GridPane charts = new GridPane();
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(8));
        String[] titles = {"Slow share by network type", "by carrier", "by device memory", "by local hour"};
        for (int k = 0; k < 4; k++) {
            BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 1, 0.1));
            c.setTitle(titles[k]);
            c.setLegendVisible(false);
            c.setAnimated(false);
            c.setPrefSize(440, 250);
            c.setCategoryGap(k == 3 ? 2 : 10);
            shareCharts.add(c);
            charts.add(c, k % 2, k / 2);
        }
        tabs.getTabs().add(tab("Slow share", new ScrollPane(charts)));

        TableColumn<SlowNetworkReport.Tower, String> id = new TableColumn<>("Tower");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().towerId()));
        TableColumn<SlowNetworkReport.Tower, String> n = new TableColumn<>("Sessions");
        n.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.format("%,d", c.getValue().overall().sessions())));
        TableColumn<SlowNetworkReport.Tower, String> share = new TableColumn<>("Slow share");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(pct(c.getValue().overall().share())));
        TableColumn<SlowNetworkReport.Tower, String> peak = new TableColumn<>("Worst hour");
        peak.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(pct(c.getValue().peakShare())));
        towers.getColumns().add(id);
        towers.getColumns().add(n);
        towers.getColumns().add(share);
        towers.getColumns().add(peak);
        id.setPrefWidth(150);
        towers.setPrefWidth(440);
        VBox heatBox = new VBox(6, new ScrollPane(heat), heatLegend);
        HBox towerBox = new HBox(10, towers, heatBox);
        towerBox.setPadding(new Insets(8));
        tabs.getTabs().add(tab("Towers", towerBox));
        tabs.getTabs().add(tab("Map", map));

        sessionField.setPromptText("session id, e.g. S00123456");
        sessionField.setOnAction(e -> model.sessionQueryProperty().set(sessionField.getText()));
        sessionAnswer.textProperty().bind(model.sessionAnswerProperty());
        sessionAnswer.setWrapText(true);
        VBox sessionBox = new VBox(8, new Label("A session's prediction (press Enter)"), sessionField, sessionAnswer);
        sessionBox.setPadding(new Insets(10));
        tabs.getTabs().add(tab("Session", sessionBox));

        threshold.setShowTickLabels(true);
        threshold.setMajorTickUnit(0.1);
        threshold.setPrefWidth(500);
        threshold.valueProperty().bindBidirectional(model.thresholdProperty());
        thresholdText.textProperty().bind(model.thresholdProperty().asString(Locale.ROOT, "Serve lite when P(slow) > %.3f"));
        model.utilityProperty().addListener((obs, o, u) -> showUtility(u));
        utilityText.setFont(Font.font(14));
        VBox decisionBox = new VBox(10, thresholdText, threshold, utilityText);
        decisionBox.setPadding(new Insets(10));
        tabs.getTabs().add(tab("Page decision", decisionBox));
        root.setCenter(tabs);
        model.reportProperty().addListener((obs, o, r) -> show(r));
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst): show what it has.
        if (model.utilityProperty().get() != null) {
            showUtility(model.utilityProperty().get());
        }
        show(model.reportProperty().get());
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private void showUtility(PageDecision.Comparison u) {
        if (u == null) {
            utilityText.setText("Train the slow-network model to compare the decision rule with serving everyone the same page.");
            return;
        }
        utilityText.setText(String.format(Locale.ROOT, "Mean utility per session (last week with an outcome):%n  the rule: %.4f%n"
                + "  everyone full: %.4f%n  everyone lite: %.4f", u.rule(), u.everyoneFull(), u.everyoneLite()));
    }

    private void show(SlowNetworkReport r) {
        if (r == null) {
            return;
        }
        Map<String, SlowNetworkReport.Share> hours = new LinkedHashMap<>();
        for (int h = 0; h < 24; h++) {
            hours.put(String.format("%02d", h), r.byHour()[h]);
        }
        List<Map<String, SlowNetworkReport.Share>> groups = List.of(r.byNetwork(), r.byCarrier(), r.byRam(), hours);
        for (int k = 0; k < 4; k++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            groups.get(k).forEach((name, share) -> s.getData().add(new XYChart.Data<>(name, share.share())));
            shareCharts.get(k).getData().setAll(List.of(s));
        }
        towers.getItems().setAll(r.towers());
        drawHeat(r.towers());
        Map<String, Double> states = new LinkedHashMap<>();
        r.byState().forEach((state, share) -> states.put(state, share.share()));
        map.setValues(states, "slow share", v -> pct(v));
        List<IndiaMapView.GeoPoint> points = new ArrayList<>();
        for (SlowNetworkReport.PincodePoint p : r.pincodes()) {
            points.add(new IndiaMapView.GeoPoint(p.pincode() + ": " + pct(p.share().share()) + " of " + p.share().sessions() + " sessions slow",
                    p.latitude(), p.longitude(), colour(p.share().share())));
        }
        map.setPoints(points, r.stateCentres());
    }

    /**
     * The heat map's key: the colour ramp from no slow sessions to half or more slow, and the grey
     * of a tower-hour without sessions.
     */
    static HBox buildHeatLegend() {
        Stop[] stops = new Stop[6];
        for (int k = 0; k < stops.length; k++) {
            double f = k / (stops.length - 1.0);
            stops[k] = new Stop(f, colour(0.5 * f));
        }
        Rectangle ramp = new Rectangle(160, 14, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        ramp.setStroke(Color.gray(0.6));
        ramp.setId("heat-legend-ramp");
        Rectangle none = new Rectangle(14, 14, IndiaMapView.NO_DATA);
        none.setStroke(Color.gray(0.6));
        Label caption = new Label("Slow share of the tower's sessions in that local hour:");
        Label low = new Label("0 %");
        Label high = new Label("50 % or more");
        Label noSessions = new Label("no sessions");
        HBox legend = new HBox(6, caption, low, ramp, high, new Label("   "), none, noSessions);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setId("heat-legend");
        return legend;
    }

    /** White (no slow sessions) to deep red (half or more slow). */
    static Color colour(double share) {
        double t = Math.min(1, share / 0.5);
        return Color.color(1, 1 - 0.85 * t, 1 - 0.95 * t);
    }

    private void drawHeat(List<SlowNetworkReport.Tower> ranked) {
        GraphicsContext g = heat.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, heat.getWidth(), heat.getHeight());
        g.setFill(Color.BLACK);
        g.setFont(Font.font(10));
        for (int h = 0; h < 24; h++) {
            g.fillText(String.format("%02d", h), 150 + h * 26 + 6, 14);
        }
        for (int t = 0; t < Math.min(HEAT_TOWERS, ranked.size()); t++) {
            SlowNetworkReport.Tower tower = ranked.get(t);
            g.setFill(Color.BLACK);
            g.fillText(tower.towerId(), 2, 32 + t * 18);
            for (int h = 0; h < 24; h++) {
                SlowNetworkReport.Share s = tower.byHour()[h];
                g.setFill(s.sessions() == 0 ? IndiaMapView.NO_DATA : colour(s.share()));
                g.fillRect(150 + h * 26, 20 + t * 18, 25, 17);
            }
        }
    }

    @Override
    public Node view() {
        return root;
    }

    /** The tabs (tests select them). */
    public TabPane tabs() {
        return tabs;
    }

    /** The heat map's legend (tests read it). */
    public HBox heatLegend() {
        return heatLegend;
    }

    /** The map (tests read its points). */
    public IndiaMapView map() {
        return map;
    }
}
