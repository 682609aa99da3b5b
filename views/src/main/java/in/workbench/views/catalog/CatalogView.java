package in.workbench.views.catalog;

import in.workbench.analytics.catalog.CatalogStore.ProductRow;
import in.workbench.views.shell.WorkspaceScreen;
import in.workbench.views.table.PageButtons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Catalog screen: products paged from the database with their colour and material, the colour
 * read from the title and from the image; blank attributes and contradicted values highlighted; the
 * selected product's title with the extracted phrase marked and its image beside it.
 */
public final class CatalogView extends WorkspaceScreen<CatalogViewModel> {

    private static final String ALL = "All";
    private final BorderPane root = new BorderPane();
    private final TableView<ProductRow> table = new TableView<>();
    private final ComboBox<String> category = new ComboBox<>();
    private final ComboBox<String> kind = new ComboBox<>();
    private final TextFlow title = new TextFlow();
    private final ImageView image = new ImageView();
    private final Label imageNote = new Label();
    private final Label details = new Label();
    private boolean updating;

    public CatalogView(CatalogViewModel model) {
        super("Catalog", model, CatalogViewModel::setWorkspace);
        TextField search = new TextField();
        search.setPromptText("Search titles or ids, Enter");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> {
            model.offsetProperty().set(0);
            model.refresh();
        });
        category.getItems().add(ALL);
        category.setValue(ALL);
        Runnable showCategories = () -> {
            updating = true;
            List<String> items = new ArrayList<>(List.of(ALL));
            items.addAll(model.categories());
            category.getItems().setAll(items);
            category.setValue(model.categoryProperty().get().isEmpty() ? ALL : model.categoryProperty().get());
            updating = false;
        };
        model.categories().addListener((javafx.collections.ListChangeListener<String>) c -> showCategories.run());
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst).
        showCategories.run();
        kind.getItems().add(ALL);
        kind.getItems().addAll(CatalogViewModel.KINDS);
        kind.setValue(ALL);
        category.setOnAction(e -> changed());
        kind.setOnAction(e -> changed());
        model.categoryProperty().addListener((o, a, b) -> {
            updating = true;
            category.setValue(b == null || b.isEmpty() ? ALL : b);
            updating = false;
        });
        model.kindProperty().addListener((o, a, b) -> {
            updating = true;
            kind.setValue(b == null || b.isEmpty() ? ALL : b);
            updating = false;
        });
        Button train = new Button("Train models");
        train.setOnAction(e -> model.trainModels());
        Button check = new Button("Run checks");
        check.setOnAction(e -> model.runChecks());
        PageButtons pages = PageButtons.of(model::previousPage, model::nextPage);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, new Label("Category"), category, new Label("Flag"), kind, search, train, check, pages.previous(), pages.next(), status);
        bar.setPadding(new Insets(8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label metrics = new Label();
        metrics.setId("catalogMetrics");
        metrics.setWrapText(true);
        metrics.textProperty().bind(model.metricsProperty());
        metrics.setPadding(new Insets(0, 8, 4, 8));
        root.setTop(new VBox(bar, metrics));

        table.setId("catalogTable");
        table.getColumns().add(column("Product", ProductRow::productId, 100));
        table.getColumns().add(column("Title", ProductRow::title, 320));
        table.getColumns().add(column("Category", ProductRow::category, 110));
        table.getColumns().add(column("Subcategory", ProductRow::subcategory, 130));
        TableColumn<ProductRow, String> colour = column("Colour", r -> r.color() == null || r.color().isBlank() ? "(missing)" : r.color(), 90);
        colour.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ProductRow r = empty ? null : getTableRow().getItem();
                setText(empty ? null : item);
                if (r == null) {
                    setStyle("");
                } else if (r.color() == null || r.color().isBlank()) {
                    setStyle("-fx-background-color: #fff3cd; -fx-text-fill: #7a5a00;");
                } else if (r.flagKinds() != null && (r.flagKinds().contains("conflict") || r.flagKinds().contains("image_mismatch"))) {
                    setStyle("-fx-background-color: #f8d7da; -fx-text-fill: #842029; -fx-font-weight: bold;");
                } else {
                    setStyle("");
                }
            }
        });
        table.getColumns().add(colour);
        table.getColumns().add(column("In title", ProductRow::titleColour, 80));
        table.getColumns().add(column("In image", r -> r.imageStatus() == null ? "" : r.imageStatus().equals("ok") ? r.imageColour()
                : "(" + r.imageStatus() + ")", 90));
        table.getColumns().add(column("Material", ProductRow::material, 100));
        table.getColumns().add(column("Flags", r -> r.flagKinds() == null ? "" : r.flagKinds(), 140));
        table.setItems(model.rows());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((o, a, b) -> showDetails(b));
        model.selectedImageProperty().addListener((o, a, b) -> showImage(b));

        image.setFitWidth(160);
        image.setFitHeight(160);
        image.setPreserveRatio(true);
        image.setSmooth(false);
        title.setId("catalogTitle");
        title.setPrefWidth(260);
        details.setWrapText(true);
        imageNote.setWrapText(true);
        VBox side = new VBox(10, new Label("Title (colour phrase marked)"), title, image, imageNote, details);
        side.setPadding(new Insets(8));
        side.setMinWidth(240);
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.75);
        root.setCenter(split);
    }

    private void changed() {
        if (updating) {
            return;
        }
        String c = category.getValue();
        String k = kind.getValue();
        model.categoryProperty().set(c == null || c.equals(ALL) ? "" : c);
        model.kindProperty().set(k == null || k.equals(ALL) ? "" : k);
        model.offsetProperty().set(0);
        model.refresh();
    }

    private static TableColumn<ProductRow, String> column(String name, Function<ProductRow, String> f, double width) {
        TableColumn<ProductRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void showDetails(ProductRow r) {
        title.getChildren().clear();
        if (r == null) {
            details.setText("");
            return;
        }
        String[] parts = CatalogViewModel.titleParts(r);
        Text before = new Text(parts[0]);
        Text span = new Text(parts[1]);
        span.setId("markedSpan");
        span.setStyle("-fx-font-weight: bold; -fx-fill: #0b5ed7; -fx-underline: true;");
        Text after = new Text(parts[2]);
        title.getChildren().addAll(before, span, after);
        details.setText("Colour attribute: " + (r.color() == null || r.color().isBlank() ? "missing" : r.color())
                + "\nColour in title: " + (r.titleColour() == null ? "none found" : r.titleColour())
                + "\nColour in image: " + (r.imageStatus() == null ? "no image" : r.imageStatus().equals("ok") ? r.imageColour() + " ("
                        + r.imageHex() + ")" : r.imageStatus())
                + "\nMaterial: " + (r.material() == null ? "" : r.material())
                + (r.flagKinds() == null ? "" : "\nFlags: " + r.flagKinds()));
    }

    private void showImage(Path p) {
        if (p == null) {
            image.setImage(null);
            imageNote.setText(model.selectedProperty().get() == null ? "" : "No image.");
            return;
        }
        if (!Files.isRegularFile(p)) {
            image.setImage(null);
            imageNote.setText("The image file is missing: " + p);
            return;
        }
        Image img = new Image(p.toUri().toString(), 160, 160, true, false, false);
        if (img.isError()) {
            image.setImage(null);
            imageNote.setText("The image cannot be read: " + p.getFileName());
        } else {
            image.setImage(img);
            imageNote.setText(p.getFileName().toString());
        }
    }

    @Override
    public Node view() {
        return root;
    }
}
