package in.workbench.views.task;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.function.Consumer;

/**
 * Runs slow work (database, files, training) off the JavaFX thread and delivers its result or
 * failure back on it. The window uses {@link FxTaskRunner}; view-model tests use
 * {@link SameThreadTaskRunner}, which runs everything at once on the caller's thread.
 */
public interface TaskRunner {

    /** Work that reports progress and may be cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }

    /**
     * Starts work in the background.
     *
     * @param title what the status bar says while it runs ("Importing shipments.csv")
     * @param work the work; it must not touch JavaFX nodes
     * @param onSuccess called on the JavaFX thread with the result
     * @param onFailure called on the JavaFX thread if the work throws (not when cancelled)
     * @return a handle to follow or cancel the work
     */
    <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Which threads run a piece of work. Quick reads (a page of a table, a chart's numbers) and long
     * work (training, imports, whole-workspace scoring) have their own threads, so two trainings never
     * delay a page read.
     */
    enum Lane {
        /** Reads that answer in well under a second and that a screen waits for. */
        QUICK,
        /** Training, imports, scoring everything: work that may take minutes. */
        LONG
    }

    /**
     * Starts work in the background in the given lane. {@link #submit(String, Work, Consumer, Consumer)}
     * runs in the {@link Lane#LONG} lane; runners with a single lane run both alike.
     */
    default <T> RunningTask submit(Lane lane, String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, work, onSuccess, onFailure);
    }
}
