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

    /** System property naming a workspace folder the window should open instead of the last one. */
    public static final String OPEN_WORKSPACE_PROPERTY = "workbench.open.workspace";

    private Main() {
    }

    public static void main(String[] args) {
        in.workbench.app.desktop.StartupProbe.phase("main entered");
        boolean window = args.length == 0 || args.length == 1 && args[0].endsWith(".wbws");
        if (window) {
            if (args.length == 1) {
                // Opened from the file manager through the installer's file association.
                System.setProperty(OPEN_WORKSPACE_PROPERTY, java.nio.file.Path.of(args[0]).toAbsolutePath().getParent().toString());
            }
            // First of all: when the window is to run in a JVM with the class archive, this one only starts it
            // and waits, so it sets up nothing else (decision 0027).
            in.workbench.app.desktop.DesktopLauncher.relaunchWithClassArchive();
        }
        // Tribuo and JavaFX log through java.util.logging: send it to the log file, not the terminal.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        // Before anything is read: Java deserialisation admits only known classes, H2 loads no class a database names
        // (docs/model-files.md, decision 0028).
        in.workbench.analytics.workspace.ProcessGuards.install();
        if (window) {
            in.workbench.app.desktop.DesktopLauncher.launch();
        } else {
            System.exit(WorkbenchCommand.run(args));
        }
    }
}
