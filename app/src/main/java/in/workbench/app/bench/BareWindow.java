package in.workbench.app.bench;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The reference of {@code bench startup}: a JavaFX window with one label and nothing else, started from the same jar
 * with the same compiler setting and class-archive treatment as the workbench's window. It prints when its second
 * frame was drawn (ms since its JVM started) and the CPU time its JVM used by then, then quits. Whatever the workbench
 * does, its window cannot be on screen sooner than this on the same machine.
 */
public final class BareWindow extends Application {

    /** The line prefix of the second frame, in ms since the JVM started. */
    static final String FRAME = "bare-window-frame-ms=";
    /** The line prefix of the JVM's CPU time by then, in ms. */
    static final String CPU = "bare-window-cpu-ms=";

    /** Entry point of the child JVM (a plain class, so that the JavaFX runtime is found on the class path). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare window");
        stage.setScene(new Scene(new BorderPane(new Label("A window with nothing in it")), 1280, 800));
        stage.show();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(FRAME + ms);
                System.out.println(CPU + Machine.processCpuNanos() / 1_000_000);
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }
}
