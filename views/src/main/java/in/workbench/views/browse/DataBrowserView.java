package in.workbench.views.browse;

import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.WorkspaceScreen;
import in.workbench.views.table.PageButtons;
import java.io.File;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The data browser: one paged table for every table and view of the workspace, with a filter
 * field under each column header, a search box, sorting by header click, the row count, the
 * selected row's details, and export of exactly the filtered rows.
 */
public final class DataBrowserView extends WorkspaceScreen<DataBrowserViewModel> {

    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TableView<List<Object>> table = new TableView<>();

    public DataBrowserView(DataBrowserViewModel model, DialogService dialogs) {
        super("Data browser", model, DataBrowserViewModel::setWorkspace);
        this.dialogs = dialogs;
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    /** Opens {@code filter.get("table")} filtered by every other entry (see {@link in.workbench.views.shell.Navigator}). */
    @Override
    public void applyFilter(java.util.Map<String, String> filter) {
        String name = filter.get("table");
        if (name == null || name.isBlank()) {
            return;
        }
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>(filter);
        columns.remove("table");
        model.show(name.toLowerCase(java.util.Locale.ROOT), columns);
    }

    private void build() {
        ComboBox<String> tables = new ComboBox<>(model.tables());
        tables.setId("tableChooser");
        tables.valueProperty().bindBidirectional(model.tableProperty());
        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Search all text columns");
        search.setPrefColumnCount(24);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        search.textProperty().addListener((obs, o, n) -> {
            debounce.setOnFinished(e -> model.setSearch(n));
            debounce.playFromStart();
        });
        Button export = new Button("Export view…");
        export.setId("exportView");
        export.setOnAction(e -> chooseExport());
        Label count = new Label();
        count.setId("rowCount");
        count.textProperty().bind(model.statusProperty());
        PageButtons pages = PageButtons.of(model::previousPage, model::nextPage);
        pages.previous().setId("previousPage");
        pages.next().setId("nextPage");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, new Label("Table"), tables, search, spacer, count, pages.previous(), pages.next(), export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));

        table.setId("browserTable");
        table.setPlaceholder(new Label("No rows"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setSortPolicy(tv -> {
            if (!tv.getSortOrder().isEmpty()) {
                TableColumn<List<Object>, ?> c = tv.getSortOrder().get(0);
                model.sortBy((String) c.getUserData(), c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.setItems(model.rows());
        model.columns().addListener((javafx.collections.ListChangeListener<ColumnInfo>) ch -> rebuildColumns());
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst).
        rebuildColumns();
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> model.selectedProperty().set(n));

        TextArea details = new TextArea();
        details.setId("rowDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.textProperty().bind(model.detailsProperty());
        details.setPromptText("Select a row to see all of its values");
        VBox side = new VBox(4, new Label("Selected row"), details);
        side.setPadding(new Insets(0, 8, 8, 0));
        VBox.setVgrow(details, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, side);
        split.setDividerPositions(0.74);
        root.setTop(top);
        root.setCenter(split);
    }

    private void rebuildColumns() {
        table.getColumns().clear();
        for (int i = 0; i < model.columns().size(); i++) {
            ColumnInfo info = model.columns().get(i);
            int index = i;
            TableColumn<List<Object>, String> c = new TableColumn<>();
            c.setUserData(info.name());
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    index < cell.getValue().size() ? shorten(CsvExporter.format(cell.getValue().get(index))) : ""));
            Label name = new Label(info.name());
            TextField filter = new TextField(model.filters().getOrDefault(info.name(), ""));
            filter.setId("filter-" + info.name());
            filter.setPromptText(info.kind() == ColumnInfo.Kind.TEXT ? "contains… ⏎" : "=, >=, a..b ⏎");
            filter.setPrefColumnCount(8);
            filter.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
            filter.addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
            filter.setOnAction(e -> model.setFilter(info.name(), filter.getText()));
            VBox header = new VBox(2, name, filter);
            header.setAlignment(Pos.CENTER_LEFT);
            c.setGraphic(header);
            c.setPrefWidth(Math.max(110, Math.min(320, info.name().length() * 11)));
            c.setStyle(info.kind() == ColumnInfo.Kind.NUMBER ? "-fx-alignment: CENTER-RIGHT;" : "-fx-alignment: CENTER-LEFT;");
            table.getColumns().add(c);
        }
    }

    private static String shorten(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 200 ? one.substring(0, 197) + "…" : one;
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the rows shown");
        chooser.setInitialFileName(model.tableProperty().get() + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            model.export(f.toPath(), r -> dialogs.showInformation("Export finished",
                    String.format("Wrote %,d rows to %s, with its provenance in %s.", r.rows(), r.file(), r.provenanceFile().getFileName())));
        }
    }
}
