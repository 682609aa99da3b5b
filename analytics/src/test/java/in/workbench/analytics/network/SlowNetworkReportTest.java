package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowNetworkReportTest {

    @TempDir
    Path dir;

    @Test
    void aWorkspaceWithoutSessionsGetsAnEmptyReportWithoutLoadingThePostalDirectory() {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Sessions none = new SessionStore(ws).readAll(ProgressMonitor.NONE);
            SlowNetworkReport r = SlowNetworkReport.of(none, () -> {
                throw new AssertionError("the postal directory was asked for");
            });
            assertTrue(r.towers().isEmpty());
            assertTrue(r.pincodes().isEmpty());
            assertTrue(r.byState().isEmpty());
        }
    }
}
