package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.junit.jupiter.api.Test;

class StartupProbeTest {

    /** A task that finishes when the test says so. */
    static final class Task implements RunningTask {
        final ReadOnlyBooleanWrapper running;

        Task(boolean running) {
            this.running = new ReadOnlyBooleanWrapper(running);
        }

        @Override
        public ReadOnlyStringProperty titleProperty() {
            return new ReadOnlyStringWrapper("t").getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return new ReadOnlyDoubleWrapper(-1).getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return new ReadOnlyStringWrapper("").getReadOnlyProperty();
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }

        @Override
        public void cancel() {
            running.set(false);
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
        started.get(0).running.set(false);
        assertEquals(1, probe.running());
        started.get(1).cancel();
        started.get(1).running.set(false);
        assertEquals(0, probe.running(), "a cancelled task counts as finished, once");
    }
}
