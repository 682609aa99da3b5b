package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A trained model's file in a workspace's {@code models/} folder: written atomically (a crash
 * leaves the previous file), read back with one plain sentence when it is missing or unreadable
 * saying which {@code train} command makes it. Stateless and thread-safe.
 */
public final class ModelFile {

    private ModelFile() {
    }

    /**
     * Writes {@code model} as {@code dir/fileName}.
     *
     * @param what the model in the analyst's words, e.g. "packaging damage"
     */
    public static void save(Serializable model, Path dir, String fileName, String what) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(fileName + ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp); ObjectOutputStream out = new ObjectOutputStream(os)) {
                out.writeObject(model);
            }
            Files.move(tmp, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save the " + what + " model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code dir/fileName}.
     *
     * @param what the model in the analyst's words, e.g. "packaging damage"
     * @param trainName the MODEL argument of {@code workbench train} that makes it
     * @throws WorkbenchException PREREQUISITE_MISSING when there is no such file or it cannot be read
     */
    public static <T> T load(Path dir, String fileName, Class<T> type, String what, String trainName) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file)) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING,
                    "This workspace has no " + what + " model yet. Run `workbench train -w DIR " + trainName + "` first.");
        }
        try (InputStream is = Files.newInputStream(file); ObjectInputStream in = new ObjectInputStream(is)) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The " + what + " model in " + file
                    + " cannot be read (saved by another version?). Train it again with `workbench train -w DIR " + trainName + "`.", e);
        }
    }
}
