package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.Main;
import in.workbench.sample.SampleGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * The Labeling screen in the real window, keyboard only: ten decisions, one undone and corrected,
 * and after restarting the application exactly nine labels plus the corrected one remain. Then
 * the Buildings screen. Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabelingWindowTest {

    static Path home;
    static Path folder;
    static WorkbenchApplication app;
    static Stage stage;
    static final FxRobot robot = new FxRobot();
    static String corrected;

    @BeforeAll
    static void prepare() throws Exception {
        home = Files.createTempDirectory("workbench-labeling-home");
        Files.writeString(home.resolve("settings.json"), "{\"analystName\":\"Asha\",\"analystNameConfirmed\":true,\"tourDismissed\":true}", StandardCharsets.UTF_8);
        Path world = home.resolve("world");
        PostalDirectory directory = PostalDirectory.load();
        new SampleGenerator(new SampleGenerator.Config(20, 400, 100, 5), directory).generate(world, ProgressMonitor.NONE);
        folder = home.resolve("ws");
        try (Workspace ws = Workspace.open(folder)) {
            CsvImporter importer = new CsvImporter(ws);
            importer.importFile(world.resolve("addresses.csv"), DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
            // Analysts who corrected segmentations before, simulated from the generator's gold file (tests only),
            // so the learning curve has points: 0, 60 and 120 corrected addresses.
            List<String> gold = Files.readAllLines(world.resolve("truth/address_labels_gold.csv"), StandardCharsets.UTF_8);
            SegmentationTrainer trainer = new SegmentationTrainer(new AddressParser(directory));
            SegmentationTrainer.Settings quick = new SegmentationTrainer.Settings(42, 1, 250, 200);
            trainer.trainAndSave(ws, quick, ProgressMonitor.NONE);
            for (int step = 1; step <= 2; step++) {
                Path part = home.resolve("gold-" + step + ".csv");
                List<String> rows = new java.util.ArrayList<>(gold.subList(0, 1));
                rows.addAll(gold.subList(1 + 60 * (step - 1), 1 + 60 * step).stream()
                        .map(l -> l.replace(",generator,", ",earlier analyst,")).toList());
                Files.write(part, rows, StandardCharsets.UTF_8);
                importer.importFile(part, DataTable.ADDRESS_LABELS, ImportOptions.defaults(), ProgressMonitor.NONE);
                trainer.trainAndSave(ws, quick, ProgressMonitor.NONE);
            }
        }
        System.setProperty("workbench.home", home.toString());
        System.setProperty(Main.OPEN_WORKSPACE_PROPERTY, folder.toString());
        stage = FxToolkit.registerPrimaryStage();
        // The window is built while the first workspace opens on a worker: on a loaded machine that takes longer than TestFX's 30 s.
        FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        start();
    }

    static void start() throws Exception {
        app = (WorkbenchApplication) FxToolkit.setupApplication(WorkbenchApplication.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.workspace() != null);
        robot.interact(() -> app.select(app.labeling()));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.labeling().model().currentProperty().get() != null);
        robot.interact(() -> app.labeling().view().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void restart() throws Exception {
        robot.interact(() -> app.workspace().close());
        FxToolkit.cleanupApplication(app);
        start();
    }

    @AfterAll
    static void stop() throws Exception {
        robot.interact(() -> app.workspace().close());
        FxToolkit.cleanupApplication(app);
        System.clearProperty("workbench.home");
        System.clearProperty(Main.OPEN_WORKSPACE_PROPERTY);
    }

    static long count(String sql) throws Exception {
        try (Connection c = app.workspace().connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until every label typed so far is committed (labels are written off the JavaFX thread). */
    static void allSaved() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.labeling().model().unsavedProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    @Order(1)
    void labelsTenAddressesWithTheKeyboardUndoesOneAndCorrectsIt() throws Exception {
        assertFalse(label("#labelAddress").isBlank(), "an address is shown");
        assertTrue(robot.lookup("#key-DELIVERABLE").queryButton().getText().startsWith("D"), "keys are shown on screen");
        KeyCode[] keys = {KeyCode.D, KeyCode.U, KeyCode.S, KeyCode.D, KeyCode.U, KeyCode.D, KeyCode.D, KeyCode.S, KeyCode.U, KeyCode.D};
        long groups = 0;
        for (KeyCode k : keys) {
            groups += app.labeling().model().currentProperty().get().addressIds().size();
            robot.type(k);
            WaitForAsyncUtils.waitForFxEvents();
        }
        allSaved();
        assertEquals(10, count("SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
        assertEquals(groups, count("SELECT COUNT(*) FROM address_labels WHERE labeled_by = 'Asha' AND NOT undone"));
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label("#labelMessage").startsWith("Undone"));
        corrected = app.labeling().model().currentProperty().get().address().id();
        assertEquals(9, count("SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
        assertTrue(label("#labelMessage").startsWith("Undone"), label("#labelMessage"));
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        WindowScreenshots.save(robot, stage.getScene().getRoot(), "labeling");
        robot.type(KeyCode.U);
        WaitForAsyncUtils.waitForFxEvents();
        allSaved();
        assertEquals(10, count("SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
    }

    @Test
    @Order(2)
    void afterRestartingExactlyNineLabelsPlusTheCorrectedOneRemain() throws Exception {
        restart();
        assertEquals(10, count("SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
        assertEquals(1, count("SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND undone"));
        assertEquals(1, count("SELECT COUNT(*) FROM address_labels WHERE labeled_by = 'Asha' AND NOT undone AND label = 'undeliverable' "
                + "AND segments IS NOT NULL AND address_id = '" + corrected + "'"), "the corrected label, with its corrected segments");
        assertTrue(label("#labelProgress").contains("Asha: 10 today"), label("#labelProgress"));
        assertTrue(label("#labelQuality").contains("span F1"), label("#labelQuality"));
        assertEquals(2, app.labeling().model().curve().stream().filter(p -> p.spanF1() != null).count(), "the learning curve has its points");
        WindowScreenshots.save(robot, stage.getScene().getRoot(), "labeling-after-restart");
    }

    @Test
    @Order(3)
    void theBuildingsScreenListsBuildingsWithCounts() throws Exception {
        robot.interact(() -> app.select(app.buildings()));
        robot.interact(() -> robot.lookup("#findBuildings").queryButton().fire());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !app.buildings().model().buildings().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.buildings().model().buildings().stream().allMatch(b -> b.addresses() >= 1 && b.customers() >= 1));
        assertTrue(count("SELECT COUNT(*) FROM buildings") >= app.buildings().model().buildings().size());
        WindowScreenshots.save(robot, stage.getScene().getRoot(), "buildings");
        robot.interact(() -> robot.lookup("#browseBuildings").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "buildings".equals(app.browser().model().tableProperty().get()));
    }
}
