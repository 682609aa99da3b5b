package in.workbench.views.task;

import in.workbench.analytics.workspace.Workspace;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one way a screen updates from background work (after MZmine's {@code FxUpdateTask}): the
 * caller copies its inputs on the JavaFX thread, the work computes on a worker in its lane, and the
 * result is applied only if it is still the latest update of the same key for the same workspace.
 * A result that arrives after a newer request of its key, or after the screen switched workspace,
 * is dropped (its failure too), so a slow answer never overwrites a newer one.
 *
 * <p>One instance per view model; used on the JavaFX thread only (not thread-safe).
 */
public final class ScreenUpdates {

    private final TaskRunner runner;
    private final Supplier<Workspace> workspace;
    private final Consumer<Throwable> onFailure;
    private final Map<String, Long> latest = new HashMap<>();
    private long tickets;

    /**
     * @param runner runs the work
     * @param workspace the workspace the screen shows now (read when work starts and when it ends)
     * @param onFailure where failures of current updates go (the screen's error dialog)
     */
    public ScreenUpdates(TaskRunner runner, Supplier<Workspace> workspace, Consumer<Throwable> onFailure) {
        this.runner = runner;
        this.workspace = workspace;
        this.onFailure = onFailure;
    }

    /**
     * Starts a quick read for {@code key} (a page, a chart) on the workspace shown now.
     *
     * @param work the computation over inputs already copied on the JavaFX thread; it gets the workspace
     * @param apply called on the JavaFX thread with the result, only if this is still the latest update of {@code key}
     *     and the screen still shows the same workspace
     * @return the running task, or null when no workspace is open (nothing is started)
     */
    public <T> RunningTask read(String key, String title, WorkspaceWork<T> work, Consumer<T> apply) {
        return start(TaskRunner.Lane.QUICK, key, title, work, apply, onFailure);
    }

    /** As {@link #read}, with the failure of a current update going to {@code failed} instead of the screen's error handler. */
    public <T> RunningTask read(String key, String title, WorkspaceWork<T> work, Consumer<T> apply, Consumer<Throwable> failed) {
        return start(TaskRunner.Lane.QUICK, key, title, work, apply, failed);
    }

    /** As {@link #read}, in the long-work lane (training, scoring everything). */
    public <T> RunningTask longWork(String key, String title, WorkspaceWork<T> work, Consumer<T> apply) {
        return start(TaskRunner.Lane.LONG, key, title, work, apply, onFailure);
    }

    /** As {@link #longWork}, with the failure of a current update going to {@code failed}. */
    public <T> RunningTask longWork(String key, String title, WorkspaceWork<T> work, Consumer<T> apply, Consumer<Throwable> failed) {
        return start(TaskRunner.Lane.LONG, key, title, work, apply, failed);
    }

    /** Drops the result of the update of {@code key} still on its way (the screen shows something else now). */
    public void forget(String key) {
        latest.remove(key);
    }

    /** True while an update of {@code key} started with {@code ticket} is still the latest for the workspace it read. */
    private boolean current(String key, long ticket, Workspace ws) {
        return latest.getOrDefault(key, -1L) == ticket && workspace.get() == ws;
    }

    private <T> RunningTask start(TaskRunner.Lane lane, String key, String title, WorkspaceWork<T> work, Consumer<T> apply,
            Consumer<Throwable> failed) {
        Workspace ws = workspace.get();
        if (ws == null) {
            return null;
        }
        long ticket = ++tickets;
        latest.put(key, ticket);
        return runner.submit(lane, title, m -> work.run(ws, m), r -> {
            if (current(key, ticket, ws)) {
                apply.accept(r);
            }
        }, e -> {
            if (current(key, ticket, ws)) {
                failed.accept(e);
            }
        });
    }

    /** Background work over one workspace. */
    @FunctionalInterface
    public interface WorkspaceWork<T> {
        T run(Workspace workspace, in.workbench.analytics.task.ProgressMonitor monitor) throws Exception;
    }
}
