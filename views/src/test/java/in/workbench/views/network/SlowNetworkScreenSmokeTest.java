package in.workbench.views.network;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.network.SlowNetworkTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.SessionSampler;
import in.workbench.views.task.FxTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Slow networks screen, headless, on a small trained workspace: every tab shows its data, the
 * threshold moves the utility, a session shows its prediction; screenshots under target/screenshots.
 */
class SlowNetworkScreenSmokeTest {

    @TempDir
    static Path dir;
    static Stage stage;
    static FxTaskRunner runner;
    static Workspace ws;
    static PostalDirectory directory;
    static final FxRobot robot = new FxRobot();
    static final List<Throwable> errors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        runner = new FxTaskRunner();
        directory = PostalDirectory.load();
        new SessionSampler(new SessionSampler.Config(12_000, 21, 4), directory).write(dir.resolve("world"));
        ws = Workspace.open(dir.resolve("ws"));
        new CsvImporter(ws, List.of(SessionStore.outcomesHook())).importFile(dir.resolve("world/sessions.csv"), DataTable.SESSIONS,
                ImportOptions.defaults(), ProgressMonitor.NONE);
        new SlowNetworkTrainer().trainAndSave(ws, new SlowNetworkTrainer.Options(4, 30, 4, 0.15), ProgressMonitor.NONE);
    }

    @AfterAll
    static void stop() {
        runner.close();
        ws.close();
    }

    static void screenshot(String name) throws Exception {
        Screenshots.write(robot, stage.getScene().getRoot(), name);
    }

    @Test
    void showsSharesTowersMapASessionAndTheDecisionUtility() throws Exception {
        AtomicReference<SlowNetworkView> view = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new SlowNetworkView(new SlowNetworkViewModel(runner, () -> directory, errors::add)));
            stage.setScene(new Scene(new StackPane(view.get().view()), 1300, 860));
            stage.show();
            view.get().onWorkspaceChanged(ws);
        });
        SlowNetworkViewModel model = view.get().model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.utilityProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(errors.isEmpty(), errors.toString());
        assertNotNull(model.reportProperty().get());
        assertFalse(model.reportProperty().get().towers().isEmpty());
        screenshot("slow-network-shares");
        robot.interact(() -> view.get().tabs().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.HBox legend = view.get().heatLegend();
        assertTrue(legend.isVisible() && legend.getScene() != null && legend.getLayoutBounds().getWidth() > 0, "the heat map has a legend");
        List<String> legendText = legend.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        assertTrue(legendText.contains("0 %") && legendText.contains("50 % or more") && legendText.contains("no sessions"), legendText.toString());
        screenshot("slow-network-towers");
        robot.interact(() -> view.get().tabs().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.get().map().points().isEmpty(), "pincode points on the map");
        screenshot("slow-network-map");

        double atDefault = model.utilityProperty().get().rule();
        robot.interact(() -> model.thresholdProperty().set(0.99));
        double nearlyAllFull = model.utilityProperty().get().rule();
        assertTrue(Math.abs(nearlyAllFull - model.utilityProperty().get().everyoneFull()) < 0.02,
                "a threshold near 1 serves almost everyone the full page");
        assertTrue(atDefault > nearlyAllFull, "the default threshold beats serving almost everyone full");
        robot.interact(() -> {
            model.thresholdProperty().set(0.091);
            view.get().tabs().getSelectionModel().select(4);
        });
        screenshot("slow-network-decision");

        robot.interact(() -> {
            model.sessionQueryProperty().set("S00000500");
            view.get().tabs().getSelectionModel().select(3);
        });
        assertTrue(model.sessionAnswerProperty().get().startsWith("P(slow)"), model.sessionAnswerProperty().get());
        robot.interact(() -> model.sessionQueryProperty().set("nope"));
        assertTrue(model.sessionAnswerProperty().get().startsWith("No session nope"));
    }
}
