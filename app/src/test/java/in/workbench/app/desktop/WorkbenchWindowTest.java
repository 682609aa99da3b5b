package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import in.workbench.views.browse.DataBrowserViewModel;
import in.workbench.views.imports.ImportDialog;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Smoke tests of the real window, headless: it opens on a copy of the bundled sample, an import
 * with bad rows shows its summary and the rejected rows, and an export writes the filtered rows.
 * Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchWindowTest {

    static Path home;
    static WorkbenchApplication app;
    static Stage stage;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("workbench-home");
        System.setProperty("workbench.home", home.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = (WorkbenchApplication) FxToolkit.setupApplication(WorkbenchApplication.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.clearProperty("workbench.home");
    }

    static void screenshot(Node node, String name) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.snapshot(null, null)));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", dir.resolve(name + ".png").toFile());
    }

    static void waitForText(String query, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            return robot.lookup(query).tryQuery().map(n -> ((Label) n).getText())
                    .map(t -> t != null && t.contains(expected)).orElse(false);
        });
    }

    @Test
    @Order(1)
    void opensOnACopyOfTheBundledSample() throws Exception {
        assertEquals(home.resolve("workspaces").resolve("sample").toAbsolutePath().normalize(), app.workspace().folder());
        waitForText("#count-products", "3,000");
        waitForText("#count-shipments", "100,000");
        assertTrue(Files.exists(home.resolve("settings.json")), "the workspace is remembered for next time");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.summary().monthsData().getColumnCount() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, app.summary().monthsData().getColumnCount(), "a year of order months");
        assertEquals(4, app.summary().monthsData().getRowCount(), "every outcome appears");
        assertEquals(6, app.summary().damageData().getColumnCount(), "every package type of the ladder");
        assertEquals("polybag", app.summary().damageData().getColumnKey(0));
        screenshot(stage.getScene().getRoot(), "main-window");
    }

    @Test
    @Order(2)
    void browsesTheSampleFromTheDatabaseAndFiltersByColumn() throws Exception {
        robot.interact(() -> app.browser().model().tableProperty().set("products"));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<Object> nav = (ListView<Object>) robot.lookup("#navigation").query();
            nav.getSelectionModel().select(1);
        });
        waitForText("#rowCount", "of 3,000");
        robot.clickOn("#filter-category").write("Footwear").type(KeyCode.ENTER);
        waitForText("#rowCount", "Rows 1–");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.browser().model().totalProperty().get() < 3000);
        long footwear = app.browser().model().totalProperty().get();
        assertTrue(footwear > 50 && footwear < 600, "footwear rows: " + footwear);
        robot.interact(() -> app.browser().model().selectedProperty().set(app.browser().model().rows().get(0)));
        screenshot(stage.getScene().getRoot(), "data-browser");
    }

    @Test
    @Order(3)
    void exportWritesExactlyTheFilteredRows() throws Exception {
        DataBrowserViewModel model = app.browser().model();
        Path out = home.resolve("footwear.csv");
        long expected = model.totalProperty().get();
        robot.interact(() -> model.export(out, r -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(out.resolveSibling("footwear.csv.provenance.json")));
        List<String[]> rows;
        try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            rows = csv.readAll();
        }
        assertEquals(expected + 1, rows.size());
        assertTrue(rows.stream().skip(1).allMatch(row -> row[2].equals("Footwear")));
    }

    @Test
    @Order(4)
    void anImportWithBadRowsShowsTheSummaryAndTheRejectedRows() throws Exception {
        Path bad = home.resolve("more-products.csv");
        Files.writeString(bad, "Product ID,Title,Category,Price INR,Seller\n"
                + "NEW1,Cotton Kurta Blue,Clothing,499,x\n"
                + "NEW2,Steel Tiffin,Home & Kitchen,not-a-price,y\n"
                + "NEW3,,Footwear,999,z\n"
                + "NEW4,Red Saree,Clothing,1299,w\n", StandardCharsets.UTF_8);
        AtomicReference<ImportDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            dialog.set(app.importDialog());
            dialog.get().show();
        });
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> type = (ComboBox<Object>) robot.lookup("#importType").query();
            type.getSelectionModel().select(in.workbench.analytics.workspace.DataTable.PRODUCTS);
        });
        robot.interact(() -> robot.lookup("#importPath").queryAs(TextField.class).setText(bad.toString()));
        robot.interact(() -> robot.lookup("#loadPreview").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#runImport").queryButton().isDisabled());
        screenshot(dialog.get().stage().getScene().getRoot(), "import-mapping");
        robot.interact(() -> robot.lookup("#runImport").queryButton().fire());
        waitForText("#importSummary", "2 rejected");
        assertTrue(robot.lookup("#importSummary").queryAs(Label.class).getText().contains("Imported 2 catalog rows"));
        assertTrue(robot.lookup("#importSummary").queryAs(Label.class).getText().contains("ignored columns: Seller"));
        screenshot(dialog.get().stage().getScene().getRoot(), "import-summary");
        robot.interact(() -> robot.lookup("#showRejected").queryButton().fire());
        waitForText("#rowCount", "of 2");
        List<List<Object>> rows = app.browser().model().rows();
        assertEquals(2, rows.size());
        assertEquals("rejected_rows", app.browser().model().tableProperty().get());
        screenshot(stage.getScene().getRoot(), "rejected-rows");
    }

    @Test
    @Order(5)
    void aDrillDownOpensTheDataBrowserOnExactlyTheClickedRecords() throws Exception {
        long damaged;
        try (java.sql.Connection c = app.workspace().connection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM shipments WHERE package_type = 'polybag' AND status = 'damaged'")) {
            rs.next();
            damaged = rs.getLong(1);
        }
        assertTrue(damaged > 0);
        robot.interact(() -> app.window().open("Data", java.util.Map.of("table", "shipments", "package_type", "=polybag", "status", "=damaged")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "shipments".equals(app.browser().model().tableProperty().get())
                && app.browser().model().totalProperty().get() == damaged);
        assertEquals("=polybag", app.browser().model().filters().get("package_type"));
    }
}
