package in.workbench.app.cli;

import in.workbench.analytics.task.ProgressMonitor;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A {@link ProgressMonitor} drawn as a progress bar on standard error (never standard output, so
 * that piped results stay clean), or silent with {@code -q}. Closing it finishes the bar.
 * Thread-safe.
 */
public final class TerminalProgress implements ProgressMonitor, AutoCloseable {

    private final String task;
    private final boolean quiet;
    private final PrintStream err;
    private ProgressBar bar;

    public TerminalProgress(String task, boolean quiet, PrintStream err) {
        this.task = task;
        this.quiet = quiet;
        this.err = err;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        if (quiet) {
            return;
        }
        if (bar == null) {
            // Drawn only once work has started, so an early failure prints just its sentence.
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(total)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .continuousUpdate()
                    .build();
        }
        if (total > 0 && bar.getMax() != total) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
        if (message != null) {
            bar.setExtraMessage(" " + message);
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
