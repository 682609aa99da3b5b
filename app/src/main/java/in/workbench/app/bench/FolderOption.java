package in.workbench.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code -o/--dir} option of the benchmarks that write large files: where the generated files
 * and workspaces go, kept afterwards; without it a temporary folder, deleted afterwards.
 */
final class FolderOption {

    @Option(names = {"-o", "--dir"}, description = "Folder for the generated files and workspaces, kept afterwards (default: a temporary "
            + "folder, deleted afterwards).")
    Path dir;

    /** The chosen folder, or a temporary one named after {@code prefix}. */
    ScratchFolder open(String prefix) throws IOException {
        return ScratchFolder.chosenOrTemporary(dir, prefix);
    }
}
