package in.workbench.views.task;

import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.function.Consumer;

/**
 * Runs work immediately on the calling thread and calls back at once: view models become plain,
 * deterministic objects in unit tests, with no toolkit. Not for the window.
 */
public final class SameThreadTaskRunner implements TaskRunner {

    @Override
    public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        String message = "";
        try {
            onSuccess.accept(work.run(ProgressMonitor.NONE));
        } catch (CancelledException e) {
            message = "Cancelled; nothing was changed.";
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return TaskStatus.finished(title, message);
    }
}
