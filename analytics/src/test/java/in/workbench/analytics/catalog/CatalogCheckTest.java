package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on a real workspace: extractions, image checks, flags in catalog_flags, decisions and the corrections CSV. */
class CatalogCheckTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static CatalogCheck.Summary summary;

    @BeforeAll
    static void setUp() throws Exception {
        Path source = dir.resolve("export");
        Files.createDirectories(source.resolve("images"));
        List<CatalogProduct> products = SyntheticCatalog.products(500, 11);
        Path csv = source.resolve("catalog.csv");
        try (Writer w = Files.newBufferedWriter(csv); CSVWriter out = new CSVWriter(w)) {
            out.writeNext(new String[] {"product_id", "title", "category", "subcategory", "brand", "color", "material", "price_inr", "image_path"});
            for (CatalogProduct p : products) {
                out.writeNext(new String[] {p.productId(), p.title(), p.category(), p.subcategory(), p.brand(), p.color(), p.material(), "499",
                    imageOf(p.productId())});
            }
            out.writeNext(new String[] {"EMPTY", "", "Clothing", "Kurtas", "", "", "", "99", ""});
            out.writeNext(new String[] {"EMOJI", "🔥 Kurta 🔥 (Red) 👗", "Clothing", "Kurtas", "", "", "", "99", ""});
            out.writeNext(new String[] {"HINDI", "नीला कुर्ता लाल", "Clothing", "Kurtas", "", "", "", "99", ""});
            out.writeNext(new String[] {"LONG", "Kurta for Men & Women - Red | Cotton " + "long ".repeat(450), "Clothing", "Kurtas", "", "", "",
                "99", ""});
        }
        // P0001: a Footwear product whose title names its colour; its image shows another colour (mismatch).
        ImageIO.write(ImageColourTest.product(0x0343DF, 0xFFFFFF, 48), "png", source.resolve("images/P0001.png").toFile());
        ImageIO.write(ImageColourTest.product(colourOf(products.get(6)), 0xFFFFFF, 48), "png", source.resolve("images/P0006.png").toFile());
        Files.writeString(source.resolve("images/P0011.png"), "this is not a PNG");
        ws = Workspace.open(dir.resolve("ws"));
        new CsvImporter(ws).importFile(csv, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        assertThrows(WorkbenchException.class, () -> CatalogCheck.run(ws, ProgressMonitor.NONE), "no model yet");
        CatalogTraining.trainAttributes(ws, 42, 3, ProgressMonitor.NONE);
        CatalogTraining.trainCategory(ws, 42, 3, ProgressMonitor.NONE);
        summary = CatalogCheck.run(ws, ProgressMonitor.NONE);
    }

    static String imageOf(String id) {
        return Set.of("P0001", "P0006", "P0011", "P0016").contains(id) ? "images/" + id + ".png" : "";
    }

    static int colourOf(CatalogProduct p) {
        String c = AttributeVocabulary.colours().candidates(TitleTokens.of(p.title())).get(0).entry().hex();
        return Integer.parseInt(c.substring(1), 16);
    }

    @Test
    void missingAndCorruptImagesAreReportedPerProductAndNeverStopTheRun() {
        assertEquals(4, summary.images());
        assertEquals(1, summary.imagesMissing());
        assertEquals(1, summary.imagesUnreadable());
        assertTrue(summary.imageProblems().stream().anyMatch(c -> c.productId().equals("P0016") && c.status().equals("missing")));
        assertTrue(summary.imageProblems().stream().anyMatch(c -> c.productId().equals("P0011") && c.status().equals("unreadable")));
    }

    @Test
    void imagesAreResolvedAgainstTheCsvFolderAndTheirColourRead() throws Exception {
        assertEquals(dir.resolve("export/images/P0001.png").normalize(), new CatalogStore(ws).imageFile("P0001"));
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT image_color FROM catalog_image_checks WHERE product_id = 'P0001'")) {
            rs.next();
            assertEquals("blue", rs.getString(1));
        }
    }

    @Test
    void catalogFlagsHasTheColumnsTheDashboardCounts() throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM catalog_flags")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.add(md.getColumnName(i).toLowerCase());
            }
            assertTrue(cols.containsAll(List.of("product_id", "category", "subcategory", "kind", "attribute", "current_value",
                    "proposed_value", "confidence", "source")), cols.toString());
        }
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kind, COUNT(*) FROM catalog_flags GROUP BY kind")) {
            List<String> kinds = new ArrayList<>();
            while (rs.next()) {
                kinds.add(rs.getString(1));
            }
            assertTrue(kinds.containsAll(List.of("missing", "conflict")), kinds.toString());
        }
    }

    @Test
    void blankColoursAreProposedFromTheTitleAndContradictionsFlagged() {
        CatalogStore store = new CatalogStore(ws);
        List<CatalogProposal> missing = store.openFlags(new CatalogStore.FlagFilter("missing", null, "color", 0), 0, 1000);
        assertTrue(missing.size() > 100, "backfills " + missing.size());
        CatalogProposal emoji = store.openFlags(new CatalogStore.FlagFilter("missing", null, "color", 0), 0, 1000).stream()
                .filter(p -> p.productId().equals("EMOJI")).findFirst().orElseThrow();
        assertEquals("red", emoji.proposedValue());
        List<CatalogProposal> conflicts = store.openFlags(new CatalogStore.FlagFilter("conflict", null, "color", 0), 0, 1000);
        assertTrue(conflicts.size() >= 5, "conflicts " + conflicts.size());
        assertTrue(store.openFlags(new CatalogStore.FlagFilter("image_mismatch", null, null, 0), 0, 10).stream()
                .anyMatch(p -> p.productId().equals("P0001") && p.proposedValue().equals("blue")));
    }

    @Test
    void decisionsAreSavedAtOnceAndExportedAsCorrections() throws Exception {
        CatalogStore store = new CatalogStore(ws);
        long before = store.countFlags(CatalogStore.FlagFilter.all());
        List<CatalogProposal> missing = store.openFlags(new CatalogStore.FlagFilter("missing", null, "color", 0), 0, 3);
        store.decide(missing.get(0), "accept", missing.get(0).proposedValue(), "asha");
        store.decide(missing.get(1), "reject", "", "asha");
        store.decide(missing.get(2), "edit", "teal", "asha");
        assertEquals(before - 3, store.countFlags(CatalogStore.FlagFilter.all()), "decided flags leave the queue");
        Path out = dir.resolve("corrections.csv");
        int rows = new CatalogReview(ws).exportCorrections(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("product_id,attribute,old_value,new_value,source,confidence,decided_by,decided_at", lines.get(0));
        assertEquals(2, rows, "accepted and edited values are corrections; a rejection is not");
        assertTrue(lines.get(2).contains(",teal,") && lines.get(2).contains(",asha,"), lines.get(2));
        CatalogCheck.run(ws, ProgressMonitor.NONE);
        assertEquals(before - 3, store.countFlags(CatalogStore.FlagFilter.all()), "a new run does not raise decided flags again");
        assertTrue(new CatalogReview(ws).expectedPrecision(0.9).get("colour from titles") > 0.8);
    }

    @Test
    void modelsLoadBackToTheSameExtractions() {
        CatalogModels.Attributes a = CatalogModels.loadAttributes(ws);
        CatalogProduct p = SyntheticCatalog.titled("Kurta for Men & Women - Navy | Cotton", "Kurtas");
        assertEquals("navy", a.extractors().get("color").extract(p).orElseThrow().value());
        assertEquals("cotton", a.extractors().get("material").extract(p).orElseThrow().value());
        assertTrue(ws.trainedModels().containsKey("attributes") && ws.trainedModels().containsKey("category"));
    }
}
