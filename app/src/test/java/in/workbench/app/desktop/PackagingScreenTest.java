package in.workbench.app.desktop;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingModel;
import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.Main;
import in.workbench.sample.SampleGenerator;
import in.workbench.views.chart.ChartCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartCanvas;
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
 * Smoke test of the Packaging screen in the real window, headless, on a small generated world
 * with a trained model: charts are drawn, the heat map drills down to shipments, dragging the
 * chosen point changes the recommendation. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagingScreenTest {

    static Path home;
    static java.util.List<PackagingRepository.RecommendationRow> commandLinePlan;
    static WorkbenchApplication app;
    static Stage stage;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("workbench-packaging-home");
        Path world = home.resolve("world");
        new SampleGenerator(new SampleGenerator.Config(300, 600, 8_000, 17), PostalDirectory.load()).generate(world, ProgressMonitor.NONE);
        Path folder = home.resolve("ws");
        try (Workspace ws = Workspace.open(folder)) {
            CsvImporter importer = new CsvImporter(ws);
            importer.importFile(world.resolve("package_types.csv"), DataTable.PACKAGE_TYPES, ImportOptions.defaults(), ProgressMonitor.NONE);
            importer.importFile(world.resolve("catalog.csv"), DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            importer.importFile(world.resolve("shipments.csv"), DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            new PackagingTrainer().trainAndSave(ws, PackagingTrainer.Options.defaults(42).withIterations(150, 3), ProgressMonitor.NONE);
            // A plan made on the command line (the cheapest packages, λ = 0): opening the screen must leave it as it is.
            PackagingAnalysis cli = PackagingAnalysis.prepare(ws, PackagingModel.load(ws.modelsDir()),
                    PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
            cli.save(cli.plan(null, null, 0.0));
            commandLinePlan = new PackagingRepository(ws).recommendations(null, false, "", 0, 100_000);
        }
        System.setProperty("workbench.home", home.toString());
        System.setProperty("workbench.noTour", "true");
        System.setProperty(Main.OPEN_WORKSPACE_PROPERTY, folder.toString());
        stage = FxToolkit.registerPrimaryStage();
        // The window is built while the first workspace opens on a worker: on a loaded machine that takes longer than TestFX's 30 s.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        app = (WorkbenchApplication) FxToolkit.setupApplication(WorkbenchApplication.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.workspace() != null);
        robot.interact(() -> stage.setWidth(1360));
        robot.interact(() -> stage.setHeight(900));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.packaging().model().planProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.clearProperty("workbench.home");
        System.clearProperty("workbench.noTour");
        System.clearProperty(Main.OPEN_WORKSPACE_PROPERTY);
    }

    static void screenshot(String name) throws Exception {
        Screenshots.write(robot, stage.getScene().getRoot(), name);
    }

    static void selectScreen(String title) {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<Object> nav = (ListView<Object>) robot.lookup("#navigation").query();
            for (int i = 0; i < nav.getItems().size(); i++) {
                if (nav.getItems().get(i).toString().contains(title)) {
                    nav.getSelectionModel().select(i);
                }
            }
        });
    }

    @Test
    @Order(1)
    void drawsTheDamageChartsAndHeatMap() throws Exception {
        selectScreen("Packaging");
        robot.interact(() -> app.packaging().showTab(0));
        for (ChartCard card : app.packaging().charts().subList(0, 3)) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> card.chart() != null);
            assertTrue(card.data().rows().size() >= 4, "a chart with its numbers: " + card.data().rows().size());
        }
        assertEquals("polybag", app.packaging().charts().get(0).data().rows().get(0).get(0), "weakest package first");
        screenshot("packaging-damage");
    }

    @Test
    @Order(2)
    void showsTheModelComparisonWithZeroViolationsForTheOrdinalModel() throws Exception {
        robot.interact(() -> app.packaging().showTab(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ordinalViolations").tryQuery().isPresent());
        assertTrue(robot.lookup("#ordinalViolations").queryAs(Label.class).getText().startsWith("0 of 300"));
        assertNotNull(app.packaging().charts().get(4).chart(), "calibration chart drawn");
        screenshot("packaging-models");
    }

    @Test
    @Order(2)
    void openingTheScreenLeavesAPlanMadeOnTheCommandLineAsItWas() {
        assertEquals(commandLinePlan, new PackagingRepository(app.workspace()).recommendations(null, false, "", 0, 100_000));
    }

    @Test
    @Order(3)
    void draggingTheChosenPointRecomputesTheRecommendation() throws Exception {
        robot.interact(() -> app.packaging().showTab(1));
        ChartCard tradeOff = app.packaging().charts().get(3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tradeOff.chart() != null);
        // the least-cost plan leaves room to buy less damage by dragging left
        robot.interact(() -> app.packaging().model().objectiveProperty().set(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE));
        robot.clickOn("#savePlan");
        // wait for the least-cost plan to be computed, saved and shown
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.packaging().model().planProperty().get() != null
                && app.packaging().model().planProperty().get().objective() == PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE
                && app.packaging().model().rows().size() > 0);
        screenshot("packaging-tradeoff");
        PackagingRecommender.Plan before = app.packaging().model().planProperty().get();
        Node canvas = robot.from(tradeOff).lookup((java.util.function.Predicate<Node>) n -> n instanceof ChartCanvas).query();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.moveTo(b.getMinX() + b.getWidth() * 0.5, b.getMinY() + b.getHeight() * 0.5);
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(b.getMinX() + b.getWidth() * 0.12, b.getMinY() + b.getHeight() * 0.5);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.packaging().model().planProperty().get() != before);
        PackagingRecommender.Plan after = app.packaging().model().planProperty().get();
        assertTrue(after.recommended().expectedDamaged() < before.recommended().expectedDamaged(),
                "dragging left buys less damage: " + before.recommended() + " → " + after.recommended());
        screenshot("packaging-tradeoff-dragged");
    }

    @Test
    @Order(4)
    void aHeatMapCellDrillsDownToItsShipments() throws Exception {
        robot.interact(() -> app.packaging().openShipments("Home & Kitchen", "carton_double"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "packaging_shipments".equals(app.browser().model().tableProperty().get())
                && !app.browser().model().rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.browser().model().rows().stream().allMatch(r -> r.contains("Home & Kitchen") && r.contains("carton_double")),
                "only that cell's shipments");
        screenshot("packaging-drilldown");
    }
}
