package in.workbench.app.desktop;

import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures start-up for {@code workbench bench startup}: with {@code -Dworkbench.exitWhenReady=true}
 * it prints, in milliseconds since the JVM started (the launching one, when the window runs in a
 * second JVM with the class archive), {@code window-ms=N} when the window is first
 * shown, {@code ready-ms=N} when the first workspace has been shown and rendered, and
 * {@code populated-ms=N} once every screen has been built and its loading for it has finished (no
 * task the screens started is still running, for two frames in a row), then quits. Used on the JavaFX thread.
 */
public final class StartupProbe {

    /** The system property that turns the probe on. */
    public static final String PROPERTY = "workbench.exitWhenReady";
    /** The line prefix of the window's first showing. */
    public static final String WINDOW = "window-ms=";
    /** The line prefix of the first workspace shown and rendered. */
    public static final String PREFIX = "ready-ms=";
    /** The line prefix of every screen filled. */
    public static final String POPULATED = "populated-ms=";
    /**
     * The line prefix of the processor time the window's JVM had used (all its threads: compilers, garbage
     * collector, the screens' reads and the JavaFX thread), in ms, when every screen was filled; -1 if unknown.
     * Unlike the clock, it does not grow with other programs' load.
     */
    public static final String PROCESS_CPU = "process-cpu-ms=";
    /** The line prefix of a start-up phase reached: {@code phase-ms=MS,NAME} (ms since the JVM started). */
    public static final String PHASE = "phase-ms=";
    /**
     * The line prefix of one screen task: {@code task-ms=START,END,CPU,TITLE} (start and end in ms since
     * the JVM started; CPU the milliseconds of processor time its thread spent on it, -1 if unknown).
     */
    public static final String TASK = "task-ms=";

    private final AtomicInteger running = new AtomicInteger();
    private final java.util.List<String> finishedTasks = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** A probe when the property asks for one, else null. */
    static StartupProbe ifRequested() {
        return Boolean.getBoolean(PROPERTY) ? new StartupProbe() : null;
    }

    /** The screens' runner, counting the tasks they start until each has finished. */
    TaskRunner track(TaskRunner runner) {
        return new TaskRunner() {
            @Override
            public <T> RunningTask submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                AtomicLong cpu = new AtomicLong(-1);
                return counted(title, cpu, runner.submit(title, timed(work, cpu), onSuccess, onFailure));
            }

            @Override
            public <T> RunningTask submit(Lane lane, String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                AtomicLong cpu = new AtomicLong(-1);
                return counted(title, cpu, runner.submit(lane, title, timed(work, cpu), onSuccess, onFailure));
            }
        };
    }

    /** The work, noting the CPU time its thread spent on it (ms) in {@code cpu}. */
    private static <T> TaskRunner.Work<T> timed(TaskRunner.Work<T> work, AtomicLong cpu) {
        return monitor -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadCpuTime();
            try {
                return work.run(monitor);
            } finally {
                cpu.set((threads.getCurrentThreadCpuTime() - before) / 1_000_000);
            }
        };
    }

    private RunningTask counted(String title, AtomicLong cpu, RunningTask task) {
        running.incrementAndGet();
        long started = sinceStart();
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable finished = () -> {
            if (counted.getAndSet(false)) {
                finishedTasks.add(started + "," + sinceStart() + "," + cpu.get() + "," + title.replace('\n', ' '));
                running.decrementAndGet();
            }
        };
        task.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                finished.run();
            }
        });
        if (!task.runningProperty().get()) {
            finished.run();
        }
        return task;
    }

    /** Tasks the screens started that have not finished. */
    int running() {
        return running.get();
    }

    /**
     * Prints that start-up reached {@code phase} when the probe is requested (a static call, so the
     * entry point can mark its phases before any probe exists); does nothing otherwise.
     */
    public static void phase(String phase) {
        if (Boolean.getBoolean(PROPERTY)) {
            System.out.println(PHASE + sinceStart() + "," + phase);
            System.out.flush();
        }
    }

    /** Reports that the window is on screen. */
    void windowShown() {
        print(WINDOW);
    }

    /** Reports the first rendered frame with the workspace, then the frame with every screen filled, then quits. */
    void reportWhenRendered(Scene scene, java.util.function.BooleanSupplier screensPrepared, Runnable quit) {
        new AnimationTimer() {
            private int frames;
            private int quietFrames;

            @Override
            public void handle(long now) {
                if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                    return;
                }
                if (++frames == 2) {
                    print(PREFIX);
                }
                quietFrames = frames >= 2 && running.get() == 0 && screensPrepared.getAsBoolean() ? quietFrames + 1 : 0;
                if (quietFrames >= 2) {
                    stop();
                    synchronized (finishedTasks) {
                        finishedTasks.forEach(t -> System.out.println(TASK + t));
                    }
                    System.out.println(PROCESS_CPU + processCpuMillis());
                    print(POPULATED);
                    quit.run();
                }
            }
        }.start();
    }

    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }

    private static void print(String prefix) {
        System.out.println(prefix + sinceStart());
        System.out.flush();
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - SharedClassArchive.startedAt();
    }
}
