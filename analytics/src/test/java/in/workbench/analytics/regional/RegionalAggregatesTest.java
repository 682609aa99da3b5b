package in.workbench.analytics.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
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
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionalAggregatesTest {

    static final String SHIPMENTS = "shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
            + "promised_days,delivered_days,attempts,status\n";
    static final String ADDRESSES = "address_id,customer_id,address_text,city,state,pincode,created_at\n";
    static final String CATALOG = "product_id,title,category,subcategory,price_inr\n";

    static AddressStates states;

    @TempDir
    Path dir;
    Workspace ws;
    CsvImporter importer;

    @BeforeAll
    static void parser() {
        states = new AddressStates(new AddressParser(PostalDirectory.load()));
    }

    @BeforeEach
    void open() {
        ws = Workspace.open(dir.resolve("ws"));
        importer = new CsvImporter(ws, List.of(new RegionalAggregates(states)));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    void load(DataTable table, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        importer.importFile(p, table, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    @Test
    void shipmentsBeforeTheirAddressesAndProductsMoveIntoTheRightBucketsWhenTheyArrive() throws Exception {
        load(DataTable.SHIPMENTS, "s1.csv", SHIPMENTS
                + "S1,2025-01-05,P1,A1,polybag,1,50,3,4,1,delivered\n"
                + "S2,2025-01-06,P2,A2,polybag,1,50,3,2,1,delivered\n"
                + "S3,2025-02-07,P1,A3,carton_single,2,50,4,,3,undeliverable\n"
                + "S4,2025-02-08,P3,A4,carton_single,1,50,2,5,1,damaged\n"
                + "S5,2025-02-09,P2,A9,polybag,1,50,2,2,1,delivered\n");
        assertEquals(Map.of("Unknown|(not in catalog)|(not in catalog)", 5L), orders());
        load(DataTable.ADDRESSES, "a1.csv", ADDRESSES
                + "A1,C1,\"12 CG Road, Ahmedabad\",Ahmedabad,Gujarat,380001,\n"
                + "A2,C2,\"Flat 4, Malleswaram, Bangalore\",Bangalore,Karnatka,,\n"
                + "A3,C3,\"Door 7, Anna Salai, Chennai 600001\",,,,\n"
                + "A4,C4,near the temple,,,,\n");
        load(DataTable.PRODUCTS, "c1.csv", CATALOG
                + "P1,Bandhani Silk Saree,Clothing,Bandhani Sarees,2999\n"
                + "P2,Mysore Silk Saree,Clothing,Mysore Silk Sarees,4999\n"
                + "P3,Kullu Shawl,Clothing,,999\n");
        Map<String, Long> o = orders();
        assertEquals(1L, o.get("Gujarat|Clothing|Bandhani Sarees"));
        assertEquals(1L, o.get("Karnataka|Clothing|Mysore Silk Sarees"), "misspelt state column corrected");
        assertEquals(1L, o.get("Tamil Nadu|Clothing|Bandhani Sarees"), "blank state resolved through the pincode in the text");
        assertEquals(1L, o.get("Unknown|Clothing|(none)"), "no state and no pincode: Unknown, product without subcategory: (none)");
        assertEquals(1L, o.get("Unknown|Clothing|Mysore Silk Sarees"), "address A9 not imported yet");
        Map<String, Long> sources = query("SELECT state_source, shipments FROM agg_shipments_by_state_source");
        assertEquals(1L, sources.get("state column"));
        assertEquals(1L, sources.get("state column, spelling corrected"));
        assertEquals(1L, sources.get("pincode"));
        assertEquals(1L, sources.get("no state and no known pincode"));
        assertEquals(1L, sources.get("address not imported yet"));
        assertMatchesFromScratch();
    }

    @Test
    void reImportsAndLateFilesKeepTheAggregatesEqualToAFreshGroupBy() throws Exception {
        load(DataTable.PRODUCTS, "c1.csv", CATALOG + "P1,Bandhani Silk Saree,Clothing,Bandhani Sarees,2999\n"
                + "P2,Woollen Sweater,Clothing,Sweaters,999\n");
        load(DataTable.ADDRESSES, "a1.csv", ADDRESSES + "A1,C1,\"CG Road, Ahmedabad\",,Gujarat,380001,\n"
                + "A2,C2,\"Mall Road, Shimla 171001\",,,,\n");
        load(DataTable.SHIPMENTS, "s1.csv", SHIPMENTS
                + "S1,2025-01-05,P1,A1,polybag,1,50,3,4,1,delivered\n"
                + "S2,2025-01-06,P2,A2,polybag,1,50,5,6,1,delivered\n"
                + "S3,2025-03-07,P2,A2,tfolder_box,1,50,5,4,1,delivered\n");
        assertMatchesFromScratch();
        // re-import: S1 now damaged and moved to another address, S4 new with a product not in the catalog yet
        load(DataTable.SHIPMENTS, "s2.csv", SHIPMENTS
                + "S1,2025-01-05,P1,A2,polybag,1,50,3,6,1,damaged\n"
                + "S4,2025-04-01,P9,A1,polybag,1,50,3,3,1,returned\n");
        assertMatchesFromScratch();
        assertEquals(2L, orders().get("Himachal Pradesh|Clothing|Sweaters"));
        assertEquals(1L, orders().get("Himachal Pradesh|Clothing|Bandhani Sarees"));
        assertNull(orders().get("Gujarat|Clothing|Bandhani Sarees"), "S1 moved out of Gujarat");
        // the address moves state, a product changes subcategory, the missing product arrives
        load(DataTable.ADDRESSES, "a2.csv", ADDRESSES + "A2,C2,\"MG Road, Bangalore 560003\",,,,\n");
        load(DataTable.PRODUCTS, "c2.csv", CATALOG + "P2,Woollen Shawl,Clothing,Woollen Shawls,999\n"
                + "P9,Umbrella,Home & Kitchen,Umbrellas,299\n");
        assertMatchesFromScratch();
        assertEquals(2L, orders().get("Karnataka|Clothing|Woollen Shawls"));
        assertEquals(1L, orders().get("Gujarat|Home & Kitchen|Umbrellas"));
        assertEquals(4, (long) query("SELECT 'all', SUM(orders) FROM agg_orders_by_state_subcategory").get("all"));
        assertEquals(0, (long) query("SELECT 'n', COUNT(*) FROM regional_changed_keys").get("n"));
    }

    @Test
    void anExistingWorkspaceGetsItsAggregatesBuiltOnce() throws Exception {
        CsvImporter plain = new CsvImporter(ws);
        Path a = dir.resolve("a.csv");
        Files.writeString(a, ADDRESSES + "A1,C1,\"CG Road, Ahmedabad\",,Gujarat,380001,\n");
        Path s = dir.resolve("s.csv");
        Files.writeString(s, SHIPMENTS + "S1,2025-01-05,P1,A1,polybag,1,50,3,4,1,delivered\n");
        plain.importFile(a, DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
        plain.importFile(s, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        try (Connection c = ws.connection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM workspace_settings WHERE setting_key = '" + RegionalAggregates.BUILT_SETTING + "'");
        }
        assertTrue(orders().isEmpty());
        new RegionalAggregates(states).ensureBuilt(ws, ProgressMonitor.NONE);
        assertEquals(Map.of("Gujarat|(not in catalog)|(not in catalog)", 1L), orders());
        assertMatchesFromScratch();
    }

    Map<String, Long> orders() throws Exception {
        return query("SELECT state || '|' || category || '|' || subcategory, orders FROM agg_orders_by_state_subcategory");
    }

    Map<String, Long> grouped(String key, String value, String from) throws Exception {
        return query("SELECT k, SUM(v) FROM (SELECT " + key + " AS k, " + value + " AS v" + from + ") GROUP BY k");
    }

    Map<String, Long> query(String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Every aggregate equals a GROUP BY over the raw tables, and a rebuild from scratch. */
    void assertMatchesFromScratch() throws Exception {
        String state = "COALESCE(r.state, 'Unknown')";
        String cat = "COALESCE(p.category, '(not in catalog)')";
        String sub = "CASE WHEN p.product_id IS NULL THEN '(not in catalog)' ELSE COALESCE(p.subcategory, '(none)') END";
        String from = " FROM shipments s LEFT JOIN regional_address_states r ON r.address_id = s.address_id "
                + "LEFT JOIN products p ON p.product_id = s.product_id ";
        assertEquals(grouped(state + " || '|' || " + cat + " || '|' || " + sub, "1", from), orders());
        assertEquals(grouped(state + " || '|' || s.product_id", "1", from),
                query("SELECT state || '|' || product_id, orders FROM agg_orders_by_state_product"));
        assertEquals(grouped("FORMATDATETIME(s.order_date, 'yyyy-MM') || '|' || s.status", "1", from),
                query("SELECT FORMATDATETIME(order_month, 'yyyy-MM') || '|' || status, shipments FROM agg_shipments_by_month_status"));
        assertEquals(grouped("s.package_type || '|' || s.status", "1", from),
                query("SELECT package_type || '|' || status, shipments FROM agg_shipments_by_package_status"));
        assertEquals(grouped(state + " || '|' || s.package_type", "CASE WHEN s.delivered_days > s.promised_days THEN 1 ELSE 0 END", from),
                query("SELECT state || '|' || package_type, late FROM agg_delivery_by_state_package"));
        assertEquals(grouped(state + " || '|' || s.package_type",
                "CASE WHEN s.promised_days IS NOT NULL THEN COALESCE(s.delivered_days, 0) ELSE 0 END", from),
                query("SELECT state || '|' || package_type, actual_days FROM agg_delivery_by_state_package"));
        List<String> incremental = snapshot();
        try (Connection c = ws.connection()) {
            c.setAutoCommit(false);
            new RegionalAggregates(states).rebuild(c, ProgressMonitor.NONE);
            List<String> rebuilt = snapshot(c);
            c.rollback();
            assertEquals(rebuilt, incremental);
        }
    }

    List<String> snapshot() throws Exception {
        try (Connection c = ws.connection()) {
            return snapshot(c);
        }
    }

    static List<String> snapshot(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        for (RegionalAggregates.Aggregate a : RegionalAggregates.AGGREGATES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + a.table() + " ORDER BY "
                    + String.join(", ", a.keys()))) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder(a.table());
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        sb.append('|').append(rs.getString(i));
                    }
                    rows.add(sb.toString());
                }
            }
        }
        return rows;
    }
}
