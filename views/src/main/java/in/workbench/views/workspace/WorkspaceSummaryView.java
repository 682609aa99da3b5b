package in.workbench.views.workspace;

import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.Screen;
import in.workbench.views.task.Failures;
import in.workbench.views.task.TaskRunner;
import in.workbench.analytics.overview.WorkspaceOverview;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The workspace at a glance: where it is, how many rows each table holds, unresolved references, models. */
public final class WorkspaceSummaryView implements Screen {

    private final TaskRunner runner;
    private final VBox root = new VBox(12);
    private final GridPane counts = new GridPane();
    private final Label heading = new Label("Workspace");
    private final Label unresolved = new Label();
    private final Label models = new Label();
    private final DefaultCategoryDataset monthsData = new DefaultCategoryDataset();
    private final DefaultCategoryDataset damageData = new DefaultCategoryDataset();
    private final ChartViewer monthsChart = new ChartViewer(null);
    private final ChartViewer damageChart = new ChartViewer(null);

    public WorkspaceSummaryView(TaskRunner runner) {
        this.runner = runner;
        heading.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        counts.setHgap(24);
        counts.setVgap(6);
        counts.setId("workspaceCounts");
        unresolved.setWrapText(true);
        unresolved.setId("unresolved");
        root.setPadding(new Insets(16));
        monthsChart.setId("monthsChart");
        damageChart.setId("damageChart");
        HBox charts = new HBox(12, monthsChart, damageChart);
        HBox.setHgrow(monthsChart, Priority.ALWAYS);
        HBox.setHgrow(damageChart, Priority.ALWAYS);
        monthsChart.setPrefSize(560, 320);
        damageChart.setPrefSize(420, 320);
        VBox.setVgrow(charts, Priority.ALWAYS);
        root.getChildren().addAll(heading, counts, unresolved, models, charts);
    }

    /** The shipments-per-month chart's data (tests read it). */
    public DefaultCategoryDataset monthsData() {
        return monthsData;
    }

    /** The damage-rate-by-package chart's data (tests read it). */
    public DefaultCategoryDataset damageData() {
        return damageData;
    }

    private void showCharts(List<WorkspaceOverview.MonthlyOutcome> months, List<WorkspaceOverview.PackageDamage> damage) {
        monthsData.clear();
        for (WorkspaceOverview.MonthlyOutcome m : months) {
            monthsData.addValue(m.shipments(), m.status(), m.month());
        }
        damageData.clear();
        for (WorkspaceOverview.PackageDamage d : damage) {
            damageData.addValue(100 * d.rate(), "damaged %", d.robustnessRank() == null ? d.packageType() + " (not on ladder)" : d.packageType());
        }
        monthsChart.setChart(chart("Shipments per month by outcome", "month", "shipments", monthsData, true));
        damageChart.setChart(chart("Damage rate by package type (weakest first)", "package type", "% damaged", damageData, false));
    }

    private static JFreeChart chart(String title, String x, String y, DefaultCategoryDataset data, boolean stacked) {
        JFreeChart chart = stacked ? ChartFactory.createStackedBarChart(title, x, y, data)
                : ChartFactory.createBarChart(title, x, y, data, PlotOrientation.VERTICAL, false, true, false);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new java.awt.Color(0xF6, 0xF8, 0xFA));
        plot.setRangeGridlinePaint(new java.awt.Color(0xD0, 0xD7, 0xDE));
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        java.util.Map<String, java.awt.Color> colours = java.util.Map.of("delivered", new java.awt.Color(0x1F, 0x6F, 0xEB),
                "damaged", new java.awt.Color(0xD2, 0x99, 0x22), "returned", new java.awt.Color(0x8C, 0x95, 0x9F),
                "undeliverable", new java.awt.Color(0xCF, 0x22, 0x2E));
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, colours.getOrDefault(String.valueOf(data.getRowKey(i)), new java.awt.Color(0x1F, 0x6F, 0xEB)));
        }
        return chart;
    }

    @Override
    public String title() {
        return "Workspace";
    }

    @Override
    public Node view() {
        return root;
    }

    private record Summary(Map<String, Long> counts, UnresolvedReferences.Counts unresolved, Map<String, String> models,
            List<WorkspaceOverview.MonthlyOutcome> months, List<WorkspaceOverview.PackageDamage> damage) {
    }

    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        heading.setText("Workspace " + workspace.folder().getFileName());
        WorkspaceOverview overview = new WorkspaceOverview(workspace);
        runner.submit("Counting rows", m -> new Summary(workspace.rowCounts(), new UnresolvedReferences(workspace).count(),
                workspace.trainedModels(), overview.monthlyOutcomes(), overview.damageByPackage()), s -> {
                    counts.getChildren().clear();
                    int row = 0;
                    for (Map.Entry<String, Long> e : s.counts().entrySet()) {
                        Label n = new Label(String.format("%,d", e.getValue()));
                        n.setId("count-" + e.getKey());
                        counts.addRow(row++, new Label(e.getKey().replace('_', ' ')), n);
                    }
                    UnresolvedReferences.Counts u = s.unresolved();
                    unresolved.setText(u.total() == 0 ? "Every shipment refers to a product, an address and a package type of the workspace."
                            : String.format("Waiting for other files: %,d shipments without their product, %,d without their address, "
                                    + "%,d with a package type not on the ladder, %,d labels for unknown addresses. They resolve when "
                                    + "the missing file is imported.", u.shipmentsWithoutProduct(), u.shipmentsWithoutAddress(),
                                    u.shipmentsWithoutPackage(), u.labelsWithoutAddress()));
                    models.setText(s.models().isEmpty() ? "No trained models yet." : "Trained models: " + String.join(", ", s.models().keySet()));
                    showCharts(s.months(), s.damage());
                }, e -> unresolved.setText(Failures.sentenceFor(e)));
    }
}
