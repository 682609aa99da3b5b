package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFolderTest {

    @Test
    void temporaryFolderIsRemovedAfterTheBenchmarkFails() throws IOException {
        Path[] seen = new Path[1];
        assertThrows(IllegalStateException.class, () -> {
            try (ScratchFolder folder = ScratchFolder.temporary("scratch-test")) {
                seen[0] = folder.path();
                Files.createDirectories(folder.resolve("ws/models"));
                Files.writeString(folder.resolve("ws/models/model.json"), "{}");
                throw new IllegalStateException("the benchmark failed");
            }
        });
        assertFalse(Files.exists(seen[0]), "the temporary folder and everything in it are gone");
    }

    @Test
    void aFolderTheUserChoseIsCreatedAndKept(@TempDir Path dir) throws IOException {
        Path chosen = dir.resolve("bench-out");
        try (ScratchFolder folder = ScratchFolder.chosenOrTemporary(chosen, "scratch-test")) {
            Files.writeString(folder.resolve("shipments.csv"), "shipment_id\n");
        }
        assertTrue(Files.exists(chosen.resolve("shipments.csv")));
    }

    @Test
    void freshPathHasNothingLeftFromAnEarlierRun(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ws/old"));
        try (ScratchFolder folder = ScratchFolder.chosenOrTemporary(dir, "scratch-test")) {
            Path ws = folder.fresh("ws");
            assertFalse(Files.exists(ws));
        }
    }

    @Test
    void sizeCountsEveryFileBelowAFolderAndNothingForAMissingOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.write(dir.resolve("a/one"), new byte[3]);
        Files.write(dir.resolve("a/b/two"), new byte[4]);
        assertEquals(7, ScratchFolder.sizeOf(dir.resolve("a")));
        assertEquals(0, ScratchFolder.sizeOf(dir.resolve("missing")));
    }
}
