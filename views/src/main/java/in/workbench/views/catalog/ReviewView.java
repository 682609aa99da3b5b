package in.workbench.views.catalog;

import in.workbench.analytics.catalog.CatalogProposal;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.WorkspaceScreen;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Review queue: open flags, most confident first. Keyboard: A accepts, R rejects, E edits the
 * selected flag (each decision is saved at once and the next flag is selected). The slider sets the
 * confidence threshold and shows the precision the held-out evaluation expects at it; "Accept all"
 * accepts every flag at or above it. "Export corrections…" writes the corrections CSV.
 */
public final class ReviewView extends WorkspaceScreen<ReviewViewModel> {

    private static final String ALL = "All";
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TableView<CatalogProposal> table = new TableView<>();

    public ReviewView(ReviewViewModel model, DialogService dialogs) {
        super("Review queue", model, ReviewViewModel::setWorkspace);
        this.dialogs = dialogs;
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().add(ALL);
        kind.getItems().addAll(CatalogViewModel.KINDS);
        kind.setValue(ALL);
        kind.setOnAction(e -> {
            model.kindProperty().set(kind.getValue() == null || kind.getValue().equals(ALL) ? "" : kind.getValue());
            model.refresh();
        });
        model.kindProperty().addListener((o, a, b) -> kind.setValue(b == null || b.isEmpty() ? ALL : b));
        Slider slider = new Slider(0.5, 0.99, 0.5);
        slider.setId("thresholdSlider");
        slider.setPrefWidth(180);
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(0.1);
        slider.valueProperty().bindBidirectional(model.thresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(model.thresholdProperty().asString(Locale.ROOT, "≥ %.2f"));
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                model.refresh();
            }
        });
        slider.setOnMouseReleased(e -> model.refresh());
        slider.setOnKeyReleased(e -> model.refresh());
        Button acceptAll = new Button("Accept all ≥ threshold");
        acceptAll.setOnAction(e -> model.acceptAllAboveThreshold());
        Button export = new Button("Export corrections…");
        export.setOnAction(e -> export());
        Button accept = new Button("Accept (A)");
        accept.setOnAction(e -> model.accept(table.getSelectionModel().getSelectedItem()));
        Button reject = new Button("Reject (R)");
        reject.setOnAction(e -> model.reject(table.getSelectionModel().getSelectedItem()));
        Button edit = new Button("Edit (E)");
        edit.setOnAction(e -> edit());
        // Two rows, what is shown and what to do with it, each control at its full width: on one row the
        // labels and buttons were cut to "F…" and "Accept …" in a window 1,360 pixels wide.
        HBox filters = new HBox(8, new Label("Flag"), kind, new Label("Confidence"), slider, thresholdValue);
        HBox actions = new HBox(8, accept, reject, edit, acceptAll, export);
        for (HBox row : List.of(filters, actions)) {
            row.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().forEach(n -> {
                if (n instanceof javafx.scene.layout.Region r) {
                    r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            });
        }
        VBox bar = new VBox(6, filters, actions);
        bar.setPadding(new Insets(8));
        Label precision = new Label();
        precision.setId("expectedPrecision");
        precision.textProperty().bind(model.expectedPrecisionProperty());
        Label status = new Label();
        status.setId("reviewStatus");
        status.textProperty().bind(model.statusProperty());
        VBox top = new VBox(4, bar, precision, status);
        top.setPadding(new Insets(0, 0, 6, 8));
        root.setTop(top);

        table.setId("reviewTable");
        table.getColumns().add(column("Product", CatalogProposal::productId, 100));
        table.getColumns().add(column("Flag", CatalogProposal::kind, 130));
        table.getColumns().add(column("Attribute", CatalogProposal::attribute, 80));
        table.getColumns().add(column("Current", p -> p.currentValue() == null || p.currentValue().isEmpty() ? "(blank)" : p.currentValue(),
                150));
        table.getColumns().add(column("Proposed", CatalogProposal::proposedValue, 150));
        table.getColumns().add(column("Confidence", p -> String.format(Locale.ROOT, "%.2f", p.confidence()), 80));
        table.getColumns().add(column("Source", CatalogProposal::source, 70));
        table.getColumns().add(column("Why", CatalogProposal::detail, 360));
        table.setItems(model.rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        table.setOnKeyPressed(e -> {
            CatalogProposal p = table.getSelectionModel().getSelectedItem();
            if (p == null) {
                return;
            }
            if (e.getCode() == KeyCode.A) {
                model.accept(p);
                e.consume();
            } else if (e.getCode() == KeyCode.R) {
                model.reject(p);
                e.consume();
            } else if (e.getCode() == KeyCode.E) {
                edit();
                e.consume();
            }
        });
        root.setCenter(table);
    }

    private void edit() {
        CatalogProposal p = table.getSelectionModel().getSelectedItem();
        if (p == null) {
            return;
        }
        TextInputDialog d = new TextInputDialog(p.proposedValue());
        d.setTitle("Edit value");
        d.setHeaderText(p.attribute() + " of " + p.productId() + " (now " + (p.currentValue() == null || p.currentValue().isEmpty()
                ? "blank" : p.currentValue()) + ")");
        d.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        d.showAndWait().ifPresent(v -> model.edit(p, v));
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export corrections");
        chooser.setInitialFileName("corrections.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            model.exportCorrections(f.toPath(), n -> dialogs.showInformation("Corrections exported", "Wrote " + n + " corrections to " + f + "."));
        }
    }

    private static TableColumn<CatalogProposal, String> column(String name, Function<CatalogProposal, String> f, double width) {
        TableColumn<CatalogProposal, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @Override
    public Node view() {
        return root;
    }
}
