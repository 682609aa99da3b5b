package in.workbench.views.labeling;

import in.workbench.analytics.segmentation.BuildingsReport;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.WorkspaceScreen;
import java.io.File;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Buildings screen: apartment buildings and societies found across the addresses, with
 * spelling variants grouped and customer and address counts per building and locality — the
 * list operations use to set up pickup points. Exportable as CSV. Used on the JavaFX thread.
 */
public final class BuildingsView extends WorkspaceScreen<BuildingsViewModel> {

    private final VBox root = new VBox(10);

    public BuildingsView(BuildingsViewModel model, DialogService dialogs, Navigator navigator) {
        super("Buildings", model, BuildingsViewModel::setWorkspace);
        root.setPadding(new Insets(16));
        root.setId("buildingsScreen");
        Label heading = new Label("Buildings");
        heading.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        Label summary = new Label();
        summary.setId("buildingsSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Button find = new Button("Find buildings");
        find.setId("findBuildings");
        find.setOnAction(e -> model.findBuildings());
        Button export = new Button("Export CSV…");
        export.setId("exportBuildings");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("buildings.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                model.export(f.toPath(), r -> dialogs.showInformation("Export finished", String.format("Wrote %,d buildings to %s "
                        + "(provenance beside it).", r.rows(), r.file())));
            }
        });
        Button browse = new Button("Open in Data browser");
        browse.setId("browseBuildings");
        browse.setOnAction(e -> navigator.open("Data browser", java.util.Map.of("table", "buildings")));
        TableView<BuildingsReport.Building> table = new TableView<>(model.buildings());
        table.setId("buildingsTable");
        table.getColumns().add(text("Building", 240, b -> b.name()));
        table.getColumns().add(text("Locality", 200, b -> b.locality()));
        table.getColumns().add(text("City", 130, b -> b.city() == null ? "" : b.city()));
        table.getColumns().add(number("Addresses", b -> b.addresses()));
        table.getColumns().add(number("Customers", b -> b.customers()));
        table.getColumns().add(text("Spellings seen", 320, b -> String.join("; ", b.variants())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(heading, summary, new HBox(8, find, export, browse), table);
    }

    private static TableColumn<BuildingsReport.Building, String> text(String title, double width,
            java.util.function.Function<BuildingsReport.Building, String> f) {
        TableColumn<BuildingsReport.Building, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<BuildingsReport.Building, Long> number(String title,
            java.util.function.Function<BuildingsReport.Building, Long> f) {
        TableColumn<BuildingsReport.Building, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setPrefWidth(105);
        c.setMinWidth(100);
        return c;
    }

    @Override
    public Node view() {
        return root;
    }
}
