package in.workbench.app;

import in.workbench.app.cli.WorkbenchCommand;

/**
 * The single entry point of {@code workbench.jar} and the packaged launcher.
 *
 * <p>With no arguments it opens the window; with arguments it runs the command line and never
 * touches the JavaFX toolkit, so it works on a machine without a display. This class must not
 * extend {@code javafx.application.Application}: a fat jar whose main class does cannot start.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            in.workbench.app.desktop.DesktopLauncher.launch(args);
        } else {
            System.exit(WorkbenchCommand.run(args));
        }
    }
}
