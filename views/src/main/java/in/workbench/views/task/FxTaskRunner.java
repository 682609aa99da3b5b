package in.workbench.views.task;

import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on named daemon threads, in two lanes ({@link TaskRunner.Lane}): two threads for long
 * work (training, imports) and two for quick reads, so a training never delays a page of a table.
 * Reports back on the JavaFX thread.
 * Progress updates are throttled to at most one every 100 ms so a fast loop cannot flood the FX
 * thread. The most recently started task is published in {@link #currentTaskProperty()} for the
 * status bar. Thread-safe.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ExecutorService longLane;
    private final ExecutorService quickLane;
    private final ObjectProperty<RunningTask> current = new SimpleObjectProperty<>();

    public FxTaskRunner() {
        this.longLane = lane("workbench-worker-");
        this.quickLane = lane("workbench-read-");
    }

    private static ExecutorService lane(String prefix) {
        AtomicLong n = new AtomicLong();
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The task the status bar follows (the latest one started). */
    public ObjectProperty<RunningTask> currentTaskProperty() {
        return current;
    }

    @Override
    public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(Lane.LONG, title, work, onSuccess, onFailure);
    }

    @Override
    public <T> RunningTask submit(Lane lane, String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Handle handle = new Handle(title);
        current.set(handle);
        (lane == Lane.QUICK ? quickLane : longLane).submit(() -> {
            try {
                T result = work.run(handle);
                Platform.runLater(() -> {
                    handle.finish(null);
                    if (!handle.cancelled) {
                        onSuccess.accept(result);
                    }
                });
            } catch (CancelledException e) {
                Platform.runLater(() -> handle.finish("Cancelled; nothing was changed."));
            } catch (Throwable e) {
                LOG.debug("background task '{}' failed", title, e);
                Platform.runLater(() -> {
                    handle.finish("Failed.");
                    onFailure.accept(e);
                });
            }
        });
        return handle;
    }

    @Override
    public void close() {
        longLane.shutdownNow();
        quickLane.shutdownNow();
    }

    private static final class Handle extends TaskStatus implements ProgressMonitor {
        private volatile boolean cancelled;
        private volatile long lastUpdate;

        Handle(String title) {
            super(title, -1, "", true);
        }

        @Override
        public void update(long done, long total, String text) {
            long now = System.nanoTime();
            if (now - lastUpdate < 100_000_000L && done < total) {
                return;
            }
            lastUpdate = now;
            double p = total > 0 ? Math.min(1.0, done / (double) total) : -1;
            Platform.runLater(() -> report(p, text));
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
            Platform.runLater(() -> say("Cancelling…"));
        }
    }
}
