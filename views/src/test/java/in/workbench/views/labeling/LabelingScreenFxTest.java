package in.workbench.views.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.labeling.LabelOutbox;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.shell.FxDialogService;
import in.workbench.views.task.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Labeling screen in a window (headless): keys typed while the workspace holds every write
 * are taken at once, the screen says "Saving" and only says "Saved" after the commits; on a team
 * workspace it shows the analyst's role, the live agreement and the labels waiting to be sent.
 * Screenshots go to target/screenshots.
 */
class LabelingScreenFxTest {

    static Stage stage;
    static final FxRobot robot = new FxRobot();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    FxTaskRunner runner;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        LabelWritingTest.load();
    }

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    LabelingView screen(LabelingViewModel model) {
        LabelingView view = new LabelingView(model, new FxDialogService(stage));
        robot.interact(() -> {
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(view.view()), 1280, 760));
            stage.show();
        });
        return view;
    }

    LabelingViewModel model(String analyst) {
        runner = new FxTaskRunner();
        LabelingViewModelTest.Stub who = new LabelingViewModelTest.Stub();
        who.name = analyst;
        return new LabelingViewModel(runner, failures::add, who, () -> LabelingViewModelTest.parser,
                new SegmentationTrainer.Settings(42, 1, 200, 200), (w, m) -> null, WorkspaceEvents.none());
    }

    static String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void keysTypedWhileTheWorkspaceIsSlowAreTakenAtOnceAndSavedIsShownOnlyAfterTheCommits(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LabelingViewModelTest.addresses(ws, dir, 30);
            LabelWritingTest.SlowWorkspace slow = new LabelWritingTest.SlowWorkspace(LabelSink.direct(new LabelStore(ws)));
            LabelingViewModel model = model("Asha");
            LabelingView view = screen(model);
            robot.interact(() -> model.setWorkspace(ws, slow));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.currentProperty().get() != null);
            robot.interact(() -> view.view().requestFocus());
            String first = text("#labelAddress");
            robot.type(KeyCode.D, KeyCode.U, KeyCode.S);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> slow.arrived.size() == 1);
            assertEquals(3, model.writer().unsavedProperty().get(), "three labels queued");
            assertEquals(1, slow.arrived.size(), "one write at a time reaches the workspace");
            assertEquals("Saving 3 labels …", text("#labelSaveState"));
            assertNotEquals(first, text("#labelAddress"), "the window went on while the workspace was busy");
            assertEquals(0, LabelWritingTest.count(ws, "SELECT COUNT(*) FROM labeling_decisions"));
            screenshot("labeling-saving");
            slow.open.countDown();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.writer().unsavedProperty().get() == 0);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Saved: all 3 labels of this session.", text("#labelSaveState"));
            assertEquals(3, LabelWritingTest.count(ws, "SELECT COUNT(*) FROM labeling_decisions"));
            screenshot("labeling-saved");
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void onATeamWorkspaceTheScreenShowsTheRoleTheAgreementAndTheLabelsWaitingToBeSent(@TempDir Path dir) throws Exception {
        TeamLabelingScreenTest.serverAndParser();
        try (Workspace owner = TeamLabelingScreenTest.ownerWorkspace(dir, "fx", 12);
                Workspace asha = TeamLabelingScreenTest.as(owner, "wb_labeler", dir)) {
            AtomicBoolean reachable = new AtomicBoolean(true);
            LabelStore store = new LabelStore(asha);
            LabelOutbox outbox = new LabelOutbox(dir.resolve("outbox.jsonl"), p -> {
                if (!reachable.get()) {
                    throw new WorkbenchException(WorkbenchException.Kind.OTHER, "connection lost", new SQLException("I/O error", "08006"));
                }
                return store.decideOnce(p.receiptId(), p.addressIds(), p.label(), p.segments(), p.analyst());
            });
            LabelingViewModel model = model("Asha");
            LabelingView view = screen(model);
            robot.interact(() -> model.setWorkspace(asha, LabelSink.throughOutbox(outbox, store)));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.currentProperty().get() != null);
            robot.interact(() -> view.view().requestFocus());
            robot.type(KeyCode.D);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.writer().unsavedProperty().get() == 0);
            reachable.set(false);
            robot.type(KeyCode.U, KeyCode.S);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.writer().unsavedProperty().get() == 0);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(text("#labelSaveState").startsWith("2 labels waiting to be sent"), text("#labelSaveState"));
            assertTrue(text("#labelTeam").contains("you are a labeler"), text("#labelTeam"));
            screenshot("labeling-team-waiting");
            reachable.set(true);
            robot.type(KeyCode.F5);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#labelSaveState").startsWith("Saved"));
            assertEquals(3, LabelWritingTest.count(owner, "SELECT COUNT(*) FROM labeling_decisions"));
            robot.interact(model::leave);
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    static void screenshot(String name) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().getRoot().snapshot(null, null)));
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", out.resolve(name + ".png").toFile());
    }
}
