package in.workbench.analytics.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagingWorkspaceTest {

    @TempDir
    Path dir;

    @Test
    void thePlanCsvWritesAFormulaLikeProductIdAsTextAndLeavesNumbersAlone() throws Exception {
        Path csv = dir.resolve("plan.csv");
        PackagingRecommender.writeRows(List.of(new PackagingRepository.RecommendationRow("=HYPERLINK(\"x\")", "Home", "Tiffins", null,
                "carton_single", null, 0.05, -1.25, 3, "least-damage")), csv);
        assertEquals(List.of("product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr,objective",
                "\"'=HYPERLINK(\"\"x\"\")\",,carton_single,,0.050000,-1.25,least-damage"), Files.readAllLines(csv));
    }

    static final PackagingTrainer.Options FAST = PackagingTrainer.Options.defaults(3).withIterations(200, 3);

    static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void savedModelLoadsBackToIdenticalPredictionsAndIsRecorded() throws Exception {
        DamageWorld world = new DamageWorld(300, 15, 4);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            world.writeTo(ws);
            PackagingTrainer.Result result = new PackagingTrainer().trainAndSave(ws, FAST, ProgressMonitor.NONE);
            PackagingModel loaded = PackagingModel.load(ws.modelsDir());
            for (ProductRow p : world.products) {
                assertArrayEquals(result.model().damage(p), loaded.damage(p), 0);
                assertArrayEquals(result.model().baselineDamage(p), loaded.baselineDamage(p), 0);
            }
            assertEquals(result.model().ordinal().getProvenance(), loaded.ordinal().getProvenance());
            assertTrue(ws.trainedModels().containsKey("packaging"));
            assertEquals(300 * 6, count(ws, "SELECT COUNT(*) FROM packaging_predictions"));
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM packaging_predictions a JOIN packaging_predictions b ON a.product_id = b.product_id "
                    + "JOIN package_types ka ON ka.package_type = a.package_type JOIN package_types kb ON kb.package_type = b.package_type "
                    + "WHERE kb.robustness_rank > ka.robustness_rank AND b.p_damage > a.p_damage"), "no stored prediction breaks the ladder");
        }
    }

    @Test
    void trainingStoresTheGroupedShipmentSumsWhichReadersUseOnlyWhileTheShipmentsAreUnchanged() throws Exception {
        DamageWorld world = new DamageWorld(200, 15, 6);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            world.writeTo(ws);
            PackagingRepository repo = new PackagingRepository(ws);
            assertFalse(repo.sumsAreCurrent(), "nothing stored before training");
            List<Object> grouped = List.of(repo.damageByPackage(), repo.damageByCategory(), repo.damageByCategoryAndPackage());
            new PackagingTrainer().trainAndSave(ws, FAST, ProgressMonitor.NONE);
            assertTrue(repo.sumsAreCurrent());
            assertEquals(grouped, List.of(repo.damageByPackage(), repo.damageByCategory(), repo.damageByCategoryAndPackage()),
                    "the charts read from the stored sums are the ones grouped from the shipments");
            assertEquals(repo.groupedUsage(), repo.usage(), "the stored outcomes are the grouped ones");
            assertSums(repo.groupedShippingSums(), repo.shippingSums());
            long damagedBefore = repo.usage().stream().mapToLong(Usage::damaged).sum();

            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, package_type, quantity, ship_cost_inr, "
                        + "status, run_id) SELECT 'LATE-1', DATE '2026-11-30', product_id, 'A-late', package_type, 3, 99, 'damaged', 7 "
                        + "FROM shipments FETCH FIRST 1 ROWS ONLY");
            }
            assertFalse(repo.sumsAreCurrent(), "a new import run makes the stored sums stale");
            long source = count(ws, "SELECT shipments FROM packaging_sums_source");
            assertEquals(repo.groupedUsage(), repo.usage(), "stale sums are not used: the new shipment counts");
            assertSums(repo.groupedShippingSums(), repo.shippingSums());
            assertEquals(source, count(ws, "SELECT shipments FROM packaging_sums_source"), "reading never writes");
            assertEquals(damagedBefore + 1, repo.usage().stream().mapToLong(Usage::damaged).sum(), "the new damaged shipment is counted");

            new PackagingTrainer().trainAndSave(ws, FAST, ProgressMonitor.NONE);
            assertTrue(repo.sumsAreCurrent());
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO import_runs (table_name, file_name, started_at) VALUES ('products', 'catalog-december.csv', "
                        + "CURRENT_TIMESTAMP)");
            }
            assertFalse(repo.sumsAreCurrent(), "a new import of the catalog (weights may have changed) makes them stale too");
        }
    }

    private static void assertSums(List<ShippingCost.Sums> expected, List<ShippingCost.Sums> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            ShippingCost.Sums e = expected.get(i);
            ShippingCost.Sums a = actual.get(i);
            assertEquals(e.packageType(), a.packageType());
            assertEquals(e.n(), a.n());
            assertEquals(e.sumGrams(), a.sumGrams(), 1e-9 * Math.abs(e.sumGrams()));
            assertEquals(e.sumGrams2(), a.sumGrams2(), 1e-9 * Math.abs(e.sumGrams2()));
            assertEquals(e.sumCost(), a.sumCost(), 1e-9 * Math.abs(e.sumCost()));
            assertEquals(e.sumGramsCost(), a.sumGramsCost(), 1e-9 * Math.abs(e.sumGramsCost()));
        }
    }

    @Test
    void noModelYetIsAPrerequisiteWithASentence() {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> PackagingModel.load(dir));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertTrue(e.getMessage().contains("workbench train -w DIR packaging"), e.getMessage());
    }

    @Test
    void theDefaultPlanCutsDamageAtNoMoreTotalCostAndIsSavedWithItsProvenance() throws Exception {
        DamageWorld world = new DamageWorld(400, 20, 8);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            world.writeTo(ws);
            PackagingModel model = new PackagingTrainer().trainAndSave(ws, FAST, ProgressMonitor.NONE).model();
            PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, model, PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
            PackagingRecommender.Plan plan = analysis.plan(null, null, null);
            long damaged = world.usage.stream().mapToLong(Usage::damaged).sum();
            assertEquals(damaged, plan.actualDamaged());
            assertEquals(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, plan.objective());
            assertTrue(plan.budgetMet());
            assertTrue(plan.recommended().totalInr() <= plan.current().totalInr() * (1 + 1e-9), "no dearer than now: " + plan.recommended()
                    + " vs " + plan.current());
            assertTrue(plan.damageChange() < 0, "less damage than now: " + plan.recommended() + " vs " + plan.current());
            assertTrue(plan.solver().relativeGap() < 0.005, "within half a percent of the LP bound: " + plan.solver());
            assertTrue(plan.notes().stream().noneMatch(n -> n.contains("more in total")), plan.notes().toString());

            PackagingRecommender.Plan cheap = analysis.plan(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE, null, null);
            assertTrue(cheap.recommended().expectedDamaged() <= cheap.current().expectedDamaged() * (1 + 1e-9));
            assertTrue(cheap.totalCostChangeInr() < 0, "cheaper than now at no more damage");

            analysis.save(plan);
            assertEquals(400, count(ws, "SELECT COUNT(*) FROM packaging_recommendations WHERE objective = 'least-damage-at-current-cost'"));
            PackagingRepository repo = new PackagingRepository(ws);
            PackagingRepository.SavedPlan saved = repo.savedPlan().orElseThrow();
            assertEquals("least-damage-at-current-cost", saved.objective());
            JsonNode provenance = new ObjectMapper().readTree(saved.provenanceJson());
            assertEquals(plan.current().totalInr(), provenance.get("total_cost_budget_inr").asDouble(), 1e-6);
            assertTrue(provenance.has("solver_gap") && provenance.has("optimisers_curse_guard"), provenance.toString());

            Path csv = dir.resolve("rec.csv");
            PackagingRecommender.writeCsv(plan, csv);
            List<String> lines = Files.readAllLines(csv);
            assertEquals("product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr,objective",
                    lines.get(0));
            assertEquals(401, lines.size());
            assertTrue(lines.get(1).endsWith(",least-damage-at-current-cost"), lines.get(1));
            JsonNode beside = new ObjectMapper().readTree(PackagingRecommender.provenanceFile(csv).toFile());
            assertEquals("least-damage-at-current-cost", beside.get("objective").asText());
            assertEquals(count(ws, "SELECT COUNT(*) FROM packaging_recommendations WHERE category = 'Home'"),
                    repo.countRecommendations("Home", false, null));
            assertFalse(repo.recommendations(null, true, null, 0, 50).isEmpty());
        }
    }

    @Test
    void theCurveTradesCostForDamageAndAnUnreachableBudgetGivesTheClosestPlan() {
        DamageWorld world = new DamageWorld(300, 15, 9);
        PackagingModel model = new PackagingTrainer().train(world.data(), FAST, ProgressMonitor.NONE).model();
        double[][] p = PackagingPredictions.predict(model, world.products).damage();
        ShippingCost shipping = ShippingCost.fit(model.ladder(), List.of());
        PackagingRecommender rec = new PackagingRecommender(model.ladder(), world.products, p, world.usage, shipping, 150);
        double previousDamage = Double.NEGATIVE_INFINITY;
        double previousCost = Double.POSITIVE_INFINITY;
        for (PackagingRecommender.CurvePoint c : rec.curve(20)) {
            assertTrue(c.expectedDamaged() >= previousDamage - 1e-9, "the curve runs from least damage up");
            assertTrue(c.totalInr() <= previousCost + 1e-6, "allowing more damage never costs more");
            assertTrue(c.expectedDamaged() <= c.damageBudget() + 1e-6, "each point meets its budget");
            PackagingRecommender.Totals plan = rec.forBudget(c.damageBudget()).recommended();
            assertEquals(plan.expectedDamaged(), c.expectedDamaged(), 1e-9, "each point is the plan for its budget");
            assertEquals(plan.totalInr(), c.totalInr(), 1e-6);
            previousDamage = c.expectedDamaged();
            previousCost = c.totalInr();
        }
        PackagingRecommender.Plan sturdiest = rec.forBudget(0);
        assertFalse(sturdiest.budgetMet());
        assertTrue(sturdiest.notes().stream().anyMatch(n -> n.contains("cannot be reached") && n.contains("closest reachable plan")),
                sturdiest.notes().toString());
        assertEquals(rec.curve(2).get(0).expectedDamaged(), sturdiest.recommended().expectedDamaged(), 1e-6, "the least damage reachable");
        PackagingRecommender.Plan generous = rec.forBudget(sturdiest.recommended().expectedDamaged() * 1.05);
        assertTrue(generous.budgetMet());
        assertTrue(generous.recommended().totalInr() <= sturdiest.recommended().totalInr());
        assertTrue(shipping.notes().get(0).contains("equal for every package type"));
        assertThrows(WorkbenchException.class, () -> rec.atLambda(-1));
        assertThrows(WorkbenchException.class, () -> rec.plan(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, 100.0, null));
    }

    @Test
    void aPlanCostsMoreThanNowOnlyWhenTheAnalystsBudgetAsksForIt() {
        DamageWorld world = new DamageWorld(300, 15, 10);
        PackagingModel model = new PackagingTrainer().train(world.data(), FAST, ProgressMonitor.NONE).model();
        double[][] p = PackagingPredictions.predict(model, world.products).damage();
        PackagingRecommender rec = new PackagingRecommender(model.ladder(), world.products, p, world.usage,
                ShippingCost.fit(model.ladder(), List.of()), 150);
        PackagingRecommender.Plan byDefault = rec.plan(null, null, null);
        PackagingRecommender.Plan cheap = rec.plan(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE, null, null);
        for (PackagingRecommender.Plan named : List.of(byDefault, cheap)) {
            assertTrue(named.recommended().totalInr() <= named.current().totalInr() * (1 + 1e-9), named.objective() + " never costs more");
            assertTrue(named.notes().stream().noneMatch(n -> n.contains("more in total")), named.notes().toString());
        }
        for (PackagingRecommender.CurvePoint point : rec.curve(8)) {
            PackagingRecommender.Plan budgeted = rec.forBudget(point.damageBudget() + 1e-6);
            boolean dearer = budgeted.recommended().totalInr() > budgeted.current().totalInr() * (1 + 1e-9);
            assertEquals(dearer, budgeted.notes().stream().anyMatch(n -> n.contains("more in total than the current policy")),
                    "a plan that costs more than now says so: " + budgeted.recommended() + " vs " + budgeted.current());
        }
    }

    @Test
    void shippingCostSeparatesPackageFromWeight() {
        PackageLadder ladder = DamageWorld.ladder();
        List<ShippingCost.Sums> sums = new ArrayList<>();
        // cost = 30 + 5·rung + 0.04·grams exactly, heavier goods in sturdier boxes
        for (int k = 0; k < 5; k++) {
            double n = 0, sw = 0, sw2 = 0, sc = 0, swc = 0;
            for (int g = 200 + 300 * k; g < 1200 + 300 * k; g += 50) {
                double c = 30 + 5 * k + 0.04 * g;
                n++;
                sw += g;
                sw2 += (double) g * g;
                sc += c;
                swc += g * c;
            }
            sums.add(new ShippingCost.Sums(DamageWorld.LADDER[k], (long) n, sw, sw2, sc, swc));
        }
        ShippingCost cost = ShippingCost.fit(ladder, sums);
        assertEquals(0.04, cost.perGram(), 1e-9);
        assertEquals(30 + 5 * 2 + 0.04 * 1000, cost.cost(2, 1000), 1e-6);
        assertTrue(cost.notes().get(0).contains("carton_bubble"), "the type without shipments is named: " + cost.notes());
    }

    @Test
    void aLadderWithTiedAndMissingRanksIsExplainedAndTiedPackagesPredictAlike() {
        PackageLadder ladder = PackageLadder.of(List.of(new PackageLadder.Entry("polybag", 1, 4), new PackageLadder.Entry("mailer", 2, 9),
                new PackageLadder.Entry("envelope", 2, 8), new PackageLadder.Entry("carton", 5, 24)));
        assertEquals(3, ladder.rungs());
        assertEquals(4, ladder.size(), "no package type is dropped");
        assertTrue(ladder.notes().stream().anyMatch(n -> n.contains("envelope") && n.contains("same robustness rank")), ladder.notes().toString());
        assertTrue(ladder.notes().stream().anyMatch(n -> n.contains("Robustness ranks 3–4 are not used")), ladder.notes().toString());
        DamageWorld world = new DamageWorld(300, 15, 2);
        String[] map = {"polybag", "mailer", "envelope", "carton", "carton", "carton"};
        List<Usage> usage = world.usage.stream().map(u -> new Usage(u.productId(),
                map[java.util.Arrays.asList(DamageWorld.LADDER).indexOf(u.packageType())], u.reached(), u.damaged(), u.units())).toList();
        PackagingTrainer.Result r = new PackagingTrainer().train(new PackagingTrainer.Data(ladder, world.products, usage), FAST,
                ProgressMonitor.NONE);
        for (ProductRow p : world.products.subList(0, 20)) {
            double[] d = r.model().damage(p);
            assertEquals(d[1], d[2], 0, "tied packages share a rung");
            assertTrue(d[0] > d[1] && d[2] > d[3]);
        }
        assertTrue(r.comparison().notes().stream().anyMatch(n -> n.contains("same robustness rank")));
    }

    @Test
    void shipmentsOffTheLadderAndProductsWithoutShipmentsAreCountedNotLost() throws Exception {
        DamageWorld world = new DamageWorld(300, 15, 5);
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            world.writeTo(ws);
            List<String[]> gift = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                gift.add(new String[] {world.products.get(i).id(), "gift_box", i % 10 == 0 ? "damaged" : "delivered", "50"});
            }
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                DamageWorld.insertShipments(c, gift, 900_000);
                s.executeUpdate("INSERT INTO products (product_id, title, category, price_inr) VALUES ('NEW1', 'Glass Vase', 'Home', 999)");
            }
            long before = count(ws, "SELECT COUNT(*) FROM shipments");
            PackagingTrainer.Result r = new PackagingTrainer().trainAndSave(ws, FAST, ProgressMonitor.NONE);
            List<String> notes = r.comparison().notes();
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("40 shipments") && n.contains("gift_box")), notes.toString());
            assertTrue(notes.stream().anyMatch(n -> n.startsWith("1 products have no shipments")), notes.toString());
            assertEquals(before, count(ws, "SELECT COUNT(*) FROM shipments"), "nothing is deleted");
            assertEquals(6, count(ws, "SELECT COUNT(*) FROM packaging_predictions WHERE product_id = 'NEW1'"), "predicted from its features");
            PackagingAnalysis a = PackagingAnalysis.prepare(ws, r.model(), 150);
            PackagingRecommender.Plan plan = a.plan(null, null, 1.0);
            PackagingRecommender.Choice vase = plan.choices().stream().filter(c -> c.productId().equals("NEW1")).findFirst().orElseThrow();
            assertEquals(null, vase.currentPackage());
            assertEquals(0, vase.shipments());
            assertTrue(plan.notes().stream().anyMatch(n -> n.contains("no shipments in ladder packages")), plan.notes().toString());
        }
    }

    @Test
    void allZeroDamageIsRefusedWithASentence() {
        DamageWorld world = new DamageWorld(100, 10, 6);
        List<Usage> intact = world.usage.stream().map(u -> new Usage(u.productId(), u.packageType(), u.reached(), 0, u.units())).toList();
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> new PackagingTrainer().train(
                new PackagingTrainer.Data(DamageWorld.ladder(), world.products, intact), FAST, ProgressMonitor.NONE));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertTrue(e.getMessage().startsWith("None of the ") && e.getMessage().contains("arrived damaged"), e.getMessage());
        WorkbenchException noLadder = assertThrows(WorkbenchException.class, () -> new PackagingTrainer().train(
                new PackagingTrainer.Data(PackageLadder.of(List.of()), world.products, world.usage), FAST, ProgressMonitor.NONE));
        assertTrue(noLadder.getMessage().contains("Import package_types.csv"));
    }
}
