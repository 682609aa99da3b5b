package in.workbench.views.labeling;

import in.workbench.analytics.labeling.LabelMerge;
import in.workbench.analytics.labeling.LabelingQueue;
import in.workbench.analytics.segmentation.Segment;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.chart.ChartData;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.Screen;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Labeling screen: one address at a time, its segmentation as coloured spans, and one key per
 * decision (keys shown on screen and remappable). Tab moves between spans, ↑/↓ change a span's
 * label, Shift+→/← move its end; Backspace undoes. Progress, pace, the segmenter's held-out span
 * F1 and its learning curve sit beside it; labels export to and merge from address_labels.csv.
 * Used on the JavaFX thread.
 */
public final class LabelingView implements Screen {

    private final LabelingViewModel model;
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final Label address = new Label();
    private final FlowPane spans = new FlowPane(6, 6);
    private final Label why = new Label();
    private final Label group = new Label();
    private final Label message = new Label();
    private final Label progress = new Label();
    private final Label quality = new Label();
    private final Label saveState = new Label();
    private final Label team = new Label();
    private final FlowPane legend = new FlowPane(8, 8);
    private final XYSeries curveSeries = new XYSeries("span F1 (held-out)");
    private final ChartCard chart = new ChartCard("Learning curve");
    private final JFreeChart curveChart;
    private Workspace pending;

