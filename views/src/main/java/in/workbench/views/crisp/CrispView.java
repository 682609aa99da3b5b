package in.workbench.views.crisp;

import in.workbench.analytics.crisp.CrispPosterior;
import in.workbench.analytics.crisp.CrispStore;
import in.workbench.views.shell.WorkspaceScreen;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * The Infection risk screen: four tabs (risk ranking, a person, epidemic curve, what transmits)
 * bound to a {@link CrispViewModel}. Layout and bindings only. Used on the JavaFX thread.
 */
public final class CrispView extends WorkspaceScreen<CrispViewModel> {

    private final Function<String, Path> exportTarget;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Pane network = new Pane();
    private final LineChart<Number, Number> personChart = new LineChart<>(new NumberAxis(), new NumberAxis(0, 1, 0.2));
    private final LineChart<Number, Number> curveChart = new LineChart<>(new NumberAxis(), new NumberAxis());

    /**
     * @param exportTarget given a suggested file name, the file to export to (a save dialog in the window), or null to cancel
     */
    public CrispView(CrispViewModel model, Function<String, Path> exportTarget) {
        super("Infection risk", model, CrispViewModel::setWorkspace);
        this.exportTarget = exportTarget;
        Label summary = new Label();
        summary.textProperty().bind(model.summary());
        summary.setWrapText(true);
        summary.setPadding(new Insets(8));
        root.setTop(summary);
        tabs.getTabs().addAll(new Tab("Risk ranking", ranking()), new Tab("A person", person()), new Tab("Epidemic curve", curve()),
                new Tab("What transmits", transmits()));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        root.setCenter(tabs);
    }

