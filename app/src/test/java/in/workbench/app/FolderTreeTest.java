package in.workbench.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {

    @Test
    void deletesAFolderWithEverythingBelowItAndNothingBeside(@TempDir Path dir) throws IOException {
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree.resolve("a/b/c"));
        Files.writeString(tree.resolve("a/b/c/deep.txt"), "x");
        Files.writeString(tree.resolve("top.txt"), "x");
        Files.createDirectories(tree.resolve("empty"));
        Path beside = Files.writeString(dir.resolve("tree.txt"), "kept");
        FolderTree.delete(tree);
        assertFalse(Files.exists(tree));
        assertTrue(Files.exists(beside));
    }

    @Test
    void deletesASingleFileAndAcceptsNothingAtThePath(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("one.csv"), "a,b");
        FolderTree.delete(file);
        assertFalse(Files.exists(file));
        FolderTree.delete(dir.resolve("never-there"));
        assertTrue(Files.exists(dir));
    }
}