    public LabelingView(LabelingViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        root.setId("labelingScreen");
        root.setPadding(new Insets(16));
        root.setFocusTraversable(true);
        Label heading = new Label("Labeling");
        heading.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        address.setId("labelAddress");
        address.setWrapText(true);
        address.setStyle("-fx-font-size: 1.35em;");
        spans.setId("labelSpans");
        why.setId("labelWhy");
        why.setStyle("-fx-opacity: 0.75;");
        why.setWrapText(true);
        group.setId("labelGroup");
        message.setId("labelMessage");
        message.setWrapText(true);
        message.setStyle("-fx-font-weight: bold;");
        progress.setId("labelProgress");
        quality.setId("labelQuality");
        quality.setWrapText(true);
        legend.setId("labelKeys");
        saveState.setId("labelSaveState");
        saveState.setWrapText(true);
        saveState.setStyle("-fx-opacity: 0.8;");
        team.setId("labelTeam");
        team.setWrapText(true);
        VBox card = new VBox(12, address, spans, why, group, message);
        card.setPadding(new Insets(16));
        card.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
        card.setMinHeight(220);
        Label spanHelp = new Label();
        spanHelp.setWrapText(true);
        spanHelp.setStyle("-fx-opacity: 0.75;");
        spanHelp.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Correct a segment: "
                + KeyBindings.keyText(model.keys().get(LabelingAction.NEXT_SPAN)) + " / "
                + KeyBindings.keyText(model.keys().get(LabelingAction.PREVIOUS_SPAN)) + " choose a span, "
                + KeyBindings.keyText(model.keys().get(LabelingAction.LABEL_UP)) + " "
                + KeyBindings.keyText(model.keys().get(LabelingAction.LABEL_DOWN)) + " change its label, "
                + KeyBindings.keyText(model.keys().get(LabelingAction.GROW_SPAN)) + " / "
                + KeyBindings.keyText(model.keys().get(LabelingAction.SHRINK_SPAN)) + " move its end. "
                + "Corrected segments are saved with the label.", model.keys()));
        VBox centre = new VBox(14, heading, progress, team, card, saveState, legend, spanHelp, quality);
        root.setCenter(centre);

        XYSeriesCollection data = new XYSeriesCollection(curveSeries);
        curveChart = ChartFactory.createXYLineChart(null, "analysts' labels", "held-out span F1", data,
                PlotOrientation.VERTICAL, false, true, false);
        XYPlot plot = curveChart.getXYPlot();
        plot.getRangeAxis().setRange(0, 1);
        ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
        chart.setId("learningCurve");
        chart.setPrefSize(540, 330);
        chart.setMinWidth(540);
        chart.showMessage("The learning curve appears once analysts have corrected segments and the segmenter has retrained.");
        Button retrain = new Button("Retrain now");
        retrain.setId("retrainNow");
        retrain.setOnAction(e -> model.retrain());
        retrain.disableProperty().bind(model.retrainingProperty().or(model.mayRetrainProperty().not()));
        Button export = new Button("Export labels…");
        export.setOnAction(e -> exportLabels());
        Button merge = new Button("Merge labels…");
        merge.setOnAction(e -> mergeLabels());
        Button keysButton = new Button("Keys…");
        keysButton.setId("remapKeys");
        keysButton.setOnAction(e -> remapKeys());
        Label training = new Label("Retraining in the background …");
        training.visibleProperty().bind(model.retrainingProperty());
        HBox buttons = new HBox(8, retrain, export, merge, keysButton);
        VBox side = new VBox(10, chart, buttons, training);
        side.setPadding(new Insets(0, 0, 0, 16));
        root.setRight(side);
        HBox.setHgrow(centre, Priority.ALWAYS);

        address.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            LabelingQueue.Item it = model.currentProperty().get();
            return it == null ? "" : it.address().text();
        }, model.currentProperty()));
        why.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            LabelingQueue.Item it = model.currentProperty().get();
            return it == null ? "" : "Why this address: " + it.why() + " · " + it.address().id()
                    + (it.address().pincode() == null || it.address().pincode().isBlank() ? "" : " · pincode column " + it.address().pincode());
        }, model.currentProperty()));
        group.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            LabelingQueue.Item it = model.currentProperty().get();
            return it == null || it.duplicates().isEmpty() ? "" : "Your decision also labels " + it.duplicates().size()
                    + " near-duplicate " + (it.duplicates().size() == 1 ? "address" : "addresses") + " (one undo step).";
        }, model.currentProperty()));
        message.textProperty().bind(model.messageProperty());
        progress.textProperty().bind(model.progressProperty());
        quality.textProperty().bind(model.qualityProperty());
        saveState.textProperty().bind(model.saveStateProperty());
        team.textProperty().bind(model.teamProperty());
        team.managedProperty().bind(team.textProperty().isNotEmpty());
        model.segmentationProperty().addListener((o, a, b) -> drawSpans());
        model.selectedSpanProperty().addListener((o, a, b) -> drawSpans());
        model.keys().addListener((javafx.collections.MapChangeListener<LabelingAction, String>) ch -> drawLegend());
        model.curve().addListener((javafx.collections.ListChangeListener<SegmentationTrainer.CurvePoint>) ch -> drawCurve());
        drawLegend();

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            if (isDecision(e) && model.needsAnalystName() && !askName()) {
                e.consume();
                return;
            }
            if (model.handleKey(e.getCode().name(), e.isShiftDown())) {
                e.consume();
            }
        });
        root.setOnMouseClicked(e -> root.requestFocus());
    }

    private boolean isDecision(KeyEvent e) {
        String k = (e.isShiftDown() ? "Shift+" : "") + e.getCode().name();
        for (LabelingAction a : List.of(LabelingAction.DELIVERABLE, LabelingAction.UNDELIVERABLE,
                LabelingAction.UNSURE)) {
            String bound = model.keys().get(a);
            if (k.equals(bound) || e.getCode().name().equals(bound)) {
                return true;
            }
        }
        return false;
    }

    /** Asks once for the analyst's name; false when the analyst cancels. */
    private boolean askName() {
        TextInputDialog d = new TextInputDialog(model.analystName());
        d.setTitle("Your name");
        d.setHeaderText("Labels are saved with the analyst's name. Which name should yours carry?");
        d.setContentText("Analyst name:");
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        Optional<String> name = d.showAndWait();
        name.ifPresent(model::confirmAnalyst);
        root.requestFocus();
        return name.isPresent() && !name.get().isBlank();
    }

    private void drawSpans() {
        spans.getChildren().clear();
        Segmentation s = model.segmentationProperty().get();
        if (s == null) {
            return;
        }
        List<Segment> segs = s.segments();
        for (int i = 0; i < segs.size(); i++) {
            Segment seg = segs.get(i);
            Label text = new Label(seg.text());
            text.setStyle("-fx-text-fill: #1b1b1b; -fx-font-size: 1.1em;");
            Label tag = new Label(seg.label().name() + (seg.confidence() < 0.999 ? String.format(Locale.ROOT, " %.0f%%", 100 * seg.confidence()) : ""));
            tag.setStyle("-fx-text-fill: #333333; -fx-font-size: 0.75em; -fx-font-weight: bold;");
            VBox box = new VBox(1, text, tag);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(4, 8, 4, 8));
            boolean selected = i == model.selectedSpanProperty().get();
            box.setStyle("-fx-background-color: " + SegmentColours.of(seg.label()) + "; -fx-background-radius: 5; -fx-border-radius: 5; "
                    + (selected ? "-fx-border-color: #1f4fbf; -fx-border-width: 2.5;" : "-fx-border-color: transparent; -fx-border-width: 2.5;"));
            box.setId("span" + i);
            spans.getChildren().add(box);
        }
    }

    private void drawLegend() {
        legend.getChildren().clear();
        for (LabelingAction a : List.of(LabelingAction.DELIVERABLE, LabelingAction.UNDELIVERABLE,
                LabelingAction.UNSURE, LabelingAction.SKIP, LabelingAction.UNDO,
                LabelingAction.RETRAIN, LabelingAction.REFRESH)) {
            Button b = new Button(KeyBindings.keyText(model.keys().get(a)) + "  " + a.words());
            b.setFocusTraversable(false);
            b.setId("key-" + a.name());
            b.setOnAction(e -> {
                if (a.label() != null && model.needsAnalystName() && !askName()) {
                    return;
                }
                model.perform(a);
                root.requestFocus();
            });
            legend.getChildren().add(b);
        }
    }

    private void drawCurve() {
        curveSeries.clear();
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (SegmentationTrainer.CurvePoint p : model.curve()) {
            if (p.spanF1() != null) {
                curveSeries.addOrUpdate((double) p.analystLabels(), p.spanF1().doubleValue());
                rows.add(List.of(p.trainedAt().toString(), p.analystLabels(), p.analystSegmentations(), p.heldOut(), p.spanF1()));
            }
        }
        if (rows.isEmpty()) {
            chart.showMessage("The learning curve appears once analysts have corrected segments and the segmenter has retrained.");
        } else {
            chart.setChart(curveChart, new ChartData(List.of("trained_at", "analyst_labels", "analyst_segmentations", "held_out",
                    "span_f1"), rows));
        }
    }

    private void remapKeys() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Keys");
        d.setHeaderText("Select an action and press the key it should have (Escape closes).");
        ListView<LabelingAction> list = new ListView<>();
        list.getItems().setAll(LabelingAction.values());
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(LabelingAction a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : String.format("%-16s %s", a.words(), KeyBindings.keyText(model.keys().get(a))));
            }
        });
        list.getSelectionModel().select(0);
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode().isArrowKey() && !e.isShiftDown() || e.getCode() == KeyCode.ENTER) {
                return;
            }
            if (e.getCode().isModifierKey()) {
                return;
            }
            LabelingAction a = list.getSelectionModel().getSelectedItem();
            if (a != null) {
                model.rebind(a, (e.isShiftDown() ? "Shift+" : "") + e.getCode().name());
                list.refresh();
            }
            e.consume();
        });
        Button reset = new Button("Default keys");
        reset.setOnAction(e -> {
            model.resetKeys();
            list.refresh();
        });
        GridPane content = new GridPane();
        content.add(list, 0, 0);
        content.add(reset, 0, 1);
        list.setPrefSize(360, 320);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        d.showAndWait();
        root.requestFocus();
    }

    private void exportLabels() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export labels as address_labels.csv");
        chooser.setInitialFileName("address_labels.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            model.exportLabels(f.toPath(), sentence -> dialogs.showInformation("Labels exported", sentence));
        }
    }

    private void mergeLabels() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Merge another analyst's address_labels.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            model.mergeLabels(f.toPath(), this::showMerge);
        }
    }

    private void showMerge(LabelMerge.Result r) {
        StringBuilder sb = new StringBuilder(r.agreement().sentence());
        sb.append(String.format(Locale.ROOT, "%n%nImported %,d labels (%,d rejected, %,d for addresses not in this workspace).",
                r.imported().imported(), r.imported().rejected(), r.imported().unresolved()));
        if (!r.agreement().disagreements().isEmpty()) {
            sb.append("\n\nDisagreements to resolve (the newest label counts; label the address again to settle it):");
            r.agreement().disagreements().stream().limit(30).forEach(d -> sb.append(String.format(Locale.ROOT, "%n%s  %s: %s, %s: %s  — %s",
                    d.addressId(), d.ourAnalyst(), d.ours(), d.theirAnalyst(), d.theirs(), d.addressText())));
            if (r.agreement().disagreements().size() > 30) {
                sb.append(String.format(Locale.ROOT, "%n… and %d more (Data browser, table address_labels).",
                        r.agreement().disagreements().size() - 30));
            }
        }
        dialogs.showInformation("Labels merged", sb.toString());
    }

    @Override
    public String title() {
        return "Labeling";
    }

    @Override
    public Node view() {
        if (pending != null) {
            model.setWorkspace(pending);
            pending = null;
        }
        Platform.runLater(root::requestFocus);
        return root;
    }

    /** The queue is prepared when the screen is first shown for a workspace, not at every opening. */
    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        if (root.getScene() != null) {
            model.setWorkspace(workspace);
        } else {
            pending = workspace;
        }
    }

    /** The view model (tests use it). */
    public LabelingViewModel model() {
        return model;
    }
}
