package in.workbench.app.sample;

import in.workbench.analytics.task.ProgressMonitor;

/**
 * One progress bar for work made of several steps: each step reports its own done/total, shown as
 * its share of the whole with the step's name in front. Thread-safe if the monitor is.
 */
final class SampleSteps {

    private final ProgressMonitor whole;
    private final int count;

    SampleSteps(ProgressMonitor whole, int count) {
        this.whole = whole;
        this.count = count;
    }

    /** The monitor for step {@code index} (0-based) of the whole, its messages prefixed with {@code name}. */
    ProgressMonitor step(int index, String name) {
        whole.checkCancelled();
        whole.update(index * 1000L, count * 1000L, name);
        return new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                long part = total > 0 ? Math.min(1000, done * 1000 / total) : 0;
                whole.update(index * 1000L + part, count * 1000L, message == null || message.isBlank() ? name : name + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
