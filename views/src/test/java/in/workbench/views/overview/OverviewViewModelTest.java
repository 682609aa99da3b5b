package in.workbench.views.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.overview.Dashboard;
import in.workbench.analytics.overview.FlaggedRecords;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewViewModelTest {

    static RegionalAggregates aggregates;

    @TempDir
    Path dir;
    Workspace ws;
    final List<String[]> opened = new ArrayList<>();
    final List<Map<String, String>> filters = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    OverviewViewModel model;

    @BeforeAll
    static void parser() {
        aggregates = new RegionalAggregates(new AddressStates(new AddressParser(PostalDirectory.load())));
    }

    @BeforeEach
    void workspace() throws Exception {
        ws = Workspace.open(dir.resolve("ws"));
        CsvImporter importer = new CsvImporter(ws, List.of(aggregates));
        load(importer, DataTable.PACKAGE_TYPES, "package_type,robustness_rank,unit_cost_inr\npolybag,1,4\ncarton_single,4,24\n");
        load(importer, DataTable.PRODUCTS, "product_id,title,category,subcategory,price_inr\nP1,Bandhani Saree,Clothing,Bandhani Sarees,2999\n"
                + "P2,Umbrella,Home & Kitchen,Umbrellas,299\n");
        load(importer, DataTable.ADDRESSES, "address_id,address_text,state,pincode\nA1,\"CG Road, Ahmedabad\",Gujarat,380001\n"
                + "A2,\"MG Road, Kochi\",Kerala,\n");
        load(importer, DataTable.SHIPMENTS, "shipment_id,order_date,product_id,address_id,package_type,promised_days,delivered_days,status\n"
                + "S1,2025-01-05,P1,A1,polybag,3,4,delivered\nS2,2025-01-06,P1,A1,polybag,3,3,damaged\n"
                + "S3,2025-02-07,P2,A2,carton_single,4,4,delivered\nS4,2025-02-09,P2,A2,carton_single,4,,undeliverable\n");
        model = new OverviewViewModel(new SameThreadTaskRunner(), aggregates, (title, filter) -> {
            opened.add(new String[] {title});
            filters.add(filter);
        }, errors::add);
    }

    void load(CsvImporter importer, DataTable table, String text) throws Exception {
        Path p = dir.resolve(table.sqlName() + ".csv");
        Files.writeString(p, text);
        importer.importFile(p, table, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void tilesOfFeaturesNotRunYetSayWhatToRun() {
        model.load(ws);
        assertTrue(errors.isEmpty(), errors.toString());
        Dashboard d = model.dashboardProperty().get();
        assertEquals(2, d.months().size() / 2 + d.months().size() % 2, "two months");
        assertEquals(0.5, d.damage().get(0).rate(), 1e-9, "polybag: one of two delivered arrived damaged");
        assertFalse(d.riskyAddresses().present());
        assertTrue(d.riskyAddresses().missing().contains("Train deliverability"));
        assertTrue(d.catalogConflicts().missing().contains("Catalog"));
        assertTrue(d.damageProne().missing().contains("Train packaging"));
        assertTrue(d.predictedDamage().isEmpty());
        assertEquals(4, model.headerProperty().get().counts().get("shipments"));
        assertTrue(model.unresolvedProperty().get().startsWith("Every shipment"));
    }

    @Test
    void tilesChartTheOtherFeaturesTablesAndOpenTheirScreensFiltered() throws Exception {
        try (Connection c = ws.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO address_scores (address_id, score, flagged, reasons, scored_at) VALUES "
                    + "('A1', 0.2, TRUE, 'no house number', CURRENT_TIMESTAMP), ('A2', 0.9, FALSE, '', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO catalog_proposals (product_id, kind, attribute, current_value, proposed_value, confidence, source, "
                    + "created_at) VALUES ('P1', 'conflict', 'color', 'blue', 'red', 0.9, 'title', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO packaging_recommendations (product_id, current_package, recommended_package, p_damage_current, "
                    + "p_damage_recommended, ship_cost_delta_inr, shipments, cost_current_inr, cost_recommended_inr, damage_cost_inr, lambda, "
                    + "recommended_at) VALUES ('P1', 'polybag', 'carton_single', 0.3, 0.05, 20, 1, 50, 70, 500, 1, CURRENT_TIMESTAMP), "
                    + "('P2', 'carton_single', 'carton_single', 0.01, 0.01, 0, 1, 70, 70, 500, 1, CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO packaging_predictions (product_id, package_type, p_damage, predicted_at) VALUES "
                    + "('P1', 'polybag', 0.3, CURRENT_TIMESTAMP), ('P1', 'carton_single', 0.05, CURRENT_TIMESTAMP)");
        }
        model.load(ws);
        Dashboard d = model.dashboardProperty().get();
        assertEquals(List.of(new FlaggedRecords.Count("Gujarat", null, 1)), d.riskyAddresses().counts());
        assertEquals(List.of(new FlaggedRecords.Count("conflict", "color", 1)), d.catalogConflicts().counts());
        assertEquals(List.of(new FlaggedRecords.Count("polybag", "carton_single", 1)), d.damageProne().counts(),
                "products already in their recommended package are not damage-prone");
        assertEquals(300, d.predictedDamage().orElseThrow().stream().filter(c -> c.group().equals("polybag")).findFirst()
                .orElseThrow().count(), "mean predicted damage per mille");
        model.openRiskyAddresses("Gujarat");
        model.openCatalogConflicts("conflict", "color");
        model.openDamageProne("polybag");
        model.openRegion("Gujarat");
        model.openDamage("polybag");
        model.openMonth("damaged", "2025-01");
        assertEquals(List.of("Addresses", "Catalog", "Packaging", "Regional", "Data", "Data"), opened.stream().map(o -> o[0]).toList());
        assertEquals(Map.of("state", "Gujarat", "flagged", "true"), filters.get(0));
        assertEquals(Map.of("kind", "conflict", "attribute", "color"), filters.get(1));
        assertEquals(Map.of("current_package", "polybag"), filters.get(2));
        assertEquals("Gujarat", filters.get(3).get("state"));
        assertEquals(Map.of("table", "shipments", "package_type", "=polybag", "status", "=damaged"), filters.get(4));
        assertEquals("2025-01-01..2025-01-31", filters.get(5).get("order_date"));
    }
}
