package in.workbench.app.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.sample.SampleGenerator;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a small generated world imported in the worst order (shipments first, then addresses, then
 * the catalog), then partly re-imported, the aggregates equal a GROUP BY over the raw tables.
 */
class AggregatesOnAGeneratedWorldTest {

    static final List<String> TABLES = List.of("agg_orders_by_state_subcategory", "agg_orders_by_state_product",
            "agg_shipments_by_month_status", "agg_shipments_by_package_status", "agg_delivery_by_state_package",
            "agg_shipments_by_state_source");

    @TempDir
    Path dir;

    @Test
    void outOfOrderFilesAndReImportsGiveTheSameAggregatesAsAFreshBuild() throws Exception {
        Path world = dir.resolve("world");
        new SampleGenerator(new SampleGenerator.Config(200, 1_000, 4_000, 7), PostalDirectory.load()).generate(world, ProgressMonitor.NONE);
        List<String> shipments = Files.readAllLines(world.resolve("shipments.csv"));
        Path firstHalf = dir.resolve("s1.csv");
        Path secondHalf = dir.resolve("s2.csv");
        Files.write(firstHalf, shipments.subList(0, 2_500));
        List<String> rest = new ArrayList<>(List.of(shipments.get(0)));
        rest.addAll(shipments.subList(2_000, shipments.size()));
        Files.write(secondHalf, rest);
        ImportHooks hooks = new ImportHooks();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            CsvImporter importer = new CsvImporter(ws, hooks.all());
            importer.importFile(firstHalf, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            importer.importFile(world.resolve("addresses.csv"), DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
            importer.importFile(world.resolve("catalog.csv"), DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            var second = importer.importFile(secondHalf, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            assertEquals(500, second.updated(), "the overlap is re-imported");
            importer.importFile(world.resolve("package_types.csv"), DataTable.PACKAGE_TYPES, ImportOptions.defaults(), ProgressMonitor.NONE);
            String from = " FROM shipments s LEFT JOIN regional_address_states r ON r.address_id = s.address_id "
                    + "LEFT JOIN products p ON p.product_id = s.product_id";
            assertEquals(query(ws, "SELECT k, SUM(v) FROM (SELECT COALESCE(r.state, 'Unknown') || '|' || p.subcategory AS k, 1 AS v" + from
                    + ") GROUP BY k"), query(ws, "SELECT state || '|' || subcategory, orders FROM agg_orders_by_state_subcategory"));
            assertEquals(4_000L, query(ws, "SELECT 'n', SUM(orders) FROM agg_orders_by_state_subcategory").get("n"));
            assertTrue(query(ws, "SELECT 'n', COUNT(*) FROM agg_orders_by_state_subcategory WHERE category = '(not in catalog)'").get("n") == 0,
                    "every product arrived, so nothing waits in (not in catalog)");
            List<String> incremental;
            try (Connection c = ws.connection()) {
                incremental = snapshot(c);
            }
            try (Connection c = ws.connection()) {
                c.setAutoCommit(false);
                hooks.regional().rebuild(c, ProgressMonitor.NONE);
                assertEquals(snapshot(c), incremental);
                c.rollback();
            }
        }
    }

    static Map<String, Long> query(Workspace ws, String sql) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static List<String> snapshot(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
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
