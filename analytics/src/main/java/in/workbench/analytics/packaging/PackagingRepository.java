package in.workbench.analytics.packaging;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Where;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every SQL statement of the packaging feature: reading the ladder, products and shipment
 * outcomes (grouped in the database, never shipment rows into memory), the aggregates the
 * Packaging screen charts, and writing {@code packaging_predictions} and
 * {@code packaging_recommendations}. Thread-safe: each call takes its own connection.
 */
public final class PackagingRepository {

    /** Shipment statuses whose damage is known: the parcel reached the customer. */
    static final String REACHED = "s.status IN ('delivered', 'damaged', 'returned')";

    private final Workspace workspace;

    public PackagingRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public Workspace workspace() {
        return workspace;
    }

    private void query(String sql, Sql.RowReader reader) {
        Sql.eachRow(workspace, sql, "Could not read the packaging data", reader);
    }

    /** The package ladder of package_types. */
    public PackageLadder ladder() {
        List<PackageLadder.Entry> entries = new ArrayList<>();
        query("SELECT package_type, robustness_rank, unit_cost_inr FROM package_types ORDER BY robustness_rank, package_type",
                rs -> entries.add(new PackageLadder.Entry(rs.getString(1), rs.getInt(2), rs.getDouble(3))));
        return PackageLadder.of(entries);
    }

    /** Every product of the catalog, in id order. */
    public List<ProductRow> products() {
        List<ProductRow> out = new ArrayList<>();
        query("SELECT product_id, title, category, subcategory, price_inr, weight_g, length_cm, width_cm, height_cm, fragile, liquid "
                + "FROM products ORDER BY product_id", rs -> out.add(new ProductRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDouble(5), (Integer) rs.getObject(6), number(rs, 7), number(rs, 8), number(rs, 9),
                        (Boolean) rs.getObject(10), (Boolean) rs.getObject(11))));
        return out;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * Shipment outcomes per product and package type (all shipments, reached or not, grouped): the
     * sums training last wrote while shipments and products are as they were then, else grouped
     * from the shipments table.
     */
    public List<Usage> usage() {
        return sumsAreCurrent() ? storedUsage() : groupedUsage();
    }

    /** Per package type: sums for the shipping-cost fit over shipments with a cost and a product weight (as {@link #usage()}). */
    public List<ShippingCost.Sums> shippingSums() {
        return sumsAreCurrent() ? storedShippingSums() : groupedShippingSums();
    }

    private static final String USAGE_SQL = "SELECT s.product_id, s.package_type, SUM(CASE WHEN " + REACHED + " THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN s.status = 'damaged' THEN 1 ELSE 0 END), SUM(CASE WHEN " + REACHED + " THEN s.quantity ELSE 0 END) "
            + "FROM shipments s GROUP BY s.product_id, s.package_type ORDER BY s.product_id, s.package_type";

    private static final String SHIPPING_SQL = "SELECT s.package_type, COUNT(*), SUM(p.weight_g * s.quantity), "
            + "SUM(CAST(p.weight_g * s.quantity AS DOUBLE PRECISION) * p.weight_g * s.quantity), SUM(s.ship_cost_inr), "
            + "SUM(p.weight_g * s.quantity * s.ship_cost_inr) FROM shipments s JOIN products p ON p.product_id = s.product_id "
            + "WHERE s.ship_cost_inr IS NOT NULL AND p.weight_g IS NOT NULL GROUP BY s.package_type ORDER BY s.package_type";

    // Counts are kept by the database (no scan in H2); an import of either table starts a new import run.
    private static final String SOURCE_SQL = "SELECT (SELECT COUNT(*) FROM shipments), "
            + "(SELECT COALESCE(MAX(run_id), -1) FROM import_runs WHERE table_name = 'shipments'), (SELECT COUNT(*) FROM products), "
            + "(SELECT COALESCE(MAX(run_id), -1) FROM import_runs WHERE table_name = 'products')";

