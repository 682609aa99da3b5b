package in.workbench.views.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskStatusTest {

    @Test
    void workRunOnTheCallersThreadIsShownAsFinishedWithItsLastMessage() {
        RunningTask task = new SameThreadTaskRunner().submit("Importing shipments.csv", monitor -> {
            throw new in.workbench.analytics.task.CancelledException();
        }, r -> { }, e -> { });
        assertEquals("Importing shipments.csv", task.titleProperty().get());
        assertFalse(task.runningProperty().get());
        assertEquals(1.0, task.progressProperty().get());
        assertEquals("Cancelled; nothing was changed.", task.messageProperty().get());
    }

    @Test
    void progressIsShownWhileRunningAndFrozenOnceTheWorkEnds() {
        TaskStatus status = TaskStatus.running("Training");
        assertTrue(status.runningProperty().get());
        assertEquals(-1.0, status.progressProperty().get(), "progress is unknown until the work reports");
        status.report(0.25, "fold 1 of 4");
        assertEquals(0.25, status.progressProperty().get());
        assertEquals("fold 1 of 4", status.messageProperty().get());
        status.finish(null);
        status.report(0.5, "fold 2 of 4");
        assertFalse(status.runningProperty().get());
        assertEquals(1.0, status.progressProperty().get());
        assertEquals("done.", status.messageProperty().get(), "a late progress report does not overwrite the end");
    }

    @Test
    void stoppedWorkShowsWhyAndNoProgress() {
        TaskStatus status = TaskStatus.running("Scoring");
        status.finish("Failed.");
        assertFalse(status.runningProperty().get());
        assertEquals(0.0, status.progressProperty().get());
        assertEquals("Failed.", status.messageProperty().get());
    }
}
