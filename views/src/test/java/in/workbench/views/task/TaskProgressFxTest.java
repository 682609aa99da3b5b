package in.workbench.views.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The progress bar a screen shows follows its task, and shows nothing going on when there is none. */
class TaskProgressFxTest {

    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void withNoTaskTheBarIsEmptyAndCancelIsOffThenItFollowsEachTask() {
        robot.interact(() -> {
            SimpleObjectProperty<RunningTask> current = new SimpleObjectProperty<>();
            TaskProgress progress = new TaskProgress(current, 200);
            assertEquals(0.0, progress.bar().getProgress(), "no task: an empty bar, not the endless 'working' animation");
            assertFalse(progress.bar().isIndeterminate());
            assertTrue(progress.cancel().isDisable(), "nothing to cancel");
            TaskStatus training = TaskStatus.running("Training");
            current.set(training);
            assertTrue(progress.bar().isIndeterminate(), "a task that has not reported yet is shown as working");
            assertFalse(progress.cancel().isDisable());
            training.report(0.4, "fold 2 of 5");
            assertEquals(0.4, progress.bar().getProgress());
            assertEquals("fold 2 of 5", progress.status().getText());
            current.set(null);
            assertEquals(0.0, progress.bar().getProgress());
            assertTrue(progress.cancel().isDisable());
        });
    }
}
