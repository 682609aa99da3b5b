package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aSavedModelLoadsBackEqualAndLeavesNoTemporaryFile() {
        ArrayList<String> model = new ArrayList<>(List.of("weights", "thresholds"));
        ModelFile.save(model, dir.resolve("models"), "packaging.model", "packaging damage");
        assertEquals(model, ModelFile.load(dir.resolve("models"), "packaging.model", ArrayList.class, "packaging damage", "packaging"));
        assertTrue(Files.notExists(dir.resolve("models").resolve("packaging.model.tmp")));
    }

    @Test
    void aMissingModelSaysWhichTrainCommandMakesIt() {
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> ModelFile.load(dir, "packaging.model", Object.class, "packaging damage", "packaging"));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertEquals("This workspace has no packaging damage model yet. Run `workbench train -w DIR packaging` first.", e.getMessage());
    }

    @Test
    void aDamagedModelFileIsReportedNotThrownRaw() throws Exception {
        Files.writeString(dir.resolve("deliverability.model"), "not a model");
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> ModelFile.load(dir, "deliverability.model", Object.class, "deliverability", "deliverability"));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertTrue(e.getMessage().contains("Train it again with `workbench train -w DIR deliverability`"), e.getMessage());
    }
}
