package in.workbench.views.packaging;

import in.workbench.views.shell.WorkspaceScreen;
import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.Navigator;
import in.workbench.views.table.PageButtons;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Packaging screen: damage by package type and category with a category × package heat map
 * (each drills down to its shipments in the Data browser), the trade-off curve whose chosen point
 * can be dragged along it (the recommendation is recomputed in the background), the
 * recommendation table with filters and CSV export, and the model comparison. Layout and bindings
 * only; the work is in {@link PackagingViewModel}. Used on the JavaFX thread.
 */
public final class PackagingView extends WorkspaceScreen<PackagingViewModel> {

    private final Navigator navigator;
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final ChartCard byPackage = new ChartCard("Damage rate by package type");
    private final ChartCard byCategory = new ChartCard("Damage rate by category");
    private final ChartCard heat = new ChartCard("Damage rate, category × package type");
    private final ChartCard tradeOff = new ChartCard("Trade-off: expected damage vs total cost");
    private final ChartCard reliability = new ChartCard("Calibration on held-out products");
    private final GridPane comparison = new GridPane();
    private final Label notes = new Label();
    private final Label planLabel = new Label();
    private final TableView<PackagingRepository.RecommendationRow> table = new TableView<>();
    private final Label rowCount = new Label();
    private List<String> heatPackages = List.of();

    public PackagingView(PackagingViewModel model, Navigator navigator, DialogService dialogs) {
        super("Packaging", model, PackagingViewModel::setWorkspace);
        this.navigator = navigator;
        this.dialogs = dialogs;
        Label heading = new Label("Packaging");
        heading.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        Button train = new Button("Train damage model");
        train.setId("trainPackaging");
        train.disableProperty().bind(model.busyProperty());
        train.setOnAction(e -> model.train(42));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("packagingMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        train.setMinWidth(Region.USE_PREF_SIZE);
        spinner.setMinWidth(Region.USE_PREF_SIZE);
        message.setMinWidth(0);
        HBox top = new HBox(12, heading, train, spinner, message);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12, 16, 8, 16));
        root.setTop(top);

        tabs.getTabs().addAll(new Tab("Damage", damageTab()), new Tab("Trade-off and recommendations", tradeOffTab()),
                new Tab("Models", modelsTab()));
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("packagingTabs");
        root.setCenter(tabs);