    List<Usage> groupedUsage() {
        List<Usage> out = new ArrayList<>();
        query(USAGE_SQL, rs -> out.add(new Usage(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return out;
    }

    List<ShippingCost.Sums> groupedShippingSums() {
        List<ShippingCost.Sums> out = new ArrayList<>();
        query(SHIPPING_SQL, rs -> out.add(new ShippingCost.Sums(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                rs.getDouble(5), rs.getDouble(6))));
        return out;
    }

    private List<Usage> storedUsage() {
        List<Usage> out = new ArrayList<>();
        query("SELECT product_id, package_type, reached, damaged, quantity_reached FROM packaging_outcome_sums "
                + "ORDER BY product_id, package_type",
                rs -> out.add(new Usage(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
        return out;
    }

    private List<ShippingCost.Sums> storedShippingSums() {
        List<ShippingCost.Sums> out = new ArrayList<>();
        query("SELECT package_type, shipments, sum_weight, sum_weight_squared, sum_cost, sum_weight_cost FROM packaging_shipping_sums "
                + "ORDER BY package_type", rs -> out.add(new ShippingCost.Sums(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5), rs.getDouble(6))));
        return out;
    }

    /** What the sums are read from now: the row counts of shipments and products and the last import run of each. */
    private static long[] source(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SOURCE_SQL)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    /** True while the stored sums were written from the shipments and products the workspace holds now. */
    boolean sumsAreCurrent() {
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT shipments, shipments_last_run, products, products_last_run FROM packaging_sums_source WHERE source_id = 1")) {
            if (!rs.next()) {
                return false;
            }
            long[] stored = {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
            return java.util.Arrays.equals(stored, source(c));
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the packaging data: " + e.getMessage(), e);
        }
    }

    /**
     * Groups the shipments once more and stores the outcome and shipping-cost sums with what they
     * were read from (training calls this; screens and commands then read the stored sums while the
     * shipments and products stay as they are). Returns the outcomes.
     */
    public List<Usage> refreshSums() {
        long[] before = sourceNow();
        List<Usage> usage = groupedUsage();
        List<ShippingCost.Sums> shipping = groupedShippingSums();
        transaction(c -> {
            if (!java.util.Arrays.equals(before, source(c))) {
                return; // an import landed meanwhile: leave the sums to the next training, readers group the tables
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM packaging_sums_source");
                s.executeUpdate("DELETE FROM packaging_outcome_sums");
                s.executeUpdate("DELETE FROM packaging_shipping_sums");
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO packaging_outcome_sums (product_id, package_type, reached, damaged, "
                    + "quantity_reached) VALUES (?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Usage u : usage) {
                    Sql.bind(ins, List.of(u.productId(), u.packageType(), u.reached(), u.damaged(), u.units()));
                    ins.addBatch();
                    if (++n % 5_000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO packaging_shipping_sums (package_type, shipments, sum_weight, "
                    + "sum_weight_squared, sum_cost, sum_weight_cost) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ShippingCost.Sums x : shipping) {
                    Sql.bind(ins, List.of(x.packageType(), x.n(), x.sumGrams(), x.sumGrams2(), x.sumCost(), x.sumGramsCost()));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO packaging_sums_source (source_id, shipments, shipments_last_run, "
                    + "products, products_last_run) VALUES (1, ?, ?, ?, ?)")) {
                Sql.bind(ins, List.of(before[0], before[1], before[2], before[3]));
                ins.executeUpdate();
            }
        });
        return usage;
    }

    private long[] sourceNow() {
        try (Connection c = workspace.connection()) {
            return source(c);
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the packaging data: " + e.getMessage(), e);
        }
    }

    /**
     * Shipments that reached customers and how many were damaged, for one cell of a chart.
     *
     * @param row the category (or empty for a per-package total)
     * @param packageType the package type (or empty for a per-category total)
     * @param rung the package's ladder rung, -1 when it is not on the ladder or for a category total
     */
    public record DamageCell(String row, String packageType, int rung, long reached, long damaged) {

        /** Damaged share of the shipments that reached customers. */
        public double rate() {
            return reached == 0 ? 0 : damaged / (double) reached;
        }
    }

    /** Damage per package type (ladder order, then types not on the ladder). */
    public List<DamageCell> damageByPackage() {
        PackageLadder ladder = ladder();
        List<DamageCell> out = new ArrayList<>();
        query("SELECT o.package_type, SUM(o.reached), SUM(o.damaged) FROM " + outcomes() + " GROUP BY o.package_type "
                + "HAVING SUM(o.reached) > 0", rs -> out.add(new DamageCell("", rs.getString(1),
                        ladder.find(rs.getString(1)).map(PackageLadder.Package::rung).orElse(-1), rs.getLong(2), rs.getLong(3))));
        out.sort(java.util.Comparator.comparingInt((DamageCell c) -> c.rung() < 0 ? Integer.MAX_VALUE : ladder.indexOf(c.packageType()))
                .thenComparing(DamageCell::packageType));
        return out;
    }

    /**
     * The shipment outcomes per product and package as a FROM item {@code o} (product_id, package_type,
     * reached, damaged): the stored sums while current, else grouped from the shipments table.
     */
    private String outcomes() {
        return sumsAreCurrent() ? "packaging_outcome_sums o"
                : "(SELECT s.product_id, s.package_type, SUM(CASE WHEN " + REACHED + " THEN 1 ELSE 0 END) AS reached, "
                        + "SUM(CASE WHEN s.status = 'damaged' THEN 1 ELSE 0 END) AS damaged FROM shipments s "
                        + "GROUP BY s.product_id, s.package_type) o";
    }

    /** Damage per product category. */
    public List<DamageCell> damageByCategory() {
        List<DamageCell> out = new ArrayList<>();
        query("SELECT p.category, SUM(o.reached), SUM(o.damaged) FROM " + outcomes() + " JOIN products p ON p.product_id = o.product_id "
                + "GROUP BY p.category HAVING SUM(o.reached) > 0 ORDER BY p.category",
                rs -> out.add(new DamageCell(rs.getString(1), "", -1, rs.getLong(2), rs.getLong(3))));
        return out;
    }

    /** Damage per category × package type. */
    public List<DamageCell> damageByCategoryAndPackage() {
        PackageLadder ladder = ladder();
        List<DamageCell> out = new ArrayList<>();
        query("SELECT p.category, o.package_type, SUM(o.reached), SUM(o.damaged) FROM " + outcomes() + " JOIN products p "
                + "ON p.product_id = o.product_id GROUP BY p.category, o.package_type HAVING SUM(o.reached) > 0 "
                + "ORDER BY p.category, o.package_type", rs -> out.add(new DamageCell(rs.getString(1), rs.getString(2),
                        ladder.find(rs.getString(2)).map(PackageLadder.Package::rung).orElse(-1), rs.getLong(3), rs.getLong(4))));
        return out;
    }

    /** Replaces packaging_predictions with {@code p[product][package]} for the ladder's packages. */
    public void writePredictions(PackageLadder ladder, List<String> productIds, double[][] p) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transaction(c -> {
            try (Statement s = c.createStatement(); PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO packaging_predictions (product_id, package_type, p_damage, predicted_at) VALUES (?, ?, ?, ?)")) {
                s.executeUpdate("DELETE FROM packaging_predictions");
                int n = 0;
                for (int i = 0; i < productIds.size(); i++) {
                    for (int k = 0; k < ladder.size(); k++) {
                        ins.setString(1, productIds.get(i));
                        ins.setString(2, ladder.packages().get(k).name());
                        ins.setDouble(3, p[i][k]);
                        ins.setObject(4, now);
                        ins.addBatch();
                        if (++n % 5_000 == 0) {
                            ins.executeBatch();
                        }
                    }
                }
                ins.executeBatch();
            }
        });
    }

    /** Replaces packaging_recommendations with a plan's rows and packaging_plan with its provenance. */
    public void writeRecommendations(PackagingRecommender.Plan plan) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(plan.provenance());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not describe the packaging plan: " + e.getMessage(), e);
        }
        transaction(c -> {
            try (Statement s = c.createStatement(); PreparedStatement ins = c.prepareStatement("INSERT INTO packaging_recommendations "
                    + "(product_id, category, subcategory, current_package, recommended_package, p_damage_current, p_damage_recommended, "
                    + "ship_cost_delta_inr, shipments, cost_current_inr, cost_recommended_inr, damage_cost_inr, lambda, recommended_at, objective) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"); PreparedStatement provenance = c.prepareStatement(
                    "INSERT INTO packaging_plan (plan_id, objective, provenance_json, planned_at) VALUES (1, ?, ?, ?)")) {
                s.executeUpdate("DELETE FROM packaging_recommendations");
                s.executeUpdate("DELETE FROM packaging_plan");
                provenance.setString(1, plan.objective().id());
                provenance.setString(2, json);
                provenance.setObject(3, now);
                provenance.executeUpdate();
                int n = 0;
                for (PackagingRecommender.Choice r : plan.choices()) {
                    ins.setString(1, r.productId());
                    ins.setString(2, r.category());
                    ins.setString(3, r.subcategory());
                    ins.setString(4, r.currentPackage());
                    ins.setString(5, r.recommendedPackage());
                    setNullable(ins, 6, r.pDamageCurrent());
                    ins.setDouble(7, r.pDamageRecommended());
                    setNullable(ins, 8, r.shipCostDeltaInr());
                    ins.setLong(9, r.shipments());
                    setNullable(ins, 10, r.costCurrentInr());
                    ins.setDouble(11, r.costRecommendedInr());
                    ins.setDouble(12, r.damageCostInr());
                    ins.setDouble(13, Double.isNaN(plan.lambda()) ? 0 : plan.lambda());
                    ins.setObject(14, now);
                    ins.setString(15, plan.objective().id());
                    ins.addBatch();
                    if (++n % 5_000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
        });
    }

    private static void setNullable(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    /** One row of the recommendation table as the screen pages it; {@code objective} names what produced it. */
    public record RecommendationRow(String productId, String category, String subcategory, String currentPackage, String recommendedPackage,
            Double pDamageCurrent, double pDamageRecommended, Double shipCostDeltaInr, long shipments, String objective) {
    }

    /**
     * The saved plan's objective and provenance.
     *
     * @param provenanceJson the plan's provenance as JSON (PackagingRecommender.Plan#provenance)
     */
    public record SavedPlan(String objective, String provenanceJson, OffsetDateTime plannedAt) {
    }

    /** The plan whose rows packaging_recommendations holds, if one was saved with its provenance. */
    public java.util.Optional<SavedPlan> savedPlan() {
        List<SavedPlan> out = new ArrayList<>();
        query("SELECT objective, provenance_json, planned_at FROM packaging_plan WHERE plan_id = 1",
                rs -> out.add(new SavedPlan(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))));
        return out.stream().findFirst();
    }

    /**
     * A filtered page of packaging_recommendations, biggest expected-damage change first.
     *
     * @param category exact category, or null for all
     * @param changedOnly only products whose recommended package differs from the current one
     * @param search text contained in the product id (case-insensitive), or null
     */
    public List<RecommendationRow> recommendations(String category, boolean changedOnly, String search, int offset, int limit) {
        List<RecommendationRow> out = new ArrayList<>();
        Where where = recommendationFilter(category, changedOnly, search);
        String sql = "SELECT product_id, category, subcategory, current_package, recommended_package, p_damage_current, p_damage_recommended, "
                + "ship_cost_delta_inr, shipments, objective FROM packaging_recommendations" + where.sql()
                + " ORDER BY shipments * ABS(COALESCE(p_damage_current, 0) - p_damage_recommended) DESC, product_id LIMIT ? OFFSET ?";
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = Sql.bind(ps, where.args());
            ps.setObject(i++, limit);
            ps.setObject(i, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecommendationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            number(rs, 6), rs.getDouble(7), number(rs, 8), rs.getLong(9), rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the recommendations: " + e.getMessage(), e);
        }
        return out;
    }

    /** How many recommendations match the filter. */
    public long countRecommendations(String category, boolean changedOnly, String search) {
        Where where = recommendationFilter(category, changedOnly, search);
        return Sql.count(workspace, "SELECT COUNT(*) FROM packaging_recommendations" + where.sql(), where.args(),
                "Could not count the recommendations");
    }

    private static Where recommendationFilter(String category, boolean changedOnly, String search) {
        Where where = new Where().andIfGiven("category = ?", category)
                .andIf(changedOnly, "(current_package IS NULL OR current_package <> recommended_package)");
        if (search != null && !search.isBlank()) {
            where.and("LOWER(product_id) LIKE ?", "%" + search.trim().toLowerCase(Locale.ROOT) + "%");
        }
        return where;
    }

    /** The categories of the recommendation table. */
    public List<String> recommendationCategories() {
        List<String> out = new ArrayList<>();
        query("SELECT DISTINCT category FROM packaging_recommendations WHERE category IS NOT NULL ORDER BY category", rs -> out.add(rs.getString(1)));
        return out;
    }

    private void transaction(Sql.Work work) {
        Sql.inTransaction(workspace, "Could not save the packaging results; nothing was changed", work);
    }
}
