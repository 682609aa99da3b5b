package in.workbench.views.catalog;

import in.workbench.analytics.catalog.CatalogStore.CategoryQuality;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.chart.ChartCard;
import in.workbench.views.chart.ChartData;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.Screen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Catalog charts: the share of products with a blank colour or material attribute per category, and
 * the open flags per category by kind. Clicking a bar opens the Catalog screen on those records
 * ({"category": "Footwear", "kind": "conflict"}). Reads the quality data of the {@link CatalogViewModel}.
 */
public final class CatalogChartsView implements Screen {

    private final CatalogViewModel model;
    private final VBox root = new VBox(10);
    private final ChartCard missingCard = new ChartCard("Missing attribute rate by category");
    private final ChartCard flagsCard = new ChartCard("Open flags by category");

    public CatalogChartsView(CatalogViewModel model, Navigator navigator) {
        this.model = model;
        Label heading = new Label("Catalog quality by category (click a bar to see its products)");
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        missingCard.setId("missingChart");
        flagsCard.setId("flagsChart");
        missingCard.setPrefSize(520, 400);
        flagsCard.setPrefSize(520, 400);
        HBox charts = new HBox(12, missingCard, flagsCard);
        HBox.setHgrow(missingCard, Priority.ALWAYS);
        HBox.setHgrow(flagsCard, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.getChildren().addAll(heading, charts);
        missingCard.setOnDrillDown(c -> navigator.open("Catalog", Map.of("category", c.category(), "kind", "missing")));
        flagsCard.setOnDrillDown(c -> navigator.open("Catalog", Map.of("category", c.category(), "kind", c.series())));
        model.quality().addListener((javafx.collections.ListChangeListener<CategoryQuality>) c -> redraw());
        redraw();
    }

    void redraw() {
        if (model.quality().isEmpty()) {
            missingCard.showMessage("No products yet: import catalog.csv.");
            flagsCard.showMessage("No products yet: import catalog.csv.");
            return;
        }
        DefaultCategoryDataset missing = new DefaultCategoryDataset();
        DefaultCategoryDataset flags = new DefaultCategoryDataset();
        List<List<Object>> missingRows = new ArrayList<>();
        List<List<Object>> flagRows = new ArrayList<>();
        long totalFlags = 0;
        for (CategoryQuality q : model.quality()) {
            missing.addValue(100 * q.colourMissingRate(), "colour blank", q.category());
            missing.addValue(100 * q.materialMissingRate(), "material blank", q.category());
            missingRows.add(List.of(q.category(), q.products(), q.colourMissing(), q.materialMissing()));
            for (String k : CatalogViewModel.KINDS) {
                long n = q.flags().getOrDefault(k, 0L);
                totalFlags += n;
                flags.addValue(n, k, q.category());
                flagRows.add(List.of(q.category(), k, n));
            }
        }
        missingCard.setChart(bar("% of products", missing, false), new ChartData(List.of("category", "products", "colour_blank",
                "material_blank"), missingRows));
        if (totalFlags == 0) {
            flagsCard.showMessage("No open flags: train the catalog models and run the checks on the Catalog screen.");
        } else {
            flagsCard.setChart(bar("open flags", flags, true), new ChartData(List.of("category", "kind", "flags"), flagRows));
        }
    }

    private static JFreeChart bar(String axis, DefaultCategoryDataset data, boolean stacked) {
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(null, null, axis, data, PlotOrientation.VERTICAL, true, true, false)
                : ChartFactory.createBarChart(null, null, axis, data, PlotOrientation.VERTICAL, true, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        return chart;
    }

    /** The missing-attribute chart card. */
    public ChartCard missingCard() {
        return missingCard;
    }

    /** The flags chart card. */
    public ChartCard flagsCard() {
        return flagsCard;
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
