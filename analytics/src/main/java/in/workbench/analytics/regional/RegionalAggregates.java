package in.workbench.analytics.regional;

import in.workbench.analytics.imports.IdCodes;
import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Dialect;
import in.workbench.analytics.workspace.StagingTables;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps the regional and dashboard aggregates ({@code agg_*} tables, migration V50) up to date
 * inside every import's transaction, so charts read a few hundred grouped rows instead of
 * scanning a million shipments.
 *
 * <p>The aggregates are always what the shipments contribute given the current states of their
 * addresses ({@code regional_address_states}) and the current categories of their products. An
 * import changes them by deltas computed from the rows it touches only (V51 dropped the per-shipment
 * facts table that earlier versions kept for this; docs/decisions/0008):
 * <ul>
 * <li>shipments: before the run's rows are published, the contribution of the shipments they
 * replace is read (a join of the staged rows with {@code shipments} by key); after, the run's rows'
 * contribution is added;</li>
 * <li>addresses: the states of the run's addresses are resolved; for those that changed, their
 * shipments (found through the {@code shipments_address} index) move from the old state to the new
 * one;</li>
 * <li>products: before publishing, the shipments of the staged products whose category or
 * subcategory changes (including those counted under {@link #NOT_IN_CATALOG}) are read with their
 * old category; after, the same shipments are added with the new one.</li>
 * </ul>
 * What is read before publishing is only read: a swap that follows commits its DDL statement by
 * statement, so every write happens in {@link #afterImport(Connection, DataTable, long, String, Object)}.
 * A workspace whose aggregates were never built gets them from scratch on its first import, or from
 * {@link #ensureBuilt}.
 *
 * <p>Thread-safe: holds no per-import state (what is read before publishing is handed back by the
 * importer); each call works on the connection it is given; the address resolver is built once,
 * lazily.
 */
public final class RegionalAggregates implements ImportHook {

    /** Category (and subcategory) of shipments whose product is not in the catalog yet. */
    public static final String NOT_IN_CATALOG = "(not in catalog)";
    /** Subcategory of products with none. */
    public static final String NO_SUBCATEGORY = "(none)";

    static final String BUILT_SETTING = "regional.aggregates.version";
    static final String VERSION = "1";
    private static final int BATCH = 5_000;

    /** One aggregate table: its grouping columns and its measures (the first counts shipments). */
    record Aggregate(String table, List<String> keys, List<String> measures) {
    }

    static final List<Aggregate> AGGREGATES = List.of(
            new Aggregate("agg_orders_by_state_subcategory", List.of("state", "category", "subcategory"), List.of("orders", "units")),
            new Aggregate("agg_orders_by_state_product", List.of("state", "product_id"), List.of("orders", "timed", "actual_days")),
            new Aggregate("agg_shipments_by_month_status", List.of("order_month", "status"), List.of("shipments")),
            new Aggregate("agg_shipments_by_package_status", List.of("package_type", "status"), List.of("shipments")),
            new Aggregate("agg_delivery_by_state_package", List.of("state", "package_type"),
                    List.of("shipments", "timed", "promised_days", "actual_days", "late")),
            new Aggregate("agg_shipments_by_state_source", List.of("state_source"), List.of("shipments")));

    /** Measure deltas per aggregate row, summed in memory before touching the tables. */
    static final class Deltas {
        final List<Map<List<Object>, long[]>> byAggregate = new ArrayList<>();

        Deltas() {
            for (int i = 0; i < AGGREGATES.size(); i++) {
                byAggregate.add(new HashMap<>());
            }
        }

        void put(int aggregate, List<Object> key, int sign, long... values) {
            long[] sums = byAggregate.get(aggregate).computeIfAbsent(key, k -> new long[values.length]);
            for (int i = 0; i < values.length; i++) {
                sums[i] += sign * values[i];
            }
        }

        /** Adds every delta of {@code other}. */
        void add(Deltas other) {
            for (int i = 0; i < AGGREGATES.size(); i++) {
                int aggregate = i;
                other.byAggregate.get(i).forEach((key, values) -> put(aggregate, key, 1, values));
            }
        }
    }

    /** The tables whose rows decide a shipment's aggregate keys, besides the shipment itself. */
    private static final List<String> LOOKED_UP = List.of("products", "addresses", "regional_address_states");

    /**
     * The contribution of a shipment import's rows, summed while the file is read (decision 0010):
     * each row's state and source come from {@code regional_address_states} and its category from
     * {@code products}, both read into fingerprint maps ({@link IdCodes}) before the file. It holds
     * when publishing only if those tables did not change meanwhile (their modification marks) and
     * the aggregates were built then as now; otherwise the run's rows are summed from the stage.
     * Fed by the reading thread, read by the importing thread after it.
     */
    private static final class ShipmentTally implements ImportHook.RowTally {
        final Deltas deltas = new Deltas();
        final boolean built;
        final List<Long> marks;
        final IdCodes stateOfAddress = new IdCodes();
        final List<String[]> states = new ArrayList<>();
        final IdCodes categoryOfProduct = new IdCodes();
        final List<String[]> categories = new ArrayList<>();
        private final int product;
        private final int address;
        private final int packageType;
        private final int orderDate;
        private final int quantity;
        private final int promised;
        private final int delivered;
        private final int status;

        ShipmentTally(List<String> columns, boolean built, List<Long> marks) {
            this.built = built;
            this.marks = marks;
            product = columns.indexOf("product_id");
            address = columns.indexOf("address_id");
            packageType = columns.indexOf("package_type");
            orderDate = columns.indexOf("order_date");
            quantity = columns.indexOf("quantity");
            promised = columns.indexOf("promised_days");
            delivered = columns.indexOf("delivered_days");
            status = columns.indexOf("status");
        }

        /** Codes distinct pairs of texts, so each id maps to a small number. */
        static int code(Map<List<String>, Integer> codes, List<String[]> pairs, String first, String second) {
            return codes.computeIfAbsent(List.of(first, second), k -> {
                pairs.add(new String[] {first, second});
                return pairs.size() - 1;
            });
        }

        @Override
        public void accept(Object[] row) {
            int s = stateOfAddress.code((String) row[address]);
            String state = s < 0 ? AddressStates.UNKNOWN : states.get(s)[0];
            String source = s < 0 ? AddressStates.Source.NOT_IMPORTED.label() : states.get(s)[1];
            String productId = (String) row[product];
            int p = categoryOfProduct.code(productId);
            String category = p < 0 ? NOT_IN_CATALOG : categories.get(p)[0];
            String subcategory = p < 0 ? NOT_IN_CATALOG : categories.get(p)[1];
            String pkg = (String) row[packageType];
            String st = (String) row[status];
            Integer promisedDays = (Integer) row[promised];
            Integer deliveredDays = (Integer) row[delivered];
            boolean timed = promisedDays != null && deliveredDays != null;
            long t = timed ? 1 : 0;
            long promisedSum = timed ? promisedDays : 0;
            long actual = timed ? deliveredDays : 0;
            long late = timed && deliveredDays > promisedDays ? 1 : 0;
            // the same keys and measures as the GROUPINGS' queries give
            deltas.put(0, List.of(state, category, subcategory), 1, 1, ((Integer) row[quantity]).longValue());
            deltas.put(1, List.of(state, productId), 1, 1, t, actual);
            deltas.put(2, List.of(((LocalDate) row[orderDate]).withDayOfMonth(1), st), 1, 1);
            deltas.put(3, List.of(pkg, st), 1, 1);
            deltas.put(4, List.of(state, pkg), 1, 1, t, promisedSum, actual, late);
            deltas.put(5, List.of(source), 1, 1);
        }

        /** True when the sums still hold for publishing: nothing they looked up changed, and nothing they did not see. */
        boolean holds(Connection c, long replaced) throws SQLException {
            if (!StagingTables.modificationMarks(c, LOOKED_UP).equals(marks) || isBuilt(c) != built) {
                return false;
            }
            // Unbuilt aggregates are built from all shipments: the run's rows must be all there will be.
            return built || replaced == 0 && StagingTables.isEmpty(c, "shipments");
        }
    }

    /**
     * Sums a shipment import's rows while they are read, on H2 (see {@link ShipmentTally}); when
     * the aggregates are not built yet, only while the workspace has no addresses (a build then
     * resolves none). Reads only.
     */
    @Override
    public ImportHook.RowTally tally(Connection c, DataTable table, List<String> columns) throws SQLException {
        if (table != DataTable.SHIPMENTS || Dialect.of(c) != Dialect.H2) {
            return null;
        }
        // The marks first: a change while the lookups are read then shows when publishing.
        List<Long> marks = StagingTables.modificationMarks(c, LOOKED_UP);
        boolean built = isBuilt(c);
        if (!built && !StagingTables.isEmpty(c, "addresses")) {
            return null;
        }
        ShipmentTally tally = new ShipmentTally(columns, built, marks);
        Map<List<String>, Integer> codes = new HashMap<>();
        if (built) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT address_id, state, state_source FROM regional_address_states")) {
                while (rs.next()) {
                    tally.stateOfAddress.put(rs.getString(1), ShipmentTally.code(codes, tally.states, rs.getString(2), rs.getString(3)));
                }
            }
        }
        codes.clear();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT product_id, COALESCE(category, '" + NOT_IN_CATALOG + "'), COALESCE(subcategory, '"
                        + NO_SUBCATEGORY + "') FROM products")) {
            while (rs.next()) {
                tally.categoryOfProduct.put(rs.getString(1), ShipmentTally.code(codes, tally.categories, rs.getString(2), rs.getString(3)));
            }
        }
        return tally;
    }

    /** Uses the run's tally when it still holds: its sums then stand for summing the stage after publishing. */
    @Override
    public Object beforePublish(Connection c, DataTable table, long runId, String stagedRows, long replaced, ImportHook.RowTally tally)
            throws SQLException {
        Object read = beforePublish(c, table, runId, stagedRows, replaced);
        if (tally instanceof ShipmentTally t && t.holds(c, replaced)) {
            return new Before(read instanceof Before b ? b.deltas() : new Deltas(), List.of(), t.deltas);
        }
        return read;
    }

    /**
     * The grouped queries that feed the aggregates: one scan each, so three scans fill all six.
     * {@code keys} index into the expressions of {@link #keyExpressions}; {@code feeds} says which
     * aggregates a query fills, with the query key positions and measure positions each takes.
     */
    private record Grouping(List<Integer> keys, List<String> measures, Map<Integer, int[][]> feeds) {
    }

    private static final String TIMED = "s.promised_days IS NOT NULL AND s.delivered_days IS NOT NULL";
    private static final List<Grouping> GROUPINGS = List.of(
            // state, source, category, subcategory, package: orders by state and subcategory, delivery by state and
            // package, shipments by state source
            new Grouping(List.of(0, 1, 2, 3, 5), List.of("COUNT(*)", "SUM(s.quantity)", "SUM(CASE WHEN " + TIMED + " THEN 1 ELSE 0 END)",
                    "SUM(CASE WHEN " + TIMED + " THEN s.promised_days ELSE 0 END)",
                    "SUM(CASE WHEN " + TIMED + " THEN s.delivered_days ELSE 0 END)",
                    "SUM(CASE WHEN " + TIMED + " AND s.delivered_days > s.promised_days THEN 1 ELSE 0 END)"),
                    Map.of(0, new int[][] {{0, 2, 3}, {0, 1}}, 4, new int[][] {{0, 4}, {0, 2, 3, 4, 5}}, 5, new int[][] {{1}, {0}})),
            // state, product
            new Grouping(List.of(0, 4), List.of("COUNT(*)", "SUM(CASE WHEN " + TIMED + " THEN 1 ELSE 0 END)",
                    "SUM(CASE WHEN " + TIMED + " THEN s.delivered_days ELSE 0 END)"), Map.of(1, new int[][] {{0, 1}, {0, 1, 2}})),
            // month, status, package
            new Grouping(List.of(6, 7, 5), List.of("COUNT(*)"), Map.of(2, new int[][] {{0, 1}, {0}}, 3, new int[][] {{2, 1}, {0}})));

    /**
     * The key expressions the groupings use: 0 state, 1 state source, 2 category, 3 subcategory,
     * 4 product, 5 package, 6 month, 7 status; the state read from alias {@code states} ({@code r},
     * or a work list carrying new states).
     */
    private static List<String> keyExpressions(Connection c, String states) throws SQLException {
        return List.of("COALESCE(" + states + ".state, '" + AddressStates.UNKNOWN + "')",
                "COALESCE(" + states + ".state_source, '" + AddressStates.Source.NOT_IMPORTED.label() + "')",
                "COALESCE(p.category, '" + NOT_IN_CATALOG + "')",
                "CASE WHEN p.product_id IS NULL THEN '" + NOT_IN_CATALOG + "' ELSE COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "') END",
                "s.product_id", "s.package_type", Dialect.of(c).monthStart("s.order_date"), "s.status");
    }

    /** The aggregates whose keys include the state (or its source), and the one keyed by category. */
    private static final List<Integer> BY_STATE = List.of(0, 1, 4, 5);
    private static final List<Integer> BY_CATEGORY = List.of(0);
    private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4, 5);

    /**
     * Adds ({@code sign} 1) or takes out (-1) the contribution of the shipments {@code s} that
     * {@code from} (and {@code where}, or null) selects to the {@code aggregates} listed: one
     * grouped query per {@link Grouping} that feeds any of them, each joining the address states
     * ({@code r}, unless {@code states} names another alias of {@code from}) and the products only
     * when its keys need them.
     */
    private static void sum(Connection c, Deltas deltas, int sign, String from, String where, String states, List<Integer> aggregates)
            throws SQLException {
        List<String> expressions = keyExpressions(c, states);
        for (Grouping g : GROUPINGS) {
            List<Integer> fed = g.feeds().keySet().stream().filter(aggregates::contains).sorted().toList();
            if (fed.isEmpty()) {
                continue;
            }
            List<String> keys = g.keys().stream().map(expressions::get).toList();
            boolean products = g.keys().contains(2) || where != null;
            boolean addressStates = "r".equals(states) && (g.keys().contains(0) || where != null);
            String sql = "SELECT " + String.join(", ", keys) + ", " + String.join(", ", g.measures()) + " " + from
                    + (addressStates ? " LEFT JOIN regional_address_states r ON r.address_id = s.address_id" : "")
                    + (products ? " LEFT JOIN products p ON p.product_id = s.product_id" : "")
                    + (where == null ? "" : " WHERE " + where) + " GROUP BY " + String.join(", ", keys);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                Object[] key = new Object[keys.size()];
                long[] measures = new long[g.measures().size()];
                while (rs.next()) {
                    for (int k = 0; k < key.length; k++) {
                        key[k] = g.keys().get(k) == 6 ? rs.getObject(k + 1, LocalDate.class) : rs.getString(k + 1);
                    }
                    for (int m = 0; m < measures.length; m++) {
                        measures[m] = rs.getLong(key.length + 1 + m);
                    }
                    for (int aggregate : fed) {
                        int[][] picks = g.feeds().get(aggregate);
                        Object[] aggregateKey = new Object[picks[0].length];
                        for (int k = 0; k < aggregateKey.length; k++) {
                            aggregateKey[k] = key[picks[0][k]];
                        }
                        long[] values = new long[picks[1].length];
                        for (int m = 0; m < values.length; m++) {
                            values[m] = measures[picks[1][m]];
                        }
                        deltas.put(aggregate, List.of(aggregateKey), sign, values);
                    }
                }
            }
        }
    }

    private final Supplier<AddressStates> statesSupplier;
    private volatile AddressStates states;

    public RegionalAggregates(AddressStates states) {
        this.statesSupplier = () -> states;
        this.states = states;
    }

    /**
     * An instance that builds its {@link AddressStates} (postal directory and parser, about a
     * second) only when an import or build first needs to resolve addresses.
     */
    public RegionalAggregates(Supplier<AddressStates> states) {
        this.statesSupplier = states;
    }

    private AddressStates states() {
        AddressStates s = states;
        if (s == null) {
            synchronized (this) {
                if (states == null) {
                    states = statesSupplier.get();
                }
                s = states;
            }
        }
        return s;
    }

    /**
     * What was read before publishing: the deltas so far, the products whose category changes, and
     * the run's rows summed while they were read (null when they are summed after publishing).
     */
    private record Before(Deltas deltas, List<String> products, Deltas tallied) {
        Before(Deltas deltas, List<String> products) {
            this(deltas, products, null);
        }
    }

    /**
     * Reads what the staged rows will replace: the old contribution of re-imported shipments, or of
     * the shipments of products whose category changes. Reads only.
     */
    @Override
    public Object beforePublish(Connection c, DataTable table, long runId, String stagedRows, long replaced) throws SQLException {
        if (!isBuilt(c)) {
            return null;
        }
        switch (table) {
            case SHIPMENTS -> {
                Deltas deltas = new Deltas();
                if (replaced > 0) {
                    sum(c, deltas, -1, "FROM " + stagedRows + " n JOIN shipments s ON s.shipment_id = n.shipment_id", null, "r", ALL);
                }
                return new Before(deltas, List.of());
            }
            case PRODUCTS -> {
                // Only the category aggregate changes. The shipments are scanned once (LEFT JOIN keeps them outer: they
                // have no index on product_id) and each looks its product up in the stage by key.
                String changed = "(p.product_id IS NULL OR p.category <> n.category OR COALESCE(p.subcategory, '" + NO_SUBCATEGORY
                        + "') <> COALESCE(n.subcategory, '" + NO_SUBCATEGORY + "'))";
                List<String> products = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.product_id FROM " + stagedRows
                        + " n LEFT JOIN products p ON p.product_id = n.product_id WHERE " + changed)) {
                    while (rs.next()) {
                        products.add(rs.getString(1));
                    }
                }
                Deltas removed = new Deltas();
                if (!products.isEmpty()) {
                    sum(c, removed, -1, "FROM shipments s LEFT JOIN " + stagedRows + " n ON n.product_id = s.product_id",
                            "n.product_id IS NOT NULL AND " + changed, "r", BY_CATEGORY);
                }
                return new Before(removed, products);
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public void afterImport(Connection c, DataTable table, long runId) throws SQLException {
        afterImport(c, table, runId, "(SELECT * FROM " + table.sqlName() + " WHERE run_id = " + runId + ")", null);
    }

    @Override
    public void afterImport(Connection c, DataTable table, long runId, String runRows) throws SQLException {
        afterImport(c, table, runId, runRows, null);
    }

    /**
     * Adds the run's rows, read from {@code runRows} (the import's staging table), and takes out
     * what {@link #beforePublish} read, so the work scales with the rows imported rather than with
     * the workspace.
     */
    @Override
    public void afterImport(Connection c, DataTable table, long runId, String runRows, Object before) throws SQLException {
        Before read = before instanceof Before b ? b : null;
        if (!isBuilt(c)) {
            rebuild(c, ProgressMonitor.NONE, read == null ? null : read.tallied());
            return;
        }
        switch (table) {
            case SHIPMENTS -> {
                if (read == null) {
                    // called without beforePublish: what the run replaced is unknown
                    rebuild(c, ProgressMonitor.NONE);
                    return;
                }
                Deltas deltas = read.deltas();
                if (read.tallied() != null) {
                    deltas.add(read.tallied());
                } else {
                    sum(c, deltas, 1, "FROM " + runRows + " s", null, "r", ALL);
                }
                apply(c, deltas);
            }
            case ADDRESSES -> resolveAddresses(c, runRows, true, ProgressMonitor.NONE);
            case PRODUCTS -> {
                if (read == null) {
                    rebuild(c, ProgressMonitor.NONE);
                    return;
                }
                if (read.products().isEmpty()) {
                    return;
                }
                markChanged(c, read.products());
                Deltas deltas = read.deltas();
                sum(c, deltas, 1, "FROM shipments s LEFT JOIN regional_changed_keys q ON q.key_value = s.product_id",
                        "q.key_value IS NOT NULL", "r", BY_CATEGORY);
                execute(c, "DELETE FROM regional_changed_keys");
                apply(c, deltas);
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
     * True once the aggregates of this workspace have been built, so that reading them is a quick read; a screen that
     * finds them unbuilt calls {@link #ensureBuilt} as long work.
     */
    public boolean isBuilt(Workspace workspace) {
        try (Connection c = workspace.connection()) {
            return isBuilt(c);
        } catch (SQLException e) {
            throw Sql.failure("Could not read whether the regional aggregates are built", e);
        }
    }

    /**
     * Builds the aggregates once for a workspace that has none yet (made before this feature, or
     * never imported into); does nothing otherwise. One transaction. Screens that open together
     * (Overview and Regional, each in its own worker) build it once: the check and the build hold
     * the workspace's lock.
     */
    public void ensureBuilt(Workspace workspace, ProgressMonitor monitor) {
        synchronized (workspace) {
            try (Connection c = workspace.connection()) {
                if (isBuilt(c)) {
                    return;
                }
                Sql.inTransaction(c, tx -> rebuild(tx, monitor));
            } catch (SQLException e) {
                throw Sql.failure("Could not build the regional aggregates", e);
            }
        }
    }

    /** Empties and refills every aggregate from the workspace's rows, inside the caller's transaction. */
    public void rebuild(Connection c, ProgressMonitor monitor) throws SQLException {
        rebuild(c, monitor, null);
    }

    /** As {@link #rebuild(Connection, ProgressMonitor)}; {@code shipments}, when not null, are the sums of all shipments. */
    private void rebuild(Connection c, ProgressMonitor monitor, Deltas shipments) throws SQLException {
        execute(c, "DELETE FROM regional_changed_keys");
        execute(c, "DELETE FROM regional_address_states");
        for (Aggregate a : AGGREGATES) {
            execute(c, "DELETE FROM " + a.table());
        }
        resolveAddresses(c, "addresses", false, monitor);
        monitor.checkCancelled();
        monitor.update(-1, -1, "Summing the shipments by state, category, month and package");
        Deltas deltas = shipments;
        if (deltas == null) {
            deltas = new Deltas();
            sum(c, deltas, 1, "FROM shipments s", null, "r", ALL);
        }
        apply(c, deltas, true);
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("workspace_settings",
                List.of("setting_key", "setting_value", "updated_at"), List.of("setting_key")))) {
            ps.setString(1, BUILT_SETTING);
            ps.setString(2, VERSION);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static void markChanged(Connection c, List<String> keys) throws SQLException {
        try (PreparedStatement mark = c.prepareStatement("INSERT INTO regional_changed_keys (key_value) VALUES (?)")) {
            int pending = 0;
            for (String key : keys) {
                mark.setString(1, key);
                mark.addBatch();
                pending = flushIfFull(mark, pending + 1);
            }
            if (pending > 0) {
                mark.executeBatch();
            }
        }
    }

    /**
     * Resolves the state of the selected addresses and stores those that changed. Incrementally,
     * the changed ones are first listed in regional_changed_keys with their new state, so that their
     * shipments move from the old state to the new one (found through the shipments_address
     * index, so the cost is that of the addresses that changed and their shipments). Returns how
     * many changed.
     */
    private long resolveAddresses(Connection c, String source, boolean incremental, ProgressMonitor monitor) throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + source + " a")) {
            rs.next();
            total = rs.getLong(1);
        }
        long changed = 0;
        String target = incremental ? "regional_changed_keys" : "regional_address_states";
        String key = incremental ? "key_value" : "address_id";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.address_id, a.address_text, a.city, a.state, a.pincode, r.state, r.state_source "
                        + "FROM " + source + " a LEFT JOIN regional_address_states r ON r.address_id = a.address_id");
                PreparedStatement write = c.prepareStatement("INSERT INTO " + target + " (" + key
                        + ", state, state_source, written_state) VALUES (?, ?, ?, ?)")) {
            long done = 0;
            int pending = 0;
            while (rs.next()) {
                AddressStates.Resolution r = states().resolve(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                if ((++done & 0x1FFF) == 0) {
                    monitor.checkCancelled();
                    monitor.update(done, total, String.format("Finding the state of %,d of %,d addresses", done, total));
                }
                if (r.state().equals(rs.getString(6)) && r.source().label().equals(rs.getString(7))) {
                    continue;
                }
                changed++;
                write.setString(1, rs.getString(1));
                write.setString(2, r.state());
                write.setString(3, r.source().label());
                write.setString(4, rs.getString(4));
                write.addBatch();
                pending = flushIfFull(write, pending + 1);
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        if (incremental && changed > 0) {
            moveShipments(c);
        }
        return changed;
    }

    /**
     * Moves the shipments of the addresses listed in regional_changed_keys from their recorded state
     * to the listed one, stores the new states and empties the list.
     */
    private static void moveShipments(Connection c) throws SQLException {
        Deltas deltas = new Deltas();
        // The shipments found by address through their index; only the aggregates keyed by state change.
        String from = "FROM regional_changed_keys q JOIN shipments s ON s.address_id = q.key_value";
        sum(c, deltas, -1, from, null, "r", BY_STATE);
        sum(c, deltas, 1, from, null, "q", BY_STATE);
        apply(c, deltas);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_value, state, state_source, written_state FROM regional_changed_keys");
                PreparedStatement merge = c.prepareStatement(Dialect.of(c).upsert("regional_address_states",
                        List.of("address_id", "state", "state_source", "written_state"), List.of("address_id")))) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 1; i <= 4; i++) {
                    merge.setString(i, rs.getString(i));
                }
                merge.addBatch();
                pending = flushIfFull(merge, pending + 1);
            }
            if (pending > 0) {
                merge.executeBatch();
            }
        }
        execute(c, "DELETE FROM regional_changed_keys");
    }

    private static int flushIfFull(PreparedStatement ps, int pending) throws SQLException {
        if (pending >= BATCH) {
            ps.executeBatch();
            return 0;
        }
        return pending;
    }

    /** Adds the summed deltas to the aggregate tables and drops rows that fell to zero shipments. */
    private static void apply(Connection c, Deltas deltas) throws SQLException {
        apply(c, deltas, false);
    }

    /** As {@link #apply(Connection, Deltas)}; {@code fresh} when the tables are empty (a rebuild), so every row is inserted. */
    private static void apply(Connection c, Deltas deltas, boolean fresh) throws SQLException {
        for (int i = 0; i < AGGREGATES.size(); i++) {
            Aggregate a = AGGREGATES.get(i);
            Map<List<Object>, long[]> rows = deltas.byAggregate.get(i);
            if (rows.isEmpty()) {
                continue;
            }
            String where = a.keys().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
            String set = a.measures().stream().map(m -> m + " = " + m + " + ?").collect(Collectors.joining(", "));
            String columns = String.join(", ", a.keys()) + ", " + String.join(", ", a.measures());
            String marks = "?, ".repeat(a.keys().size() + a.measures().size() - 1) + "?";
            boolean zeros = false;
            try (PreparedStatement update = c.prepareStatement("UPDATE " + a.table() + " SET " + set + " WHERE " + where);
                    PreparedStatement insert = c.prepareStatement("INSERT INTO " + a.table() + " (" + columns + ") VALUES (" + marks + ")")) {
                int inserts = 0;
                for (Map.Entry<List<Object>, long[]> e : rows.entrySet()) {
                    long[] v = e.getValue();
                    if (allZero(v)) {
                        continue;
                    }
                    int k = 1;
                    for (long x : v) {
                        update.setLong(k++, x);
                    }
                    for (Object key : e.getKey()) {
                        setKey(update, k++, key);
                    }
                    if (fresh || update.executeUpdate() == 0) {
                        k = 1;
                        for (Object key : e.getKey()) {
                            setKey(insert, k++, key);
                        }
                        for (long x : v) {
                            insert.setLong(k++, x);
                        }
                        insert.addBatch();
                        inserts = flushIfFull(insert, inserts + 1);
                    }
                    zeros |= v[0] < 0;
                }
                if (inserts > 0) {
                    insert.executeBatch();
                }
            }
            if (zeros) {
                execute(c, "DELETE FROM " + a.table() + " WHERE " + a.measures().get(0) + " = 0");
            }
        }
    }

    private static boolean allZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void setKey(PreparedStatement ps, int index, Object key) throws SQLException {
        if (key instanceof LocalDate d) {
            ps.setDate(index, Date.valueOf(d));
        } else {
            ps.setString(index, (String) key);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
