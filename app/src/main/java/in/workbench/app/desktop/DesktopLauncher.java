package in.workbench.app.desktop;

import javafx.application.Application;

/** Starts the JavaFX window; kept apart from {@code Main} so the command line never loads JavaFX. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(WorkbenchApplication.class, args);
    }
}
