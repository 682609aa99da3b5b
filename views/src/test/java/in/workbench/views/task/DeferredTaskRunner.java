package in.workbench.views.task;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A task runner for tests that holds every submission until the test finishes it, in any order:
 * the way to make a slow answer arrive after a newer one. Not thread-safe.
 */
public final class DeferredTaskRunner implements TaskRunner {

    /** One submitted piece of work, with the lane it asked for. */
    public final class Pending {
        final Lane lane;
        final String title;
        final Runnable finish;

        Pending(Lane lane, String title, Runnable finish) {
            this.lane = lane;
            this.title = title;
            this.finish = finish;
        }

        public Lane lane() {
            return lane;
        }

        public String title() {
            return title;
        }

        /** Runs the work now and delivers its result (or failure) as the runner would. */
        public void finish() {
            pending.remove(this);
            finish.run();
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    /** The work submitted and not finished yet, oldest first. */
    public List<Pending> pending() {
        return List.copyOf(pending);
    }

    /** Finishes everything pending, oldest first (and what that submits). */
    public void finishAll() {
        while (!pending.isEmpty()) {
            pending.get(0).finish();
        }
    }

    @Override
    public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(Lane.LONG, title, work, onSuccess, onFailure);
    }

    @Override
    public <T> RunningTask submit(Lane lane, String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(new Pending(lane, title, () -> {
            T result;
            try {
                result = work.run(ProgressMonitor.NONE);
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        }));
        return TaskStatus.running(title);
    }
}
