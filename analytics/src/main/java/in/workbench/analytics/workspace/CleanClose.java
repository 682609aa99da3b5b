package in.workbench.analytics.workspace;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The note a clean close leaves beside a workspace's database ({@code workspace.closed}): the file's
 * size, modification time and identity (its inode, where the file system has one) just after its
 * compacting close, this build's schema migrations and H2's version. An open that finds a note matching the file as it is now and the build opening it
 * may start H2 read-write at once, without the read-only check that leaves a too-new or damaged file
 * byte for byte as it was: this build closed that very file cleanly, at this build's schema, and
 * nothing has written to it since (any writer changes its time).
 *
 * <p>Every open takes the note away before it starts H2, whatever it finds, so a session that is
 * killed, or a workspace opened by any other program or version, leaves none, and the next open
 * checks read-only as before. The note is written only when the schema history held exactly this
 * build's migrations ({@link BuildMigrations}); what an interrupted import leaves is still looked for
 * at every open, and so is code in the file's schema records ({@code WorkspaceFileCheck}, decision 0028):
 * the note speaks for the schema's state, not for where the file came from.
 *
 * <p>Thread-safe as far as the file system is: one process holds a workspace open at a time.
 */
final class CleanClose {

    /** The note's file name in the workspace folder. */
    static final String FILE = Workspace.DATABASE_NAME + ".closed";

    private CleanClose() {
    }

    /**
     * Removes the note and says whether it vouched for the database as it is now, for this build.
     * False when there is none, it cannot be read or removed, or anything differs.
     */
    static boolean take(Path dir) {
        Path note = dir.resolve(FILE);
        if (!Files.exists(note)) {
            return false;
        }
        Optional<Properties> written = read(note);
        try {
            Files.delete(note);
        } catch (IOException e) {
            return false;
        }
        Optional<Properties> now = describe(dir);
        return written.isPresent() && now.isPresent() && written.get().equals(now.get());
    }

    /**
     * Leaves the note after a clean close: called once H2 has shut the database down, and only when its
     * schema history held exactly this build's migrations. A note that cannot be written is left out.
     */
    static void leave(Path dir) {
        Optional<Properties> now = describe(dir);
        if (now.isEmpty()) {
            return;
        }
        Path note = dir.resolve(FILE);
        Path writing = dir.resolve(FILE + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(writing, StandardCharsets.UTF_8)) {
                now.get().store(w, "A clean close of this workspace by the workbench; removed by the next open.");
            }
            Files.move(writing, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(writing);
                Files.deleteIfExists(note);
            } catch (IOException ignored) {
                // Nothing vouches for the file then: the next open checks it read-only.
            }
        }
    }

    /** The database file and this build as the note records them; empty when either cannot be described. */
    private static Optional<Properties> describe(Path dir) {
        Optional<Map<String, BuildMigrations.Migration>> build = BuildMigrations.thisBuild();
        if (build.isEmpty()) {
            return Optional.empty();
        }
        try {
            BasicFileAttributes file = Files.readAttributes(dir.resolve(Workspace.DATABASE_NAME + ".mv.db"), BasicFileAttributes.class);
            Properties p = new Properties();
            p.setProperty("size", Long.toString(file.size()));
            p.setProperty("modified", file.lastModifiedTime().toString());
            if (file.fileKey() != null) {
                // The file system's identity of the file (device and inode on Linux and macOS): a copy, even one that
                // keeps the time, or a folder received from someone else with a note of its own, is another file.
                p.setProperty("file", file.fileKey().toString());
            }
            p.setProperty("h2", org.h2.engine.Constants.FULL_VERSION);
            StringBuilder migrations = new StringBuilder();
            new TreeMap<>(build.get()).values().forEach(m -> migrations.append(m.version()).append(' ').append(m.script()).append(' ')
                    .append(m.checksum()).append(';'));
            p.setProperty("migrations", migrations.toString());
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Properties> read(Path note) {
        try (Reader r = Files.newBufferedReader(note, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
