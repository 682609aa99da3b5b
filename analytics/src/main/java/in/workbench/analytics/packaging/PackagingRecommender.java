package in.workbench.analytics.packaging;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses a package per product: the one minimising package cost + estimated shipping cost +
 * λ × p(damage) × damage cost, where damage cost = the product's price + a return handling cost.
 * λ = 1 is the plain expected-cost optimum; a larger λ buys less damage with more expensive
 * packages. {@link #forBudget} finds by bisection the smallest λ whose expected damaged
 * shipments stay within a budget (expected damage never rises as λ grows).
 *
 * <p>Totals are over the workspace's history: each product weighs by its shipments that reached
 * customers in ladder packages; the current policy is the packages those shipments actually used.
 * Products without shipments get a recommendation but weigh nothing in the totals.
 * Immutable after construction and thread-safe.
 */
public final class PackagingRecommender {

    /** The default return handling cost per damaged shipment, ₹ (added to the product's price). */
    public static final double DEFAULT_RETURN_HANDLING_INR = 150;

    private final PackageLadder ladder;
    private final List<ProductRow> products;
    private final double[][] damage;
    private final double[][] cost;
    private final double[] damageCost;
    private final long[][] shipments;
    private final long[] volume;
    private final int[] current;
    private final long actualDamaged;
    private final double returnHandlingInr;
    private final ShippingCost shipping;
    private final List<String> notes;

    /**
     * @param damage p(damage) per product (same order as {@code products}) and ladder package
     * @param usage the grouped shipment outcomes
     */
    public PackagingRecommender(PackageLadder ladder, List<ProductRow> products, double[][] damage, List<Usage> usage, ShippingCost shipping,
            double returnHandlingInr) {
        if (returnHandlingInr < 0) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The return handling cost cannot be negative.");
        }
        this.ladder = ladder;
        this.products = List.copyOf(products);
        this.damage = damage;
        this.shipping = shipping;
        this.returnHandlingInr = returnHandlingInr;
        int n = products.size();
        int k = ladder.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(products.get(i).id(), i);
        }
        shipments = new long[n][k];
        volume = new long[n];
        long[] units = new long[n];
        long damaged = 0;
        for (Usage u : usage) {
            Integer i = index.get(u.productId());
            int j = ladder.indexOf(u.packageType());
            if (i == null || j < 0) {
                continue;
            }
            shipments[i][j] += u.reached();
            volume[i] += u.reached();
            units[i] += u.units();
            damaged += u.damaged();
        }
        actualDamaged = damaged;
        double meanWeight = products.stream().filter(p -> p.weightG() != null && p.weightG() > 0).mapToInt(ProductRow::weightG).average()
                .orElse(500);
        cost = new double[n][k];
        damageCost = new double[n];
        current = new int[n];
        for (int i = 0; i < n; i++) {
            ProductRow p = products.get(i);
            double quantity = volume[i] == 0 || units[i] == 0 ? 1 : units[i] / (double) volume[i];
            double grams = (p.weightG() == null || p.weightG() <= 0 ? meanWeight : p.weightG()) * quantity;
            for (int j = 0; j < k; j++) {
                cost[i][j] = ladder.packages().get(j).unitCostInr() + shipping.cost(j, grams);
            }
            damageCost[i] = p.priceInr() + returnHandlingInr;
            int best = -1;
            for (int j = 0; j < k; j++) {
                if (shipments[i][j] > 0 && (best < 0 || shipments[i][j] > shipments[i][best])) {
                    best = j;
                }
            }
            current[i] = best;
        }
        List<String> ns = new ArrayList<>(shipping.notes());
        long without = java.util.Arrays.stream(volume).filter(v -> v == 0).count();
        if (without > 0) {
            ns.add(String.format("%,d products have no shipments in ladder packages: they get a recommendation but no current package, "
                    + "and weigh nothing in the totals.", without));
        }
        this.notes = List.copyOf(ns);
    }

    /** One product's choice. Per-shipment costs in ₹; NaN where the product has no current package. */
    public record Choice(String productId, String category, String subcategory, String currentPackage, String recommendedPackage,
            double pDamageCurrent, double pDamageRecommended, double shipCostDeltaInr, long shipments, double costCurrentInr,
            double costRecommendedInr, double damageCostInr) {
    }

    /**
     * Totals of an assignment over the history's shipments.
     *
     * @param expectedDamaged expected damaged shipments
     * @param packagingAndShippingInr package + shipping cost
     * @param damageCostInr expected damage cost (price + return handling per damaged shipment)
     */
    public record Totals(double expectedDamaged, double packagingAndShippingInr, double damageCostInr) {

        public double totalInr() {
            return packagingAndShippingInr + damageCostInr;
        }
    }

    /**
     * A recommendation at one λ.
     *
     * @param budget the damage budget it was searched for, or NaN when λ was set directly
     * @param budgetMet false when even the sturdiest packages cannot meet the budget
     */
    public record Plan(double lambda, double budget, boolean budgetMet, List<Choice> choices, int[] assignment, Totals recommended,
            Totals current, long actualDamaged, List<String> notes) {

        /** Products whose recommended package differs from the current one. */
        public long changed() {
            return choices.stream().filter(c -> c.currentPackage() != null && !c.currentPackage().equals(c.recommendedPackage())).count();
        }
    }

    /** One point of the trade-off curve. */
    public record CurvePoint(double lambda, double expectedDamaged, double packagingAndShippingInr) {
    }

    public PackageLadder ladder() {
        return ladder;
    }

    /** Damaged shipments in the history (ladder packages, catalog products): the default budget. */
    public long actualDamaged() {
        return actualDamaged;
    }

    public List<String> notes() {
        return notes;
    }

    /** The package index chosen per product at λ. */
    public int[] assign(double lambda) {
        int[] a = new int[products.size()];
        for (int i = 0; i < a.length; i++) {
            int best = 0;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int j = 0; j < ladder.size(); j++) {
                double v = cost[i][j] + lambda * damage[i][j] * damageCost[i];
                if (v < bestValue - 1e-12) {
                    bestValue = v;
                    best = j;
                }
            }
            a[i] = best;
        }
        return a;
    }

    /** Totals of an assignment under damage probabilities {@code p} (the model's, or any other such as the truth). */
    public Totals totals(int[] assignment, double[][] p) {
        double d = 0;
        double c = 0;
        double dc = 0;
        for (int i = 0; i < assignment.length; i++) {
            int j = assignment[i];
            d += volume[i] * p[i][j];
            c += volume[i] * cost[i][j];
            dc += volume[i] * p[i][j] * damageCost[i];
        }
        return new Totals(d, c, dc);
    }

    /** Totals of the history's own packages under damage probabilities {@code p}. */
    public Totals currentTotals(double[][] p) {
        double d = 0;
        double c = 0;
        double dc = 0;
        for (int i = 0; i < products.size(); i++) {
            for (int j = 0; j < ladder.size(); j++) {
                long n = shipments[i][j];
                d += n * p[i][j];
                c += n * cost[i][j];
                dc += n * p[i][j] * damageCost[i];
            }
        }
        return new Totals(d, c, dc);
    }

    /** The recommendation at a given λ ≥ 0. */
    public Plan atLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "λ must be a number of at least 0.");
        }
        return plan(lambda, Double.NaN, true);
    }

    /** The recommendation with the smallest λ whose expected damaged shipments stay within {@code budget}. */
    public Plan forBudget(double budget) {
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The damage budget must be a number of damaged shipments of at least 0.");
        }
        if (expected(0) <= budget) {
            return plan(0, budget, true);
        }
        double hi = 1;
        while (expected(hi) > budget && hi < 1e9) {
            hi *= 2;
        }
        if (expected(hi) > budget) {
            return plan(hi, budget, false);
        }
        double lo = 0;
        for (int it = 0; it < 80 && hi - lo > 1e-9 * hi; it++) {
            double mid = (lo + hi) / 2;
            if (expected(mid) > budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return plan(hi, budget, true);
    }

    private double expected(double lambda) {
        return totals(assign(lambda), damage).expectedDamaged();
    }

    /** The trade-off curve: expected damage and packaging + shipping cost for λ from 0 to {@code maxLambda}, log-spaced. */
    public List<CurvePoint> curve(int points, double maxLambda) {
        List<CurvePoint> out = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double lambda = i == 0 ? 0 : Math.pow(10, -2 + (Math.log10(maxLambda) + 2) * i / (double) (points - 1));
            Totals t = totals(assign(lambda), damage);
            out.add(new CurvePoint(lambda, t.expectedDamaged(), t.packagingAndShippingInr()));
        }
        return out;
    }

    private Plan plan(double lambda, double budget, boolean met) {
        int[] a = assign(lambda);
        List<Choice> choices = new ArrayList<>(products.size());
        for (int i = 0; i < products.size(); i++) {
            ProductRow p = products.get(i);
            int cur = current[i];
            int rec = a[i];
            choices.add(new Choice(p.id(), p.category(), p.subcategory(), cur < 0 ? null : ladder.packages().get(cur).name(),
                    ladder.packages().get(rec).name(), cur < 0 ? Double.NaN : damage[i][cur], damage[i][rec],
                    cur < 0 ? Double.NaN : cost[i][rec] - cost[i][cur], volume[i], cur < 0 ? Double.NaN : cost[i][cur], cost[i][rec],
                    damageCost[i]));
        }
        List<String> ns = new ArrayList<>(notes);
        if (!met) {
            ns.add(String.format(Locale.ROOT, "The damage budget of %.1f damaged shipments cannot be met even in the sturdiest packages; the "
                    + "closest is %.1f.", budget, expected(lambda)));
        }
        return new Plan(lambda, budget, met, choices, a, totals(a, damage), currentTotals(damage), actualDamaged, List.copyOf(ns));
    }

    /** Writes the CSV {@code product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr}. */
    public static void writeCsv(Plan plan, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(new String[] {"product_id", "current_package", "recommended_package", "p_damage_current", "p_damage_recommended",
                "ship_cost_delta_inr"}, false);
            for (Choice c : plan.choices()) {
                out.writeNext(new String[] {c.productId(), c.currentPackage() == null ? "" : c.currentPackage(), c.recommendedPackage(),
                    Double.isNaN(c.pDamageCurrent()) ? "" : String.format(Locale.ROOT, "%.6f", c.pDamageCurrent()),
                    String.format(Locale.ROOT, "%.6f", c.pDamageRecommended()),
                    Double.isNaN(c.shipCostDeltaInr()) ? "" : String.format(Locale.ROOT, "%.2f", c.shipCostDeltaInr())}, false);
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
