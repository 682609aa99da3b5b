package in.workbench.views.catalog;

import in.workbench.analytics.catalog.CatalogStore.CategoryQuality;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.Screen;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Catalog charts: the share of products with a blank colour or material attribute per category, and
 * the open flags per category by kind. Clicking a bar opens the Catalog screen on those records
 * (the drill-down callback receives a filter such as {"category": "Footwear", "kind": "conflict"}).
 * Reads the quality data of the {@link CatalogViewModel}.
 */
public final class CatalogChartsView implements Screen {

    private final CatalogViewModel model;
    private final VBox root = new VBox(10);
    private final ChartViewer missingChart = new ChartViewer(null);
    private final ChartViewer flagsChart = new ChartViewer(null);

    public CatalogChartsView(CatalogViewModel model, Consumer<Map<String, String>> drillDown) {
        this.model = model;
        Label heading = new Label("Catalog quality by category (click a bar to see its products)");
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        missingChart.setId("missingChart");
        flagsChart.setId("flagsChart");
        missingChart.setPrefSize(520, 380);
        flagsChart.setPrefSize(520, 380);
        HBox charts = new HBox(12, missingChart, flagsChart);
        HBox.setHgrow(missingChart, Priority.ALWAYS);
        HBox.setHgrow(flagsChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.getChildren().addAll(heading, charts);
        missingChart.addChartMouseListener(listener(drillDown, true));
        flagsChart.addChartMouseListener(listener(drillDown, false));
        model.quality().addListener((javafx.collections.ListChangeListener<CategoryQuality>) c -> redraw());
    }

    private static ChartMouseListenerFX listener(Consumer<Map<String, String>> drillDown, boolean missing) {
        return new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof CategoryItemEntity e) {
                    String category = String.valueOf(e.getColumnKey());
                    String series = String.valueOf(e.getRowKey());
                    drillDown.accept(missing ? Map.of("category", category, "kind", "missing")
                            : Map.of("category", category, "kind", series));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                // hover needs no action
            }
        };
    }

    void redraw() {
        DefaultCategoryDataset missing = new DefaultCategoryDataset();
        DefaultCategoryDataset flags = new DefaultCategoryDataset();
        for (CategoryQuality q : model.quality()) {
            missing.addValue(100 * q.colourMissingRate(), "colour blank", q.category());
            missing.addValue(100 * q.materialMissingRate(), "material blank", q.category());
            for (String k : CatalogViewModel.KINDS) {
                flags.addValue(q.flags().getOrDefault(k, 0L), k, q.category());
            }
        }
        missingChart.setChart(bar("Missing attribute rate by category", "% of products", missing, false));
        flagsChart.setChart(bar("Open flags by category", "flags", flags, true));
    }

    private static JFreeChart bar(String title, String axis, DefaultCategoryDataset data, boolean stacked) {
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, true, false)
                : ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        return chart;
    }

    /** The missing-attribute chart (for tests and export). */
    public JFreeChart missingChart() {
        return missingChart.getChart();
    }

    /** The flags chart (for tests and export). */
    public JFreeChart flagsChart() {
        return flagsChart.getChart();
    }

    @Override
    public String title() {
        return "Catalog charts";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        redraw();
    }
}
