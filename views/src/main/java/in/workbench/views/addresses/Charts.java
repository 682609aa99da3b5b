package in.workbench.views.addresses;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/** The look the address screens' charts share (colours of the house palette, no shadows). Stateless. */
final class Charts {

    static final Color BLUE = new Color(0x1F, 0x6F, 0xEB);
    static final Color RED = new Color(0xCF, 0x22, 0x2E);
    static final Color GREY = new Color(0x8C, 0x95, 0x9F);

    private Charts() {
    }

    static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        }
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(new Color(0xF6, 0xF8, 0xFA));
            plot.setRangeGridlinePaint(new Color(0xD0, 0xD7, 0xDE));
            if (plot.getRenderer() instanceof BarRenderer r) {
                r.setBarPainter(new StandardBarPainter());
                r.setShadowVisible(false);
                r.setSeriesPaint(0, BLUE);
                r.setSeriesPaint(1, GREY);
                r.setMaximumBarWidth(0.12);
            }
        } else if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(new Color(0xF6, 0xF8, 0xFA));
            plot.setRangeGridlinePaint(new Color(0xD0, 0xD7, 0xDE));
            plot.setDomainGridlinePaint(new Color(0xD0, 0xD7, 0xDE));
        }
        return chart;
    }
}
