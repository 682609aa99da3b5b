package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovedWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void aCopiedWorkspaceFindsTheImagesOfItsOwnSourceFolderAndLeavesOutsideFilesAlone() throws Exception {
        Path built = dir.resolve("built");
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        String header = "product_id,title,category,price_inr,image_path\n";
        Path inside = Files.createDirectories(built.resolve("source")).resolve("catalog.csv");
        Files.writeString(inside, header + "P1,Red Saree,Clothing,999,images/p1.png\n", StandardCharsets.UTF_8);
        Path other = Files.writeString(outside.resolve("more.csv"), header + "P2,Steel Tiffin,Home,349,images/p2.png\n", StandardCharsets.UTF_8);
        try (Workspace ws = Workspace.open(built)) {
            CsvImporter importer = new CsvImporter(ws);
            importer.importFile(inside, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            importer.importFile(other, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        }
        Path copy = dir.resolve("copy");
        try (Stream<Path> files = Files.walk(built)) {
            for (Path p : files.toList()) {
                Files.copy(p, copy.resolve(built.relativize(p).toString()));
            }
        }
        try (Workspace ws = Workspace.open(copy)) {
            assertEquals(1, MovedWorkspace.repointSources(ws, built), "only the import from inside the old folder moves");
            CatalogStore store = new CatalogStore(ws);
            assertEquals(copy.resolve("source/images/p1.png").toAbsolutePath().normalize(), store.imageFile("P1"));
            assertEquals(outside.resolve("images/p2.png").toAbsolutePath().normalize(), store.imageFile("P2"));
            assertEquals(0, MovedWorkspace.repointSources(ws, built), "a second call finds nothing left to move");
        }
    }
}
