package in.workbench.views.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabStore;
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
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new GenericTableImporter(new LabStore(ws)), new SameThreadTaskRunner(), errors::add);
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
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new GenericTableImporter(new LabStore(ws)), new SameThreadTaskRunner(), e -> { });
            model.pathProperty().set(dir.resolve("nope.csv").toString());
            model.loadPreview();
            assertNull(model.previewProperty().get());
            assertTrue(model.problemProperty().get().contains("does not exist"), model.problemProperty().get());
        }
    }

    @Test
    void aTableOfItsOwnShowsEachInferredTypeWithItsSampleAndImportsWithTheTypesTheAnalystConfirmed() throws Exception {
        Path file = dir.resolve("Returns 2026.csv");
        Files.writeString(file, "Return No,Pincode,Refund,Returned On,Opened\n"
                + "R1,560001,499.5,2026-01-02,yes\n"
                + "R2,110001,120,2026-01-03,no\n"
                + "R3,400001,80,2026-01-04,n/a\n"
                + "R4,682001,75.25,2026-01-05,no\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            List<Throwable> errors = new ArrayList<>();
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new GenericTableImporter(new LabStore(ws)),
                    new SameThreadTaskRunner(), errors::add);
            model.ownTableProperty().set(true);
            model.pathProperty().set(file.toString());
            model.loadPreview();
            assertEquals("returns_2026", model.tableNameProperty().get(), "a name from the file's");
            assertEquals(ColumnType.INTEGER, model.columnType("Pincode"), "pincodes look like numbers");
            assertEquals(ColumnType.DECIMAL, model.columnType("Refund"));
            assertEquals(ColumnType.DATE, model.columnType("Returned On"));
            assertEquals(ColumnType.TEXT, model.columnType("Opened"));
            assertEquals("inferred from 4 rows; e.g. 499.5, 120, 80, 75.25", model.sampleNote("Refund"));
            assertTrue(model.canImportProperty().get(), model.problemProperty().get());

            model.setColumnType("Pincode", ColumnType.TEXT);
            assertEquals("inferred integer, every sample value fits text; e.g. 560001, 110001, 400001, 682001",
                    model.sampleNote("Pincode"));
            model.setColumnType("Opened", ColumnType.BOOLEAN);
            assertEquals("1 of 4 sample rows would be rejected: 'n/a' is not true/false, yes/no, y/n or 1/0",
                    model.sampleNote("Opened"));

            model.idColumnProperty().set("Returned On");
            assertFalse(model.canImportProperty().get());
            assertTrue(model.problemProperty().get().startsWith("The id column Returned On is imported as date"),
                    model.problemProperty().get());
            model.idColumnProperty().set("Return No");
            model.tableNameProperty().set("shipments");
            assertFalse(model.canImportProperty().get());
            assertTrue(model.problemProperty().get().contains("workbench's own tables"), model.problemProperty().get());
            model.tableNameProperty().set("returns");
            assertTrue(model.canImportProperty().get(), model.problemProperty().get());

            AtomicReference<ImportSummary> done = new AtomicReference<>();
            model.runImport(done::set);
            assertTrue(errors.isEmpty(), errors.toString());
            assertEquals(3, done.get().imported());
            assertEquals(1, done.get().rejected());
            LabStore store = new LabStore(ws);
            var entry = store.table("returns").orElseThrow();
            assertEquals("return_no", entry.idColumn());
            assertEquals(List.of(ColumnType.TEXT, ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.BOOLEAN),
                    entry.columns().stream().map(c -> c.type()).toList());
            try (java.sql.Connection c = ws.connection(); java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT reason FROM rejected_rows WHERE table_name = 'returns'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("line 4: Opened 'n/a' is not true/false"), rs.getString(1));
            }
        }
    }

    @Test
    void switchingBackToAWorkbenchTableShowsItsMappingAgain() throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "SKU,Name,Dept,MRP\nP1,Kurta,Clothing,499\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new GenericTableImporter(new LabStore(ws)),
                    new SameThreadTaskRunner(), e -> { });
            model.pathProperty().set(file.toString());
            model.ownTableProperty().set(true);
            model.loadPreview();
            assertNull(model.previewProperty().get());
            assertEquals(4, model.tablePreviewProperty().get().columns().size());
            model.ownTableProperty().set(false);
            model.typeProperty().set(DataTable.PRODUCTS);
            model.loadPreview();
            assertNull(model.tablePreviewProperty().get());
            assertEquals(List.of("SKU", "Name", "Dept", "MRP"), model.previewProperty().get().headers());
        }
    }
}
