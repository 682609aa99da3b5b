package in.workbench.app.desktop;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX window; kept apart from {@code Main} so the command line never loads JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Opens the window: in a JVM started with the class archive when it can (see
     * {@link SharedClassArchive}; this JVM then exits with that one's code), else in this one.
     */
    public static void launch(String[] args) {
        java.util.Optional<Integer> relaunched = SharedClassArchive.relaunch(home(), args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        Application.launch(WorkbenchApplication.class, args);
    }

    /** The workbench's folder for settings and the sample workspaces: {@code -Dworkbench.home}, else {@code ~/.workbench}. */
    public static Path home() {
        String configured = System.getProperty("workbench.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".workbench");
    }
}
