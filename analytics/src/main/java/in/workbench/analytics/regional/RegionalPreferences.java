package in.workbench.analytics.regional;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.workspace.Workspace;
import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What sells where: each state's share of orders per subcategory, and its lift over the national
 * share, shrunk toward the national share so that a state with a handful of orders does not top
 * a list by chance.
 *
 * <p>Shrinkage is empirical Bayes with a beta prior per subcategory: its mean is the national
 * share p, its strength m (in pseudo-orders) is estimated from how much the states' shares vary
 * beyond what their order counts explain (method of moments on the beta-binomial; m at least
 * {@link #MIN_PRIOR_ORDERS}). A state with N orders, n of them in the subcategory, gets the
 * posterior share (n + m·p) / (N + m); lift is that over p. The 90 % interval is the posterior's
 * (normal approximation). Orders whose product is not in the catalog are left out of every share;
 * orders in the {@link AddressStates#UNKNOWN} state count nationally but are not a state.
 *
 * <p>Read from the aggregates (a few hundred rows), never from the shipments. Immutable once
 * loaded and thread-safe.
 */
public final class RegionalPreferences {

    /** The least prior strength, in orders: below this a small state's lift would be noise. */
    public static final double MIN_PRIOR_ORDERS = 20;
    private static final double MAX_PRIOR_ORDERS = 100_000;
    private static final double Z90 = 1.645;

    /**
     * One state's preference for one subcategory.
     *
     * @param state the state
     * @param category the top-level category
     * @param subcategory the subcategory
     * @param orders the state's orders of it
     * @param stateOrders the state's orders of everything
     * @param share orders / stateOrders, as observed
     * @param nationalShare the subcategory's share of all orders
     * @param lift the shrunk share over the national share (1 = as nationally)
     * @param liftLow lower end of the 90 % interval of the lift
     * @param liftHigh upper end of the 90 % interval of the lift
     * @param priorOrders the prior's strength m used for this subcategory
     */
    public record Lift(String state, String category, String subcategory, long orders, long stateOrders, double share,
            double nationalShare, double lift, double liftLow, double liftHigh, double priorOrders) {

        /** The observed share over the national share, without shrinkage. */
        public double rawLift() {
            return nationalShare == 0 ? 0 : share / nationalShare;
        }

        /** True when the whole 90 % interval lies above 1: the state clearly over-indexes. */
        public boolean overIndexes() {
            return liftLow > 1;
        }
    }

    /**
     * A product's orders in a state.
     *
     * @param productId the product
     * @param title its title, or null when not in the catalog
     * @param subcategory its subcategory
     * @param orders its orders in the state
     * @param share of the state's orders
     */
    public record ProductOrders(String productId, String title, String subcategory, long orders, double share) {
    }

    private final Map<String, Map<String, Lift>> byState;
    private final Map<String, Long> stateOrders;
    private final Map<String, String> categoryOf;
    private final long unknownStateOrders;
    private final long notInCatalogOrders;
    private final Map<String, Long> ordersBySource;
    private final Workspace workspace;

    private RegionalPreferences(Workspace workspace, Map<String, Map<String, Lift>> byState, Map<String, Long> stateOrders,
            Map<String, String> categoryOf, long unknownStateOrders, long notInCatalogOrders, Map<String, Long> ordersBySource) {
        this.workspace = workspace;
        this.byState = byState;
        this.stateOrders = stateOrders;
        this.categoryOf = categoryOf;
        this.unknownStateOrders = unknownStateOrders;
        this.notInCatalogOrders = notInCatalogOrders;
        this.ordersBySource = ordersBySource;
    }

    /** Reads the aggregates of a workspace (built by {@link RegionalAggregates}). */
    public static RegionalPreferences load(Workspace workspace) {
        RegionalStore.Orders orders = RegionalStore.orders(workspace);
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, String> categoryOf = new TreeMap<>();
        Map<String, Long> national = new HashMap<>();
        long notInCatalog = 0;
        long total = 0;
        for (RegionalStore.SubcategoryOrders row : orders.subcategories()) {
            String state = row.state();
            String category = row.category();
            String sub = row.subcategory();
            long n = row.orders();
            if (RegionalAggregates.NOT_IN_CATALOG.equals(category)) {
                notInCatalog += n;
                continue;
            }
            categoryOf.put(sub, category);
            counts.computeIfAbsent(state, k -> new HashMap<>()).merge(sub, n, Long::sum);
            national.merge(sub, n, Long::sum);
            total += n;
        }
        Map<String, Long> bySource = orders.shipmentsBySource();
        Map<String, Long> stateTotals = new TreeMap<>();
        counts.forEach((state, m) -> stateTotals.put(state, m.values().stream().mapToLong(Long::longValue).sum()));
        long unknown = stateTotals.getOrDefault(AddressStates.UNKNOWN, 0L);
        Map<String, Map<String, Lift>> byState = new TreeMap<>();
        for (Map.Entry<String, Long> sub : national.entrySet()) {
            double p = sub.getValue() / (double) total;
            double m = priorStrength(sub.getKey(), p, counts, stateTotals);
            for (Map.Entry<String, Long> st : stateTotals.entrySet()) {
                if (st.getKey().equals(AddressStates.UNKNOWN)) {
                    continue;
                }
                long n = counts.get(st.getKey()).getOrDefault(sub.getKey(), 0L);
                long bigN = st.getValue();
                double a = n + m * p;
                double b = bigN - n + m * (1 - p);
                double mean = a / (a + b);
                double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
                byState.computeIfAbsent(st.getKey(), k -> new LinkedHashMap<>()).put(sub.getKey(), new Lift(st.getKey(),
                        categoryOf.get(sub.getKey()), sub.getKey(), n, bigN, bigN == 0 ? 0 : n / (double) bigN, p, mean / p,
                        Math.max(0, mean - Z90 * sd) / p, Math.min(1, mean + Z90 * sd) / p, m));
            }
        }
        return new RegionalPreferences(workspace, byState, stateTotals, categoryOf, unknown, notInCatalog, bySource);
    }

    /** Beta-binomial method of moments: the prior strength m for one subcategory. */
    private static double priorStrength(String sub, double p, Map<String, Map<String, Long>> counts, Map<String, Long> totals) {
        double sumN = 0;
        double sumN2 = 0;
        double weighted = 0;
        int states = 0;
        for (Map.Entry<String, Long> st : totals.entrySet()) {
            if (st.getKey().equals(AddressStates.UNKNOWN) || st.getValue() == 0) {
                continue;
            }
            double bigN = st.getValue();
            double x = counts.get(st.getKey()).getOrDefault(sub, 0L) / bigN;
            weighted += bigN * (x - p) * (x - p);
            sumN += bigN;
            sumN2 += bigN * bigN;
            states++;
        }
        if (states < 2 || p <= 0 || p >= 1) {
            return MIN_PRIOR_ORDERS;
        }
        double tau2 = (weighted - (states - 1) * p * (1 - p)) / (sumN - sumN2 / sumN);
        if (tau2 <= 0) {
            return MAX_PRIOR_ORDERS;
        }
        double m = p * (1 - p) / tau2 - 1;
        return Math.max(MIN_PRIOR_ORDERS, Math.min(MAX_PRIOR_ORDERS, m));
    }

    /** Every state with orders (not Unknown), by name. */
    public List<String> states() {
        return List.copyOf(byState.keySet());
    }

    /** Every subcategory with orders, by name. */
    public List<String> subcategories() {
        return List.copyOf(new TreeSet<>(categoryOf.keySet()));
    }

    /** The category of a subcategory, or null. */
    public String categoryOf(String subcategory) {
        return categoryOf.get(subcategory);
    }

    /** States and union territories with no orders at all (shown as "no orders", never guessed). */
    public List<String> statesWithoutOrders() {
        List<String> out = new ArrayList<>();
        for (IndianState s : IndianState.values()) {
            if (!byState.containsKey(s.displayName())) {
                out.add(s.displayName());
            }
        }
        return out;
    }

    /** A state's orders of everything (0 when it has none). */
    public long ordersOf(String state) {
        return stateOrders.getOrDefault(state, 0L);
    }

    /** Orders counted in the Unknown state: their address names no state and has no known pincode, or is not imported. */
    public long unknownStateOrders() {
        return unknownStateOrders;
    }

    /** Orders whose product is not in the catalog (left out of every share). */
    public long notInCatalogOrders() {
        return notInCatalogOrders;
    }

    /** Shipments by how their state was found (state column, spelling corrected, pincode, …). */
    public Map<String, Long> ordersByStateSource() {
        return ordersBySource;
    }

    /** Every lift, state by state, each state's subcategories by lift, highest first. */
    public List<Lift> all() {
        List<Lift> out = new ArrayList<>();
        for (String state : byState.keySet()) {
            out.addAll(topSubcategories(state, Integer.MAX_VALUE));
        }
        return out;
    }

    /** A state's subcategories by shrunk lift, highest first (ties: more orders first); empty for a state without orders. */
    public List<Lift> topSubcategories(String state, int limit) {
        return byState.getOrDefault(state, Map.of()).values().stream()
                .sorted(Comparator.comparingDouble(Lift::lift).reversed().thenComparing(Comparator.comparingLong(Lift::orders).reversed()))
                .limit(limit).toList();
    }

    /** One state's lift for one subcategory, or null when the state has no orders. */
    public Lift lift(String state, String subcategory) {
        return byState.getOrDefault(state, Map.of()).get(subcategory);
    }

    /** The shrunk lift of a subcategory in every state with orders, for the map. */
    public Map<String, Double> liftByState(String subcategory) {
        Map<String, Double> out = new TreeMap<>();
        byState.forEach((state, m) -> {
            Lift l = m.get(subcategory);
            if (l != null) {
                out.put(state, l.lift());
            }
        });
        return out;
    }

    /** The states where a subcategory clearly over-indexes (90 % interval above 1), highest lift first. */
    public List<Lift> overIndexingStates(String subcategory) {
        return byState.values().stream().map(m -> m.get(subcategory)).filter(l -> l != null && l.overIndexes())
                .sorted(Comparator.comparingDouble(Lift::lift).reversed()).toList();
    }

    /** A state's most ordered products (from the state × product aggregate). */
    public List<ProductOrders> topProducts(String state, int limit) {
        List<ProductOrders> out = new ArrayList<>();
        long total = ordersOf(state);
        for (RegionalStore.ProductRow row : RegionalStore.topProducts(workspace, state, limit)) {
            out.add(new ProductOrders(row.productId(), row.title(), row.subcategory(), row.orders(),
                    total == 0 ? 0 : row.orders() / (double) total));
        }
        return out;
    }

    /** The report's columns: the command-line contract's six, then the national share and the 90 % interval. */
    public static final List<String> REPORT_COLUMNS = List.of("state", "category", "subcategory", "orders", "share", "lift",
            "national_share", "lift_low", "lift_high", "state_orders");

    /**
     * Writes {@code report regional-lift}: one row per state with orders and subcategory, each
     * state's subcategories by shrunk lift, highest first; share is the observed share of the
     * state's orders, lift the shrunk one. Returns the rows written.
     */
    public long writeReport(Path file) {
        long rows = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(w)) {
            csv.writeNext(REPORT_COLUMNS.toArray(String[]::new), false);
            for (Lift l : all()) {
                csv.writeNext(new String[] {l.state(), CsvExporter.spreadsheetSafe(l.category()), CsvExporter.spreadsheetSafe(l.subcategory()), Long.toString(l.orders()), number(l.share()),
                    number(l.lift()), number(l.nationalShare()), number(l.liftLow()), number(l.liftHigh()),
                    Long.toString(l.stateOrders())}, false);
                rows++;
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Cannot write " + file + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** One sentence on the Unknown bucket and how states were found, for the screens and the report. */
    public String unknownExplanation() {
        long all = ordersBySource.values().stream().mapToLong(Long::longValue).sum();
        if (all == 0) {
            return "No shipments yet.";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("States of %,d shipments: ", all));
        List<String> parts = new ArrayList<>();
        ordersBySource.forEach((source, n) -> parts.add(String.format("%s %,d", source, n)));
        sb.append(String.join(", ", parts)).append('.');
        if (unknownStateOrders > 0) {
            sb.append(String.format(" %,d orders are in the Unknown bucket (no state written, no known pincode, or the address is"
                    + " not imported yet); they count nationally but in no state.", unknownStateOrders));
        }
        if (notInCatalogOrders > 0) {
            sb.append(String.format(" %,d orders of products not in the catalog are left out of the shares until the catalog is imported.",
                    notInCatalogOrders));
        }
        return sb.toString();
    }
}
