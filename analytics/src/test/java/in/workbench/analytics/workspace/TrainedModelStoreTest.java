package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedModelStoreTest {

    @TempDir
    Path dir;

    @Test
    void recordedModelReadsBackWithItsMetricsAndIsListedByTheWorkspace() {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("auc", 0.8);
            new TrainedModelStore(ws).record("packaging", "packaging.model", 7, 120, metrics, "ordinal");

            TrainedModelStore.StoredModel stored = new TrainedModelStore(ws).find("packaging").orElseThrow();
            assertEquals("{\"auc\":0.8}", stored.metricsJson());
            assertEquals(7, stored.seed());
            assertTrue(ws.trainedModels().containsKey("packaging"));
        }
    }

    @Test
    void retrainingReplacesTheRowInsteadOfAddingOne() {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            TrainedModelStore store = new TrainedModelStore(ws);
            store.record("crisp", "crisp.json", 1, 10, "{\"sweeps\":1}", null);
            store.record("crisp", "crisp.json", 2, 20, "{\"sweeps\":2}", "second");

            assertEquals(2, store.find("crisp").orElseThrow().seed());
            assertEquals("{\"sweeps\":2}", store.find("crisp").orElseThrow().metricsJson());
            assertEquals(1, ws.trainedModels().size());
        }
    }

    @Test
    void modelNeverTrainedIsEmpty() {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            assertTrue(new TrainedModelStore(ws).find("deliverability").isEmpty());
        }
    }
}
