package in.workbench.analytics.regional;

import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Dialect;
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
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps the regional and dashboard aggregates ({@code agg_*} tables, migration V50) up to date
 * inside every import's transaction, so charts read a few hundred grouped rows instead of
 * scanning a million shipments.
 *
 * <p>Every shipment's contribution (its state, category, subcategory, month, status, package and
 * days) is recorded in {@code regional_shipment_facts}. An import reads the affected shipments
 * once, takes their old contribution out of the aggregates and adds the new one (deltas summed in
 * memory, then one update per changed aggregate row):
 * <ul>
 * <li>shipments: the run's rows (new or re-imported);</li>
 * <li>addresses: the shipments of addresses whose resolved state changed (including shipments that
 * arrived before their address and sat in {@link AddressStates#UNKNOWN});</li>
 * <li>catalog: the shipments of products whose category or subcategory changed (including those
 * counted under {@link #NOT_IN_CATALOG}).</li>
 * </ul>
 * A workspace created before this feature has no aggregates: the first import, or
 * {@link #ensureBuilt}, builds them from scratch once.
 *
 * <p>Thread-safe: holds no per-import state; each call works on the connection it is given; the
 * address resolver is built once, lazily.
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

    /** What one shipment adds to the aggregates. */
    record Fact(String shipmentId, String addressId, String productId, String state, String stateSource, String category,
            String subcategory, String packageType, LocalDate month, String status, int quantity, Integer promised, Integer delivered) {

        boolean timed() {
            return promised != null && delivered != null;
        }

        Fact with(String newState, String newSource, String newCategory, String newSubcategory) {
            return new Fact(shipmentId, addressId, productId, newState, newSource, newCategory, newSubcategory, packageType, month,
                    status, quantity, promised, delivered);
        }
    }

    /** Measure deltas per aggregate row, summed in memory before touching the tables. */
    static final class Deltas {
        final List<Map<List<Object>, long[]>> byAggregate = new ArrayList<>();

        Deltas() {
            for (int i = 0; i < AGGREGATES.size(); i++) {
                byAggregate.add(new HashMap<>());
            }
        }

        void add(Fact f, int sign) {
            long t = f.timed() ? 1 : 0;
            long actual = f.timed() ? f.delivered() : 0;
            long promised = f.timed() ? f.promised() : 0;
            long late = f.timed() && f.delivered() > f.promised() ? 1 : 0;
            put(0, List.of(f.state(), f.category(), f.subcategory()), sign, 1, f.quantity());
            put(1, List.of(f.state(), f.productId()), sign, 1, t, actual);
            put(2, List.of(f.month(), f.status()), sign, 1);
            put(3, List.of(f.packageType(), f.status()), sign, 1);
            put(4, List.of(f.state(), f.packageType()), sign, 1, t, promised, actual, late);
            put(5, List.of(f.stateSource()), sign, 1);
        }

        private void put(int aggregate, List<Object> key, int sign, long... values) {
            long[] sums = byAggregate.get(aggregate).computeIfAbsent(key, k -> new long[values.length]);
            for (int i = 0; i < values.length; i++) {
                sums[i] += sign * values[i];
            }
        }
    }

    private static final String FACT_COLUMNS = "shipment_id, address_id, product_id, state, state_source, category, subcategory, "
            + "package_type, order_month, status, quantity, promised_days, delivered_days";

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

    @Override
    public void afterImport(Connection c, DataTable table, long runId) throws SQLException {
        afterImport(c, table, runId, "(SELECT * FROM " + table.sqlName() + " WHERE run_id = " + runId + ")");
    }

    /**
     * Adds the run's rows, read from {@code runRows} (the import's staging table), so the work
     * scales with the rows imported rather than with the workspace.
     */
    @Override
    public void afterImport(Connection c, DataTable table, long runId, String runRows) throws SQLException {
        if (!isBuilt(c)) {
            rebuild(c, ProgressMonitor.NONE);
            return;
        }
        switch (table) {
            case SHIPMENTS -> addShipments(c, runRows, true, ProgressMonitor.NONE);
            case ADDRESSES -> {
                if (resolveAddresses(c, runRows, true, ProgressMonitor.NONE) > 0) {
                    redo(c, "f.address_id", true);
                }
            }
            case PRODUCTS -> {
                // LEFT JOIN keeps the facts as the outer (scanned) table: the run's products are then looked up by key.
                execute(c, "INSERT INTO regional_changed_keys (key_value) SELECT DISTINCT f.product_id FROM regional_shipment_facts f "
                        + "LEFT JOIN " + runRows + " p ON p.product_id = f.product_id WHERE p.product_id IS NOT NULL "
                        + "AND (f.category <> p.category OR f.subcategory <> COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "'))");
                redo(c, "f.product_id", false);
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
        execute(c, "DELETE FROM regional_changed_keys");
        execute(c, "DELETE FROM regional_shipment_facts");
        execute(c, "DELETE FROM regional_address_states");
        for (Aggregate a : AGGREGATES) {
            execute(c, "DELETE FROM " + a.table());
        }
        resolveAddresses(c, "addresses", false, monitor);
        monitor.checkCancelled();
        monitor.update(-1, -1, "Summing the shipments by state, category, month and package");
        addAllShipments(c);
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("workspace_settings",
                List.of("setting_key", "setting_value", "updated_at"), List.of("setting_key")))) {
            ps.setString(1, BUILT_SETTING);
            ps.setString(2, VERSION);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /**
     * Resolves the state of the selected addresses and stores those that changed; when redoing
     * shipments is needed, the changed address ids are left in regional_changed_keys. Returns how
     * many changed.
     */
    private long resolveAddresses(Connection c, String source, boolean incremental, ProgressMonitor monitor) throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + source + " a")) {
            rs.next();
            total = rs.getLong(1);
        }
        long changed = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.address_id, a.address_text, a.city, a.state, a.pincode, r.state, r.state_source "
                        + "FROM " + source + " a LEFT JOIN regional_address_states r ON r.address_id = a.address_id");
                PreparedStatement merge = c.prepareStatement(Dialect.of(c).upsert("regional_address_states",
                        List.of("address_id", "state", "state_source", "written_state"), List.of("address_id")));
                PreparedStatement mark = c.prepareStatement("INSERT INTO regional_changed_keys (key_value) VALUES (?)")) {
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
                merge.setString(1, rs.getString(1));
                merge.setString(2, r.state());
                merge.setString(3, r.source().label());
                merge.setString(4, rs.getString(4));
                merge.addBatch();
                if (incremental) {
                    mark.setString(1, rs.getString(1));
                    mark.addBatch();
                }
                if (++pending == BATCH) {
                    merge.executeBatch();
                    if (incremental) {
                        mark.executeBatch();
                    }
                    pending = 0;
                }
            }
            if (pending > 0) {
                merge.executeBatch();
                if (incremental) {
                    mark.executeBatch();
                }
            }
        }
        return changed;
    }

    /**
     * Records and sums every shipment into the emptied facts and aggregates with set-based SQL (no
     * row crosses JDBC): what a rebuild, and so the first import into a workspace, costs. The sums
     * are those of {@link Deltas#add}.
     */
    private static void addAllShipments(Connection c) throws SQLException {
        execute(c, "INSERT INTO regional_shipment_facts (" + FACT_COLUMNS + ") SELECT s.shipment_id, s.address_id, s.product_id, "
                + "COALESCE(r.state, '" + AddressStates.UNKNOWN + "'), "
                + "COALESCE(r.state_source, '" + AddressStates.Source.NOT_IMPORTED.label() + "'), "
                + "COALESCE(p.category, '" + NOT_IN_CATALOG + "'), "
                + "CASE WHEN p.product_id IS NULL THEN '" + NOT_IN_CATALOG + "' ELSE COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "') END, "
                + "s.package_type, " + Dialect.of(c).monthStart("s.order_date") + ", s.status, s.quantity, s.promised_days, s.delivered_days "
                + "FROM shipments s LEFT JOIN regional_address_states r ON r.address_id = s.address_id "
                + "LEFT JOIN products p ON p.product_id = s.product_id");
        String timed = "CASE WHEN promised_days IS NOT NULL AND delivered_days IS NOT NULL THEN 1 ELSE 0 END";
        String actual = "CASE WHEN promised_days IS NOT NULL AND delivered_days IS NOT NULL THEN delivered_days ELSE 0 END";
        String promised = "CASE WHEN promised_days IS NOT NULL AND delivered_days IS NOT NULL THEN promised_days ELSE 0 END";
        String late = "CASE WHEN promised_days IS NOT NULL AND delivered_days IS NOT NULL AND delivered_days > promised_days "
                + "THEN 1 ELSE 0 END";
        List<String> sums = List.of(
                "COUNT(*), SUM(quantity)",
                "COUNT(*), SUM(" + timed + "), SUM(" + actual + ")",
                "COUNT(*)",
                "COUNT(*)",
                "COUNT(*), SUM(" + timed + "), SUM(" + promised + "), SUM(" + actual + "), SUM(" + late + ")",
                "COUNT(*)");
        for (int i = 0; i < AGGREGATES.size(); i++) {
            Aggregate a = AGGREGATES.get(i);
            String keys = String.join(", ", a.keys());
            execute(c, "INSERT INTO " + a.table() + " (" + keys + ", " + String.join(", ", a.measures()) + ") SELECT " + keys + ", "
                    + sums.get(i) + " FROM regional_shipment_facts GROUP BY " + keys);
        }
    }

    /** Records and adds the selected shipments, taking out the old contribution of those already recorded. */
    private static void addShipments(Connection c, String source, boolean incremental, ProgressMonitor monitor) throws SQLException {
        Deltas deltas = new Deltas();
        String sql = "SELECT s.shipment_id, s.address_id, s.product_id, COALESCE(r.state, '" + AddressStates.UNKNOWN + "'), "
                + "COALESCE(r.state_source, '" + AddressStates.Source.NOT_IMPORTED.label() + "'), "
                + "COALESCE(p.category, '" + NOT_IN_CATALOG + "'), "
                + "CASE WHEN p.product_id IS NULL THEN '" + NOT_IN_CATALOG + "' ELSE COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "') END, "
                + "s.package_type, " + Dialect.of(c).monthStart("s.order_date") + ", s.status, s.quantity, s.promised_days, s.delivered_days, "
                + (incremental ? "f.shipment_id" : "NULL") + " "
                + "FROM " + source + " s LEFT JOIN regional_address_states r ON r.address_id = s.address_id "
                + "LEFT JOIN products p ON p.product_id = s.product_id "
                + (incremental ? "LEFT JOIN regional_shipment_facts f ON f.shipment_id = s.shipment_id " : "");
        List<String> updated = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql);
                PreparedStatement insert = c.prepareStatement("INSERT INTO regional_shipment_facts (" + FACT_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement merge = c.prepareStatement(Dialect.of(c).upsert("regional_shipment_facts",
                        List.of(FACT_COLUMNS.split(", ")), List.of("shipment_id")))) {
            int inserts = 0;
            int merges = 0;
            long done = 0;
            while (rs.next()) {
                Fact f = new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getInt(11),
                        (Integer) rs.getObject(12), (Integer) rs.getObject(13));
                boolean existed = rs.getString(14) != null;
                deltas.add(f, 1);
                if (existed) {
                    updated.add(f.shipmentId());
                    bind(merge, f);
                    merges = flushIfFull(merge, merges + 1);
                } else {
                    bind(insert, f);
                    inserts = flushIfFull(insert, inserts + 1);
                }
                if ((++done & 0x7FFF) == 0) {
                    monitor.checkCancelled();
                    monitor.update(done, -1, String.format("Summing %,d shipments by state, category, month and package", done));
                }
            }
            if (!updated.isEmpty()) {
                subtractOld(c, updated, deltas);
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (merges > 0) {
                merge.executeBatch();
            }
        }
        apply(c, deltas);
    }

    /** Subtracts the recorded (old) contribution of re-imported shipments, before their facts are overwritten. */
    private static void subtractOld(Connection c, List<String> shipmentIds, Deltas deltas) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FACT_COLUMNS + " FROM regional_shipment_facts WHERE shipment_id = ANY(?)")) {
            for (int from = 0; from < shipmentIds.size(); from += BATCH) {
                List<String> chunk = shipmentIds.subList(from, Math.min(shipmentIds.size(), from + BATCH));
                ps.setArray(1, c.createArrayOf("VARCHAR", chunk.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deltas.add(readFact(rs), -1);
                    }
                }
            }
        }
    }

    /**
     * Redoes the shipments of the addresses or products listed in regional_changed_keys with their
     * current state and category, then empties the list. The facts are scanned once (LEFT JOIN
     * keeps them outer) and each looked up in the list by key, since the facts carry no index on
     * address or product.
     */
    private static void redo(Connection c, String keyColumn, boolean byAddress) throws SQLException {
        Deltas deltas = new Deltas();
        String sql = "SELECT " + FACT_COLUMNS.replaceAll("(\\w+)", "f.$1") + ", r.state, r.state_source, p.category, p.subcategory, "
                + "p.product_id FROM regional_shipment_facts f LEFT JOIN regional_changed_keys q ON q.key_value = " + keyColumn + " "
                + "LEFT JOIN regional_address_states r ON r.address_id = f.address_id LEFT JOIN products p ON p.product_id = f.product_id "
                + "WHERE q.key_value IS NOT NULL";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql);
                PreparedStatement update = c.prepareStatement("UPDATE regional_shipment_facts SET state = ?, state_source = ?, "
                        + "category = ?, subcategory = ? WHERE shipment_id = ?")) {
            int pending = 0;
            while (rs.next()) {
                Fact old = readFact(rs);
                String state = rs.getString(14) == null ? AddressStates.UNKNOWN : rs.getString(14);
                String source = rs.getString(15) == null ? AddressStates.Source.NOT_IMPORTED.label() : rs.getString(15);
                boolean inCatalog = rs.getString(18) != null;
                String category = inCatalog ? rs.getString(16) : NOT_IN_CATALOG;
                String sub = inCatalog ? Objects.requireNonNullElse(rs.getString(17), NO_SUBCATEGORY) : NOT_IN_CATALOG;
                Fact now = old.with(state, source, category, sub);
                if (now.equals(old)) {
                    continue;
                }
                deltas.add(old, -1);
                deltas.add(now, 1);
                update.setString(1, state);
                update.setString(2, source);
                update.setString(3, category);
                update.setString(4, sub);
                update.setString(5, old.shipmentId());
                update.addBatch();
                pending = flushIfFull(update, pending + 1);
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        execute(c, "DELETE FROM regional_changed_keys");
        apply(c, deltas);
    }

    private static Fact readFact(ResultSet rs) throws SQLException {
        return new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getInt(11),
                (Integer) rs.getObject(12), (Integer) rs.getObject(13));
    }

    private static void bind(PreparedStatement ps, Fact f) throws SQLException {
        ps.setString(1, f.shipmentId());
        ps.setString(2, f.addressId());
        ps.setString(3, f.productId());
        ps.setString(4, f.state());
        ps.setString(5, f.stateSource());
        ps.setString(6, f.category());
        ps.setString(7, f.subcategory());
        ps.setString(8, f.packageType());
        ps.setDate(9, Date.valueOf(f.month()));
        ps.setString(10, f.status());
        ps.setInt(11, f.quantity());
        ps.setObject(12, f.promised());
        ps.setObject(13, f.delivered());
        ps.addBatch();
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
                    if (update.executeUpdate() == 0) {
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
