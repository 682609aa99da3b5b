package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import in.workbench.views.task.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StartupProbeTest {

    /** A task that finishes when the test says so. */
    static final class Task extends TaskStatus {
        Task(boolean running) {
            super("t", -1, "", running);
        }

        void end() {
            finish(null);
        }

        @Override
        public void cancel() {
            end();
        }
    }

    @Test
    void everyScreenIsFilledOnlyOnceEveryTaskTheScreensStartedHasFinishedOrBeenCancelled() {
        List<Task> started = new ArrayList<>();
        TaskRunner inner = new TaskRunner() {
            @Override
            public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                Task t = new Task(!title.equals("instant"));
                started.add(t);
                return t;
            }
        };
        StartupProbe probe = new StartupProbe();
        TaskRunner screens = probe.track(inner);
        screens.submit("page", m -> 1, r -> { }, e -> { });
        screens.submit(TaskRunner.Lane.QUICK, "chart", m -> 2, r -> { }, e -> { });
        screens.submit("instant", m -> 3, r -> { }, e -> { });
        assertEquals(2, probe.running(), "a task that finished before it was counted does not hold the probe");
        started.get(0).end();
        assertEquals(1, probe.running());
        started.get(1).cancel();
        started.get(1).end();
        assertEquals(0, probe.running(), "a cancelled task counts as finished, once");
    }
}
