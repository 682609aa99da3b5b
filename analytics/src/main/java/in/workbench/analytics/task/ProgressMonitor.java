package in.workbench.analytics.task;

/**
 * Receives progress from long-running analytics work (imports, training, scoring) and tells it
 * whether the user has asked to stop.
 *
 * <p>The window adapts it to a JavaFX task with a progress bar and a Cancel button; the command
 * line adapts it to a progress bar on standard error. Implementations must be thread-safe: work
 * calls them from a worker thread.
 */
public interface ProgressMonitor {

    /** A monitor that shows nothing and never cancels. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void update(long done, long total, String message) {
            // nothing to show
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports progress.
     *
     * @param done units of work done so far
     * @param total units of work in all, or -1 when unknown
     * @param message a short phrase describing the current step, in the analyst's words
     */
    void update(long done, long total, String message);

    /** True once the user has asked the work to stop; work checks this between batches. */
    boolean isCancelled();

    /** Throws {@link CancelledException} if the user has asked the work to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
