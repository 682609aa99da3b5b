package in.workbench.analytics.regional;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the regional and dashboard aggregates ({@code agg_*} tables, migration V50) up to date
 * inside every import's transaction, so charts read a few hundred grouped rows instead of
 * scanning a million shipments.
 *
 * <p>Every shipment's contribution (its state, category, subcategory, month, status, package and
 * days) is recorded in {@code regional_shipment_facts}. When shipments are imported or re-imported,
 * their old contribution is subtracted from the aggregates and the new one added. When addresses
 * or products arrive later than their shipments (or change), only the shipments whose state or
 * category changes are redone, so unresolved references resolve into the right buckets. A
 * shipment whose address is unknown counts in the {@link AddressStates#UNKNOWN} state; one whose
 * product is unknown counts under {@link #NOT_IN_CATALOG}.
 *
 * <p>A workspace created before this feature has no aggregates: the first import, or
 * {@link #ensureBuilt}, builds them from scratch once. Thread-safe: holds no per-import state; each
 * call works on the connection it is given.
 */
public final class RegionalAggregates implements ImportHook {

    /** Category (and subcategory) of shipments whose product is not in the catalog yet. */
    public static final String NOT_IN_CATALOG = "(not in catalog)";
    /** Subcategory of products with none. */
    public static final String NO_SUBCATEGORY = "(none)";

    static final String BUILT_SETTING = "regional.aggregates.version";
    static final String VERSION = "1";
    private static final int BATCH = 2_000;

    /** One aggregate table: its grouping columns (fact columns) and its measures (first one counts rows). */
    record Aggregate(String table, List<String> keys, List<String[]> measures) {
    }

    static final List<Aggregate> AGGREGATES = List.of(
            new Aggregate("agg_orders_by_state_subcategory", List.of("state", "category", "subcategory"),
                    List.of(new String[] {"orders", "COUNT(*)"}, new String[] {"units", "SUM(f.quantity)"})),
            new Aggregate("agg_orders_by_state_product", List.of("state", "product_id"),
                    List.of(new String[] {"orders", "COUNT(*)"}, new String[] {"timed", timed("1")},
                            new String[] {"actual_days", timed("f.delivered_days")})),
            new Aggregate("agg_shipments_by_month_status", List.of("order_month", "status"),
                    List.<String[]>of(new String[] {"shipments", "COUNT(*)"})),
            new Aggregate("agg_shipments_by_package_status", List.of("package_type", "status"),
                    List.<String[]>of(new String[] {"shipments", "COUNT(*)"})),
            new Aggregate("agg_delivery_by_state_package", List.of("state", "package_type"),
                    List.of(new String[] {"shipments", "COUNT(*)"}, new String[] {"timed", timed("1")},
                            new String[] {"promised_days", timed("f.promised_days")},
                            new String[] {"actual_days", timed("f.delivered_days")},
                            new String[] {"late", "COALESCE(SUM(CASE WHEN f.delivered_days > f.promised_days THEN 1 ELSE 0 END), 0)"})),
            new Aggregate("agg_shipments_by_state_source", List.of("state_source"),
                    List.<String[]>of(new String[] {"shipments", "COUNT(*)"})));

    private static String timed(String value) {
        return "COALESCE(SUM(CASE WHEN f.promised_days IS NOT NULL AND f.delivered_days IS NOT NULL THEN " + value
                + " ELSE 0 END), 0)";
    }

    private final AddressStates states;

    public RegionalAggregates(AddressStates states) {
        this.states = states;
    }

    @Override
    public void afterImport(Connection c, DataTable table, long runId) throws SQLException {
        if (!isBuilt(c)) {
            rebuild(c, ProgressMonitor.NONE);
            return;
        }
        switch (table) {
            case SHIPMENTS -> {
                execute(c, "INSERT INTO regional_pending (shipment_id) SELECT shipment_id FROM shipments WHERE run_id = " + runId);
                recontribute(c);
            }
            case ADDRESSES -> {
                resolveAddresses(c, "WHERE run_id = " + runId, ProgressMonitor.NONE);
                execute(c, "INSERT INTO regional_pending (shipment_id) SELECT f.shipment_id FROM regional_shipment_facts f "
                        + "JOIN addresses a ON a.address_id = f.address_id AND a.run_id = " + runId + " "
                        + "JOIN regional_address_states r ON r.address_id = f.address_id "
                        + "WHERE f.state <> r.state OR f.state_source <> r.state_source");
                recontribute(c);
            }
            case PRODUCTS -> {
                execute(c, "INSERT INTO regional_pending (shipment_id) SELECT f.shipment_id FROM regional_shipment_facts f "
                        + "JOIN products p ON p.product_id = f.product_id AND p.run_id = " + runId + " "
                        + "WHERE f.category <> p.category OR f.subcategory <> COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "')");
                recontribute(c);
            }
            default -> {
                // package types and labels do not enter these aggregates
            }
        }
    }

    /** True once the aggregates of this workspace have been built. */
    static boolean isBuilt(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM workspace_settings WHERE setting_key = ?")) {
            ps.setString(1, BUILT_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && VERSION.equals(rs.getString(1));
            }
        }
    }

    /**
     * Builds the aggregates once for a workspace that has none yet (made before this feature, or
     * never imported into); does nothing otherwise. One transaction.
     */
    public void ensureBuilt(Workspace workspace, ProgressMonitor monitor) {
        try (Connection c = workspace.connection()) {
            if (isBuilt(c)) {
                return;
            }
            c.setAutoCommit(false);
            try {
                rebuild(c, monitor);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not build the regional aggregates: " + e.getMessage(), e);
        }
    }

    /** Empties and refills every aggregate from the workspace's rows, inside the caller's transaction. */
    public void rebuild(Connection c, ProgressMonitor monitor) throws SQLException {
        execute(c, "DELETE FROM regional_pending");
        execute(c, "DELETE FROM regional_shipment_facts");
        execute(c, "DELETE FROM regional_address_states");
        for (Aggregate a : AGGREGATES) {
            execute(c, "DELETE FROM " + a.table());
        }
        resolveAddresses(c, "", monitor);
        monitor.update(0, -1, "Summing shipments by state, category, month and package");
        execute(c, "INSERT INTO regional_pending (shipment_id) SELECT shipment_id FROM shipments");
        recontribute(c);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO workspace_settings (setting_key, setting_value, updated_at) KEY (setting_key) VALUES (?, ?, ?)")) {
            ps.setString(1, BUILT_SETTING);
            ps.setString(2, VERSION);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private void resolveAddresses(Connection c, String where, ProgressMonitor monitor) throws SQLException {
        long total = -1;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM addresses " + where)) {
            rs.next();
            total = rs.getLong(1);
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT address_id, address_text, city, state, pincode FROM addresses " + where);
                PreparedStatement merge = c.prepareStatement("MERGE INTO regional_address_states "
                        + "(address_id, state, state_source, written_state) KEY (address_id) VALUES (?, ?, ?, ?)")) {
            long done = 0;
            int pending = 0;
            while (rs.next()) {
                AddressStates.Resolution r = states.resolve(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                merge.setString(1, rs.getString(1));
                merge.setString(2, r.state());
                merge.setString(3, r.source().label());
                merge.setString(4, rs.getString(4));
                merge.addBatch();
                if (++pending == BATCH) {
                    merge.executeBatch();
                    pending = 0;
                }
                if ((++done & 0x3FFF) == 0) {
                    monitor.checkCancelled();
                    monitor.update(done, total, String.format("Finding the state of %,d of %,d addresses", done, total));
                }
            }
            if (pending > 0) {
                merge.executeBatch();
            }
        }
    }

    /** Redoes the contribution of every shipment in regional_pending, then empties it. */
    private static void recontribute(Connection c) throws SQLException {
        for (Aggregate a : AGGREGATES) {
            apply(c, a, "-");
        }
        execute(c, "DELETE FROM regional_shipment_facts WHERE shipment_id IN (SELECT shipment_id FROM regional_pending)");
        execute(c, "INSERT INTO regional_shipment_facts (shipment_id, address_id, product_id, state, state_source, category, "
                + "subcategory, package_type, order_month, status, quantity, promised_days, delivered_days) "
                + "SELECT s.shipment_id, s.address_id, s.product_id, COALESCE(r.state, '" + AddressStates.UNKNOWN + "'), "
                + "COALESCE(r.state_source, '" + AddressStates.Source.NOT_IMPORTED.label() + "'), "
                + "COALESCE(p.category, '" + NOT_IN_CATALOG + "'), "
                + "CASE WHEN p.product_id IS NULL THEN '" + NOT_IN_CATALOG + "' ELSE COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "') END, "
                + "s.package_type, DATE_TRUNC(MONTH, s.order_date), s.status, s.quantity, s.promised_days, s.delivered_days "
                + "FROM regional_pending q JOIN shipments s ON s.shipment_id = q.shipment_id "
                + "LEFT JOIN regional_address_states r ON r.address_id = s.address_id "
                + "LEFT JOIN products p ON p.product_id = s.product_id");
        for (Aggregate a : AGGREGATES) {
            apply(c, a, "+");
        }
        for (Aggregate a : AGGREGATES) {
            execute(c, "DELETE FROM " + a.table() + " WHERE " + a.measures().get(0)[0] + " = 0");
        }
        execute(c, "DELETE FROM regional_pending");
    }

    /** Adds (+) or subtracts (-) the pending shipments' current facts to one aggregate. */
    private static void apply(Connection c, Aggregate a, String sign) throws SQLException {
        String keys = a.keys().stream().map(k -> "f." + k).collect(Collectors.joining(", "));
        String measures = a.measures().stream().map(m -> m[1] + " AS " + m[0]).collect(Collectors.joining(", "));
        String on = a.keys().stream().map(k -> "t." + k + " = d." + k).collect(Collectors.joining(" AND "));
        String update = a.measures().stream().map(m -> m[0] + " = t." + m[0] + " " + sign + " d." + m[0])
                .collect(Collectors.joining(", "));
        String columns = String.join(", ", a.keys()) + ", " + a.measures().stream().map(m -> m[0]).collect(Collectors.joining(", "));
        String values = a.keys().stream().map(k -> "d." + k).collect(Collectors.joining(", ")) + ", "
                + a.measures().stream().map(m -> "d." + m[0]).collect(Collectors.joining(", "));
        String sql = "MERGE INTO " + a.table() + " t USING (SELECT " + keys + ", " + measures
                + " FROM regional_shipment_facts f JOIN regional_pending q ON q.shipment_id = f.shipment_id GROUP BY " + keys
                + ") d ON (" + on + ") WHEN MATCHED THEN UPDATE SET " + update
                + ("+".equals(sign) ? " WHEN NOT MATCHED THEN INSERT (" + columns + ") VALUES (" + values + ")" : "");
        execute(c, sql);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
