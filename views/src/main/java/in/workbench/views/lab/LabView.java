package in.workbench.views.lab;

import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.lab.CandidateResult;
import in.workbench.analytics.lab.LabResult;
import in.workbench.analytics.lab.LabTask;
import in.workbench.views.shell.WorkspaceScreen;
import in.workbench.views.task.TaskProgress;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Model lab screen: on the left the table or view, the target, the features (with the lab's
 * defaults and the reason for each left out), the candidates and the validation, with Train,
 * Cancel and the late-delivery template; on the right the candidates side by side (metrics
 * table, ROC and calibration curves), the confusion matrix and feature importance of the kept
 * one, Save and "Score this table". Layout and bindings only; the work is in {@link LabViewModel}.
 */
public final class LabView extends WorkspaceScreen<LabViewModel> {

    private final BorderPane root = new BorderPane();
    private final TableView<CandidateResult> metrics = new TableView<>();
    private final ChartViewer roc = new ChartViewer(null);
    private final ChartViewer calibration = new ChartViewer(null);
    private final ChartViewer importance = new ChartViewer(null);
    private final GridPane confusion = new GridPane();
    private final Label confusionTitle = new Label("Confusion matrix");

    public LabView(LabViewModel model) {
        super("Model lab", model, LabViewModel::setWorkspace);
        root.setLeft(controls());
        root.setCenter(results());
        model.resultProperty().addListener((o, before, now) -> show(now));
        if (model.resultProperty().get() != null) {
            show(model.resultProperty().get());
        }
    }

