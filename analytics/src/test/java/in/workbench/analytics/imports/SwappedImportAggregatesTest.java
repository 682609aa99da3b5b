package in.workbench.analytics.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regional aggregates stay equal to a rebuild from scratch when imports are published by a
 * swap (here from the first row on) as well as by insert or merge: the hook reads what the staged
 * rows replace before publishing and writes only after (docs/decisions/0008, 0010).
 */
class SwappedImportAggregatesTest {

    private static final List<String> AGGREGATES = List.of("agg_orders_by_state_subcategory", "agg_orders_by_state_product",
            "agg_shipments_by_month_status", "agg_shipments_by_package_status", "agg_delivery_by_state_package",
            "agg_shipments_by_state_source");

    @TempDir
    Path dir;

    @Test
    void swappedAndMergedImportsKeepTheAggregatesEqualToARebuild() throws Exception {
        AddressStates states = new AddressStates(new AddressParser(PostalDirectory.load()));
        RegionalAggregates regional = new RegionalAggregates(states);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            CsvImporter importer = new CsvImporter(ws, List.of(regional), 1);
            StringBuilder shipments = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,quantity,"
                    + "ship_cost_inr,promised_days,delivered_days,attempts,status\n");
            for (int i = 0; i < 40; i++) {
                shipments.append("S").append(i).append(",2025-0").append(1 + i % 3).append("-05,P").append(i % 4).append(",A")
                        .append(i % 5).append(",polybag,").append(1 + i % 2).append(",50,3,").append(2 + i % 3).append(",1,")
                        .append(i % 7 == 0 ? "returned" : "delivered").append('\n');
            }
            load(importer, DataTable.SHIPMENTS, "s.csv", shipments.toString());
            assertMatchesRebuild(ws, regional);
            load(importer, DataTable.PRODUCTS, "p.csv", "product_id,title,category,subcategory,price_inr\n"
                    + "P0,Saree,Clothing,Sarees,900\nP1,Kettle,Home,,800\nP2,Lamp,Home,Lighting,400\n");
            assertMatchesRebuild(ws, regional);
            load(importer, DataTable.ADDRESSES, "a.csv", "address_id,customer_id,address_text,city,state,pincode,created_at\n"
                    + "A0,C0,12 MG Road,Bengaluru,Karnataka,560001,2025-01-01\nA1,C1,4 Park Street,Kolkata,West Bengal,700016,2025-01-01\n"
                    + "A2,C2,1 Ashram Road,Ahmedabad,Gujrat,380009,2025-01-01\n");
            assertMatchesRebuild(ws, regional);
            load(importer, DataTable.PRODUCTS, "p2.csv", "product_id,title,category,subcategory,price_inr\n"
                    + "P1,Kettle,Kitchen,Kettles,800\nP3,Cup,Kitchen,,100\n");
            assertMatchesRebuild(ws, regional);
            load(importer, DataTable.SHIPMENTS, "s2.csv", "shipment_id,order_date,product_id,address_id,package_type,quantity,"
                    + "ship_cost_inr,promised_days,delivered_days,attempts,status\n"
                    + "S1,2025-04-05,P3,A2,carton_single,3,50,3,9,1,delivered\nS99,2025-02-05,P9,A9,polybag,1,50,3,,1,undeliverable\n");
            assertMatchesRebuild(ws, regional);
            // A file of at least a quarter of the loaded table's rows: its other rows are copied into the stage, which is
            // swapped in.
            StringBuilder third = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,quantity,"
                    + "ship_cost_inr,promised_days,delivered_days,attempts,status\n");
            for (int i = 0; i < 15; i++) {
                int id = i < 10 ? i : 100 + i;
                third.append("S").append(id).append(",2025-05-05,P").append(i % 3).append(",A").append(i % 4)
                        .append(",carton_double,2,60,4,6,2,damaged\n");
            }
            load(importer, DataTable.SHIPMENTS, "s3.csv", third.toString());
            assertMatchesRebuild(ws, regional);
            try (Connection c = ws.connection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status = 'damaged' THEN 1 ELSE 0 END), "
                            + "SUM(CASE WHEN shipment_id = 'S1' AND package_type = 'carton_double' THEN 1 ELSE 0 END), "
                            + "SUM(CASE WHEN shipment_id = 'S20' AND package_type = 'polybag' THEN 1 ELSE 0 END) FROM shipments")) {
                rs.next();
                assertEquals(46, rs.getLong(1), "40 + S99 + 5 new rows");
                assertEquals(15, rs.getLong(2), "the 15 rows of the file, the others as they were");
                assertEquals(1, rs.getLong(3), "a re-imported row is updated");
                assertEquals(1, rs.getLong(4), "a row the file does not name is kept");
            }
            try (Connection c = ws.connection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'IMPORT_STAGE%'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no staging table is left");
            }
            load(importer, DataTable.ADDRESSES, "a2.csv", "address_id,customer_id,address_text,city,state,pincode,created_at\n"
                    + "A0,C0,9 Marine Drive,Mumbai,Maharashtra,400020,2025-01-01\nA4,C4,2 Mall Road,Shimla,Himachal Pradesh,171001,2025-01-01\n");
            assertMatchesRebuild(ws, regional);
        }
    }

    /**
     * A shipment import counts its rows' aggregates and unresolved references while it reads the
     * file (decision 0010); a product that arrives meanwhile (here between two batches) makes it
     * count them from the published rows instead, so both stay what the workspace holds.
     * (The product comes by its own import, started from the shipment import's progress callback.)
     */
    @Test
    void aProductThatArrivesWhileAFileIsReadIsCountedAsItIsWhenPublished() throws Exception {
        AddressStates states = new AddressStates(new AddressParser(PostalDirectory.load()));
        RegionalAggregates regional = new RegionalAggregates(states);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            CsvImporter importer = new CsvImporter(ws, List.of(regional), 1);
            load(importer, DataTable.PRODUCTS, "p.csv", "product_id,title,category,subcategory,price_inr\n"
                    + "P0,Saree,Clothing,Sarees,900\nP1,Kettle,Home,,800\n");
            load(importer, DataTable.ADDRESSES, "a.csv", "address_id,customer_id,address_text,city,state,pincode,created_at\n"
                    + "A0,C0,12 MG Road,Bengaluru,Karnataka,560001,2025-01-01\nA1,C1,4 Park Street,Kolkata,West Bengal,700016,2025-01-01\n");
            ImportSummary quiet = importer.importFile(write("s.csv", shipments(0, 12_000)), DataTable.SHIPMENTS,
                    ImportOptions.defaults(), ProgressMonitor.NONE);
            assertMatchesRebuild(ws, regional);
            assertEquals(unresolvedOf(ws, quiet.runId()), quiet.unresolved());
            assertTrue(quiet.unresolved() > 0, "rows name P2, A2 or package types that are not there");

            boolean[] added = {false};
            ProgressMonitor addsAProduct = new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                    if (!added[0] && message.contains("rows/s")) {
                        added[0] = true;
                        try {
                            importer.importFile(write("p2.csv", "product_id,title,category,subcategory,price_inr\n"
                                    + "P2,Lamp,Home,Lighting,400\n"), DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
            ImportSummary busy = importer.importFile(write("s2.csv", shipments(20_000, 12_000)), DataTable.SHIPMENTS,
                    ImportOptions.defaults(), addsAProduct);
            assertTrue(added[0], "the product arrived while the file was read");
            assertMatchesRebuild(ws, regional);
            assertEquals(unresolvedOf(ws, busy.runId()), busy.unresolved());
        }
    }

    /** {@code rows} shipments from id {@code first}, naming products P0-P2 and addresses A0-A2 (P2, A2 not imported). */
    private static String shipments(int first, int rows) {
        StringBuilder text = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,quantity,"
                + "ship_cost_inr,promised_days,delivered_days,attempts,status\n");
        for (int i = first; i < first + rows; i++) {
            text.append("S").append(i).append(",2025-0").append(1 + i % 9).append("-05,P").append(i % 3).append(",A").append(i % 7 % 3)
                    .append(",polybag,").append(1 + i % 2).append(",50,3,").append(i % 11 == 0 ? "" : String.valueOf(2 + i % 3))
                    .append(",1,").append(i % 11 == 0 ? "undeliverable" : "delivered").append('\n');
        }
        return text.toString();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** The run's shipments with a product, address or package type not in the workspace, counted afterwards. */
    private static long unresolvedOf(Workspace ws, long runId) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shipments s WHERE s.run_id = " + runId + " AND ("
                        + "NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = s.product_id) OR "
                        + "NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = s.address_id) OR "
                        + "NOT EXISTS (SELECT 1 FROM package_types k WHERE k.package_type = s.package_type))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void load(CsvImporter importer, DataTable table, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        importer.importFile(p, table, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    private static void assertMatchesRebuild(Workspace ws, RegionalAggregates regional) throws Exception {
        try (Connection c = ws.connection()) {
            List<String> incremental = snapshot(c);
            assertTrue(incremental.size() > 6, "the aggregates hold rows");
            c.setAutoCommit(false);
            regional.rebuild(c, ProgressMonitor.NONE);
            List<String> rebuilt = snapshot(c);
            c.rollback();
            assertEquals(rebuilt, incremental);
        }
    }

    private static List<String> snapshot(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : AGGREGATES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder(table);
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        sb.append('|').append(rs.getString(i));
                    }
                    rows.add(sb.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }
}
