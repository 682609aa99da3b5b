package in.workbench.app.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The one owner of {@code settings.json}: it reads the analyst's settings once and is the only
 * code that writes them. Every change goes through {@link #change}, which applies it and saves
 * the file atomically (temp file + rename), so a crash never leaves half a settings file.
 * Read the settings through {@link #current()}; never change them there. Used on the JavaFX
 * thread (not thread-safe).
 */
public final class SettingsStore {

    /** The settings file's name in the workbench home. */
    public static final String FILE_NAME = "settings.json";

    private final Path file;
    private final AppSettings settings;

    private SettingsStore(Path file, AppSettings settings) {
        this.file = file;
        this.settings = settings;
    }

    /** The settings kept in {@code home}; defaults when there are none or they cannot be read. */
    public static SettingsStore in(Path home) {
        Path file = home.resolve(FILE_NAME);
        return new SettingsStore(file, read(file));
    }

    /** Reads a settings file without taking ownership of it (tests, diagnostics). */
    static AppSettings read(Path file) {
        if (Files.exists(file)) {
            try {
                return new ObjectMapper().readValue(file.toFile(), AppSettings.class);
            } catch (IOException e) {
                LoggerFactory.getLogger(SettingsStore.class).warn("settings unreadable, using defaults: {}", file, e);
            }
        }
        return new AppSettings();
    }

    /** The settings as they are now, to read. */
    public AppSettings current() {
        return settings;
    }

    /** Applies a change and saves it at once. */
    public void change(Consumer<AppSettings> edit) {
        edit.accept(settings);
        save();
    }

    /** The file the settings live in. */
    public Path file() {
        return file;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LoggerFactory.getLogger(SettingsStore.class).warn("could not save settings to {}", file, e);
        }
    }
}
