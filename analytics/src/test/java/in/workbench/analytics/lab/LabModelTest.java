package in.workbench.analytics.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabModelTest {

    @TempDir
    Path dir;

    @Test
    void savedModelLoadsBackToTheSamePredictionsAndScoresTheTableIntoAView() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LabTables.importCustomers(ws, dir, 600);
            LabStore store = new LabStore(ws);
            LabResult result = new LabTrainer(store).train(new LabSpec("customers", "churned", null, null,
                    List.of(Algorithm.LOGISTIC_REGRESSION, Algorithm.CART), LabSpec.Validation.kFold(3), 42), ProgressMonitor.NONE);
            LabModel.save(store, "churn", result);
            assertTrue(Files.exists(ws.modelsDir().resolve("lab-churn.tribuo.pb")));
            String json = Files.readString(ws.modelsDir().resolve("lab-churn.json"));
            assertTrue(json.contains("\"table\" : \"customers\"") && json.contains("\"seed\" : 42"), json);

            LabModel loaded = LabModel.load(store, "churn");
            assertEquals(result.kept().id(), loaded.description().algorithm());
            Path csv = dir.resolve("out/churn.csv");
            LabScoring.Scored first = new LabScoring(store).score(loaded, null, csv, ProgressMonitor.NONE);
            assertEquals(600, first.rows());
            List<String> lines = Files.readAllLines(csv);
            assertEquals("customer_id,prediction,p_" + String.join(",p_", loaded.description().classes()), lines.get(0));
            assertEquals(List.of("false", "true"), loaded.description().classes().stream().sorted().toList());
            assertEquals(601, lines.size());
            LabModel.Description d = loaded.description();
            FeatureEncoding.Encoder encoder = d.encoding().encoder();
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN prediction = 'true' THEN 1 ELSE 0 END) FROM scored_churn");
                rs.next();
                assertEquals(600, rs.getLong(1));
                assertTrue(rs.getLong(2) > 100 && rs.getLong(2) < 500);
            }
            // The in-memory model and the loaded one agree row for row.
            Path again = dir.resolve("out/again.csv");
            LabModel inMemory = LabModel.load(store, "churn");
            new LabScoring(store).score(inMemory, "customers", again, ProgressMonitor.NONE);
            assertEquals(lines, Files.readAllLines(again));
            assertEquals("churn", store.models().get(0).name());
            assertEquals("scored_churn", store.models().get(0).scoredView());
            assertTrue(encoder != null);
        }
    }

    @Test
    void refusesAChangedModelFileAndAnUnknownModelWithASentence() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LabTables.importCustomers(ws, dir, 300);
            LabStore store = new LabStore(ws);
            LabModel.save(store, "m1", new LabTrainer(store).train(new LabSpec("customers", "basket_inr", null, List.of("spend"),
                    List.of(Algorithm.LINEAR_REGRESSION), LabSpec.Validation.kFold(2), 1), ProgressMonitor.NONE));
            WorkbenchException none = assertThrows(WorkbenchException.class, () -> LabModel.load(store, "m2"));
            assertTrue(none.getMessage().startsWith("This workspace has no lab model called m2."), none.getMessage());
            Path file = ws.modelsDir().resolve("lab-m1.tribuo.pb");
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
            WorkbenchException changed = assertThrows(WorkbenchException.class, () -> LabModel.load(store, "m1"));
            assertTrue(changed.getMessage().contains("has changed since it was saved"), changed.getMessage());
            assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, changed.kind());
        }
    }
}
