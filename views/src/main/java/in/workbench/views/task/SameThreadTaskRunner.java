package in.workbench.views.task;

import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs work immediately on the calling thread and calls back at once: view models become plain,
 * deterministic objects in unit tests, with no toolkit. Not for the window.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
        ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
        ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(1);
        try {
            onSuccess.accept(work.run(ProgressMonitor.NONE));
        } catch (CancelledException e) {
            message.set("Cancelled; nothing was changed.");
        } catch (Exception e) {
            onFailure.accept(e);
        }
        ReadOnlyStringWrapper t = new ReadOnlyStringWrapper(title);
        return new RunningTask() {
            @Override
            public ReadOnlyStringProperty titleProperty() {
                return t.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyDoubleProperty progressProperty() {
                return progress.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyStringProperty messageProperty() {
                return message.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyBooleanProperty runningProperty() {
                return running.getReadOnlyProperty();
            }

            @Override
            public void cancel() {
                // already finished
            }
        };
    }
}
