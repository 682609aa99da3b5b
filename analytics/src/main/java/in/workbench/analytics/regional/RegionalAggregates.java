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
 * <p>The aggregates always equal a GROUP BY over the shipments joined with their address's resolved
 * state ({@code regional_address_states}, kept here) and their product's category. An import reads
 * only the shipments whose contribution it changes, once, sums the old contributions out and the
 * new ones in (deltas summed in memory, then one update per changed aggregate row); no row is
 * written per shipment (docs/decisions/0012):
 * <ul>
 * <li>shipments: the rows the run replaced, as they were, go out; the run's rows come in;</li>
 * <li>addresses: the shipments of addresses whose resolved state changed (including shipments that
 * arrived before their address and sat in {@link AddressStates#UNKNOWN}) move, batch by batch,
 * before the new states are stored;</li>
 * <li>catalog: the shipments of products whose category or subcategory changed (including those
 * counted under {@link #NOT_IN_CATALOG}) move from the replaced product's values to the new ones.</li>
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
    record Fact(String addressId, String productId, String state, String stateSource, String category, String subcategory,
            String packageType, LocalDate month, String status, int quantity, Integer promised, Integer delivered) {

        boolean timed() {
            return promised != null && delivered != null;
        }

        Fact with(String newState, String newSource, String newCategory, String newSubcategory) {
            return new Fact(addressId, productId, newState, newSource, newCategory, newSubcategory, packageType, month, status,
                    quantity, promised, delivered);
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
        // Told neither the run's rows nor the rows it replaced, the old contributions are unknown: sum everything again.
        rebuild(c, ProgressMonitor.NONE);
    }

    @Override
    public void afterImport(Connection c, DataTable table, long runId, String runRows) throws SQLException {
        afterImport(c, table, runId, runRows, null);
    }

    /**
     * Moves the aggregates by what the run changed: the replaced rows' old contributions out, the
     * run's rows in, reading only those rows (and, for addresses and products, the shipments they
     * touch), so the work scales with the rows imported rather than with the workspace.
     */
    @Override
    public void afterImport(Connection c, DataTable table, long runId, String runRows, String replacedRows) throws SQLException {
        if (!isBuilt(c)) {
            rebuild(c, ProgressMonitor.NONE);
            return;
        }
        switch (table) {
            case SHIPMENTS -> {
                Deltas deltas = new Deltas();
                if (replacedRows != null) {
                    readShipments(c, replacedRows + " s", "", f -> deltas.add(f, -1));
                }
                readShipments(c, runRows + " s", "", f -> deltas.add(f, 1));
                apply(c, deltas);
            }
            case ADDRESSES -> resolveAddresses(c, runRows, true, ProgressMonitor.NONE);
            case PRODUCTS -> moveChangedProducts(c, runRows, replacedRows);
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
        execute(c, "DELETE FROM regional_address_states");
        for (Aggregate a : AGGREGATES) {
            execute(c, "DELETE FROM " + a.table());
        }
        resolveAddresses(c, "addresses", false, monitor);
        monitor.checkCancelled();
        monitor.update(-1, -1, "Summing the shipments by state, category, month and package");
        Deltas deltas = new Deltas();
        readShipments(c, "shipments s", "", f -> deltas.add(f, 1));
        apply(c, deltas);
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).upsert("workspace_settings",
                List.of("setting_key", "setting_value", "updated_at"), List.of("setting_key")))) {
            ps.setString(1, BUILT_SETTING);
            ps.setString(2, VERSION);
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** A changed address state, with the one it replaces (null when the address had none). */
    private record StateChange(String addressId, String state, String source, String writtenState) {
    }

    /**
     * Resolves the state of the selected addresses and stores those that changed. When
     * {@code incremental}, the shipments of each batch of changed addresses move from the old state
     * to the new one in the aggregates before the new states are stored.
     */
    private void resolveAddresses(Connection c, String source, boolean incremental, ProgressMonitor monitor) throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + source + " a")) {
            rs.next();
            total = rs.getLong(1);
        }
        boolean moveShipments = incremental && hasRows(c, "shipments");
        Deltas deltas = new Deltas();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.address_id, a.address_text, a.city, a.state, a.pincode, r.state, r.state_source "
                        + "FROM " + source + " a LEFT JOIN regional_address_states r ON r.address_id = a.address_id");
                PreparedStatement merge = c.prepareStatement(Dialect.of(c).upsert("regional_address_states",
                        List.of("address_id", "state", "state_source", "written_state"), List.of("address_id")))) {
            long done = 0;
            List<StateChange> batch = new ArrayList<>();
            while (rs.next()) {
                AddressStates.Resolution r = states().resolve(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                if ((++done & 0x1FFF) == 0) {
                    monitor.checkCancelled();
                    monitor.update(done, total, String.format("Finding the state of %,d of %,d addresses", done, total));
                }
                if (r.state().equals(rs.getString(6)) && r.source().label().equals(rs.getString(7))) {
                    continue;
                }
                batch.add(new StateChange(rs.getString(1), r.state(), r.source().label(), rs.getString(4)));
                if (batch.size() == BATCH) {
                    storeStates(c, merge, batch, moveShipments, deltas);
                    batch.clear();
                }
            }
            storeStates(c, merge, batch, moveShipments, deltas);
        }
        apply(c, deltas);
    }

    /** Moves the shipments of a batch of changed addresses to their new state, then stores the states. */
    private static void storeStates(Connection c, PreparedStatement merge, List<StateChange> batch, boolean moveShipments,
            Deltas deltas) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        if (moveShipments) {
            Map<String, StateChange> byAddress = new HashMap<>();
            try (PreparedStatement mark = c.prepareStatement("INSERT INTO regional_changed_keys (key_value) VALUES (?)")) {
                for (StateChange change : batch) {
                    byAddress.put(change.addressId(), change);
                    mark.setString(1, change.addressId());
                    mark.addBatch();
                }
                mark.executeBatch();
            }
            // the shipments index on address_id finds each changed address's shipments
            readShipments(c, "regional_changed_keys q JOIN shipments s ON s.address_id = q.key_value", "", f -> {
                StateChange now = byAddress.get(f.addressId());
                deltas.add(f, -1);
                deltas.add(f.with(now.state(), now.source(), f.category(), f.subcategory()), 1);
            });
            execute(c, "DELETE FROM regional_changed_keys");
        }
        for (StateChange change : batch) {
            merge.setString(1, change.addressId());
            merge.setString(2, change.state());
            merge.setString(3, change.source());
            merge.setString(4, change.writtenState());
            merge.addBatch();
        }
        merge.executeBatch();
    }

    /**
     * Moves the shipments of products whose category or subcategory the run changed (a product new
     * to the catalog was counted under {@link #NOT_IN_CATALOG}) from the old values to the new.
     */
    private static void moveChangedProducts(Connection c, String runRows, String replacedRows) throws SQLException {
        if (!hasRows(c, "shipments")) {
            return;
        }
        Map<String, String[]> oldCategory = new HashMap<>();
        String old = replacedRows == null
                ? "NULL, NULL, NULL FROM " + runRows + " p"
                : "o.product_id, o.category, o.subcategory FROM " + runRows + " p LEFT JOIN " + replacedRows
                        + " o ON o.product_id = p.product_id";
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT p.product_id, p.category, p.subcategory, " + old);
                PreparedStatement mark = c.prepareStatement("INSERT INTO regional_changed_keys (key_value) VALUES (?)")) {
            int pending = 0;
            while (rs.next()) {
                boolean existed = rs.getString(4) != null;
                String category = existed ? rs.getString(5) : NOT_IN_CATALOG;
                String sub = existed ? Objects.requireNonNullElse(rs.getString(6), NO_SUBCATEGORY) : NOT_IN_CATALOG;
                if (category.equals(rs.getString(2)) && sub.equals(Objects.requireNonNullElse(rs.getString(3), NO_SUBCATEGORY))) {
                    continue;
                }
                oldCategory.put(rs.getString(1), new String[] {category, sub});
                mark.setString(1, rs.getString(1));
                mark.addBatch();
                pending = flushIfFull(mark, pending + 1);
            }
            if (pending > 0) {
                mark.executeBatch();
            }
        }
        if (oldCategory.isEmpty()) {
            return;
        }
        Deltas deltas = new Deltas();
        // LEFT JOIN keeps the shipments as the outer (scanned) table: each is looked up in the short list by key.
        readShipments(c, "shipments s LEFT JOIN regional_changed_keys q ON q.key_value = s.product_id", "WHERE q.key_value IS NOT NULL",
                f -> {
                    String[] was = oldCategory.get(f.productId());
                    deltas.add(f.with(f.state(), f.stateSource(), was[0], was[1]), -1);
                    deltas.add(f, 1);
                });
        execute(c, "DELETE FROM regional_changed_keys");
        apply(c, deltas);
    }

    /**
     * Streams the shipments of {@code from} (which names them {@code s}) with the state and category
     * they are counted under now.
     */
    private static void readShipments(Connection c, String from, String where, java.util.function.Consumer<Fact> sink)
            throws SQLException {
        String sql = "SELECT s.address_id, s.product_id, COALESCE(r.state, '" + AddressStates.UNKNOWN + "'), "
                + "COALESCE(r.state_source, '" + AddressStates.Source.NOT_IMPORTED.label() + "'), "
                + "COALESCE(p.category, '" + NOT_IN_CATALOG + "'), "
                + "CASE WHEN p.product_id IS NULL THEN '" + NOT_IN_CATALOG + "' ELSE COALESCE(p.subcategory, '" + NO_SUBCATEGORY + "') END, "
                + "s.package_type, " + Dialect.of(c).monthStart("s.order_date") + ", s.status, s.quantity, s.promised_days, s.delivered_days "
                + "FROM " + from + " LEFT JOIN regional_address_states r ON r.address_id = s.address_id "
                + "LEFT JOIN products p ON p.product_id = s.product_id " + where;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    int promised = rs.getInt(11);
                    Integer promisedDays = rs.wasNull() ? null : promised;
                    int delivered = rs.getInt(12);
                    Integer deliveredDays = rs.wasNull() ? null : delivered;
                    sink.accept(new Fact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getInt(10),
                            promisedDays, deliveredDays));
                }
            }
        }
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
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
