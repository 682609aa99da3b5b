package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressInsights;
import in.workbench.analytics.address.AddressParts;
import in.workbench.analytics.geo.Place;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.WorkspaceScreen;
import in.workbench.views.table.PageButtons;
import in.workbench.views.task.TaskProgress;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The Addresses screen: every scored address with its score, flag and reasons, paged from the
 * database, filtered by score band, state, city, reason and text, sorted by any column; the
 * selected address's parts, its pincode's post offices and its shipments; export of exactly the
 * rows shown. With no scores yet it explains what to do and offers to train and score. Used on
 * the JavaFX thread.
 */
public final class AddressesView extends WorkspaceScreen<AddressesViewModel> {

    private static final String ALL_STATES = "all states";

    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TableView<List<Object>> table = new TableView<>();
    private final VBox details = new VBox(8);

    public AddressesView(AddressesViewModel model, DialogService dialogs) {
        super("Addresses", model, (m, ws) -> m.session().open(ws));
        this.dialogs = dialogs;
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    private void build() {
        Label heading = new Label("Addresses");
        heading.getStyleClass().add("title-3");
        ComboBox<ScoreBand> band = new ComboBox<>(FXCollections.observableArrayList(ScoreBand.values()));
        band.setId("bandFilter");
        band.valueProperty().bindBidirectional(model.bandProperty());
        ObservableList<String> stateChoices = FXCollections.observableArrayList(ALL_STATES);
        ComboBox<String> state = new ComboBox<>(stateChoices);
        state.setId("stateFilter");
        Runnable showStates = () -> {
            String keep = model.stateProperty().get();
            stateChoices.setAll(ALL_STATES);
            stateChoices.addAll(model.states());
            if (keep != null && !stateChoices.contains(keep)) {
                stateChoices.add(keep);
            }
            state.setValue(keep == null ? ALL_STATES : keep);
        };
        model.states().addListener((javafx.collections.ListChangeListener<String>) c -> showStates.run());
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst).
        showStates.run();
        state.valueProperty().addListener((o, a, b) -> model.stateProperty().set(b == null || b.equals(ALL_STATES) ? null : b));
        model.stateProperty().addListener((o, a, b) -> {
            if (b != null && !stateChoices.contains(b)) {
                stateChoices.add(b);
            }
            state.setValue(b == null ? ALL_STATES : b);
        });
        Button city = new Button();
        city.setId("cityFilter");
        city.getStyleClass().addAll("small");
        city.textProperty().bind(Bindings.createStringBinding(() -> "city: " + model.cityProperty().get() + "  ✕", model.cityProperty()));
        city.visibleProperty().bind(model.cityProperty().isNotNull());
        city.managedProperty().bind(city.visibleProperty());
        city.setOnAction(e -> model.cityProperty().set(null));
        ComboBox<String> reason = new ComboBox<>(FXCollections.observableArrayList(AddressesViewModel.REASONS));
        reason.setId("reasonFilter");
        reason.valueProperty().bindBidirectional(model.reasonProperty());
        TextField search = new TextField();
        search.setId("addressSearch");
        search.setPromptText("Search address, id, city…");
        search.setPrefColumnCount(18);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        search.textProperty().addListener((o, a, b) -> {
            debounce.setOnFinished(e -> model.searchProperty().set(b));
            debounce.playFromStart();
        });
        model.searchProperty().addListener((o, a, b) -> {
            if (!b.equals(search.getText())) {
                search.setText(b);
            }
        });
        Button export = new Button("Export view…");
        export.setId("exportAddresses");
        export.setOnAction(e -> export());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        band.setPrefWidth(210);
        state.setPrefWidth(190);
        reason.setPrefWidth(230);
        HBox filters = new HBox(8, label("Score"), band, label("State"), state, city, label("Reason"), reason, search, spacer, export);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        Label count = new Label();
        count.setId("addressCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> "Rows " + model.paging().rangeText().get() + " ("
                + model.filterDescription() + ")", model.paging().rangeText(), model.rows()));
        PageButtons pages = PageButtons.of(model::previousPage, model::nextPage);
        pages.next().setId("nextPage");
        HBox pager = new HBox(8, pages.previous(), pages.next(), count);
        pager.setAlignment(Pos.CENTER_LEFT);

        details.setPadding(new Insets(8));
        details.setId("addressDetails");
        ScrollPane detailScroll = new ScrollPane(details);
        detailScroll.setFitToWidth(true);
        showDetail(null);
        model.detailProperty().addListener((o, a, b) -> showDetail(b));
        VBox list = new VBox(6, table, pager);
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, detailScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);

