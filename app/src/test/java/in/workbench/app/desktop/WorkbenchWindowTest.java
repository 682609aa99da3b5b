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
import in.workbench.views.shell.Screen;
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
        // The window is built while the first workspace opens on a worker: on a loaded machine that takes longer than TestFX's 30 s.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
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
        assertTrue(SettingsStore.read(home.resolve(SettingsStore.FILE_NAME)).tourDismissed, "dismissed for good, across restarts");
        robot.interact(() -> app.window().select(app.window().screens().get(0)));
        screenshot(stage.getScene().getRoot(), "main-window");
        var bar = (javafx.scene.control.MenuBar) app.window().root().getTop();
        var samples = (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "menuSamples".equals(i.getId())).findFirst().orElseThrow();
        assertEquals(java.util.Arrays.stream(in.workbench.app.sample.SampleWorld.values()).map(w -> w.title()).toList(),
                samples.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList(), "File ▸ Open sample lists every world");
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
    void theAddressScreensShowTheSamplesScoresWithoutTrainingAnything() throws Exception {
        robot.interact(() -> app.window().open("Addresses", java.util.Map.of("state", "Gujarat")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.addresses().model().noScoresProperty().get()
                && !app.addresses().model().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Gujarat", app.addresses().model().stateProperty().get());
        assertTrue(app.addresses().model().totalProperty().get() > 100, "the sample's Gujarat addresses, scored");
        screenshot(stage.getScene().getRoot(), "addresses");
    }

    @Test
    @Order(7)
    void everyScreenOfTheSampleHasItsContentAtOnce() throws Exception {
        robot.interact(() -> app.window().select(app.packaging()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.packaging().model().planProperty().get() != null);
        assertTrue(app.packaging().model().savedPlanProperty().get().startsWith("The table holds the plan saved"),
                "the sample carries a saved plan: " + app.packaging().model().savedPlanProperty().get());
        for (Screen screen : app.window().screens()) {
            robot.interact(() -> app.window().select(screen));
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            screenshot(stage.getScene().getRoot(), "sample-" + screen.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        }
        Screen catalog = app.window().screens().stream().filter(sc -> sc.title().equals("Catalog")).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ((Label) catalog.view().lookup("#catalogMetrics")).getText()
                .startsWith("Colour from titles"));
    }

    @Test
    @Order(8)
    void theOverviewChartsEveryFeaturesFlaggedRecordsOfTheSample() throws Exception {
        robot.interact(() -> app.window().select(app.overview()));
        var overview = app.overview();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> overview.charts().get(0).chart() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(overview.map().colourOf("Gujarat") != null && !overview.map().colourOf("Gujarat").equals(in.workbench.views.map.IndiaMapView.NO_DATA));
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