        byPackage.setOnDrillDown(click -> openShipments(null, packageOf(click.category())));
        byCategory.setOnDrillDown(click -> openShipments(click.category(), null));
        heat.setOnDrillDown(click -> {
            int x = (int) Math.round(Double.parseDouble(click.category()));
            if (x >= 0 && x < heatPackages.size()) {
                openShipments(click.series(), heatPackages.get(x));
            }
        });
        model.byPackageProperty().addListener((o, a, cells) -> showBars(byPackage, cells, true));
        model.byCategoryProperty().addListener((o, a, cells) -> showBars(byCategory, cells, false));
        model.heatProperty().addListener((o, a, cells) -> showHeat(cells));
        model.curveProperty().addListener((o, a, b) -> showTradeOff());
        model.planProperty().addListener((o, a, plan) -> moveChosen(plan));
        model.comparisonProperty().addListener((o, a, c) -> showComparison(c));
        byPackage.showMessage("Loading…");
        byCategory.showMessage("Loading…");
        heat.showMessage("Loading…");
        tradeOff.showMessage("Train the damage model to see the trade-off between damage and cost.");
        reliability.showMessage("Train the damage model to compare it with a logistic regression.");
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst): show what it has.
        if (!model.byPackageProperty().get().isEmpty()) {
            showBars(byPackage, model.byPackageProperty().get(), true);
            showBars(byCategory, model.byCategoryProperty().get(), false);
            showHeat(model.heatProperty().get());
        }
        showTradeOff();
        showComparison(model.comparisonProperty().get());
    }

    private static String packageOf(String label) {
        return label.replace(" (not on ladder)", "");
    }

    /**
     * Opens the shipments behind a bar or cell in the Data browser: of a package type (table
     * shipments), or of a category, or both (view packaging_shipments). Null means any.
     */
    public void openShipments(String category, String packageType) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("table", category == null ? "shipments" : "packaging_shipments");
        if (category != null) {
            filter.put("category", "=" + category);
        }
        if (packageType != null) {
            filter.put("package_type", "=" + packageType);
        }
        navigator.open("Data browser", filter);
    }

    private Node damageTab() {
        for (ChartCard c : List.of(byPackage, byCategory, heat)) {
            c.setPrefSize(460, 340);
        }
        byPackage.setId("damageByPackage");
        byCategory.setId("damageByCategory");
        heat.setId("damageHeatMap");
        HBox bars = new HBox(12, byPackage, byCategory);
        HBox.setHgrow(byPackage, Priority.ALWAYS);
        HBox.setHgrow(byCategory, Priority.ALWAYS);
        Label hint = new Label("Click a bar or a cell to see its shipments in the Data browser. Raw rates mix products: sturdier boxes "
                + "go to fragile goods, so compare packages within a category (heat map) or trust the model.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        hint.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(12, bars, heat, hint);
        VBox.setVgrow(heat, Priority.ALWAYS);
        VBox.setVgrow(bars, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private Node tradeOffTab() {
        tradeOff.setId("tradeOff");
        tradeOff.setPrefSize(620, 300);
        planLabel.setId("planSummary");
        planLabel.setWrapText(true);
        planLabel.textProperty().bind(Bindings.createStringBinding(() -> model.planProperty().get() == null ? ""
                : PackagingViewModel.planSentence(model.planProperty().get()), model.planProperty()));
        TextField budget = new TextField();
        budget.setPromptText("damaged shipments");
        budget.setPrefColumnCount(8);
        budget.setId("damageBudget");
        Button meet = new Button("Meet budget");
        meet.setId("meetBudget");
        meet.disableProperty().bind(model.hasModelProperty().not());
        meet.setOnAction(e -> {
            try {
                model.meetBudget(Double.parseDouble(budget.getText().trim().replace(",", "")));
            } catch (NumberFormatException ex) {
                dialogs.showError("The damage budget must be a number of damaged shipments, such as 2400.", ex);
            }
        });
        ComboBox<PackagingObjective> objective = new ComboBox<>();
        objective.setId("objective");
        objective.getItems().setAll(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE);
        objective.valueProperty().bindBidirectional(model.objectiveProperty());
        objective.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PackagingObjective o) {
                return o == null ? "" : o.description();
            }

            @Override
            public PackagingObjective fromString(String s) {
                return null;
            }
        });
        Button savePlan = new Button("Save plan");
        savePlan.setId("savePlan");
        savePlan.disableProperty().bind(model.hasModelProperty().not());
        savePlan.setMinWidth(Region.USE_PREF_SIZE);
        savePlan.setOnAction(e -> model.applyObjective());
        Label objectiveLabel = new Label("Objective");
        objectiveLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox objectiveRow = new HBox(8, objectiveLabel, objective, savePlan);
        objectiveRow.setAlignment(Pos.CENTER_LEFT);
        Label saved = new Label();
        saved.setId("savedPlan");
        saved.setWrapText(true);
        saved.getStyleClass().add("text-muted");
        saved.textProperty().bind(model.savedPlanProperty());
        Label dragHint = new Label("Grey square: the current policy; green triangle: least damage at current cost; orange diamond: least "
                + "cost at current damage. Drag the red point along the curve to choose another trade-off; the table follows when you "
                + "let go.");
        dragHint.setWrapText(true);
        dragHint.getStyleClass().add("text-muted");
        Label budgetLabel = new Label("Damage budget");
        budgetLabel.setMinWidth(Region.USE_PREF_SIZE);
        meet.setMinWidth(Region.USE_PREF_SIZE);
        HBox budgetRow = new HBox(8, budgetLabel, budget, meet);
        budgetRow.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(10, objectiveRow, budgetRow, planLabel, saved, dragHint);
        side.setPrefWidth(380);
        side.setMinWidth(340);
        HBox upper = new HBox(12, tradeOff, side);
        HBox.setHgrow(tradeOff, Priority.ALWAYS);

        ComboBox<String> category = new ComboBox<>();
        category.setId("recCategory");
        category.setPromptText("All categories");
        category.setItems(model.categories());
        category.valueProperty().bindBidirectional(model.categoryFilterProperty());
        category.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "All categories" : item);
            }
        });
        Button all = new Button("All");
        all.getStyleClass().add("flat");
        all.setOnAction(e -> model.categoryFilterProperty().set(null));
        CheckBox changed = new CheckBox("Only products that change package");
        changed.setId("recChanged");
        changed.selectedProperty().bindBidirectional(model.changedOnlyProperty());
        TextField search = new TextField();
        search.setPromptText("product id contains… (Enter)");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> model.firstPage());
        PageButtons pages = PageButtons.of(model::previousPage, model::nextPage);
        rowCount.setId("recRowCount");
        rowCount.textProperty().bind(Bindings.createStringBinding(() -> model.paging().total() == 0 ? "No rows"
                : "Rows " + model.paging().rangeText().get(), model.paging().rangeText()));
        Button export = new Button("Export CSV…");
        export.setId("recExport");
        export.disableProperty().bind(model.hasModelProperty().not());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the recommendations shown (all pages)");
            chooser.setInitialFileName("packaging-recommendations.csv");
            java.io.File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) {
                model.export(f.toPath(), n -> dialogs.showInformation("Export finished", String.format("Wrote %,d recommendations to %s.", n, f)));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(8, category, all, changed, search, spacer, pages.previous(), rowCount, pages.next(), export);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("recommendations");
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("product", PackagingRepository.RecommendationRow::productId));
        table.getColumns().add(column("category", PackagingRepository.RecommendationRow::category));
        table.getColumns().add(column("subcategory", PackagingRepository.RecommendationRow::subcategory));
        table.getColumns().add(column("current", r -> r.currentPackage() == null ? "—" : r.currentPackage()));
        table.getColumns().add(column("recommended", PackagingRepository.RecommendationRow::recommendedPackage));
        table.getColumns().add(column("p now", r -> r.pDamageCurrent() == null ? "—" : percent(r.pDamageCurrent())));
        table.getColumns().add(column("p recommended", r -> percent(r.pDamageRecommended())));
        table.getColumns().add(column("Δ ₹ per shipment", r -> r.shipCostDeltaInr() == null ? "—"
                : String.format(Locale.ROOT, "%+.2f", r.shipCostDeltaInr())));
        table.getColumns().add(column("shipments", r -> String.format("%,d", r.shipments())));
        table.getColumns().add(column("objective", r -> r.objective() == null ? "—" : r.objective()));
        table.setPlaceholder(new Label("Train the damage model, then save a plan to see a recommendation per product."));
        VBox box = new VBox(10, upper, filters, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * p);
    }

    private static TableColumn<PackagingRepository.RecommendationRow, String> column(String name,
            Function<PackagingRepository.RecommendationRow, String> value) {
        TableColumn<PackagingRepository.RecommendationRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private Node modelsTab() {
        comparison.setId("modelComparison");
        comparison.setHgap(18);
        comparison.setVgap(6);
        notes.setWrapText(true);
        notes.setId("trainingNotes");
        reliability.setId("reliability");
        reliability.setPrefSize(560, 320);
        Label explain = new Label("Both models see the same product features (category, subcategory, title words, weight, dimensions, "
                + "fragile, liquid, price) and the package. The ordinal model's damage can never rise as the package gets sturdier; the "
                + "logistic regression is unconstrained. Measured on products held out from training.");
        explain.setWrapText(true);
        explain.getStyleClass().add("text-muted");
        VBox box = new VBox(12, comparison, explain, reliability, notes);
        VBox.setVgrow(reliability, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    private void showBars(ChartCard card, List<PackagingRepository.DamageCell> cells, boolean byPackage) {
        if (cells.isEmpty()) {
            card.showMessage("No shipments have reached customers yet. Import shipments.csv first.");
            return;
        }
        card.setChart(PackagingCharts.damageBars(cells, byPackage), PackagingCharts.damageData(cells, byPackage));
    }

    private void showHeat(List<PackagingRepository.DamageCell> cells) {
        if (cells.isEmpty()) {
            heat.showMessage("No shipments of catalog products have reached customers yet.");
            return;
        }
        List<String> ladder = model.byPackageProperty().get().stream().filter(c -> c.rung() >= 0).map(PackagingRepository.DamageCell::packageType)
                .toList();
        heatPackages = PackagingCharts.heatPackages(cells, ladder);
        heat.setChart(PackagingCharts.heatMap(cells, heatPackages, PackagingCharts.heatCategories(cells)), PackagingCharts.heatData(cells));
    }

    private void showTradeOff() {
        List<PackagingRecommender.CurvePoint> curve = model.curveProperty().get();
        PackagingRecommender.Plan plan = model.planProperty().get();
        PackagingViewModel.TradeOffPoints points = model.namedPointsProperty().get();
        if (curve.isEmpty() || plan == null || points == null) {
            tradeOff.showMessage("Train the damage model to see the trade-off between damage and cost.");
            return;
        }
        tradeOff.setChart(PackagingCharts.tradeOff(curve, points, plan.recommended()), PackagingCharts.tradeOffData(curve));
        installDrag();
    }

    private void moveChosen(PackagingRecommender.Plan plan) {
        JFreeChart chart = tradeOff.chart();
        if (plan == null || chart == null) {
            showTradeOff();
            return;
        }
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        var chosen = data.getSeries(PackagingCharts.CHOSEN);
        chosen.clear();
        chosen.add(plan.recommended().expectedDamaged(), plan.recommended().totalInr() / 1e5);
    }

    private ChartCanvas dragCanvas;

    /** Dragging the chosen point: x follows the mouse along the curve; the plan is recomputed, and saved on release. */
    private void installDrag() {
        ChartCanvas canvas = find(tradeOff, ChartCanvas.class);
        if (canvas == null || canvas == dragCanvas) {
            return;
        }
        dragCanvas = canvas;
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            dragTo(canvas, e.getX(), false);
            e.consume();
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            dragTo(canvas, e.getX(), false);
            e.consume();
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            dragTo(canvas, e.getX(), true);
            e.consume();
        });
    }

    private void dragTo(ChartCanvas canvas, double x, boolean save) {
        JFreeChart chart = tradeOff.chart();
        if (chart == null || canvas.getRenderingInfo() == null) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        java.awt.geom.Rectangle2D area = canvas.getRenderingInfo().getPlotInfo().getDataArea();
        double damage = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
        chooseNearest(damage, save);
    }

    /** Chooses the curve point nearest to {@code expectedDamage} (tests call it as a drag would). */
    public void chooseNearest(double expectedDamage, boolean save) {
        List<PackagingRecommender.CurvePoint> curve = model.curveProperty().get();
        if (curve.isEmpty()) {
            return;
        }
        PackagingRecommender.CurvePoint best = curve.get(0);
        for (PackagingRecommender.CurvePoint p : curve) {
            if (Math.abs(p.expectedDamaged() - expectedDamage) < Math.abs(best.expectedDamaged() - expectedDamage)) {
                best = p;
            }
        }
        JFreeChart chart = tradeOff.chart();
        if (chart != null) {
            var chosen = ((XYSeriesCollection) chart.getXYPlot().getDataset()).getSeries(PackagingCharts.CHOSEN);
            chosen.clear();
            chosen.add(best.expectedDamaged(), best.totalInr() / 1e5);
        }
        model.chooseDamage(best.damageBudget(), save);
    }

    private static <T> T find(Node node, Class<T> type) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void showComparison(PackagingTrainer.Comparison c) {
        comparison.getChildren().clear();
        if (c == null) {
            notes.setText("");
            reliability.showMessage("Train the damage model to compare it with a logistic regression.");
            return;
        }
        String[] head = {"model", "held-out AUC", "log-loss", "Brier", "products breaking the ladder's order", "training"};
        for (int i = 0; i < head.length; i++) {
            Label l = new Label(head[i]);
            l.setStyle("-fx-font-weight: bold;");
            comparison.add(l, i, 0);
        }
        int row = 1;
        for (PackagingTrainer.Metrics m : List.of(c.ordinal(), c.baseline())) {
            comparison.add(new Label(m == c.ordinal() ? m.model() + " (used)" : m.model() + " (unconstrained)"), 0, row);
            comparison.add(new Label(String.format(Locale.ROOT, "%.3f", m.auc())), 1, row);
            comparison.add(new Label(String.format(Locale.ROOT, "%.4f", m.logLoss())), 2, row);
            comparison.add(new Label(String.format(Locale.ROOT, "%.4f", m.brier())), 3, row);
            Label v = new Label(String.format("%,d of %,d", m.violatingProducts(), c.catalogProducts()));
            v.setId(m == c.ordinal() ? "ordinalViolations" : "baselineViolations");
            comparison.add(v, 4, row);
            comparison.add(new Label(String.format(Locale.ROOT, "%.1f s", m.trainMillis() / 1000.0)), 5, row);
            row++;
        }
        Label split = new Label(String.format("Held out %,d products (%,d shipments, %,d damaged); trained on %,d products; seed %d.",
                c.heldOutProducts(), c.heldOutShipments(), c.heldOutDamaged(), c.trainProducts(), c.seed()));
        comparison.add(split, 0, row, head.length, 1);
        notes.setText(c.notes().isEmpty() ? "" : "Notes: " + String.join(" ", c.notes()));
        reliability.setChart(PackagingCharts.reliability(c), PackagingCharts.reliabilityData(c));
    }

    /** The chart cards, for tests and screenshots. */
    public List<ChartCard> charts() {
        return List.of(byPackage, byCategory, heat, tradeOff, reliability);
    }

    /** Selects a tab by index (0 damage, 1 trade-off, 2 models). */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    @Override
    public Node view() {
        return root;
    }

    /** {@code {"category": "Home"}} opens the recommendations of that category. */
    @Override
    public void applyFilter(Map<String, String> filter) {
        String category = filter.get("category");
        if (category != null) {
            model.categoryFilterProperty().set(category.startsWith("=") ? category.substring(1) : category);
            showTab(1);
        }
    }
}
