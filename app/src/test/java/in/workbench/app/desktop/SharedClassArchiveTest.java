package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedClassArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aRebuiltJarGetsAnArchiveOfItsOwn() throws Exception {
        Path jar = dir.resolve("workbench.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        String before = SharedClassArchive.key(jar);
        assertEquals(before, SharedClassArchive.key(jar), "the same jar, the same archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_001_000L));
        assertNotEquals(before, SharedClassArchive.key(jar), "a jar built again (new time) gets a new archive");
        Files.write(jar, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        assertNotEquals(before, SharedClassArchive.key(jar), "a jar of another size gets a new archive");
    }

    @Test
    void theWindowStartsInThisJvmWhenNotRunFromAJar() {
        // The tests run from target/classes, as a development run from the IDE does: nothing to archive, no second JVM.
        assertEquals(Optional.empty(), SharedClassArchive.relaunch(dir, new String[0]));
        assertTrue(Files.notExists(dir.resolve("cds")), "and no archive folder is made");
    }

    @Test
    void theWindowCompilesWithC1UnlessTheOptionsChooseACompiler() {
        assertEquals(java.util.List.of("-XX:TieredStopAtLevel=1"), SharedClassArchive.compilerOptions(java.util.List.of("-Xmx4g")));
        assertEquals(java.util.List.of(), SharedClassArchive.compilerOptions(java.util.List.of("-XX:TieredStopAtLevel=4")),
                "an analyst's own choice is kept");
        assertEquals(java.util.List.of(), SharedClassArchive.compilerOptions(java.util.List.of("-XX:-TieredCompilation")));
    }

    @Test
    void startUpIsTimedFromTheLaunchingJvm() {
        System.setProperty(SharedClassArchive.LAUNCHED_AT, "1234");
        try {
            assertEquals(1234L, SharedClassArchive.startedAt());
        } finally {
            System.clearProperty(SharedClassArchive.LAUNCHED_AT);
        }
    }
}
