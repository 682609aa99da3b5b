package in.workbench.app.desktop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The analyst's settings, kept as {@code settings.json} in the workbench home: last and recent
 * workspaces, theme, window size and the analyst's name. Saved atomically on every change. Used on
 * the JavaFX thread.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppSettings {

    /** How many recent workspaces the File menu lists. */
    static final int RECENT_LIMIT = 8;

    public String lastWorkspace;
    public List<String> recentWorkspaces = new ArrayList<>();
    public boolean darkTheme;
    public double windowWidth = 1280;
    public double windowHeight = 820;
    public String analystName = System.getProperty("user.name", "analyst");
    /** Window position; NaN until the window has been closed once (then the OS places it). */
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public boolean windowMaximized;
    /** The screen shown when the window was closed. */
    public String lastScreen;
    /** True once the analyst ticked "Don't show this again" on the guided tour. */
    public boolean tourDismissed;

    /** Reads the settings, or defaults when there are none or they cannot be read. */
    static AppSettings load(Path file) {
        if (Files.exists(file)) {
            try {
                return new ObjectMapper().readValue(file.toFile(), AppSettings.class);
            } catch (IOException e) {
                LoggerFactory.getLogger(AppSettings.class).warn("settings unreadable, using defaults: {}", file, e);
            }
        }
        return new AppSettings();
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LoggerFactory.getLogger(AppSettings.class).warn("could not save settings to {}", file, e);
        }
    }

    /** Records a workspace as the last one and at the top of the recent list. */
    void opened(Path workspace) {
        String p = workspace.toAbsolutePath().normalize().toString();
        lastWorkspace = p;
        recentWorkspaces.remove(p);
        recentWorkspaces.add(0, p);
        while (recentWorkspaces.size() > RECENT_LIMIT) {
            recentWorkspaces.remove(recentWorkspaces.size() - 1);
        }
    }
}
