package in.workbench.app.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.crisp.CrispModel;
import in.workbench.analytics.network.SlowNetworkModel;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.SharedAddressParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWorldTest {

    /** Small worlds: the test is about the steps (generate, import, train, open), not the menu's sizes. */
    static final SampleWorld.Sizes SMALL = new SampleWorld.Sizes(300, 2, 4, 3_000, 10);

    @TempDir
    Path home;

    @Test
    void eachWorldHasItsOwnFolderAndMenuTitle() {
        assertEquals(3, Arrays.stream(SampleWorld.values()).map(w -> w.folderIn(home)).distinct().count());
        for (SampleWorld w : SampleWorld.values()) {
            assertEquals(w, SampleWorld.titled(w.title()));
        }
    }

    @Test
    void theSessionsWorldOpensWithItsSessionsAndTheSlowNetworkModelTrained() throws Exception {
        List<String> steps = new ArrayList<>();
        try (Workspace ws = SampleWorld.SESSIONS.create(SampleWorld.SESSIONS.folderIn(home), new ImportHooks(), new SharedAddressParser(),
                SMALL, recording(steps))) {
            var counts = ws.rowCounts();
            assertEquals((long) SMALL.sessions(), counts.get("sessions") + counts.get("rejected_rows"),
                    "every generated session is imported or kept as rejected (the generator plants a few bad rows)");
            assertEquals(0L, ws.rowCounts().get("shipments"), "the marketplace sample stays out of it");
            assertTrue(ws.trainedModels().containsKey(SlowNetworkModel.NAME));
        }
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("training slow networks")), "the progress names its steps: " + steps);
    }

    @Test
    void theWorkforceWorldOpensWithPeopleContactsTestsAndTheRiskModelTrained() throws Exception {
        try (Workspace ws = SampleWorld.WORKFORCE.create(SampleWorld.WORKFORCE.folderIn(home), new ImportHooks(), new SharedAddressParser(),
                SMALL, ProgressMonitor.NONE)) {
            assertEquals((long) SMALL.people(), ws.rowCounts().get("crisp_people"));
            assertTrue(ws.rowCounts().get("crisp_contacts") > 1_000, "contacts: " + ws.rowCounts().get("crisp_contacts"));
            assertTrue(ws.trainedModels().containsKey(CrispModel.NAME));
        }
    }

    private static ProgressMonitor recording(List<String> steps) {
        return new ProgressMonitor() {
            @Override
            public synchronized void update(long done, long total, String message) {
                steps.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