    /** Selects a tab by index (tests use it). */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    private Node ranking() {
        ComboBox<String> site = new ComboBox<>(model.sites());
        site.valueProperty().bindBidirectional(model.site());
        CheckBox testNext = new CheckBox("Test these next (value of a test: expected missed infections it avoids)");
        testNext.selectedProperty().bindBidirectional(model.testNext());
        Button export = new Button("Export…");
        export.setOnAction(e -> {
            Path file = exportTarget.apply("risk-ranking.csv");
            if (file != null) {
                model.export(file, f -> export.setText("Exported"));
            }
        });
        TableView<CrispStore.RiskRow> table = new TableView<>(model.ranking());
        table.getColumns().add(text("Person", CrispStore.RiskRow::personId, 90));
        table.getColumns().add(text("Site", CrispStore.RiskRow::site, 90));
        table.getColumns().add(text("Shift", CrispStore.RiskRow::shift, 60));
        table.getColumns().add(text("Team", CrispStore.RiskRow::team, 70));
        table.getColumns().add(number("Risk", CrispStore.RiskRow::risk));
        table.getColumns().add(number("P(S)", CrispStore.RiskRow::pS));
        table.getColumns().add(number("P(E)", CrispStore.RiskRow::pE));
        table.getColumns().add(number("P(I)", CrispStore.RiskRow::pI));
        table.getColumns().add(number("P(R)", CrispStore.RiskRow::pR));
        table.getColumns().add(number("Test value", CrispStore.RiskRow::testValue));
        table.getColumns().add(text("Last test", r -> r.lastTest() == null ? "" : r.lastTest() + " " + r.lastResult(), 140));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.person().set(n.personId());
            }
        });
        HBox bar = new HBox(8, new Label("Site"), site, testNext, export);
        bar.setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(bar, table);
    }

    private Node person() {
        TextField id = new TextField();
        id.setPromptText("person id");
        id.textProperty().bindBidirectional(model.person());
        TableView<CrispStore.Encounter> table = new TableView<>(model.encounters());
        table.getColumns().add(text("With", CrispStore.Encounter::other, 90));
        table.getColumns().add(text("Day", e -> e.day().toString(), 90));
        table.getColumns().add(text("Minutes", e -> String.format(Locale.ROOT, "%.0f", e.minutes()), 60));
        table.getColumns().add(text("Metres", e -> String.format(Locale.ROOT, "%.1f", e.distanceM()), 60));
        table.getColumns().add(text("Setting", e -> e.indoor() ? "indoor" : "outdoor", 70));
        table.getColumns().add(number("Their P(infectious) that day", CrispStore.Encounter::otherInfectious));
        network.setPrefSize(320, 320);
        network.setMinSize(320, 320);
        model.encounters().addListener((ListChangeListener<CrispStore.Encounter>) c -> drawNetwork());
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst): show what it has.
        if (!model.encounters().isEmpty()) {
            drawNetwork();
        }
        personChart.setTitle("Own state probabilities by day");
        personChart.setCreateSymbols(false);
        personChart.setAnimated(false);
        model.personDays().addListener((ListChangeListener<CrispStore.PersonDay>) c -> drawPerson());
        if (!model.personDays().isEmpty()) {
            drawPerson();
        }
        HBox top = new HBox(8, new Label("Person"), id);
        top.setPadding(new Insets(6));
        HBox middle = new HBox(8, network, personChart);
        HBox.setHgrow(personChart, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(top, middle, table);
    }

    private void drawNetwork() {
        network.getChildren().clear();
        Map<String, Double> strongest = new LinkedHashMap<>();
        for (CrispStore.Encounter e : model.encounters()) {
            strongest.merge(e.other(), e.otherInfectious(), Math::max);
        }
        List<String> others = strongest.keySet().stream().limit(24).toList();
        double cx = 160;
        double cy = 160;
        for (int i = 0; i < others.size(); i++) {
            double a = 2 * Math.PI * i / Math.max(1, others.size());
            double x = cx + 120 * Math.cos(a);
            double y = cy + 120 * Math.sin(a);
            double p = strongest.get(others.get(i));
            Line l = new Line(cx, cy, x, y);
            l.setStroke(Color.gray(0.6));
            Circle c = new Circle(x, y, 9, Color.color(Math.min(1, 0.3 + p), Math.max(0, 0.7 - p), 0.3));
            Text t = new Text(x + 10, y + 4, others.get(i) + String.format(Locale.ROOT, " %.2f", p));
            t.setStyle("-fx-font-size: 9px;");
            network.getChildren().addAll(l, c, t);
        }
        network.getChildren().add(new Circle(cx, cy, 12, Color.STEELBLUE));
    }

    private void drawPerson() {
        XYChart.Series<Number, Number> e = new XYChart.Series<>();
        e.setName("exposed");
        XYChart.Series<Number, Number> i = new XYChart.Series<>();
        i.setName("infectious");
        XYChart.Series<Number, Number> r = new XYChart.Series<>();
        r.setName("removed");
        List<CrispStore.PersonDay> days = model.personDays();
        for (int d = 0; d < days.size(); d++) {
            e.getData().add(new XYChart.Data<>(d, days.get(d).pE()));
            i.getData().add(new XYChart.Data<>(d, days.get(d).pI()));
            r.getData().add(new XYChart.Data<>(d, days.get(d).pR()));
        }
        personChart.getData().setAll(List.of(e, i, r));
    }

    private Node curve() {
        ComboBox<String> site = new ComboBox<>(model.sites());
        site.valueProperty().bindBidirectional(model.curveSite());
        curveChart.setTitle("Expected exposed and infectious people per day (90 % band) and positive tests");
        curveChart.setCreateSymbols(false);
        curveChart.setAnimated(false);
        model.curve().addListener((ListChangeListener<CrispPosterior.CurvePoint>) c -> drawCurve());
        if (!model.curve().isEmpty()) {
            drawCurve();
        }
        HBox bar = new HBox(8, new Label("Site"), site);
        bar.setPadding(new Insets(6));
        VBox.setVgrow(curveChart, Priority.ALWAYS);
        return new VBox(bar, curveChart);
    }

    private void drawCurve() {
        String[] names = {"exposed", "exposed 5 %", "exposed 95 %", "infectious", "infectious 5 %", "infectious 95 %", "positive tests"};
        List<XYChart.Series<Number, Number>> series = new java.util.ArrayList<>();
        for (String n : names) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(n);
            series.add(s);
        }
        for (CrispPosterior.CurvePoint p : model.curve()) {
            double[] v = {p.exposedMean(), p.exposedLow(), p.exposedHigh(), p.infectiousMean(), p.infectiousLow(), p.infectiousHigh(),
                p.positiveTests()};
            for (int k = 0; k < v.length; k++) {
                series.get(k).getData().add(new XYChart.Data<>(p.day(), v[k]));
            }
        }
        curveChart.getData().setAll(series);
    }

    private Node transmits() {
        TableView<CrispViewModel.Transmission> table = new TableView<>(model.transmission());
        table.getColumns().add(text("Typical contact", CrispViewModel.Transmission::contact, 200));
        table.getColumns().add(number("Learned p1", CrispViewModel.Transmission::p1));
        table.getColumns().add(number("Low (Monte Carlo)", CrispViewModel.Transmission::low));
        table.getColumns().add(number("High (Monte Carlo)", CrispViewModel.Transmission::high));
        Label note = new Label("p1 = probability that one encounter with an infectious person passes the infection on, learned by "
                + "Monte Carlo EM; the range spans the fits on separate batches of samples.");
        note.setWrapText(true);
        note.setPadding(new Insets(6));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(note, table);
    }

    private static <R> TableColumn<R, String> text(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <R> TableColumn<R, String> number(String title, java.util.function.ToDoubleFunction<R> value) {
        return text(title, r -> String.format(Locale.ROOT, "%.4f", value.applyAsDouble(r)), 90);
    }

    @Override
    public Node view() {
        return root;
    }
    }
