package in.workbench.views.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

    @TempDir
    Path dir;

    @Test
    void proposesAMappingBlocksUntilRequiredColumnsAreMappedThenImports() throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "SKU,Name,Dept,MRP,Rating\nP1,Kurta,Clothing,499,4\nP2,Saree,Clothing,oops,5\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            List<Throwable> errors = new ArrayList<>();
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new SameThreadTaskRunner(), errors::add);
            model.typeProperty().set(DataTable.PRODUCTS);
            model.pathProperty().set(file.toString());
            model.loadPreview();
            assertFalse(model.canImportProperty().get());
            assertTrue(model.problemProperty().get().contains("product_id"), model.problemProperty().get());
            model.map("SKU", "product_id");
            model.map("Name", "title");
            model.map("Dept", "category");
            model.map("MRP", "price_inr");
            model.map("Rating", "title");
            assertTrue(model.problemProperty().get().contains("Only one column may map to title"), model.problemProperty().get());
            assertFalse(model.canImportProperty().get());
            model.map("Rating", ImportViewModel.IGNORE);
            assertTrue(model.canImportProperty().get());
            AtomicReference<ImportSummary> done = new AtomicReference<>();
            model.runImport(done::set);
            assertTrue(errors.isEmpty(), errors.toString());
            assertEquals(1, done.get().imported());
            assertEquals(1, done.get().rejected());
            assertEquals(List.of("Rating"), done.get().ignoredColumns());
        }
    }

    @Test
    void aMissingFileShowsASentenceInsteadOfAPreview() {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new SameThreadTaskRunner(), e -> { });
            model.pathProperty().set(dir.resolve("nope.csv").toString());
            model.loadPreview();
            assertNull(model.previewProperty().get());
            assertTrue(model.problemProperty().get().contains("does not exist"), model.problemProperty().get());
        }
    }
}
