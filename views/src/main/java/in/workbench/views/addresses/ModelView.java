package in.workbench.views.addresses;

import in.workbench.analytics.address.DeliverabilityEvaluation;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.chart.ChartData;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.WorkspaceScreen;
import in.workbench.views.task.TaskProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Model screen: how good the deliverability model is, cross-validated — AUC of the candidates,
 * precision, recall and the confusion matrix at a threshold chosen with a slider, the reliability
 * (calibration) chart and the features that matter most — and Train / Retrain in the background.
 * The reliability chart drills down to the addresses of a bin in the Data browser. Used on the
 * JavaFX thread.
 */
public final class ModelView extends WorkspaceScreen<ModelViewModel> {

    /** Bins of the reliability chart. */
    static final int BINS = 10;

    private final Navigator navigator;
    private final VBox root = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(root);
    private final Label summary = new Label();
    private final GridPane matrix = new GridPane();
    private final Label rates = new Label();
    private final ChartCard reliability = new ChartCard("Reliability (cross-validated)");
    private final ChartCard importance = new ChartCard("Feature importance");
    private final ChartCard candidates = new ChartCard("Candidates compared (cross-validated AUC)");

    public ModelView(ModelViewModel model, Navigator navigator) {
        super("Model", model, (m, ws) -> m.session().open(ws));
        this.navigator = navigator;
        build();
    }

    @Override
    public Node view() {
        return scroll;
    }

    /** The reliability chart (tests read it). */
    public ChartCard reliabilityChart() {
        return reliability;
    }

    /** The feature importance chart (tests read it). */
    public ChartCard importanceChart() {
        return importance;
    }

    /** The candidates chart (tests read it). */
    public ChartCard candidatesChart() {
        return candidates;
    }

    private void build() {
        root.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
        Label heading = new Label("Deliverability model");
        heading.getStyleClass().add("title-3");
        Button train = new Button();
        train.setId("trainModel");
        train.getStyleClass().add("accent");
        train.textProperty().bind(Bindings.when(model.evaluationProperty().isNull()).then("Train").otherwise("Retrain"));
        train.disableProperty().bind(model.trainingProperty());
        train.setOnAction(e -> model.train());
        TaskProgress progress = new TaskProgress(model.taskProperty(), 220);
        progress.cancel().setId("cancelTraining");
        HBox running = new HBox(8, progress.bar(), progress.cancel(), progress.status());
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(model.trainingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, heading, spacer, running, train);
        top.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("modelMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        summary.setId("modelSummary");
        summary.setWrapText(true);

        Slider slider = new Slider(0.05, 0.95, 0.5);
        slider.setId("thresholdSlider");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(0.1);
        slider.setBlockIncrement(0.01);
        slider.setPrefWidth(360);
        slider.valueProperty().bindBidirectional(model.thresholdProperty());
        Label value = new Label();
        value.setId("thresholdValue");
        value.textProperty().bind(Bindings.createStringBinding(() -> String.format("Flag below %.2f", model.thresholdProperty().get()),
                model.thresholdProperty()));
        Button apply = new Button();
        apply.setId("applyThreshold");
        apply.textProperty().bind(Bindings.createStringBinding(() -> String.format("Flag addresses below %.2f", model.thresholdProperty().get()),
                model.thresholdProperty()));
        apply.disableProperty().bind(model.evaluationProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> Math.abs(model.thresholdProperty().get() - model.appliedThresholdProperty().get()) < 0.005,
                        model.thresholdProperty(), model.appliedThresholdProperty())));
        apply.setOnAction(e -> model.applyThreshold());
        Label applied = new Label();
        applied.textProperty().bind(Bindings.createStringBinding(() -> String.format("(the workspace flags below %.2f now)",
                model.appliedThresholdProperty().get()), model.appliedThresholdProperty()));
        HBox thresholdRow = new HBox(12, value, slider, apply, applied);
        thresholdRow.setAlignment(Pos.CENTER_LEFT);
        rates.setId("precisionRecall");
        rates.setStyle("-fx-font-size: 1.1em;");
        matrix.setId("confusionMatrix");
        matrix.setHgap(16);
        matrix.setVgap(4);
        VBox thresholdBox = new VBox(8, thresholdRow, rates, matrix);

        reliability.setPrefSize(440, 320);
        importance.setPrefSize(480, 380);
        candidates.setPrefSize(360, 320);
        reliability.setOnDrillDown(click -> {
            double x = Double.parseDouble(click.category());
            double from = Math.floor(x * BINS) / BINS;
            navigator.open("Data browser", Map.of("table", "deliverability_oof", "score",
                    String.format(Locale.ROOT, "%.2f..%.6f", from, from + 1.0 / BINS - 1e-6)));
        });
        HBox row1 = new HBox(12, reliability, candidates);
        HBox.setHgrow(reliability, Priority.ALWAYS);
        HBox.setHgrow(candidates, Priority.ALWAYS);
        root.getChildren().addAll(top, message, summary, thresholdBox, row1, importance);

