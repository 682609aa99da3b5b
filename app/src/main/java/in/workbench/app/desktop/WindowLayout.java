package in.workbench.app.desktop;

import in.workbench.views.shell.MainWindow;
import in.workbench.views.shell.Screen;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Puts the window back where the analyst left it: size, position (only if it is still on a
 * connected display), maximised state and the screen that was shown. Used on the JavaFX thread.
 */
final class WindowLayout {

    private WindowLayout() {
    }

    static void restore(Stage stage, AppSettings settings) {
        if (!Double.isNaN(settings.windowX) && !Double.isNaN(settings.windowY)) {
            Rectangle2D titleBar = new Rectangle2D(settings.windowX, settings.windowY, Math.max(100, settings.windowWidth), 40);
            boolean visible = javafx.stage.Screen.getScreens().stream()
                    .anyMatch(s -> s.getVisualBounds().intersects(titleBar));
            if (visible) {
                stage.setX(settings.windowX);
                stage.setY(settings.windowY);
            }
        }
        stage.setMaximized(settings.windowMaximized);
    }

    static void restoreScreen(MainWindow window, AppSettings settings) {
        if (settings.lastScreen == null) {
            return;
        }
        for (Screen s : window.screens()) {
            if (s.title().equals(settings.lastScreen)) {
                window.select(s);
                return;
            }
        }
    }

    static void remember(Stage stage, MainWindow window, AppSettings settings) {
        settings.windowMaximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
        }
        Screen shown = window.selected();
        if (shown != null) {
            settings.lastScreen = shown.title();
        }
    }
}
