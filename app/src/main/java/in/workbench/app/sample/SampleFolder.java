package in.workbench.app.sample;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.workspace.MovedWorkspace;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.FolderTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Makes a sample workspace all or nothing: it is built in a temporary folder beside its own, closed
 * (which compacts it), renamed into place and opened there, so a cancelled, failed or killed build
 * never leaves a half sample that the next start would open as if it were whole. Thread-safe
 * (stateless).
 */
final class SampleFolder {

    /** Fills the empty folder it is given; returns the folder whose paths the workspace recorded (moved to the real one). */
    interface Maker {
        Path make(Path emptyFolder) throws IOException;
    }

    private SampleFolder() {
    }

    static Workspace make(Path folder, Maker maker) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Path temp = Files.createTempDirectory(Files.createDirectories(target.getParent()), target.getFileName() + ".making-");
        Path recordedIn;
        try {
            recordedIn = maker.make(temp);
            if (Files.exists(target)) {
                try (Stream<Path> left = Files.list(target)) {
                    if (left.findAny().isPresent()) {
                        throw new WorkbenchException(WorkbenchException.Kind.WORKSPACE_UNUSABLE, target
                                + " already holds files; a sample workspace is only made in an empty folder.");
                    }
                }
                Files.delete(target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FolderTree.delete(temp);
        }
        Workspace ws = Workspace.open(target);
        try {
            MovedWorkspace.repointSources(ws, recordedIn);
            return ws;
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    /** Opens a new workspace in {@code folder}, lets {@code fill} fill it and closes it, compacted. */
    static Path filled(Path folder, Filling fill) throws IOException {
        try (Workspace ws = Workspace.open(folder)) {
            fill.fill(ws);
        }
        return folder;
    }

    /** Work that fills a new workspace. */
    interface Filling {
        void fill(Workspace ws) throws IOException;
    }
}
