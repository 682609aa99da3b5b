package in.workbench.app.desktop;

import in.workbench.views.Screenshots;
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
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> app.workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.clearProperty("workbench.home");
    }

    static void screenshot(Node node, String name) throws Exception {
        Screenshots.write(robot, node, name);
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.overview().charts().get(0).chart() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var months = app.overview().charts().get(0).data().rows();
        assertEquals(12, months.stream().map(r -> r.get(0)).distinct().count(), "a year of order months");
        assertEquals(4, months.stream().map(r -> r.get(1)).distinct().count(), "every outcome appears");
        var damage = app.overview().charts().get(1).data().rows();
        assertEquals(6, damage.size(), "every package type of the ladder");
        assertEquals("polybag", damage.get(0).get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tourCard").tryQuery().isPresent());
        assertEquals("Your workspace at a glance", robot.lookup("#tourHeading").queryAs(Label.class).getText());
        screenshot(stage.getScene().getRoot(), "guided-tour");
        robot.interact(() -> robot.lookup("#tourNext").queryButton().fire());
        assertEquals("Data browser", app.window().selected().title(), "the tour shows each screen it talks about");
        robot.interact(() -> robot.lookup("#tourDontShow").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#tourClose").queryButton().fire());
        assertTrue(robot.lookup("#tourCard").tryQuery().isEmpty(), "the tour is gone");
        assertTrue(AppSettings.load(home.resolve("settings.json")).tourDismissed, "dismissed for good, across restarts");
        robot.interact(() -> app.window().select(app.window().screens().get(0)));
        screenshot(stage.getScene().getRoot(), "main-window");
    }

    @Test
    @Order(6)
    void theWindowLayoutAndTheLastScreenAreRememberedForNextTime() throws Exception {
        AppSettings saved = new AppSettings();
        robot.interact(() -> {
            app.window().select(app.browser());
            WindowLayout.remember(stage, app.window(), saved);
        });
        assertEquals("Data browser", saved.lastScreen);
        assertEquals(stage.getWidth(), saved.windowWidth);
        robot.interact(() -> {
            app.window().select(app.window().screens().get(0));
            WindowLayout.restoreScreen(app.window(), saved);
        });
        assertEquals("Data browser", app.window().selected().title());
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

    @Test
    @Order(6)
    void theAddressScreensAreInTheWindowAndOfferToTrainOnAnUnscoredWorkspace() throws Exception {
        robot.interact(() -> app.window().open("Addresses", java.util.Map.of("state", "Gujarat")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.addresses().model().noScoresProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Gujarat", app.addresses().model().stateProperty().get());
        assertTrue(robot.lookup("#trainAndScore").queryButton().isVisible());
        assertTrue(robot.lookup("#emptyMessage").queryAs(Label.class).getText().contains("Train the model"));
        screenshot(stage.getScene().getRoot(), "addresses-empty");
        robot.interact(() -> app.window().open("Check an address", java.util.Map.of()));
        waitForText("#checkMessage", "no deliverability model yet");
    }

    @Test
    @Order(8)
    void theOverviewSaysWhatToRunThenChartsEveryFeaturesFlaggedRecords() throws Exception {
        robot.interact(() -> app.window().select(app.overview()));
        var overview = app.overview();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> overview.charts().get(0).chart() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(overview.charts().get(2).message() != null && overview.charts().get(2).message().contains("Train deliverability"),
                "no scores yet: the tile says what to run");
        assertTrue(overview.map().colourOf("Gujarat") != null && !overview.map().colourOf("Gujarat").equals(in.workbench.views.map.IndiaMapView.NO_DATA));
        screenshot(stage.getScene().getRoot(), "overview-before-models");
        try (java.sql.Connection c = app.workspace().connection(); java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO address_scores (address_id, score, flagged, reasons, scored_at) SELECT address_id, 0.3, TRUE, "
                    + "'no house number', CURRENT_TIMESTAMP FROM addresses WHERE MOD(CAST(SUBSTRING(address_id, 2) AS INT), 7) = 0");
            st.execute("INSERT INTO catalog_proposals (product_id, kind, attribute, current_value, proposed_value, confidence, source, "
                    + "created_at) SELECT product_id, CASE WHEN color IS NULL THEN 'missing' ELSE 'conflict' END, 'color', color, 'red', "
                    + "0.9, 'title', CURRENT_TIMESTAMP FROM products WHERE MOD(LENGTH(title), 5) = 0");
            st.execute("INSERT INTO packaging_recommendations (product_id, current_package, recommended_package, p_damage_current, "
                    + "p_damage_recommended, ship_cost_delta_inr, shipments, cost_current_inr, cost_recommended_inr, damage_cost_inr, "
                    + "lambda, recommended_at) SELECT product_id, 'polybag', CASE WHEN fragile THEN 'carton_bubble' ELSE 'padded_mailer' END, "
                    + "0.08, 0.02, 12, 1, 50, 62, 500, 1, CURRENT_TIMESTAMP FROM products WHERE weight_g > 1000");
            st.execute("INSERT INTO packaging_predictions (product_id, package_type, p_damage, predicted_at) SELECT p.product_id, "
                    + "k.package_type, 0.05 / k.robustness_rank, CURRENT_TIMESTAMP FROM products p CROSS JOIN package_types k");
        }
        robot.interact(() -> overview.model().refresh());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> overview.charts().stream().allMatch(card -> card.chart() != null));
        WaitForAsyncUtils.waitForFxEvents();
        for (var card : overview.charts()) {
            assertTrue(!card.data().rows().isEmpty(), "every chart has data");
        }
        Path dir = Path.of("target", "screenshots");
        overview.charts().get(1).savePng(dir.resolve("damage-chart.png"));
        overview.charts().get(1).saveSvg(dir.resolve("damage-chart.svg"));
        overview.charts().get(1).saveCsv(dir.resolve("damage-chart.csv"));
        assertTrue(Files.readString(dir.resolve("damage-chart.svg")).contains("<svg"));
        assertTrue(Files.readString(dir.resolve("damage-chart.csv")).startsWith("package_type,robustness_rank"));
        screenshot(stage.getScene().getRoot(), "overview");
        robot.interact(() -> overview.model().openRegion("Gujarat"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "Gujarat".equals(app.regional().model().stateProperty().get())
                && !app.regional().model().stateSubcategories().isEmpty());
        try (java.sql.Connection c = app.workspace().connection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DELETE FROM catalog_proposals");
            st.execute("DELETE FROM packaging_recommendations");
            st.execute("DELETE FROM packaging_predictions");
            st.execute("DELETE FROM address_scores");
        }
    }

    @Test
    @Order(9)
    void theRegionalScreenShowsGujaratsBandhaniAndRanksItFirstForASareeSearch() throws Exception {
        var regional = app.regional();
        robot.interact(() -> app.window().open("Regional", java.util.Map.of("state", "Gujarat", "subcategory", "Bandhani Sarees")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !regional.model().stateSubcategories().isEmpty()
                && "Gujarat".equals(regional.model().stateProperty().get()) && !regional.model().stateProducts().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Bandhani Sarees", regional.model().stateSubcategories().get(0).subcategory());
        assertTrue(regional.liftChart().chart() != null && regional.deliveryChart().chart() != null);
        assertTrue(regional.model().details("Gujarat").contains("lift"));
        assertTrue(regional.model().overIndexing().stream().anyMatch(l -> l.state().equals("Gujarat")));
        var colour = regional.map().colourOf("Gujarat");
        var kerala = regional.map().colourOf("Kerala");
        assertTrue(!colour.equals(kerala), "Gujarat is coloured darker than Kerala for Bandhani");
        screenshot(stage.getScene().getRoot(), "regional");
        robot.interact(() -> regional.model().queryProperty().set("saree"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !regional.model().ranking().isEmpty()
                && regional.model().ranking().get(0).subcategory().equals("Bandhani Sarees"));
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) ((javafx.scene.control.SplitPane) regional.view()).getItems().get(1);
            tabs.getSelectionModel().select(3);
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(stage.getScene().getRoot(), "regional-ranking");
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) ((javafx.scene.control.SplitPane) regional.view()).getItems().get(1);
            tabs.getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(stage.getScene().getRoot(), "regional-delivery");
    }
}
