package in.workbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removing a folder with everything in it, as the benchmarks' scratch folders and the sample
 * workspaces' unfinished builds need it. Thread-safe (stateless).
 */
public final class FolderTree {

    private FolderTree() {
    }

    /** Deletes a file, or a folder with everything below it; nothing at the path is fine. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
