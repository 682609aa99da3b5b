package in.workbench.views.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.DeferredTaskRunner;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagingViewModelTest {

    @TempDir
    Path dir;

    static final String[] LADDER = {"polybag", "padded_mailer", "tfolder_box", "carton_single"};
    static final String[][] KINDS = {{"Clothing", "Kurtas", "-3.2"}, {"Home", "Glass Tumblers", "-1.2"}, {"Electronics", "Chargers", "-2.4"}};

    /** A small workspace where glass breaks more and sturdier boxes protect (p falls 0.6 in logit per step). */
    static void fill(Workspace ws, int products, int shipmentsEach, long seed) throws Exception {
        Random r = new Random(seed);
        try (Connection c = ws.connection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO package_types VALUES (?, ?, ?, NULL)")) {
                for (int i = 0; i < LADDER.length; i++) {
                    ps.setString(1, LADDER[i]);
                    ps.setInt(2, i + 1);
                    ps.setDouble(3, 4 + 8 * i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement pp = c.prepareStatement("INSERT INTO products (product_id, title, category, subcategory, price_inr, weight_g, "
                    + "fragile) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement sp = c.prepareStatement("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, "
                            + "package_type, quantity, ship_cost_inr, status) VALUES (?, DATE '2025-05-01', ?, 'A1', ?, 1, ?, ?)")) {
                int s = 0;
                for (int i = 0; i < products; i++) {
                    String[] k = KINDS[r.nextInt(KINDS.length)];
                    boolean fragile = r.nextDouble() < 0.3;
                    String id = String.format("P%04d", i);
                    int weight = 200 + r.nextInt(800);
                    pp.setString(1, id);
                    pp.setString(2, k[1] + (fragile ? " fragile" : ""));
                    pp.setString(3, k[0]);
                    pp.setString(4, k[1]);
                    pp.setDouble(5, 300 + r.nextInt(2000));
                    pp.setInt(6, weight);
                    pp.setBoolean(7, fragile);
                    pp.addBatch();
                    int rung = Math.min(3, (k[0].equals("Home") ? 2 : 0) + (fragile ? 1 : 0) + (r.nextDouble() < 0.3 ? 1 : 0));
                    double logit = Double.parseDouble(k[2]) + (fragile ? 0.9 : 0);
                    for (int j = 0; j < shipmentsEach; j++) {
                        boolean damaged = r.nextDouble() < 1 / (1 + Math.exp(-(logit - 0.6 * rung)));
                        sp.setString(1, String.format("S%06d", s++));
                        sp.setString(2, id);
                        sp.setString(3, LADDER[rung]);
                        sp.setDouble(4, 35 + 0.035 * weight);
                        sp.setString(5, damaged ? "damaged" : "delivered");
                        sp.addBatch();
                    }
                }
                pp.executeBatch();
                sp.executeBatch();
            }
        }
    }

    @Test
    void showsDamageChartsAndAsksForTrainingUntilAModelExists() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            fill(ws, 150, 20, 1);
            List<Throwable> errors = new ArrayList<>();
            PackagingViewModel model = new PackagingViewModel(new SameThreadTaskRunner(), errors::add);
            model.setWorkspace(ws);
            assertTrue(errors.isEmpty(), errors.toString());
            assertFalse(model.hasModelProperty().get());
            assertTrue(model.messageProperty().get().contains("Press Train"), model.messageProperty().get());
            assertEquals(List.of("polybag", "padded_mailer", "tfolder_box", "carton_single"),
                    model.byPackageProperty().get().stream().map(PackagingRepository.DamageCell::packageType).toList(),
                    "bars in ladder order");
            assertEquals(3, model.byCategoryProperty().get().size());
            long heatShipments = model.heatProperty().get().stream().mapToLong(PackagingRepository.DamageCell::reached).sum();
            assertEquals(150 * 20, heatShipments, "every shipment is in one heat-map cell");
        }
    }

    @Test
    void trainingGivesTheComparisonCurveNamedPointsAndOpeningSavesNoPlanUntilAsked() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            fill(ws, 250, 20, 2);
            List<Throwable> errors = new ArrayList<>();
            PackagingViewModel model = new PackagingViewModel(new SameThreadTaskRunner(), errors::add);
            model.setWorkspace(ws);
            model.train(1);
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(model.hasModelProperty().get());
            assertNotNull(model.comparisonProperty().get());
            assertEquals(0, model.comparisonProperty().get().ordinal().violatingProducts());
            List<PackagingRecommender.CurvePoint> curve = model.curveProperty().get();
            assertTrue(curve.size() > 10);
            assertTrue(curve.get(0).expectedDamaged() <= curve.get(curve.size() - 1).expectedDamaged(), "from least damage up");
            assertTrue(curve.get(0).totalInr() >= curve.get(curve.size() - 1).totalInr(), "less damage costs more");
            PackagingRecommender.Plan plan = model.planProperty().get();
            assertEquals(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, plan.objective());
            PackagingViewModel.TradeOffPoints points = model.namedPointsProperty().get();
            assertTrue(points.leastDamage().expectedDamaged() <= points.current().expectedDamaged());
            assertTrue(points.leastDamage().totalInr() <= points.current().totalInr() * (1 + 1e-9));
            assertTrue(points.leastCost().totalInr() <= points.current().totalInr() * (1 + 1e-9));
            assertTrue(points.leastCost().expectedDamaged() <= points.current().expectedDamaged() * (1 + 1e-9));
            assertTrue(model.messageProperty().get().contains("products change package"), model.messageProperty().get());

            assertEquals(0, model.rows().size(), "opening and training read, they do not write a plan");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM packaging_recommendations"));
            assertTrue(model.savedPlanProperty().get().startsWith("No plan saved yet"), model.savedPlanProperty().get());
            PackagingViewModel reopened = new PackagingViewModel(new SameThreadTaskRunner(), errors::add);
            reopened.setWorkspace(ws);
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM packaging_recommendations"), "opening the screen never saves a plan");

            model.objectiveProperty().set(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE);
            model.applyObjective();
            assertEquals(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE, model.planProperty().get().objective());
            assertTrue(model.savedPlanProperty().get().contains("least-cost-at-current-damage"), model.savedPlanProperty().get());
            assertEquals(200, model.rows().size(), "one page");
            assertTrue(model.rows().stream().allMatch(r -> "least-cost-at-current-damage".equals(r.objective())));
            assertEquals(250, model.totalRowsProperty().get());
            model.nextPage();
            assertEquals(50, model.rows().size());
            model.categoryFilterProperty().set("Home");
            assertTrue(model.rows().stream().allMatch(r -> r.category().equals("Home")));
            assertEquals(0, model.offsetProperty().get(), "a filter change goes back to the first page");

            PackagingRecommender.Plan cheap = model.planProperty().get();
            model.chooseDamage(curve.get(0).damageBudget(), true);
            PackagingRecommender.Plan sturdy = model.planProperty().get();
            assertEquals(PackagingObjective.LEAST_COST_AT_DAMAGE_BUDGET, sturdy.objective());
            assertTrue(sturdy.recommended().expectedDamaged() < cheap.recommended().expectedDamaged(), "the least-damage end of the curve");
            assertTrue(sturdy.recommended().expectedDamaged() <= plan.recommended().expectedDamaged() + 1e-9);
            model.categoryFilterProperty().set(null);
            assertTrue(model.rows().stream().anyMatch(r -> r.recommendedPackage().equals("carton_single")), "the table follows the chosen point");

            Path csv = dir.resolve("recs.csv");
            AtomicLong written = new AtomicLong(-1);
            model.changedOnlyProperty().set(true);
            model.export(csv, written::set);
            assertEquals(model.totalRowsProperty().get(), written.get(), "exactly the filtered rows, all pages");
            List<String> lines = Files.readAllLines(csv);
            assertEquals(written.get() + 1, lines.size());
            assertTrue(lines.get(0).endsWith(",objective"), lines.get(0));

            model.meetBudget(0);
            assertFalse(model.planProperty().get().budgetMet());
            assertTrue(model.messageProperty().get().contains("cannot be reached"), model.messageProperty().get());
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void aSlowAnswerForTheWorkspaceSwitchedAwayIsDropped() throws Exception {
        try (Workspace full = Workspace.open(dir.resolve("full")); Workspace empty = Workspace.open(dir.resolve("empty"))) {
            fill(full, 40, 5, 3);
            List<Throwable> errors = new ArrayList<>();
            DeferredTaskRunner runner = new DeferredTaskRunner();
            PackagingViewModel model = new PackagingViewModel(runner, errors::add);
            model.setWorkspace(full);
            model.setWorkspace(empty);
            List<DeferredTaskRunner.Pending> loads = runner.pending();
            assertEquals(4, loads.size(), "per workspace shown, a quick read of the charts and the model's analysis as long work");
            assertEquals(List.of(in.workbench.views.task.TaskRunner.Lane.QUICK, in.workbench.views.task.TaskRunner.Lane.LONG),
                    loads.subList(0, 2).stream().map(DeferredTaskRunner.Pending::lane).toList(),
                    "the model's analysis never holds a quick-read thread");

            loads.get(2).finish();
            loads.get(3).finish();
            loads.get(0).finish();
            loads.get(1).finish();

            assertTrue(errors.isEmpty(), errors.toString());
            assertEquals(List.of(), model.byPackageProperty().get(), "the full workspace's late charts do not replace the empty one's");
            assertTrue(model.messageProperty().get().contains("no shipments yet"), model.messageProperty().get());
            assertFalse(model.busyProperty().get());
        }
    }

    @Test
    void anOlderReadOfTheSameWorkspaceArrivingLastIsDropped() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            DeferredTaskRunner runner = new DeferredTaskRunner();
            List<Throwable> errors = new ArrayList<>();
            PackagingViewModel model = new PackagingViewModel(runner, errors::add);
            model.setWorkspace(ws);
            List<DeferredTaskRunner.Pending> before = List.copyOf(runner.pending());
            fill(ws, 40, 5, 4);
            model.setWorkspace(ws);
            List<DeferredTaskRunner.Pending> after = runner.pending().subList(before.size(), runner.pending().size());

            after.forEach(DeferredTaskRunner.Pending::finish);
            before.forEach(DeferredTaskRunner.Pending::finish);

            assertTrue(errors.isEmpty(), errors.toString());
            assertEquals(4, model.byPackageProperty().get().size(), "the newer read (after the import) stays on screen");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM packaging_recommendations"), "loading never writes");
        }
    }

    private static long count(Workspace ws, String sql) throws Exception {
        try (java.sql.Connection c = ws.connection(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
