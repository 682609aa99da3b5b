package in.workbench.app.desktop;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyst's settings, kept as {@code settings.json} in the workbench home: last and recent
 * workspaces, theme, window size and the analyst's name. Plain data: {@link SettingsStore} reads
 * it and is the only code that saves it. Used on the JavaFX thread.
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
    /** True once the analyst has confirmed the name (asked once, before the first label). */
    public boolean analystNameConfirmed;
    /** Window position; NaN until the window has been closed once (then the OS places it). */
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public boolean windowMaximized;
    /** The screen shown when the window was closed. */
    public String lastScreen;
    /** True once the analyst ticked "Don't show this again" on the guided tour. */
    public boolean tourDismissed;

    /** Drops a workspace from the recent list (its folder is gone). */
    void forgetRecent(Path workspace) {
        recentWorkspaces.remove(workspace.toString());
        recentWorkspaces.remove(workspace.toAbsolutePath().normalize().toString());
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
