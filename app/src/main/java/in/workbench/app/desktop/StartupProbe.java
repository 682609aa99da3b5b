package in.workbench.app.desktop;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures start-up time to a usable window for {@code workbench bench startup}: with
 * {@code -Dworkbench.exitWhenReady=true}, once the first workspace is shown and two frames have
 * been rendered, prints {@code ready-ms=N} (milliseconds since the JVM started) on standard output
 * and quits. Used on the JavaFX thread.
 */
public final class StartupProbe {

    /** The system property that turns the probe on. */
    public static final String PROPERTY = "workbench.exitWhenReady";

    /** The line prefix the bench reads. */
    public static final String PREFIX = "ready-ms=";

    private StartupProbe() {
    }

    static void reportWhenRendered(Scene scene, Runnable quit) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2 || scene.getWindow() == null || !scene.getWindow().isShowing()) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(PREFIX + ms);
                System.out.flush();
                quit.run();
            }
        }.start();
    }
}