        model.evaluationProperty().addListener((o, a, b) -> showEvaluation(b));
        model.confusionProperty().addListener((o, a, b) -> showConfusion(b));
        model.features().addListener((javafx.collections.ListChangeListener<DeliverabilityModel.FeatureImportance>) c -> showFeatures());
        showEvaluation(model.evaluationProperty().get());
        showConfusion(model.confusionProperty().get());
        showFeatures();
    }

    private void showEvaluation(DeliverabilityEvaluation e) {
        if (e == null) {
            summary.setText("");
            reliability.showMessage("Train the model to see how well its scores match what was delivered.");
            candidates.showMessage("Train the model to compare a logistic regression with XGBoost.");
            return;
        }
        summary.setText(String.format("Kept %s: cross-validated AUC %.3f, Brier score %.3f, calibration error (ECE) %.3f per shipment "
                + "after calibration (Platt); mean score %.3f where %.3f of shipments were delivered. Trained %s on %,d "
                + "labelled addresses (%,d mostly undeliverable, %,d labelled by analysts), %d-fold cross-validation, seed %d.", e.chosen(),
                e.auc(), e.brier(), e.ece(), e.meanPredicted(), e.deliveredShare(), e.trainedAt().replace('T', ' ').replaceAll("\\.\\d+", ""),
                e.addresses(), e.undeliverable(), e.analystLabels(), e.folds(), e.seed()));
        // Per shipment as trained (the ECE above is of these bins); a model stored without them, per address.
        boolean perShipment = !e.shipmentReliability().isEmpty();
        List<BinaryMetrics.ReliabilityBin> bins = perShipment ? e.shipmentReliability() : e.reliability(BINS);
        XYSeries observed = new XYSeries("model (each point a score bin)");
        XYSeries perfect = new XYSeries("perfectly calibrated");
        perfect.add(0, 0);
        perfect.add(1, 1);
        List<List<Object>> rows = new ArrayList<>();
        for (BinaryMetrics.ReliabilityBin b : bins) {
            observed.add(b.meanPredicted(), b.observed());
            double from = Math.floor(b.meanPredicted() * BINS) / BINS;
            rows.add(List.of(from, from + 1.0 / BINS, b.meanPredicted(), b.observed(), (long) b.weight()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(observed);
        data.addSeries(perfect);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "mean score (a shipment's chance of delivery)",
                perShipment ? "share of shipments delivered" : "share of addresses mostly delivered", data,
                PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Charts.BLUE);
        r.setSeriesPaint(1, Charts.GREY);
        r.setSeriesShapesVisible(1, false);
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        reliability.setChart(Charts.styled(chart), new ChartData(List.of("score_from", "score_to", "mean_score", "delivered_share",
                perShipment ? "shipments" : "addresses"), rows));

        DefaultCategoryDataset auc = new DefaultCategoryDataset();
        List<List<Object>> cand = new ArrayList<>();
        for (DeliverabilityTrainer.CandidateMetrics c : e.candidates()) {
            auc.addValue(c.auc(), "AUC", c.algorithm() + (c.algorithm().equals(e.chosen()) ? " (kept)" : ""));
            auc.addValue(c.brier(), "Brier (uncalibrated)", c.algorithm() + (c.algorithm().equals(e.chosen()) ? " (kept)" : ""));
            cand.add(List.of(c.algorithm(), c.auc(), c.logLoss(), c.brier(), c.algorithm().equals(e.chosen())));
        }
        JFreeChart bars = ChartFactory.createBarChart(null, "algorithm", "out-of-fold metric", auc, PlotOrientation.VERTICAL, true, true, false);
        ((NumberAxis) bars.getCategoryPlot().getRangeAxis()).setRange(0, 1);
        candidates.setChart(Charts.styled(bars), new ChartData(List.of("algorithm", "auc", "log_loss", "brier", "kept"), cand));
    }

    private void showConfusion(DeliverabilityTrainer.Confusion c) {
        matrix.getChildren().clear();
        if (c == null) {
            rates.setText("");
            return;
        }
        long total = c.flaggedUndeliverable() + c.flaggedDeliverable() + c.passedDeliverable() + c.passedUndeliverable();
        rates.setText(String.format("At %.2f: precision %.2f (of flagged addresses, the share really undeliverable) · recall %.2f (of "
                + "undeliverable addresses, the share flagged) · %.1f %% of labelled addresses flagged", c.threshold(), c.precision(),
                c.recall(), total == 0 ? 0 : 100.0 * (c.flaggedDeliverable() + c.flaggedUndeliverable()) / total));
        matrix.add(bold(""), 0, 0);
        matrix.add(bold("flagged"), 1, 0);
        matrix.add(bold("not flagged"), 2, 0);
        matrix.add(bold("undeliverable"), 0, 1);
        matrix.add(cell(c.flaggedUndeliverable(), "cmFlaggedUndeliverable"), 1, 1);
        matrix.add(cell(c.passedUndeliverable(), "cmPassedUndeliverable"), 2, 1);
        matrix.add(bold("delivered"), 0, 2);
        matrix.add(cell(c.flaggedDeliverable(), "cmFlaggedDelivered"), 1, 2);
        matrix.add(cell(c.passedDeliverable(), "cmPassedDelivered"), 2, 2);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label cell(long n, String id) {
        Label l = new Label(String.format("%,d", n));
        l.setId(id);
        l.setMinWidth(80);
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    private void showFeatures() {
        if (model.features().isEmpty()) {
            importance.showMessage(model.evaluationProperty().get() == null ? "Train the model to see which features matter most."
                    : "Loading the model…");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Object>> rows = new ArrayList<>();
        for (DeliverabilityModel.FeatureImportance f : model.features()) {
            String words = in.workbench.analytics.address.DeliverabilityFeatures.describe(f.feature());
            data.addValue(f.value(), "importance", words);
            rows.add(List.of(f.feature(), words, f.value()));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, "feature", model.importanceMeasureProperty().get(), data,
                PlotOrientation.HORIZONTAL, false, true, false);
        importance.setChart(Charts.styled(chart), new ChartData(List.of("feature", "description", "importance"), rows));
    }
}
