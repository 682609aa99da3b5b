package in.workbench.views.packaging;

import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository.DamageCell;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.views.chart.ChartData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the Packaging screen's JFreeChart charts and the numbers behind them from aggregates
 * (never from shipment rows). Pure functions; safe on any thread, the charts are then shown on
 * the JavaFX thread.
 */
final class PackagingCharts {

    static final Color BLUE = new Color(0x1F, 0x6F, 0xEB);
    static final Color ORANGE = new Color(0xD2, 0x99, 0x22);
    static final Color RED = new Color(0xCF, 0x22, 0x2E);
    static final Color GREY = new Color(0x8C, 0x95, 0x9F);

    private PackagingCharts() {
    }

    /** A bar chart of damage rates (%), one bar per cell, labelled by package or category. */
    static JFreeChart damageBars(List<DamageCell> cells, boolean byPackage) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DamageCell c : cells) {
            data.addValue(100 * c.rate(), "damaged %", label(c, byPackage));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, byPackage ? "package type (least robust first)" : "category",
                "% damaged", data, PlotOrientation.VERTICAL, false, true, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, byPackage ? ORANGE : BLUE);
        return chart;
    }

    static String label(DamageCell c, boolean byPackage) {
        if (!byPackage) {
            return c.row();
        }
        return c.rung() < 0 ? c.packageType() + " (not on ladder)" : c.packageType();
    }

    static ChartData damageData(List<DamageCell> cells, boolean byPackage) {
        List<List<Object>> rows = new ArrayList<>();
        for (DamageCell c : cells) {
            rows.add(List.of(byPackage ? c.packageType() : c.row(), c.reached(), c.damaged(), c.rate()));
        }
        return new ChartData(List.of(byPackage ? "package_type" : "category", "shipments_reached", "damaged", "damage_rate"), rows);
    }

    /** The packages of the heat map's x axis: the ladder, then any types not on it that have shipments. */
    static List<String> heatPackages(List<DamageCell> cells, List<String> ladder) {
        LinkedHashSet<String> p = new LinkedHashSet<>(ladder);
        cells.stream().filter(c -> c.rung() < 0).map(DamageCell::packageType).sorted().forEach(p::add);
        if (ladder.isEmpty()) {
            cells.stream().map(DamageCell::packageType).sorted().forEach(p::add);
        }
        return new ArrayList<>(p);
    }

    static List<String> heatCategories(List<DamageCell> cells) {
        return cells.stream().map(DamageCell::row).distinct().sorted().toList();
    }

    /** The category × package heat map: one series per category (so a click names it), x = package, colour = damage %. */
    static JFreeChart heatMap(List<DamageCell> cells, List<String> packages, List<String> categories) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        double max = 0.5;
        for (String cat : categories) {
            List<DamageCell> row = cells.stream().filter(c -> c.row().equals(cat) && c.reached() > 0).toList();
            double[][] xyz = new double[3][row.size()];
            for (int i = 0; i < row.size(); i++) {
                xyz[0][i] = packages.indexOf(row.get(i).packageType());
                xyz[1][i] = categories.indexOf(cat);
                xyz[2][i] = 100 * row.get(i).rate();
                max = Math.max(max, xyz[2][i]);
            }
            data.addSeries(cat, xyz);
        }
        SymbolAxis x = new SymbolAxis("package type (least robust first)", packages.toArray(String[]::new));
        x.setVerticalTickLabels(true);
        SymbolAxis y = new SymbolAxis(null, categories.toArray(String[]::new));
        XYBlockRenderer renderer = new XYBlockRenderer();
        HeatScale scale = new HeatScale(max);
        renderer.setPaintScale(scale);
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> String.format("%s in %s: %.1f %% damaged",
                dataset.getSeriesKey(series), packages.get((int) dataset.getXValue(series, item)),
                ((DefaultXYZDataset) dataset).getZValue(series, item)));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(new Color(0xF6, 0xF8, 0xFA));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("% damaged");
        legendAxis.setRange(0, max);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    static ChartData heatData(List<DamageCell> cells) {
        List<List<Object>> rows = new ArrayList<>();
        for (DamageCell c : cells) {
            rows.add(List.of(c.row(), c.packageType(), c.reached(), c.damaged(), c.rate()));
        }
        return new ChartData(List.of("category", "package_type", "shipments_reached", "damaged", "damage_rate"), rows);
    }

    /** White → orange → red. */
    static final class HeatScale implements PaintScale, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double max;

        HeatScale(double max) {
            this.max = max;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.max(0, Math.min(1, value / max));
            if (t < 0.5) {
                double u = t / 0.5;
                return new Color(255, (int) (255 - u * (255 - 0xB0)), (int) (255 - u * 255));
            }
            double u = (t - 0.5) / 0.5;
            return new Color((int) (255 - u * (255 - 0xB0)), (int) (0xB0 - u * 0xB0), 0);
        }
    }

    static final String CURVE = "least total cost at each damage";
    static final String CURRENT = "current policy";
    static final String LEAST_DAMAGE = "least damage at current cost";
    static final String LEAST_COST = "least cost at current damage";
    static final String CHOSEN = "chosen";

    /**
     * The trade-off curve: x = expected damaged shipments, y = total cost (packaging + shipping +
     * damage handling, ₹ lakh), with the current policy, the two named plans and the chosen plan.
     */
    static JFreeChart tradeOff(List<PackagingRecommender.CurvePoint> curve, PackagingViewModel.TradeOffPoints points,
            PackagingRecommender.Totals chosenPlan) {
        XYSeries line = new XYSeries(CURVE, false, true);
        for (PackagingRecommender.CurvePoint p : curve) {
            line.add(p.expectedDamaged(), p.totalInr() / 1e5);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(line);
        data.addSeries(point(CURRENT, points.current()));
        data.addSeries(point(LEAST_DAMAGE, points.leastDamage()));
        data.addSeries(point(LEAST_COST, points.leastCost()));
        data.addSeries(point(CHOSEN, chosenPlan));
        JFreeChart chart = ChartFactory.createXYLineChart(null, "expected damaged shipments", "total cost incl. damage (₹ lakh)", data,
                PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        r.setSeriesPaint(0, BLUE);
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new java.awt.Rectangle(-6, -6, 12, 12));
        r.setSeriesPaint(1, GREY);
        r.setSeriesLinesVisible(2, false);
        r.setSeriesShape(2, new java.awt.Polygon(new int[] {0, 7, -7}, new int[] {-7, 6, 6}, 3));
        r.setSeriesPaint(2, new Color(0x2E, 0x7D, 0x32));
        r.setSeriesLinesVisible(3, false);
        r.setSeriesShape(3, new java.awt.Polygon(new int[] {0, 7, 0, -7}, new int[] {-7, 0, 7, 0}, 4));
        r.setSeriesPaint(3, new Color(0xEF, 0x6C, 0x00));
        r.setSeriesLinesVisible(4, false);
        r.setSeriesShape(4, new Ellipse2D.Double(-7, -7, 14, 14));
        r.setSeriesPaint(4, RED);
        plot.setRenderer(r);
        return chart;
    }

    private static XYSeries point(String name, PackagingRecommender.Totals t) {
        XYSeries s = new XYSeries(name);
        s.add(t.expectedDamaged(), t.totalInr() / 1e5);
        return s;
    }

    static ChartData tradeOffData(List<PackagingRecommender.CurvePoint> curve) {
        List<List<Object>> rows = new ArrayList<>();
        for (PackagingRecommender.CurvePoint p : curve) {
            rows.add(List.of(p.damageBudget(), p.expectedDamaged(), p.packagingAndShippingInr(), p.totalInr()));
        }
        return new ChartData(List.of("damage_budget", "expected_damaged_shipments", "packaging_and_shipping_inr", "total_cost_inr"), rows);
    }

    /** Reliability: mean predicted vs observed damage per bin, for both models, with the diagonal. */
    static JFreeChart reliability(PackagingTrainer.Comparison c) {
        XYSeriesCollection data = new XYSeriesCollection();
        double max = 0.01;
        for (PackagingTrainer.Metrics m : List.of(c.ordinal(), c.baseline())) {
            XYSeries s = new XYSeries(m.model(), false, true);
            for (PackagingTrainer.ReliabilityBin b : m.reliability()) {
                s.add(100 * b.meanPredicted(), 100 * b.observed());
                max = Math.max(max, Math.max(b.meanPredicted(), b.observed()));
            }
            data.addSeries(s);
        }
        XYSeries diagonal = new XYSeries("perfectly calibrated");
        diagonal.add(0, 0);
        diagonal.add(100 * max, 100 * max);
        data.addSeries(diagonal);
        JFreeChart chart = ChartFactory.createXYLineChart(null, "predicted damage %", "observed damage %", data,
                PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesPaint(0, BLUE);
        r.setSeriesPaint(1, ORANGE);
        r.setSeriesPaint(2, GREY);
        r.setSeriesShapesVisible(2, false);
        r.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    static ChartData reliabilityData(PackagingTrainer.Comparison c) {
        List<List<Object>> rows = new ArrayList<>();
        for (PackagingTrainer.Metrics m : List.of(c.ordinal(), c.baseline())) {
            for (PackagingTrainer.ReliabilityBin b : m.reliability()) {
                rows.add(List.of(m.model(), b.meanPredicted(), b.observed(), b.shipments()));
            }
        }
        return new ChartData(List.of("model", "mean_predicted", "observed", "shipments"), rows);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 11));
        }
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setBackgroundPaint(new Color(0xF6, 0xF8, 0xFA));
            p.setRangeGridlinePaint(new Color(0xD0, 0xD7, 0xDE));
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setBackgroundPaint(new Color(0xF6, 0xF8, 0xFA));
            p.setRangeGridlinePaint(new Color(0xD0, 0xD7, 0xDE));
            p.setDomainGridlinePaint(new Color(0xD0, 0xD7, 0xDE));
        }
    }
}
