package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which workspace the window's JVM starts opening before JavaFX is up. */
class EarlyWorkspaceTest {

    @TempDir
    Path home;

    @Test
    void opensTheLastWorkspaceWhileItHoldsOneElseLeavesTheSampleToTheWindow() throws Exception {
        Path last = home.resolve("last");
        assertNull(EarlyWorkspace.firstFolder(home, last.toString()), "no workspace there (yet): the sample");
        assertNull(EarlyWorkspace.firstFolder(home, null), "never opened one: the sample");
        Workspace.open(last).close();
        assertEquals(last, EarlyWorkspace.firstFolder(home, last.toString()));
        Files.delete(last.resolve(Workspace.DATABASE_NAME + ".mv.db"));
        assertNull(EarlyWorkspace.firstFolder(home, last.toString()), "a folder whose workspace is gone: the sample");
    }

    @Test
    void startsNothingOnTheFirstStartSoTheWindowUnpacksTheSample() {
        EarlyWorkspace.startFor(home);
        assertEquals(java.util.Optional.empty(), EarlyWorkspace.take(), "nothing to open before the sample is made");
    }

    @Test
    void opensTheSampleOnceItExistsAndHandsItOverOnce() throws Exception {
        Path sample = in.workbench.app.sample.SampleWorld.MARKETPLACE.folderIn(home);
        Workspace.open(sample).close();
        EarlyWorkspace.startFor(home);
        EarlyWorkspace early = EarlyWorkspace.take().orElseThrow();
        assertEquals(java.util.Optional.empty(), EarlyWorkspace.take(), "one hand-over per JVM");
        try (Workspace opened = early.await()) {
            assertEquals(sample.toAbsolutePath().normalize(), opened.folder());
        }
    }
}
