package in.workbench.views.chart;

import com.opencsv.CSVWriter;
import in.workbench.views.shell.TooltipOnHover;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.PieSectionEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * A titled chart with what analysts expect of every chart in the workbench: export as PNG and
 * SVG, export of the numbers behind it as CSV, a message in place of an empty chart, and a
 * drill-down callback when a bar, point or pie section is clicked. Created and used on the
 * JavaFX thread; the export methods may be called from any thread once a chart is set.
 */
public final class ChartCard extends BorderPane {

    private static final int EXPORT_WIDTH = 1200;
    private static final int EXPORT_HEIGHT = 700;

    private final String title;
    private final ChartViewer viewer = new ChartViewer(null);
    private final Label message = new Label();
    private final Label status = new Label();
    private final StackPane body = new StackPane();
    private final Button png = new Button("PNG…");
    private final Button svg = new Button("SVG…");
    private final Button csv = new Button("Data CSV…");
    private volatile JFreeChart chart;
    private volatile ChartData data = ChartData.empty();
    private Consumer<ChartClick> onDrillDown;

    public ChartCard(String title) {
        this.title = title;
        getStyleClass().add("chart-card");
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        TooltipOnHover.install(heading, () -> new Tooltip(title));
        TooltipOnHover.install(png, () -> new Tooltip("Save the chart as a PNG image"));
        TooltipOnHover.install(svg, () -> new Tooltip("Save the chart as an SVG drawing"));
        TooltipOnHover.install(csv, () -> new Tooltip("Save the numbers behind the chart as CSV"));
        for (Button b : List.of(png, svg, csv)) {
            b.getStyleClass().addAll("small", "flat");
            b.setDisable(true);
            // In a narrow card the title is shortened (its tooltip gives it whole), never the buttons.
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        png.setOnAction(e -> choose("PNG image", "png").ifPresent(this::savePngReporting));
        svg.setOnAction(e -> choose("SVG drawing", "svg").ifPresent(this::saveSvgReporting));
        csv.setOnAction(e -> choose("CSV file", "csv").ifPresent(this::saveCsvReporting));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.getStyleClass().add("text-muted");
        HBox top = new HBox(6, heading, spacer, status, png, svg, csv);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 4, 4, 8));
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        body.getChildren().setAll(message);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                ChartClick click = clickOf(event.getEntity());
                if (click != null && onDrillDown != null) {
                    onDrillDown.accept(click);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                viewer.setCursor(onDrillDown != null && clickOf(event.getEntity()) != null
                        ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT);
            }
        });
        setTop(top);
        setCenter(body);
        setMinSize(200, 160);
        setPrefSize(520, 320);
    }

    /** Shows a chart and the numbers behind it. */
    public void setChart(JFreeChart chart, ChartData data) {
        this.chart = chart;
        this.data = data;
        viewer.setChart(chart);
        body.getChildren().setAll(viewer);
        png.setDisable(false);
        svg.setDisable(false);
        csv.setDisable(data.rows().isEmpty());
        status.setText("");
    }

    /** Shows a sentence instead of a chart (no data yet, or what to run first). */
    public void showMessage(String sentence) {
        this.chart = null;
        this.data = ChartData.empty();
        message.setText(sentence);
        body.getChildren().setAll(message);
        png.setDisable(true);
        svg.setDisable(true);
        csv.setDisable(true);
    }

    /** Called with what was clicked; the cursor turns into a hand over clickable items. */
    public void setOnDrillDown(Consumer<ChartClick> handler) {
        this.onDrillDown = handler;
    }

    /** The chart shown, or null when a message is shown. */
    public JFreeChart chart() {
        return chart;
    }

    /** The numbers behind the chart shown. */
    public ChartData data() {
        return data;
    }

    /** The message shown in place of the chart. */
    public String message() {
        return body.getChildren().contains(message) ? message.getText() : null;
    }

    /** Writes the chart as a PNG image. */
    public void savePng(Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), requireChart(), EXPORT_WIDTH, EXPORT_HEIGHT);
    }

    /** Writes the chart as an SVG drawing. */
    public void saveSvg(Path file) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(EXPORT_WIDTH, EXPORT_HEIGHT);
        requireChart().draw(g2, new Rectangle(0, 0, EXPORT_WIDTH, EXPORT_HEIGHT));
        SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
    }

    /** Writes the numbers behind the chart as CSV (UTF-8, header first). */
    public void saveCsv(Path file) throws IOException {
        writeCsv(data, file);
    }

    /** Writes chart data as CSV (UTF-8, header first); numbers as plain digits. */
    public static void writeCsv(ChartData data, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVWriter out = new CSVWriter(w)) {
            out.writeNext(data.columns().toArray(String[]::new), false);
            for (List<Object> row : data.rows()) {
                out.writeNext(row.stream().map(ChartCard::cell).toArray(String[]::new), false);
            }
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        // Labels (a product's title, a state) can come from others' files: a spreadsheet must show them, not run them.
        return value instanceof String text ? in.workbench.analytics.export.CsvExporter.spreadsheetSafe(text) : value.toString();
    }

    private JFreeChart requireChart() {
        JFreeChart c = chart;
        if (c == null) {
            throw new IllegalStateException("the chart '" + title + "' has nothing to export yet");
        }
        return c;
    }

    static ChartClick clickOf(ChartEntity entity) {
        if (entity instanceof CategoryItemEntity c) {
            return new ChartClick(String.valueOf(c.getRowKey()), String.valueOf(c.getColumnKey()));
        }
        if (entity instanceof PieSectionEntity p) {
            return new ChartClick(null, String.valueOf(p.getSectionKey()));
        }
        if (entity instanceof XYItemEntity xy) {
            Comparable<?> series = xy.getDataset().getSeriesKey(xy.getSeriesIndex());
            return new ChartClick(String.valueOf(series), String.valueOf(xy.getDataset().getX(xy.getSeriesIndex(), xy.getItem())));
        }
        return null;
    }

    private java.util.Optional<Path> choose(String kind, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + title + " as " + kind);
        chooser.setInitialFileName(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "")
                + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, "*." + extension));
        Window window = getScene() == null ? null : getScene().getWindow();
        return java.util.Optional.ofNullable(chooser.showSaveDialog(window)).map(java.io.File::toPath);
    }

    @FunctionalInterface
    private interface Save {
        void to(Path file) throws IOException;
    }

    private void report(Save save, Path file) {
        try {
            save.to(file);
            status.setText("Saved " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            status.setText("Could not save " + file.getFileName() + ": " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(ChartCard.class).warn("chart export failed", e);
        }
    }

    private void savePngReporting(Path file) {
        report(this::savePng, file);
    }

    private void saveSvgReporting(Path file) {
        report(this::saveSvg, file);
    }

    private void saveCsvReporting(Path file) {
        report(this::saveCsv, file);
    }
}
