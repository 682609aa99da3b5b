package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressInsights;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.chart.ChartData;
import in.workbench.views.map.IndiaMapView;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.WorkspaceScreen;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The Map screen: India's states coloured by the share of flagged addresses (click a state to
 * list its addresses on the Addresses screen) and the flagged share of the largest cities (click
 * a bar for that city's addresses). Both export their numbers as CSV; the Addresses screen
 * exports the records. Used on the JavaFX thread.
 */
public final class AddressMapView extends WorkspaceScreen<AddressMapViewModel> {

    private final Navigator navigator;
    private final BorderPane root = new BorderPane();
    private final IndiaMapView map = new IndiaMapView();
    private final ChartCard cities = new ChartCard("Flagged share by city (largest cities)");
    private final Label message = new Label();
    private final Label status = new Label();

    public AddressMapView(AddressMapViewModel model, Navigator navigator) {
        super("Address map", model, (m, ws) -> m.session().open(ws));
        this.navigator = navigator;
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    /** The choropleth (tests read it). */
    public IndiaMapView map() {
        return map;
    }

    /** The city chart (tests read it). */
    public ChartCard cityChart() {
        return cities;
    }

    private void build() {
        Label heading = new Label("Where addresses are flagged");
        heading.getStyleClass().add("title-3");
        message.setId("mapMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Spinner<Integer> top = new Spinner<>(5, 50, model.topCitiesProperty().get(), 5);
        top.setId("topCities");
        top.setPrefWidth(80);
        top.valueProperty().addListener((o, a, b) -> model.topCitiesProperty().set(b));
        Button exportStates = new Button("State data CSV…");
        exportStates.setId("exportStates");
        exportStates.setOnAction(e -> exportStates());
        status.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, status, exportStates, new Label("Cities shown"), top);
        bar.setAlignment(Pos.CENTER_LEFT);
        map.setId("addressMap");
        map.setPrefSize(520, 600);
        map.setDetails(model::detailsOf);
        map.setOnStateClicked(state -> navigator.open("Addresses", Map.of("state", state)));
        Label hint = new Label("Click a state to list its addresses.");
        hint.getStyleClass().add("text-muted");
        VBox left = new VBox(4, map, hint);
        VBox.setVgrow(map, Priority.ALWAYS);
        cities.setPrefSize(560, 600);
        cities.setOnDrillDown(click -> navigator.open("Addresses", Map.of("city", click.category())));
        HBox body = new HBox(12, left, cities);
        HBox.setHgrow(cities, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        root.setTop(new VBox(6, bar, message));
        root.setCenter(body);
        root.setPadding(new Insets(12));
        BorderPane.setMargin(body, new Insets(8, 0, 0, 0));
        model.byStateProperty().addListener((o, a, b) -> showStates());
        model.byCityProperty().addListener((o, a, b) -> showCities(b));
        showStates();
        showCities(model.byCityProperty().get());
    }

    private void showStates() {
        map.setValues(model.shareByState(), "of addresses flagged", v -> String.format("%.1f %%", 100 * v));
        map.setDetails(model::detailsOf);
    }

    private void showCities(List<AddressInsights.Share> shares) {
        if (shares.isEmpty()) {
            cities.showMessage(model.messageProperty().get().isEmpty() ? "No scored address names a known city yet."
                    : model.messageProperty().get());
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> rows = new ArrayList<>();
        for (AddressInsights.Share s : shares) {
            data.addValue(100 * s.share(), "flagged %", s.name());
            rows.add(List.of(s.name(), s.addresses(), s.flagged(), s.share()));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "city (district of the pincode)", "% of addresses flagged", data,
                PlotOrientation.HORIZONTAL, false, true, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setLowerBound(0);
        cities.setChart(Charts.styled(chart), new ChartData(List.of("city", "addresses", "flagged", "flagged_share"), rows));
    }

    private void exportStates() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the flagged share by state as CSV");
        chooser.setInitialFileName("flagged-by-state.csv");
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (AddressInsights.Share s : model.byStateProperty().get()) {
            rows.add(List.of(s.name(), s.addresses(), s.flagged(), s.share()));
        }
        try {
            ChartCard.writeCsv(new ChartData(List.of("state", "addresses", "flagged", "flagged_share"), rows), f.toPath());
            status.setText("Saved " + f.getName());
        } catch (IOException e) {
            status.setText("Could not save " + f.getName() + ": " + e.getMessage());
        }
    }
}
