package in.workbench.views.labeling;

import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import in.workbench.views.task.TaskStatus;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A task runner as the window's, without the toolkit: work runs on real worker threads (two per
 * lane) and the results wait until the test thread, standing in for the JavaFX thread, takes them
 * with {@link #runUntil}. So a test sees exactly what the screen would see while work is running.
 */
final class WorkerThreadRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService quick = Executors.newFixedThreadPool(2);
    private final ExecutorService slow = Executors.newFixedThreadPool(2);
    private final LinkedBlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();

    @Override
    public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(Lane.LONG, title, work, onSuccess, onFailure);
    }

    @Override
    public <T> RunningTask submit(Lane lane, String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        (lane == Lane.QUICK ? quick : slow).submit(() -> {
            try {
                T r = work.run(ProgressMonitor.NONE);
                callbacks.add(() -> onSuccess.accept(r));
            } catch (CancelledException e) {
                // cancelled work reports nothing
            } catch (Throwable e) {
                callbacks.add(() -> onFailure.accept(e));
            }
        });
        return TaskStatus.running(title);
    }

    /** Runs the finished work's callbacks on the calling thread until {@code done} holds; fails after 60 s. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            Runnable r = callbacks.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            } else if (System.nanoTime() > deadline) {
                throw new AssertionError("the background work did not finish within 60 s");
            }
        }
    }

    @Override
    public void close() {
        quick.shutdownNow();
        slow.shutdownNow();
    }
}
