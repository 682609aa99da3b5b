package in.workbench.analytics.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvImporterTest {

    static final String SHIPMENTS_HEADER = "shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
            + "promised_days,delivered_days,attempts,status\n";

    @TempDir
    Path dir;
    Workspace ws;
    CsvImporter importer;

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("ws"));
        importer = new CsvImporter(ws);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    ImportSummary load(DataTable table, Path file) {
        return importer.importFile(file, table, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    List<String> reasons(long runId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT reason FROM rejected_rows WHERE run_id = " + runId + " ORDER BY line_no")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    String one(String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void keepsEachTypedValueWhenABatchIsStagedColumnByColumn() throws Exception {
        load(DataTable.PRODUCTS, file("c.csv", "product_id,title,category,price_inr,fragile,liquid\n"
                + "P1,Saree,Clothing,999.5,yes,\nP2,Oil,Grocery,12,,no\nP3,Lamp,Home,0.25,n,y\n"));
        String product = "SELECT CAST(price_inr AS VARCHAR(20)) || ' ' || %1$s FROM products WHERE product_id = '%2$s'";
        String flags = "CASE WHEN fragile THEN 'fragile' WHEN NOT fragile THEN 'sturdy' ELSE '-' END || ' ' "
                + "|| CASE WHEN liquid THEN 'liquid' WHEN NOT liquid THEN 'dry' ELSE '-' END";
        assertEquals("999.50 fragile -", one(String.format(product, flags, "P1")));
        assertEquals("12.00 - dry", one(String.format(product, flags, "P2")));
        assertEquals("0.25 sturdy liquid", one(String.format(product, flags, "P3")));
        load(DataTable.ADDRESSES, file("a.csv", "address_id,address_text,created_at\nA1,one,2026-01-05T10:00:00+05:30\nA2,two,\n"));
        assertEquals("same instant", one("SELECT CASE WHEN created_at = TIMESTAMP WITH TIME ZONE '2026-01-05 04:30:00+00' "
                + "THEN 'same instant' ELSE CAST(created_at AS VARCHAR(40)) END FROM addresses WHERE address_id = 'A1'"));
        assertEquals(null, one("SELECT created_at FROM addresses WHERE address_id = 'A2'"));
    }

    @Test
    void importsEachCanonicalFile() throws Exception {
        assertEquals(2, load(DataTable.PACKAGE_TYPES, file("p.csv", "package_type,robustness_rank,unit_cost_inr\npolybag,1,4.5\ncarton_single,2,18\n")).imported());
        assertEquals(1, load(DataTable.PRODUCTS, file("c.csv", "product_id,title,category,price_inr,fragile\nP1,Red Saree,Clothing,999.00,no\n")).imported());
        assertEquals(1, load(DataTable.ADDRESSES, file("a.csv", "address_id,address_text,pincode,created_at\nA1,\"12, MG Road, Bengaluru\",560001,2026-01-05T10:00:00+05:30\n")).imported());
        ImportSummary s = load(DataTable.SHIPMENTS, file("s.csv", SHIPMENTS_HEADER + "S1,2026-03-14,P1,A1,polybag,,50.5,3,4,1,delivered\n"));
        assertEquals(1, s.imported());
        assertEquals(0, s.unresolved());
        assertEquals("1", one("SELECT quantity FROM shipments"), "a blank quantity defaults to 1");
        ImportSummary labels = load(DataTable.ADDRESS_LABELS, file("l.csv",
                "address_id,label,segments,labeled_by,labeled_at\nA1,deliverable,HOUSE=12,asha,2026-03-01T09:00:00Z\nA9,unsure,,asha,2026-03-01T09:01:00Z\n"));
        assertEquals(2, labels.imported());
        assertEquals(1, labels.unresolved(), "A9 is not an address of the workspace");
    }

    @Test
    void matchesHeadersCaseInsensitivelyAndReportsIgnoredColumns() throws Exception {
        ImportSummary s = load(DataTable.PRODUCTS, file("c.csv", " Product_ID ,TITLE,Category,Price_INR,Seller Rating\nP1,Kurta,Clothing,10,4.5\n"));
        assertEquals(1, s.imported());
        assertEquals(List.of("Seller Rating"), s.ignoredColumns());
    }

    @Test
    void mapsOtherHeadersAndRemembersTheMapping() throws Exception {
        Path f = file("c.csv", "sku,name,dept,mrp\nP1,Kurta,Clothing,10\n");
        ImportSummary s = importer.importFile(f, DataTable.PRODUCTS, new ImportOptions(
                Map.of("sku", "product_id", "name", "title", "dept", "category", "mrp", "price_inr"), null), ProgressMonitor.NONE);
        assertEquals(1, s.imported());
        ImportPreview again = importer.preview(file("c2.csv", "SKU,Name,Dept,MRP\nP2,Saree,Clothing,20\n"), DataTable.PRODUCTS, ImportOptions.defaults());
        assertEquals("product_id", again.proposedMapping().get("SKU"));
        assertEquals("price_inr", again.proposedMapping().get("MRP"));
        assertTrue(again.missingRequired().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"';'", "'\t'"})
    void detectsSemicolonAndTabDelimiters(String delimiter) throws Exception {
        String d = delimiter;
        Path f = file("c.csv", String.join(d, "product_id", "title", "category", "price_inr") + "\n"
                + String.join(d, "P1", "Saree, silk", "Clothing", "10") + "\n");
        ImportPreview p = importer.preview(f, DataTable.PRODUCTS, ImportOptions.defaults());
        assertEquals(d.charAt(0), p.delimiter());
        assertEquals(1, load(DataTable.PRODUCTS, f).imported());
        assertEquals("Saree, silk", one("SELECT title FROM products"));
    }

    @Test
    void keepsDevanagariQuotedNewlinesAndQuotesExactlyAndSkipsTheBom() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "product_id,title,category,price_inr\nP1,\"लाल \"\"बनारसी\"\" साड़ी,\nदो लाइन\",Clothing,10\n";
        Path f = dir.resolve("c.csv");
        Files.write(f, concat(bom, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, load(DataTable.PRODUCTS, f).imported());
        assertEquals("लाल \"बनारसी\" साड़ी,\nदो लाइन", one("SELECT title FROM products"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void rejectsEachBadRowWithItsLineAndReasonAndLoadsTheRest() throws Exception {
        ImportSummary s = load(DataTable.SHIPMENTS, file("s.csv", SHIPMENTS_HEADER
                + "S1,2026-03-14,P1,A1,polybag,1,50,3,4,1,delivered\n"
                + "S2,14/03/2026,P1,A1,polybag,1,50,3,4,1,delivered\n"
                + "S3,2026-03-14,P1,A1,polybag,0,50,3,4,1,delivered\n"
                + "S4,2026-03-14,P1,A1,polybag,1,5O,3,4,1,delivered\n"
                + "S5,2026-03-14,P1,A1,polybag,1,50,3,4,1,lost\n"
                + "S6,2026-03-14,,A1,polybag,1,50,3,4,1,delivered\n"
                + "S1,2026-03-15,P1,A1,polybag,1,50,3,4,1,delivered\n"
                + "S7,2026-03-14,P1\n"
                + "S8,2026-03-14,P1,A1,polybag,1,-3,3,4,1,returned\n"
                + "S9,2026-03-14,P1,A1,polybag,1,50,3,,2,undeliverable\n"));
        assertEquals(2, s.imported());
        assertEquals(8, s.rejected());
        assertEquals(List.of(
                "line 3: order_date '14/03/2026' is not a date like 2026-03-14",
                "line 4: quantity 0 is below the minimum 1",
                "line 5: ship_cost_inr '5O' is not a number",
                "line 6: status 'lost' is not one of delivered, damaged, undeliverable, returned",
                "line 7: product_id is required but blank",
                "line 8: duplicate shipment_id 'S1' (first on line 2)",
                "line 9: has 3 cells but the header has 11",
                "line 10: ship_cost_inr -3 is below the minimum 0"), reasons(s.runId()));
        assertEquals("S2,14/03/2026,P1,A1,polybag,1,50,3,4,1,delivered",
                one("SELECT raw_text FROM rejected_rows WHERE line_no = 3"));
    }

    @Test
    void cutsOffARunawayQuoteAndReadsOnAfterIt() throws Exception {
        StringBuilder text = new StringBuilder("product_id,title,category,price_inr\nP0,ok,Clothing,1\nP1,\"never closed,Clothing,1\n");
        for (int i = 2; i < 500; i++) {
            text.append("P").append(i).append(",Title ").append(i).append(",Clothing,1\n");
        }
        ImportSummary s = load(DataTable.PRODUCTS, file("c.csv", text.toString()));
        assertEquals(1, s.rejected());
        assertEquals(499, s.imported(), "every line after the runaway quote is still loaded");
        assertTrue(reasons(s.runId()).get(0).startsWith("line 3: a quote opened on this line is never closed"));
    }

    @Test
    void refusesAFileMissingARequiredColumnWholeAndNamesIt() throws Exception {
        Path f = file("s.csv", "shipment_id,order_date,product_id,address_id,package_type\nS1,2026-03-14,P1,A1,polybag\n");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> load(DataTable.SHIPMENTS, f));
        assertEquals(WorkbenchException.Kind.INPUT_UNUSABLE, e.kind());
        assertTrue(e.getMessage().contains("has no status column"), e.getMessage());
        assertEquals("0", one("SELECT COUNT(*) FROM import_runs"));
    }

    @Test
    void refusesAMissingFile() {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> load(DataTable.PRODUCTS, dir.resolve("nope.csv")));
        assertEquals(WorkbenchException.Kind.INPUT_UNUSABLE, e.kind());
    }

    @Test
    void aCancelledImportLeavesTheWorkspaceExactlyAsItWas() throws Exception {
        load(DataTable.PRODUCTS, file("c.csv", "product_id,title,category,price_inr\nP1,Old title,Clothing,1\n"));
        StringBuilder big = new StringBuilder("product_id,title,category,price_inr\nP1,New title,Clothing,1\n");
        for (int i = 2; i < 40_000; i++) {
            big.append("P").append(i).append(",T,Clothing,1\n");
        }
        Path f = file("big.csv", big.toString());
        ProgressMonitor cancelling = new ProgressMonitor() {
            int calls;

            @Override
            public void update(long done, long total, String message) {
                calls++;
            }

            @Override
            public boolean isCancelled() {
                return calls > 0;
            }
        };
        assertThrows(CancelledException.class, () -> importer.importFile(f, DataTable.PRODUCTS, ImportOptions.defaults(), cancelling));
        assertEquals("1", one("SELECT COUNT(*) FROM products"));
        assertEquals("Old title", one("SELECT title FROM products"));
        assertEquals("1", one("SELECT COUNT(*) FROM import_runs"));
    }

    @Test
    void reimportingUpdatesExistingIdsWithoutDuplicating() throws Exception {
        load(DataTable.PRODUCTS, file("c.csv", "product_id,title,category,price_inr\nP1,Old,Clothing,1\nP2,Two,Clothing,2\n"));
        ImportSummary s = load(DataTable.PRODUCTS, file("c2.csv", "product_id,title,category,price_inr\nP1,New,Clothing,1\nP3,Three,Clothing,3\n"));
        assertEquals(2, s.imported());
        assertEquals(1, s.updated());
        assertEquals("3", one("SELECT COUNT(*) FROM products"));
        assertEquals("New", one("SELECT title FROM products WHERE product_id = 'P1'"));
    }

    @Test
    void unresolvedReferencesAreKeptAndResolveWhenTheOtherFileArrives() throws Exception {
        ImportSummary s = load(DataTable.SHIPMENTS, file("s.csv", SHIPMENTS_HEADER
                + "S1,2026-03-14,P1,A1,polybag,1,50,3,4,1,delivered\nS2,2026-03-14,P2,A1,polybag,1,50,3,4,1,damaged\n"));
        assertEquals(2, s.imported());
        assertEquals(2, s.unresolved());
        load(DataTable.PRODUCTS, file("c.csv", "product_id,title,category,price_inr\nP1,a,Clothing,1\nP2,b,Clothing,1\n"));
        load(DataTable.ADDRESSES, file("a.csv", "address_id,address_text\nA1,somewhere\n"));
        load(DataTable.PACKAGE_TYPES, file("p.csv", "package_type,robustness_rank,unit_cost_inr\npolybag,1,4\n"));
        assertEquals(0, new UnresolvedReferences(ws).count().total());
    }

    @Test
    void rejectsAPackageTypeWhoseRankIsTaken() throws Exception {
        ImportSummary s = load(DataTable.PACKAGE_TYPES, file("p.csv",
                "package_type,robustness_rank,unit_cost_inr\npolybag,1,4\nmailer,1,6\nbox,2,10\n"));
        assertEquals(2, s.imported());
        assertEquals(List.of("line 3: robustness_rank 1 is already used by polybag (ranks must be unique)"), reasons(s.runId()));
    }

    @Test
    void acceptsTheBooleanSpellingsOfTheFormat() throws Exception {
        load(DataTable.PRODUCTS, file("c.csv", "product_id,title,category,price_inr,fragile,liquid\n"
                + "P1,a,C,1,yes,n\nP2,b,C,1,Y,0\nP3,c,C,1,TRUE,false\n"));
        assertEquals("3", one("SELECT COUNT(*) FROM products WHERE fragile"));
        assertEquals("0", one("SELECT COUNT(*) FROM products WHERE liquid"));
    }

    @Test
    void previewShowsRowsTypesAndMissingColumns() throws Exception {
        ImportPreview p = importer.preview(file("s.csv", "shipment_id,order_date,qty\nS1,2026-03-14,2\n"), DataTable.SHIPMENTS, ImportOptions.defaults());
        assertEquals(List.of("shipment_id", "order_date", "qty"), p.headers());
        assertEquals(ColumnType.DATE, p.detectedTypes().get("order_date"));
        assertEquals(ColumnType.INTEGER, p.detectedTypes().get("qty"));
        assertEquals(List.of("product_id", "address_id", "package_type", "status"), p.missingRequired());
        assertArrayEquals(new Object[] {"S1", "2026-03-14", "2"}, p.rows().get(0).toArray());
    }
}