    private Node controls() {
        ComboBox<String> table = new ComboBox<>(model.tables());
        table.setId("labTable");
        table.valueProperty().bindBidirectional(model.tableProperty());
        table.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> target = new ComboBox<>(model.columns());
        target.setId("labTarget");
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setMaxWidth(Double.MAX_VALUE);
        ComboBox<LabTask> task = new ComboBox<>();
        task.getItems().setAll(LabTask.values());
        task.valueProperty().bindBidirectional(model.taskProperty());
        ListView<LabViewModel.FeatureChoice> features = new ListView<>(model.features());
        features.setId("labFeatures");
        features.setCellFactory(CheckBoxListCell.forListView(LabViewModel.FeatureChoice::usedProperty));
        features.setPrefHeight(230);
        VBox candidates = new VBox(4);
        candidates.setId("labCandidates");
        Runnable showAlgorithms = () -> {
            candidates.getChildren().clear();
            for (LabViewModel.AlgorithmChoice a : model.algorithms()) {
                CheckBox box = new CheckBox(a.algorithm().title());
                box.selectedProperty().bindBidirectional(a.selectedProperty());
                candidates.getChildren().add(box);
            }
        };
        model.algorithms().addListener((javafx.collections.ListChangeListener<LabViewModel.AlgorithmChoice>) c -> showAlgorithms.run());
        // The view model may have loaded before the screen is built (DeferredScreen.loadingFirst).
        showAlgorithms.run();
        ComboBox<String> validation = new ComboBox<>();
        validation.getItems().setAll(LabViewModel.FIVE_FOLD, LabViewModel.BY_TIME);
        validation.valueProperty().bindBidirectional(model.validationProperty());
        ComboBox<String> timeColumn = new ComboBox<>(model.columns());
        timeColumn.setPromptText("time column");
        timeColumn.valueProperty().bindBidirectional(model.timeColumnProperty());
        timeColumn.disableProperty().bind(model.validationProperty().isNotEqualTo(LabViewModel.BY_TIME));
        Button template = new Button("Late delivery (template)");
        template.setId("labTemplate");
        template.setOnAction(e -> model.lateDeliveryTemplate());
        Button train = new Button("Train");
        train.setId("labTrain");
        train.setDefaultButton(true);
        train.setOnAction(e -> model.train());
        TaskProgress progress = new TaskProgress(model.runningProperty(), 200);
        VBox box = new VBox(6, template, new Label("Table or view"), table, new Label("Target"), target, new Label("Task"), task,
                new Label("Features"), features, new Label("Candidates"), candidates, new Label("Validation"), validation, timeColumn,
                new HBox(8, train, progress.cancel()), progress.bar(), progress.status());
        box.setPadding(new Insets(10));
        box.setPrefWidth(330);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node results() {
        metrics.setId("labMetrics");
        metrics.setPrefHeight(170);
        metrics.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<CandidateResult, String> name = new TableColumn<>("Candidate");
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().algorithm().title()
                + (model.resultProperty().get() != null && model.resultProperty().get().kept() == c.getValue().algorithm() ? "  (kept)" : "")));
        name.setPrefWidth(200);
        metrics.getColumns().add(name);
        roc.setPrefSize(380, 300);
        calibration.setPrefSize(380, 300);
        importance.setPrefSize(380, 260);
        Label status = new Label();
        status.setId("labStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label notes = new Label();
        notes.setWrapText(true);
        notes.textProperty().bind(model.notesProperty());
        TextField modelName = new TextField();
        modelName.textProperty().bindBidirectional(model.modelNameProperty());
        Button save = new Button("Save model");
        save.setId("labSave");
        save.setOnAction(e -> model.save());
        Button score = new Button("Score this table");
        score.setId("labScore");
        score.setOnAction(e -> model.scoreTable());
        score.disableProperty().bind(model.savedModelProperty().isNull());
        confusion.setHgap(12);
        confusion.setVgap(4);
        VBox confusionBox = new VBox(6, confusionTitle, confusion);
        HBox charts = new HBox(10, roc, calibration);
        HBox lower = new HBox(16, importance, confusionBox);
        HBox saving = new HBox(8, new Label("Name"), modelName, save, score);
        VBox box = new VBox(8, status, metrics, charts, lower, notes, saving);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void show(LabResult r) {
        metrics.getItems().clear();
        metrics.getColumns().remove(1, metrics.getColumns().size());
        confusion.getChildren().clear();
        if (r == null) {
            roc.setChart(null);
            calibration.setChart(null);
            importance.setChart(null);
            return;
        }
        List<String> names = r.candidates().stream().flatMap(c -> c.metrics().keySet().stream()).distinct().toList();
        for (String metric : names) {
            TableColumn<CandidateResult, String> col = new TableColumn<>(metric.replace('_', ' '));
            col.setPrefWidth(90);
            col.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().failure() != null ? "—"
                    : String.format(Locale.ROOT, "%.4f", c.getValue().metric(metric))));
            metrics.getColumns().add(col);
        }
        TableColumn<CandidateResult, String> time = new TableColumn<>("seconds");
        time.setCellValueFactory(c -> new SimpleStringProperty(String.format(Locale.ROOT, "%.1f", c.getValue().trainMillis() / 1000.0)));
        metrics.getColumns().add(time);
        metrics.getItems().setAll(r.candidates());
        XYSeriesCollection rocData = new XYSeriesCollection();
        XYSeriesCollection calData = new XYSeriesCollection();
        XYSeries diagonal = new XYSeries("perfect", false);
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        for (CandidateResult c : r.candidates()) {
            if (c.roc().isEmpty()) {
                continue;
            }
            XYSeries s = new XYSeries(c.algorithm().title(), false);
            c.roc().forEach(p -> s.add(p[0], p[1]));
            rocData.addSeries(s);
            XYSeries k = new XYSeries(c.algorithm().title(), false);
            for (BinaryMetrics.ReliabilityBin b : c.calibration()) {
                k.add(b.meanPredicted(), b.observed());
            }
            calData.addSeries(k);
        }
        if (rocData.getSeriesCount() > 0) {
            rocData.addSeries(diagonal);
            try {
                calData.addSeries((XYSeries) diagonal.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            roc.setChart(style(ChartFactory.createXYLineChart("ROC (held-out rows)", "false-positive rate", "true-positive rate", rocData)));
            calibration.setChart(style(ChartFactory.createXYLineChart("Calibration: P(" + r.positiveClass() + ")", "predicted",
                    "observed", calData)));
        } else {
            roc.setChart(null);
            calibration.setChart(null);
        }
        CandidateResult kept = r.keptResult();
        DefaultCategoryDataset imp = new DefaultCategoryDataset();
        kept.importance().stream().limit(10).forEach(i -> imp.addValue(100 * i.share(), "share %", i.column()));
        JFreeChart bars = ChartFactory.createBarChart("Feature importance: " + kept.algorithm().title(), null, "% of the drop when shuffled",
                imp, PlotOrientation.HORIZONTAL, false, false, false);
        bars.setBackgroundPaint(Color.WHITE);
        importance.setChart(bars);
        if (r.plan().task() == LabTask.CLASSIFICATION && kept.confusion().length > 0) {
            confusionTitle.setText("Confusion matrix: " + kept.algorithm().title() + " (rows actual, columns predicted)");
            List<String> classes = kept.classes();
            for (int j = 0; j < classes.size() && j < 12; j++) {
                confusion.add(new Label(classes.get(j)), j + 1, 0);
            }
            for (int i = 0; i < classes.size() && i < 12; i++) {
                confusion.add(new Label(classes.get(i)), 0, i + 1);
                for (int j = 0; j < classes.size() && j < 12; j++) {
                    Label cell = new Label(String.format("%,d", kept.confusion()[i][j]));
                    cell.setStyle(i == j ? "-fx-font-weight: bold" : "");
                    confusion.add(cell, j + 1, i + 1);
                }
            }
        } else {
            confusionTitle.setText("Confusion matrix: only for classes");
        }
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        var plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        var renderer = plot.getRenderer();
        for (int i = 0; i < plot.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        renderer.setSeriesPaint(plot.getSeriesCount() - 1, Color.GRAY);
        return chart;
    }

    @Override
    public Node view() {
        return root;
    }
    }
