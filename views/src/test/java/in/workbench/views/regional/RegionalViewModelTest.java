package in.workbench.views.regional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionalViewModelTest {

    @TempDir
    Path dir;
    Workspace ws;
    RegionalViewModel model;
    final List<Throwable> errors = new ArrayList<>();

    static RegionalAggregates aggregates;

    @BeforeAll
    static void parser() {
        aggregates = new RegionalAggregates(new AddressStates(new AddressParser(PostalDirectory.load())));
    }

    @BeforeEach
    void workspace() throws Exception {
        ws = Workspace.open(dir.resolve("ws"));
        CsvImporter importer = new CsvImporter(ws, List.of(aggregates));
        load(importer, DataTable.PRODUCTS, "product_id,title,category,subcategory,price_inr\n"
                + "P1,Bandhani Silk Saree,Clothing,Bandhani Sarees,2999\nP2,Cotton Saree,Clothing,Cotton Sarees,799\n"
                + "P3,Kashmir Willow Cricket Bat,Sports,Cricket Bats,1999\n");
        load(importer, DataTable.ADDRESSES, "address_id,address_text,state,pincode\nA1,\"CG Road, Ahmedabad\",Gujarat,380001\n"
                + "A2,\"Park Street, Kolkata\",West Bengal,\nA3,\"MG Road\",Karnatka,\n");
        StringBuilder s = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,promised_days,delivered_days,status\n");
        int id = 0;
        for (int i = 0; i < 40; i++) {
            s.append("S").append(id++).append(",2025-03-01,").append(i < 30 ? "P1" : "P2").append(",A1,polybag,3,").append(3 + i % 2)
                    .append(",delivered\n");
        }
        for (int i = 0; i < 40; i++) {
            s.append("S").append(id++).append(",2025-03-01,").append(i < 5 ? "P1" : "P2").append(",A2,polybag,4,5,delivered\n");
        }
        s.append("S").append(id++).append(",2025-03-01,P3,A3,polybag,2,2,delivered\n");
        load(importer, DataTable.SHIPMENTS, s.toString());
        model = new RegionalViewModel(new SameThreadTaskRunner(), aggregates, errors::add);
        model.load(ws);
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
    void opensOnTheBusiestStateAndListsItsTastesProductsAndDelivery() {
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("Gujarat", "Karnataka", "West Bengal"), model.states(), "misspelt Karnatka counted in Karnataka");
        assertEquals("Gujarat", model.stateProperty().get());
        assertEquals("Bandhani Sarees", model.stateSubcategories().get(0).subcategory());
        assertEquals("P1", model.stateProducts().get(0).productId());
        assertEquals(1, model.stateDelivery().size());
        assertEquals(0.5, model.stateDelivery().get(0).lateShare(), 1e-9);
        assertTrue(model.stateSummaryProperty().get().contains("40 orders"));
    }

    /**
     * Start-up: built aggregates are read in the quick lane (never behind another screen's long analysis); a workspace
     * whose aggregates were never built gets them built as long work, then shows the same thing.
     */
    @Test
    void readsBuiltAggregatesInTheQuickLaneAndBuildsMissingOnesAsLongWork() throws Exception {
        List<String> lanes = new ArrayList<>();
        TaskRunner recording = new TaskRunner() {
            final SameThreadTaskRunner inner = new SameThreadTaskRunner();

            @Override
            public <T> in.workbench.views.task.RunningTask submit(String title, Work<T> work, java.util.function.Consumer<T> ok,
                    java.util.function.Consumer<Throwable> failed) {
                return submit(Lane.LONG, title, work, ok, failed);
            }

            @Override
            public <T> in.workbench.views.task.RunningTask submit(Lane lane, String title, Work<T> work, java.util.function.Consumer<T> ok,
                    java.util.function.Consumer<Throwable> failed) {
                lanes.add(lane + " " + title);
                return inner.submit(title, work, ok, failed);
            }
        };
        RegionalViewModel built = new RegionalViewModel(recording, aggregates, errors::add);
        built.load(ws);
        assertEquals("QUICK Reading regional preferences", lanes.get(0));
        assertFalse(lanes.stream().anyMatch(l -> l.startsWith("LONG")), lanes.toString());

        // The same files into a workspace whose import had no aggregates hook: nothing built yet.
        Workspace unbuilt = Workspace.open(dir.resolve("unbuilt"));
        try {
            CsvImporter plain = new CsvImporter(unbuilt);
            for (DataTable t : List.of(DataTable.PRODUCTS, DataTable.ADDRESSES, DataTable.SHIPMENTS)) {
                plain.importFile(dir.resolve(t.sqlName() + ".csv"), t, ImportOptions.defaults(), ProgressMonitor.NONE);
            }
            assertFalse(aggregates.isBuilt(unbuilt));
            lanes.clear();
            RegionalViewModel building = new RegionalViewModel(recording, aggregates, errors::add);
            building.load(unbuilt);
            assertEquals(List.of("QUICK Reading regional preferences", "LONG Building regional preferences"), lanes.subList(0, 2));
            assertTrue(aggregates.isBuilt(unbuilt));
            assertTrue(errors.isEmpty(), errors.toString());
            assertEquals(model.states(), building.states());
            assertEquals("Gujarat", building.stateProperty().get());
            assertEquals("P1", building.stateProducts().get(0).productId());
        } finally {
            unbuilt.close();
        }
    }

    @Test
    void aSubcategorySoldInOneStateOnlyIsShrunkThereAndBelowOneElsewhere() {
        model.subcategoryProperty().set("Cricket Bats");
        Map<String, Double> lifts = model.liftByStateProperty().get();
        assertEquals(3, lifts.size());
        assertTrue(lifts.get("Karnataka") > 1, "the only state that bought one");
        assertTrue(lifts.get("Karnataka") < 10, "but one order does not earn the raw lift of 81: " + lifts);
        assertTrue(lifts.get("Gujarat") < 1 && lifts.get("West Bengal") < 1);
        assertTrue(model.overIndexing().isEmpty(), "one order is no evidence: the interval includes 1");
    }

    @Test
    void statesWithoutOrdersAreNamedAndShownAsHavingNone() {
        assertTrue(model.explanationProperty().get().contains("No orders at all from"), model.explanationProperty().get());
        assertTrue(model.explanationProperty().get().contains("Kerala"));
        assertEquals("Kerala: no orders", model.details("Kerala"));
        model.applyFilter(Map.of("state", "Kerala"));
        assertTrue(model.stateSubcategories().isEmpty());
        assertEquals("Kerala has no orders.", model.stateSummaryProperty().get());
    }

    @Test
    void theRankingFollowsTheStateAndTheWeights() {
        model.applyFilter(Map.of("state", "West Bengal"));
        model.queryProperty().set("saree");
        assertEquals("Cotton Sarees", model.ranking().get(0).subcategory());
        model.stateProperty().set("Gujarat");
        assertEquals("Bandhani Sarees", model.ranking().get(0).subcategory());
        model.popularityWeightProperty().set(0);
        model.speedWeightProperty().set(0);
        model.textWeightProperty().set(1);
        assertFalse(model.ranking().isEmpty());
        assertTrue(model.ranking().stream().allMatch(r -> r.rankChange() == 0), "text alone ranks the same in every state");
    }
}
