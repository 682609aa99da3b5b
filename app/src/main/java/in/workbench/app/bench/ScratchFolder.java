package in.workbench.app.bench;

import in.workbench.app.FolderTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folder a benchmark writes its generated files and workspaces into: a fresh temporary folder,
 * removed on {@link #close()} whether the benchmark ended well or failed, or a folder the user named
 * (with {@code -o}), created if missing and kept. {@code temporary} says which. Not thread-safe; one
 * benchmark owns it.
 */
record ScratchFolder(Path path, boolean temporary) implements AutoCloseable {

    /** A new temporary folder named after {@code prefix}, removed on close. */
    static ScratchFolder temporary(String prefix) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(prefix), true);
    }

    /** The folder the user chose (kept), or when {@code chosen} is null a temporary one (removed on close). */
    static ScratchFolder chosenOrTemporary(Path chosen, String prefix) throws IOException {
        if (chosen == null) {
            return temporary(prefix);
        }
        Files.createDirectories(chosen);
        return new ScratchFolder(chosen, false);
    }

    /** A path inside the folder. */
    Path resolve(String name) {
        return path.resolve(name);
    }

    /** A path inside the folder with nothing at it: what an earlier run left there is deleted. */
    Path fresh(String name) throws IOException {
        Path p = path.resolve(name);
        deleteRecursively(p);
        return p;
    }

    /** Removes a temporary folder with everything in it; a chosen folder is kept. */
    @Override
    public void close() throws IOException {
        if (temporary) {
            deleteRecursively(path);
        }
    }

    /** Deletes a file or a folder with everything in it; nothing at the path is fine. */
    static void deleteRecursively(Path p) throws IOException {
        FolderTree.delete(p);
    }

    /** The bytes of every regular file at or below the path; 0 when nothing is there. */
    static long sizeOf(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