        VBox empty = emptyState();
        StackPane body = new StackPane(split, empty);
        split.visibleProperty().bind(model.noScoresProperty().not());
        empty.visibleProperty().bind(model.noScoresProperty());
        Label message = new Label();
        message.setId("addressesMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.noScoresProperty().not().and(model.messageProperty().isNotEmpty()));
        message.managedProperty().bind(message.visibleProperty());
        VBox top = new VBox(8, heading, filters, message);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);
        root.setCenter(body);
        root.setPadding(new Insets(12));
    }

    private VBox emptyState() {
        Label title = new Label("No deliverability scores yet");
        title.getStyleClass().add("title-4");
        Label text = new Label();
        text.setId("emptyMessage");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.textProperty().bind(model.messageProperty());
        Button train = new Button("Train and score addresses");
        train.setId("trainAndScore");
        train.getStyleClass().add("accent");
        train.disableProperty().bind(model.trainingProperty());
        train.setOnAction(e -> model.trainAndScore());
        TaskProgress progress = new TaskProgress(model.taskProperty(), 320);
        HBox running = new HBox(8, progress.bar(), progress.cancel());
        running.setAlignment(Pos.CENTER);
        VBox runningBox = new VBox(4, running, progress.status());
        runningBox.setAlignment(Pos.CENTER);
        runningBox.visibleProperty().bind(model.trainingProperty());
        VBox box = new VBox(12, title, text, train, runningBox);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(620);
        return box;
    }

    private void buildTable() {
        table.setId("addressTable");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No address matches these filters."));
        String[] headers = {"Address id", "Score", "Flagged", "Reasons", "Address", "City", "State", "Pincode"};
        double[] widths = {90, 60, 64, 260, 300, 110, 110, 70};
        for (int i = 0; i < AddressesViewModel.COLUMNS.size(); i++) {
            int col = i;
            TableColumn<List<Object>, Object> c = new TableColumn<>(headers[i]);
            c.setUserData(AddressesViewModel.COLUMNS.get(i));
            c.setPrefWidth(widths[i]);
            c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().get(col)));
            c.setCellFactory(tc -> new TableCell<>() {
                @Override
                protected void updateItem(Object item, boolean empty) {
                    super.updateItem(item, empty);
                    if (empty || item == null) {
                        setText(null);
                    } else if (item instanceof Double d) {
                        setText(String.format(Locale.ROOT, "%.2f", d));
                    } else if (item instanceof Boolean b) {
                        setText(b ? "⚑ yes" : "no");
                    } else {
                        setText(item.toString());
                    }
                }
            });
            table.getColumns().add(c);
        }
        table.setSortPolicy(tv -> {
            if (!tv.getSortOrder().isEmpty()) {
                TableColumn<List<Object>, ?> c = tv.getSortOrder().get(0);
                model.sortColumnProperty().set((String) c.getUserData());
                model.ascendingProperty().set(c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.select(b));
    }

    private void showDetail(AddressesViewModel.Detail d) {
        details.getChildren().clear();
        if (d == null) {
            details.getChildren().add(new Label("Select an address to see how it was read, its pincode's post offices and its shipments."));
            ((Label) details.getChildren().get(0)).setWrapText(true);
            return;
        }
        Label text = new Label(d.text());
        text.setWrapText(true);
        text.getStyleClass().add("title-4");
        Label score = new Label(String.format("Score %.2f — %s", d.score(), d.flagged() ? "flagged: likely not delivered" : "not flagged"));
        score.setId("detailScore");
        VBox reasons = new VBox(2);
        for (String r : d.reasons()) {
            Label l = new Label("• " + r);
            l.setWrapText(true);
            reasons.getChildren().add(l);
        }
        if (d.reasons().isEmpty()) {
            reasons.getChildren().add(new Label("No problem found."));
        }
        details.getChildren().addAll(text, score, section("Why"), reasons, section("How the address was read"), partsGrid(d.parts()),
                section("Post offices of pincode " + (d.parts().pincode() == null ? "(none found)" : d.parts().pincode())), offices(d.offices()),
                section("Shipments (" + d.shipments().size() + (d.shipments().size() == 50 ? "+" : "") + ")"), shipments(d.shipments()));
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold;");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    /** The parts the parser found, as a two-column grid (shared with the Check screen). */
    static GridPane partsGrid(AddressParts p) {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(2);
        int r = 0;
        g.addRow(r++, new Label("house / flat number"), new Label(yes(p.hasHouse())));
        g.addRow(r++, new Label("building or society"), new Label(yes(p.hasBuilding())));
        g.addRow(r++, new Label("street, cross, road"), new Label(yes(p.hasStreet())));
        g.addRow(r++, new Label("landmark"), new Label(yes(p.hasLandmark()) + (p.landmarkOnly() ? " (landmark only)" : "")));
        g.addRow(r++, new Label("pincode"), new Label(p.pincode() == null ? (p.pincodeMalformed() ? "mistyped" : "missing")
                : p.pincode() + (p.pincodeExists() ? " (in the directory)" : " (not in the directory)")));
        g.addRow(r++, new Label("pincode's district, state"), new Label(p.pincodeDistrict() == null ? "—"
                : p.pincodeDistrict() + ", " + (p.pincodeState() == null ? "?" : p.pincodeState().displayName())));
        g.addRow(r++, new Label("city written"), new Label(p.statedCity() == null ? "—" : p.statedCity() + agrees(p.cityAgrees())));
        g.addRow(r++, new Label("state written"), new Label(p.statedState() == null ? "—" : p.statedState().displayName() + agrees(p.stateAgrees())));
        g.addRow(r++, new Label("locality"), new Label(p.matchedOffice() == null ? "no post office of the pincode named"
                : String.format("%s (similarity %.2f%s)", p.matchedOffice(), p.localitySimilarity(), p.localityMatches() ? "" : ", too far")));
        g.addRow(r, new Label("words, characters"), new Label(p.tokens() + ", " + p.length() + (p.devanagari() ? " (Devanagari)" : "")));
        return g;
    }

    private static String yes(boolean b) {
        return b ? "✓ yes" : "✗ no";
    }

    private static String agrees(Boolean b) {
        return b == null ? "" : b ? " (agrees with the pincode)" : " (disagrees with the pincode)";
    }

    private static Node offices(List<Place> offices) {
        if (offices.isEmpty()) {
            return new Label("—");
        }
        ListView<String> list = new ListView<>(FXCollections.observableArrayList(offices.stream()
                .map(p -> p.officeName() + " · " + p.district() + ", " + p.state().displayName()).toList()));
        list.setPrefHeight(Math.min(6, offices.size()) * 26 + 4);
        return list;
    }

    private static Node shipments(List<AddressInsights.Shipment> shipments) {
        if (shipments.isEmpty()) {
            return new Label("No shipments to this address.");
        }
        TableView<AddressInsights.Shipment> t = new TableView<>(FXCollections.observableArrayList(shipments));
        t.setId("detailShipments");
        t.getColumns().add(column("Shipment", s -> s.id()));
        t.getColumns().add(column("Ordered", s -> String.valueOf(s.orderDate())));
        t.getColumns().add(column("Status", s -> s.status()));
        t.getColumns().add(column("Attempts", s -> s.attempts() == null ? "" : s.attempts().toString()));
        t.getColumns().add(column("Package", s -> s.packageType()));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(Math.min(8, shipments.size()) * 26 + 30);
        return t;
    }

    private static TableColumn<AddressInsights.Shipment, String> column(String title,
            java.util.function.Function<AddressInsights.Shipment, String> value) {
        TableColumn<AddressInsights.Shipment, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        return c;
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the addresses shown");
        chooser.setInitialFileName("addresses.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV file", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            model.export(f.toPath(), r -> dialogs.showInformation("Export done", String.format("Wrote %,d addresses to %s (provenance in %s).",
                    r.rows(), r.file(), r.provenanceFile().getFileName())));
        }
    }
}
