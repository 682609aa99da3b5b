package in.workbench.analytics.regional;

import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regional screens' door to the workspace database (STYLE.md rule 18) for reading: the
 * import-time aggregates that {@link RegionalPreferences}, {@link DeliverySpeed} and
 * {@link RankingPreview} compute from, read in records. ({@link RegionalAggregates} writes them, inside
 * the import's transaction.) Stateless; thread-safe: every call takes its own connection.
 */
final class RegionalStore {

    private RegionalStore() {
    }

    /** One row of {@code agg_orders_by_state_subcategory}. */
    record SubcategoryOrders(String state, String category, String subcategory, long orders) {
    }

    /**
     * The order aggregates {@link RegionalPreferences} is computed from, read on one connection.
     *
     * @param subcategories orders per state × subcategory
     * @param shipmentsBySource shipments per way their state was found, most first
     */
    record Orders(List<SubcategoryOrders> subcategories, Map<String, Long> shipmentsBySource) {
    }

    /** One row of a state's top products: the product's title and subcategory are null when it is not in the catalog. */
    record ProductRow(String productId, String title, String subcategory, long orders) {
    }

    /**
     * A product that matches the search words, with its delivery totals nationally and to one state.
     *
     * @param nationalOrders its orders nationally
     * @param nationalTimed its shipments with promised and actual days, nationally
     * @param nationalActual their actual days, summed
     * @param stateTimed its timed shipments to the state
     * @param stateActual their actual days, summed
     */
    record MatchingProduct(String productId, String title, String subcategory, String category, long nationalOrders,
            long nationalTimed, long nationalActual, long stateTimed, long stateActual) {
    }

    static Orders orders(Workspace workspace) {
        List<SubcategoryOrders> subcategories = new ArrayList<>();
        Map<String, Long> bySource = new LinkedHashMap<>();
        try (Connection c = workspace.connection()) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT state, category, subcategory, orders FROM agg_orders_by_state_subcategory")) {
                while (rs.next()) {
                    subcategories.add(new SubcategoryOrders(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT state_source, shipments FROM agg_shipments_by_state_source ORDER BY shipments DESC")) {
                while (rs.next()) {
                    bySource.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (java.sql.SQLException e) {
            throw Sql.failure("Could not read the regional aggregates", e);
        }
        return new Orders(subcategories, bySource);
    }

    /** A state's {@code limit} most ordered products, most first. */
    static List<ProductRow> topProducts(Workspace workspace, String state, int limit) {
        List<ProductRow> out = new ArrayList<>();
        Sql.eachRow(workspace, "SELECT t.product_id, p.title, p.subcategory, t.orders FROM (SELECT product_id, orders "
                + "FROM agg_orders_by_state_product WHERE state = ? ORDER BY orders DESC, product_id LIMIT ?) t "
                + "LEFT JOIN products p ON p.product_id = t.product_id ORDER BY t.orders DESC, t.product_id", java.util.Arrays.asList(state, limit),
                "Could not read the state's top products",
                rs -> out.add(new ProductRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))));
        return out;
    }

    /** Every state × package type cell of the delivery aggregate, by state and package type. */
    static List<DeliverySpeed.Speed> deliveryCells(Workspace workspace) {
        List<DeliverySpeed.Speed> cells = new ArrayList<>();
        Sql.eachRow(workspace, "SELECT state, package_type, shipments, timed, promised_days, actual_days, late "
                + "FROM agg_delivery_by_state_package ORDER BY state, package_type", "Could not read the delivery aggregates",
                rs -> cells.add(new DeliverySpeed.Speed(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7))));
        return cells;
    }

    /**
     * At most {@code max} products whose title, subcategory or category contains any of {@code words} (lower-case; the
     * LIKE wildcards {@code %} and {@code _} are taken out of them), with their orders and delivery days nationally and to
     * {@code state}.
     */
    static List<MatchingProduct> matchingProducts(Workspace workspace, List<String> words, String state, int max) {
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(state, state));
        for (int i = 0; i < words.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("LOWER(p.title) LIKE ? OR LOWER(COALESCE(p.subcategory, '')) LIKE ? OR LOWER(p.category) LIKE ?");
            String like = "%" + words.get(i).replace("%", "").replace("_", "") + "%";
            args.addAll(List.of(like, like, like));
        }
        String sql = "SELECT p.product_id, p.title, p.subcategory, p.category, COALESCE(SUM(a.orders), 0), COALESCE(SUM(a.timed), 0), "
                + "COALESCE(SUM(a.actual_days), 0), COALESCE(SUM(CASE WHEN a.state = ? THEN a.timed END), 0), "
                + "COALESCE(SUM(CASE WHEN a.state = ? THEN a.actual_days END), 0) "
                + "FROM products p LEFT JOIN agg_orders_by_state_product a ON a.product_id = p.product_id WHERE " + where
                + " GROUP BY p.product_id, p.title, p.subcategory, p.category LIMIT " + max;
        List<MatchingProduct> out = new ArrayList<>();
        Sql.eachRow(workspace, sql, args, "Could not rank the products",
                rs -> out.add(new MatchingProduct(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9))));
        return out;
    }
}
