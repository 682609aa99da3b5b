package in.workbench.views.imports;

import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.ImportPreview;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.workspace.DataTable;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ Import…: choose a file and its type, check the mapping of its columns against a preview
 * of the first rows with detected delimiter and types, import with progress and Cancel, then read
 * the summary and open the rejected rows. As a table of its own, the analyst names the table and
 * its id column and confirms each column's inferred type against the sample it came from.
 */
public final class ImportDialog {

    /** The type choice that imports the file as a table of its own ({@code import -t table}). */
    static final String OWN_TABLE = "table (a table of its own)";

    private final ImportViewModel model;
    private final Stage stage = new Stage();
    private final TableView<List<String>> preview = new TableView<>();
    private final Label info = new Label();
    private final Label problem = new Label();
    private final Label summary = new Label();

    /**
     * @param showRejected opens the data browser on the rejected rows of an import run
     */
    public ImportDialog(ImportViewModel model, Window owner, Consumer<Long> showRejected) {
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Import a CSV file");

        ComboBox<Object> type = new ComboBox<>();
        type.setId("importType");
        type.getItems().setAll(ImportViewModel.types());
        type.getItems().add(OWN_TABLE);
        type.setValue(model.ownTableProperty().get() ? OWN_TABLE : model.typeProperty().get());
        type.setCellFactory(l -> new TypeCell());
        type.setButtonCell(new TypeCell());
        TextField path = new TextField();
        path.setId("importPath");
        path.setPromptText("Path of a CSV file");
        path.textProperty().bindBidirectional(model.pathProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV and text", "*.csv", "*.tsv", "*.txt"));
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                path.setText(f.getAbsolutePath());
                model.loadPreview();
            }
        });
        Button load = new Button("Preview");
        load.setId("loadPreview");
        load.setOnAction(e -> model.loadPreview());
        path.setOnAction(e -> model.loadPreview());
        type.valueProperty().addListener((obs, o, n) -> {
            model.ownTableProperty().set(n == OWN_TABLE);
            if (n instanceof DataTable table) {
                model.typeProperty().set(table);
            }
            if (!model.pathProperty().get().isBlank()) {
                model.loadPreview();
            }
        });
        HBox fileRow = new HBox(8, new Label("Type"), type, new Label("File"), path, browse, load);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        TextField tableName = new TextField();
        tableName.setId("tableName");
        tableName.setPromptText("late_orders");
        tableName.textProperty().bindBidirectional(model.tableNameProperty());
        ComboBox<String> idColumn = new ComboBox<>();
        idColumn.setId("tableId");
        idColumn.valueProperty().bindBidirectional(model.idColumnProperty());
        HBox tableRow = new HBox(8, new Label("Table name"), tableName, new Label("Id column"), idColumn);
        tableRow.setAlignment(Pos.CENTER_LEFT);
        tableRow.visibleProperty().bind(model.ownTableProperty());
        tableRow.managedProperty().bind(model.ownTableProperty());
        model.tablePreviewProperty().addListener((obs, o, p) -> {
            if (p != null) {
                List<String> ids = new java.util.ArrayList<>();
                ids.add(ImportViewModel.ROW_NUMBER);
                p.columns().forEach(c -> ids.add(c.header()));
                idColumn.getItems().setAll(ids);
                idColumn.setValue(model.idColumnProperty().get());
            }
            showTablePreview(p);
        });

        preview.setId("importPreview");
        preview.setPlaceholder(new Label("Choose a file to see its first rows and how its columns map."));
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        model.previewProperty().addListener((obs, o, p) -> showPreview(p));

        problem.setId("importProblem");
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        summary.setId("importSummary");
        summary.setWrapText(true);
        Button run = new Button("Import");
        run.setId("runImport");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.canImportProperty().not());
        run.setOnAction(e -> model.runImport(s -> { }));
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(220);
        progress.setVisible(false);
        Label progressText = new Label();
        Button cancel = new Button("Cancel import");
        cancel.setVisible(false);
        model.runningProperty().addListener((obs, o, t) -> {
            if (t != null) {
                progress.progressProperty().bind(t.progressProperty());
                progress.visibleProperty().bind(t.runningProperty());
                cancel.visibleProperty().bind(t.runningProperty());
                progressText.textProperty().bind(t.messageProperty());
                cancel.setOnAction(e -> t.cancel());
            }
        });
        Button rejected = new Button("Show rejected rows");
        rejected.setId("showRejected");
        rejected.setVisible(false);
        rejected.setOnAction(e -> {
            ImportSummary s = model.summaryProperty().get();
            if (s != null) {
                showRejected.accept(s.runId());
                stage.close();
            }
        });
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        model.summaryProperty().addListener((obs, o, s) -> {
            summary.setText(s == null ? "" : s.sentence() + String.format(" (%,.0f rows/s)", s.rowsPerSecond()));
            rejected.setVisible(s != null && s.rejected() > 0);
        });
        HBox actions = new HBox(8, run, progress, progressText, cancel, rejected, close);
        actions.setAlignment(Pos.CENTER_LEFT);

        info.setId("importInfo");
        VBox top = new VBox(8, fileRow, tableRow, info);
        VBox bottom = new VBox(8, problem, summary, actions);
        BorderPane root = new BorderPane(preview, top, null, bottom, null);
        root.setPadding(new Insets(12));
        BorderPane.setMargin(preview, new Insets(8, 0, 8, 0));
        stage.setScene(new Scene(root, 980, 560));
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    private void showPreview(ImportPreview p) {
        preview.getColumns().clear();
        if (p == null) {
            preview.getItems().clear();
            info.setText("");
            return;
        }
        String delimiter = delimiterName(p.delimiter());
        info.setText(String.format("%d columns, delimiter: %s. Showing the first %d rows; pick what each column means.",
                p.headers().size(), delimiter, p.rows().size()));
        List<String> targets = model.targets();
        for (int i = 0; i < p.headers().size(); i++) {
            String header = p.headers().get(i);
            int index = i;
            TableColumn<List<String>, String> c = new TableColumn<>();
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(index < cell.getValue().size() ? cell.getValue().get(index) : ""));
            ComboBox<String> target = new ComboBox<>();
            target.setId("map-" + header);
            target.getItems().setAll(targets);
            target.setValue(model.mapping().getOrDefault(header, ImportViewModel.IGNORE));
            target.valueProperty().addListener((obs, o, n) -> model.map(header, n));
            Label name = new Label(header);
            name.setStyle("-fx-font-weight: bold;");
            Label detected = new Label(p.detectedTypes().get(header).description());
            detected.setStyle("-fx-text-fill: -color-fg-muted;");
            VBox graphic = new VBox(3, name, target, detected);
            c.setGraphic(graphic);
            c.setSortable(false);
            c.setPrefWidth(150);
            preview.getColumns().add(c);
        }
        preview.getItems().setAll(p.rows());
    }

    private void showTablePreview(GenericTableImporter.Preview p) {
        preview.getColumns().clear();
        if (p == null) {
            preview.getItems().clear();
            info.setText("");
            return;
        }
        info.setText(String.format("%d columns, delimiter: %s. Types inferred from the first %,d rows; change any that is wrong "
                + "(a code of digits kept as text). Rows that do not fit a column's type are rejected with their line.",
                p.columns().size(), delimiterName(p.delimiter()), p.sampleRows()));
        for (int i = 0; i < p.columns().size(); i++) {
            String header = p.columns().get(i).header();
            int index = i;
            TableColumn<List<String>, String> c = new TableColumn<>();
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(index < cell.getValue().size() ? cell.getValue().get(index) : ""));
            ComboBox<ColumnType> columnType = new ComboBox<>();
            columnType.setId("columnType-" + header);
            columnType.getItems().setAll(ImportViewModel.columnTypeChoices());
            columnType.setCellFactory(l -> new ColumnTypeCell());
            columnType.setButtonCell(new ColumnTypeCell());
            columnType.setValue(model.columnType(header));
            Label note = new Label(model.sampleNote(header));
            note.setId("sampleNote-" + header);
            note.setWrapText(true);
            note.setMinHeight(48);
            note.setMaxWidth(200);
            styleNote(note, p, header);
            columnType.valueProperty().addListener((obs, o, n) -> {
                model.setColumnType(header, n);
                note.setText(model.sampleNote(header));
                styleNote(note, p, header);
            });
            Label name = new Label(header);
            name.setStyle("-fx-font-weight: bold;");
            c.setGraphic(new VBox(3, name, columnType, note));
            c.setSortable(false);
            c.setPrefWidth(210);
            preview.getColumns().add(c);
        }
        preview.getItems().setAll(p.rows());
    }

    private void styleNote(Label note, GenericTableImporter.Preview p, String header) {
        boolean rejects = p.samples().stream().filter(s -> s.header().equals(header)).findFirst()
                .map(s -> s.misfits(model.columnType(header)).rows() > 0).orElse(false);
        note.setStyle("-fx-font-weight: normal; " + (rejects ? "-fx-text-fill: -color-danger-fg;" : "-fx-text-fill: -color-fg-muted;"));
    }

    private static String delimiterName(char delimiter) {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case ',' -> "comma";
            default -> "'" + delimiter + "'";
        };
    }

    private static final class TypeCell extends ListCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item instanceof DataTable t ? t.importType() : item.toString());
        }
    }

    private static final class ColumnTypeCell extends ListCell<ColumnType> {
        @Override
        protected void updateItem(ColumnType item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.description());
        }
    }
}
