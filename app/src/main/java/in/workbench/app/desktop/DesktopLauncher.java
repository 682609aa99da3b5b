package in.workbench.app.desktop;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX window; kept apart from {@code Main} so the command line never loads JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Starts the window in a JVM with the class archive when it can (see {@link SharedClassArchive})
     * and exits with that JVM's code; returns when the window is to start in this JVM.
     */
    public static void relaunchWithClassArchive() {
        java.util.Optional<Integer> relaunched = SharedClassArchive.relaunch(home(), new String[0]);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
    }

    /** Opens the window in this JVM. */
    public static void launch() {
        // The first workspace opens on a thread of its own while JavaFX starts and the window is laid out.
        EarlyWorkspace.startFor(home());
        Application.launch(WorkbenchApplication.class);
    }

    /** The workbench's folder for settings and the sample workspaces: {@code -Dworkbench.home}, else {@code ~/.workbench}. */
    public static Path home() {
        String configured = System.getProperty("workbench.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".workbench");
    }
}
