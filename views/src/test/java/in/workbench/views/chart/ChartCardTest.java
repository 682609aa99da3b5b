package in.workbench.views.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ChartCardTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ChartCard cardWithDamageChart() throws Exception {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        ds.addValue(0.12, "damage rate", "polybag");
        ds.addValue(0.03, "damage rate", "carton_double");
        JFreeChart chart = ChartFactory.createBarChart("Damage rate", "package", "rate", ds);
        ChartData data = new ChartData(List.of("package_type", "shipments", "damage_rate"),
                List.of(List.of("polybag", 1200L, 0.12), List.of("carton_double, \"reinforced\"", 800L, 0.03)));
        AtomicReference<ChartCard> card = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            card.set(new ChartCard("Damage rate by package type"));
            card.get().setChart(chart, data);
        });
        return card.get();
    }

    @Test
    void exportsTheChartAsPngAndSvgAndItsNumbersAsCsv() throws Exception {
        ChartCard card = cardWithDamageChart();
        Path png = dir.resolve("c.png");
        Path svg = dir.resolve("c.svg");
        Path csv = dir.resolve("c.csv");
        card.savePng(png);
        card.saveSvg(svg);
        card.saveCsv(csv);
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        String drawing = Files.readString(svg);
        assertTrue(drawing.contains("<svg") && drawing.contains("polybag"), "an SVG drawing with the category labels");
        assertEquals(List.of("package_type,shipments,damage_rate", "polybag,1200,0.12", "\"carton_double, \"\"reinforced\"\"\",800,0.03"),
                Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    @Test
    void aLabelASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        Path csv = dir.resolve("labels.csv");
        ChartCard.writeCsv(new ChartData(List.of("product", "shipments", "change"),
                List.of(List.of("=HYPERLINK(\"http://example.com\")", 3L, -0.25), List.of("-", 1L, 0.5))), csv);
        assertEquals(List.of("product,shipments,change", "\"'=HYPERLINK(\"\"http://example.com\"\")\",3,-0.25", "-,1,0.5"),
                Files.readAllLines(csv, StandardCharsets.UTF_8));
    }

    @Test
    void showsASentenceInsteadOfAnEmptyChart() throws Exception {
        ChartCard card = cardWithDamageChart();
        FxToolkit.setupFixture(() -> card.showMessage("No shipments yet: import shipments.csv first."));
        assertNull(card.chart());
        assertEquals("No shipments yet: import shipments.csv first.", card.message());
        assertTrue(card.data().rows().isEmpty());
    }

    @Test
    void aClickedBarNamesItsSeriesAndCategory() {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        ds.addValue(5, "damaged", "Footwear");
        ChartClick click = ChartCard.clickOf(new CategoryItemEntity(new java.awt.Rectangle(1, 1), "", "", ds, "damaged", "Footwear"));
        assertEquals(new ChartClick("damaged", "Footwear"), click);
        assertNull(ChartCard.clickOf(null));
    }
}
