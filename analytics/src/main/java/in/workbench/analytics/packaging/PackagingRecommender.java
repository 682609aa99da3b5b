package in.workbench.analytics.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.export.CsvExporter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses a package per product for a named {@link PackagingObjective}: by default the least
 * expected damage whose total cost (packaging + shipping + damage handling, where damage handling
 * = the product's price + a return handling cost per damaged shipment) is no more than the current
 * policy's. Budgeted objectives are solved as a multiple-choice knapsack ({@link PlanSolver}: the
 * LP relaxation's greedy, then a fill of the budget left), and the plan reports its gap to the LP
 * bound. The damage probabilities the plan is chosen with are the model's, guarded against the
 * optimiser's curse as {@link PlanCaution} says; every total a plan reports uses those same
 * probabilities ("as the model sees it").
 *
 * <p>Totals are over the workspace's history: each product weighs by its shipments that reached
 * customers in ladder packages; the current policy is the packages those shipments actually used.
 * Products without shipments get a recommendation (at the plan's marginal trade-off) but weigh
 * nothing in the totals. Immutable after construction and thread-safe.
 */
public final class PackagingRecommender {

    /** The default return handling cost per damaged shipment, ₹ (added to the product's price). */
    public static final double DEFAULT_RETURN_HANDLING_INR = 150;

    private final PackageLadder ladder;
    private final List<ProductRow> products;
    private final double[][] modelDamage;
    private final double[][] damage;
    private final boolean[][] allowed;
    private final double[][] cost;
    private final double[] damageCost;
    private final long[][] shipments;
    private final long[] volume;
    private final int[] current;
    private final long actualDamaged;
    private final PlanCaution caution;
    private final double shrinkStrength;
    private final List<String> notes;

    /** A recommender with the default guard against the optimiser's curse ({@link PlanCaution#defaults()}). */
    public PackagingRecommender(PackageLadder ladder, List<ProductRow> products, double[][] damage, List<Usage> usage, ShippingCost shipping,
            double returnHandlingInr) {
        this(ladder, products, damage, usage, shipping, returnHandlingInr, PlanCaution.defaults());
    }

    /**
     * @param damage p(damage) per product (same order as {@code products}) and ladder package, by the model (or, in an
     *     evaluation, by the truth)
     * @param usage the grouped shipment outcomes
     * @param caution the guard against the optimiser's curse
     */
    public PackagingRecommender(PackageLadder ladder, List<ProductRow> products, double[][] damage, List<Usage> usage, ShippingCost shipping,
            double returnHandlingInr, PlanCaution caution) {
        if (!(returnHandlingInr >= 0)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The return handling cost cannot be negative.");
        }
        this.ladder = ladder;
        this.products = List.copyOf(products);
        this.modelDamage = damage;
        this.caution = caution;
        int n = products.size();
        int k = ladder.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(products.get(i).id(), i);
        }
        shipments = new long[n][k];
        long[][] damagedIn = new long[n][k];
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
            damagedIn[i][j] += u.damaged();
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
        allowed = new boolean[n][k];
        for (int i = 0; i < n; i++) {
            ProductRow p = products.get(i);
            double quantity = volume[i] == 0 || units[i] == 0 ? 1 : units[i] / (double) volume[i];
            double grams = (p.weightG() == null || p.weightG() <= 0 ? meanWeight : p.weightG()) * quantity;
            for (int j = 0; j < k; j++) {
                cost[i][j] = ladder.packages().get(j).unitCostInr() + shipping.cost(j, grams);
            }
            damageCost[i] = p.priceInr() + returnHandlingInr;
            int best = -1;
            int lowestRung = Integer.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                if (shipments[i][j] > 0) {
                    lowestRung = Math.min(lowestRung, ladder.packages().get(j).rung());
                    if (best < 0 || shipments[i][j] > shipments[i][best]) {
                        best = j;
                    }
                }
            }
            current[i] = best;
            for (int j = 0; j < k; j++) {
                allowed[i][j] = best < 0 || caution.stepsBelowEvidence() == Integer.MAX_VALUE
                        || ladder.packages().get(j).rung() >= lowestRung - caution.stepsBelowEvidence();
            }
        }
        if (caution.shrinkToObserved()) {
            shrinkStrength = shrinkStrength(damage, shipments, damagedIn);
            this.damage = shrunk(damage, shipments, damagedIn, shrinkStrength);
        } else {
            shrinkStrength = Double.NaN;
            this.damage = damage;
        }
        List<String> ns = new ArrayList<>(shipping.notes());
        long without = Arrays.stream(volume).filter(v -> v == 0).count();
        if (without > 0) {
            ns.add(String.format("%,d products have no shipments in ladder packages: they get a recommendation but no current package, "
                    + "and weigh nothing in the totals.", without));
        }
        this.notes = List.copyOf(ns);
    }

    /**
     * The prior strength α of the empirical-Bayes shrinkage: each product's damage odds are scaled by
     * r ~ Gamma(α, α) (mean 1), so its damaged count has variance E + E²/α around the model's
     * expectation E. Method of moments over all products; infinite (no adjustment) when the counts
     * spread no more than chance alone explains.
     */
    static double shrinkStrength(double[][] p, long[][] n, long[][] d) {
        double excess = 0;
        double squares = 0;
        for (int i = 0; i < p.length; i++) {
            DamageCounts c = DamageCounts.of(p[i], n[i], d[i]);
            double e = c.expected();
            if (e > 0) {
                excess += (c.observed() - e) * (c.observed() - e) - e;
                squares += e * e;
            }
        }
        return excess <= 0 || squares == 0 ? Double.POSITIVE_INFINITY : Math.max(1, squares / excess);
    }

    /** One product's damaged shipments over its packages: as the model expects them (Σ shipments × P(damage)) and as observed. */
    private record DamageCounts(double expected, long observed) {
        static DamageCounts of(double[] pDamage, long[] shipments, long[] damaged) {
            double e = 0;
            long observed = 0;
            for (int j = 0; j < pDamage.length; j++) {
                e += shipments[j] * pDamage[j];
                observed += damaged[j];
            }
            return new DamageCounts(e, observed);
        }
    }

    private static double[][] shrunk(double[][] p, long[][] n, long[][] d, double alpha) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            DamageCounts c = DamageCounts.of(p[i], n[i], d[i]);
            double r = Double.isInfinite(alpha) || c.expected() == 0 ? 1 : (alpha + c.observed()) / (alpha + c.expected());
            out[i] = new double[p[i].length];
            for (int j = 0; j < p[i].length; j++) {
                double q = Math.min(1 - 1e-9, Math.max(1e-12, p[i][j]));
                double odds = r * q / (1 - q);
                out[i][j] = odds / (1 + odds);
            }
        }
        return out;
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

        /** Packaging + shipping + damage handling. */
        public double totalInr() {
            return packagingAndShippingInr + damageCostInr;
        }
    }

    /**
     * How the plan was solved.
     *
     * @param method the algorithm, in words
     * @param value the objective's value (expected damaged shipments, or total ₹)
     * @param lowerBound no plan within the budget does better (the LP bound); NaN when there is no budget
     * @param gap value − lower bound: at most this much could still be gained
     * @param relativeGap gap ÷ value
     */
    public record SolverReport(String method, double value, double lowerBound, double gap, double relativeGap) {
    }

    /**
     * A recommendation.
     *
     * @param objective what it optimises
     * @param lambda the weight of damage cost ({@link PackagingObjective#WEIGHTED}), else NaN
     * @param damageBudget expected damaged shipments the plan had to stay within, or NaN
     * @param costBudget total ₹ the plan had to stay within, or NaN
     * @param budgetMet false when the budget cannot be met (then the plan is the closest reachable one)
     * @param recommended the plan's totals as the model sees them
     * @param current the current policy's totals as the model sees them
     * @param actualDamaged damaged shipments recorded in the history
     * @param caution the guard against the optimiser's curse, in words
     */
    public record Plan(PackagingObjective objective, double lambda, double damageBudget, double costBudget, boolean budgetMet,
            List<Choice> choices, int[] assignment, Totals recommended, Totals current, long actualDamaged, SolverReport solver,
            String caution, List<String> notes) {

        /** Products whose recommended package differs from the current one. */
        public long changed() {
            return choices.stream().filter(c -> c.currentPackage() != null && !c.currentPackage().equals(c.recommendedPackage())).count();
        }

        /** Expected damaged shipments, plan minus current policy (negative: fewer). */
        public double damageChange() {
            return recommended.expectedDamaged() - current.expectedDamaged();
        }

        /** Total cost, plan minus current policy, ₹ (negative: cheaper). */
        public double totalCostChangeInr() {
            return recommended.totalInr() - current.totalInr();
        }

        /** A plain sentence of what the plan expects against the current policy. */
        public String summary() {
            return String.format(Locale.ROOT, "%s: expected damaged shipments %,.1f (now %,.1f, %+.1f %%), total cost ₹%,.0f (now ₹%,.0f, "
                    + "%+.1f %%); %,d of %,d products change package.", objective.description(), recommended.expectedDamaged(),
                    current.expectedDamaged(), percent(recommended.expectedDamaged(), current.expectedDamaged()), recommended.totalInr(),
                    current.totalInr(), percent(recommended.totalInr(), current.totalInr()), changed(), choices.size());
        }

        /** What produced the plan: objective, budgets, solver and its gap, the guard, the expected change; for JSON. */
        public Map<String, Object> provenance() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("objective", objective.id());
            m.put("objective_description", objective.description());
            putNumber(m, "lambda", lambda);
            putNumber(m, "damage_budget_shipments", damageBudget);
            putNumber(m, "total_cost_budget_inr", costBudget);
            m.put("budget_met", budgetMet);
            m.put("solver", solver.method());
            putNumber(m, "solver_value", solver.value());
            putNumber(m, "solver_lower_bound", solver.lowerBound());
            putNumber(m, "solver_gap", solver.gap());
            putNumber(m, "solver_relative_gap", solver.relativeGap());
            m.put("optimisers_curse_guard", caution);
            m.put("products", choices.size());
            m.put("products_changing_package", changed());
            m.put("damaged_shipments_recorded", actualDamaged);
            m.put("expected_damaged_current", current.expectedDamaged());
            m.put("expected_damaged_plan", recommended.expectedDamaged());
            m.put("total_cost_current_inr", current.totalInr());
            m.put("total_cost_plan_inr", recommended.totalInr());
            m.put("packaging_and_shipping_current_inr", current.packagingAndShippingInr());
            m.put("packaging_and_shipping_plan_inr", recommended.packagingAndShippingInr());
            m.put("notes", notes);
            return m;
        }

        private static void putNumber(Map<String, Object> m, String key, double v) {
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                m.put(key, v);
            }
        }
    }

    static double percent(double value, double reference) {
        return reference == 0 ? 0 : 100 * (value / reference - 1);
    }

    /**
     * One point of the trade-off curve: the least total cost at a damage budget.
     *
     * @param damageBudget the budget of expected damaged shipments
     */
    public record CurvePoint(double damageBudget, double expectedDamaged, double packagingAndShippingInr, double totalInr) {
    }

    public PackageLadder ladder() {
        return ladder;
    }

    /** Damaged shipments in the history (ladder packages, catalog products). */
    public long actualDamaged() {
        return actualDamaged;
    }

    public List<String> notes() {
        return notes;
    }

    public PlanCaution caution() {
        return caution;
    }

    /** The damage probabilities plans are chosen with: the model's, after the guard's shrinkage. */
    public double[][] decisionDamage() {
        return damage;
    }

    /** The empirical-Bayes prior strength α of the shrinkage (infinite: no adjustment; NaN: shrinkage off). */
    public double shrinkStrength() {
        return shrinkStrength;
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

    /**
     * The plan for an objective. {@code damageBudget} goes with {@link PackagingObjective#LEAST_COST_AT_DAMAGE_BUDGET}
     * (and turns {@link PackagingObjective#LEAST_COST_AT_CURRENT_DAMAGE} into it), {@code lambda} with
     * {@link PackagingObjective#WEIGHTED}; both null otherwise.
     */
    public Plan plan(PackagingObjective objective, Double damageBudget, Double lambda) {
        if (damageBudget != null && lambda != null) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Give either a damage budget or λ, not both.");
        }
        if (lambda != null || objective == PackagingObjective.WEIGHTED) {
            if (objective != PackagingObjective.WEIGHTED && objective != null) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "λ sets the trade-off itself; it cannot be combined with the objective "
                        + objective.id() + ".");
            }
            if (lambda == null) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The objective lambda needs a value of λ.");
            }
            return atLambda(lambda);
        }
        if (damageBudget != null) {
            if (objective == PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, "A damage budget goes with the objective least-cost-at-current-damage "
                        + "(the least total cost within that budget), not with least-damage-at-current-cost.");
            }
            return forBudget(damageBudget);
        }
        PackagingObjective o = objective == null ? PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST : objective;
        return switch (o) {
            case LEAST_DAMAGE_AT_CURRENT_COST -> leastDamageAtCurrentCost();
            case LEAST_COST_AT_CURRENT_DAMAGE -> budgeted(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE,
                    currentTotals(damage).expectedDamaged());
            case LEAST_COST_AT_DAMAGE_BUDGET -> throw new WorkbenchException(Kind.INPUT_UNUSABLE,
                    "The objective least-cost-at-damage-budget needs a damage budget (--damage-budget X).");
            case WEIGHTED -> throw new IllegalStateException("handled above");
        };
    }

    /** The default objective: least expected damage at no more total cost than the current policy. */
    public Plan leastDamageAtCurrentCost() {
        int[] items = weighted();
        double[][] f = perItem(items, false);
        double[][] g = perItem(items, true);
        double budget = currentTotals(damage).totalInr();
        PlanSolver.Solution s = PlanSolver.minimise(f, g, budget);
        int[] a = complete(items, s, true);
        return plan(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, Double.NaN, Double.NaN, budget, s, a, List.of());
    }

    /**
     * For each weighted item and package type, what a plan minimises or bounds: the expected damaged
     * shipments, or with {@code totalCost} the total cost with damage priced in; infinite where the
     * package type is not allowed for the product.
     */
    private double[][] perItem(int[] items, boolean totalCost) {
        double[][] v = new double[items.length][ladder.size()];
        for (int t = 0; t < items.length; t++) {
            int i = items[t];
            for (int j = 0; j < ladder.size(); j++) {
                v[t][j] = !allowed[i][j] ? Double.POSITIVE_INFINITY
                        : totalCost ? volume[i] * (cost[i][j] + damage[i][j] * damageCost[i]) : volume[i] * damage[i][j];
            }
        }
        return v;
    }

    /** The least total cost whose expected damaged shipments stay within {@code budget}. */
    public Plan forBudget(double budget) {
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The damage budget must be a number of damaged shipments of at least 0.");
        }
        return budgeted(PackagingObjective.LEAST_COST_AT_DAMAGE_BUDGET, budget);
    }

    private Plan budgeted(PackagingObjective objective, double budget) {
        int[] items = weighted();
        double[][][] fg = budgetedProblem(items);
        PlanSolver.Solution s = PlanSolver.minimise(fg[0], fg[1], budget);
        int[] a = complete(items, s, false);
        List<String> extra = new ArrayList<>();
        if (!s.feasible()) {
            extra.add(String.format(Locale.ROOT, "The damage budget of %,.1f expected damaged shipments cannot be reached: the least damage "
                    + "any allowed assignment expects is %,.1f. This is that closest reachable plan.", budget, s.g()));
        }
        return plan(objective, Double.NaN, budget, Double.NaN, s, a, extra);
    }

    /** For the products {@code items}: total cost per package (objective) and expected damaged shipments (constraint). */
    private double[][][] budgetedProblem(int[] items) {
        return new double[][][] {perItem(items, true), perItem(items, false)};
    }

    /** Per product the package minimising package + shipping cost + λ × p(damage) × damage cost; no budget. */
    public Plan atLambda(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "λ must be a number of at least 0.");
        }
        int[] a = new int[products.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = argmin(i, 1, lambda);
        }
        Totals t = totals(a, damage);
        double value = t.packagingAndShippingInr() + lambda * t.damageCostInr();
        PlanSolver.Solution s = new PlanSolver.Solution(a, value, 0, value, true, 0);
        return plan(PackagingObjective.WEIGHTED, lambda, Double.NaN, Double.NaN, s, a, List.of());
    }

    /** The package minimising {@code costWeight} × package and shipping cost + {@code damageWeight} × expected damage cost. */
    private int argmin(int i, double costWeight, double damageWeight) {
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ladder.size(); j++) {
            double v = costWeight * cost[i][j] + damageWeight * damage[i][j] * damageCost[i];
            if (allowed[i][j] && (best < 0 || v < bestValue - 1e-12 * Math.max(1, Math.abs(bestValue)))) {
                bestValue = v;
                best = j;
            }
        }
        return best;
    }

    private int[] weighted() {
        return java.util.stream.IntStream.range(0, products.size()).filter(i -> volume[i] > 0).toArray();
    }

    /**
     * The solver's choices for products with shipments, and for those without the package that is
     * best at the solution's marginal trade-off (what one more shipment of them would get).
     */
    private int[] complete(int[] items, PlanSolver.Solution s, boolean damageObjective) {
        int[] a = new int[products.size()];
        Arrays.fill(a, -1);
        for (int t = 0; t < items.length; t++) {
            a[items[t]] = s.choice()[t];
        }
        double mu = s.multiplier();
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0) {
                continue;
            }
            if (damageObjective) {
                // damage + μ × total cost = μ × package and shipping + (μ + 1 / damage cost) × expected damage cost
                a[i] = Double.isInfinite(mu) ? argmin(i, 1, 1) : mu == 0 ? argminDamage(i) : argmin(i, mu, mu + 1 / damageCost[i]);
            } else {
                a[i] = Double.isInfinite(mu) ? argminDamage(i) : argmin(i, 1, 1 + mu / damageCost[i]);
            }
        }
        return a;
    }

    private int argminDamage(int i) {
        int best = -1;
        for (int j = 0; j < ladder.size(); j++) {
            if (allowed[i][j] && (best < 0 || damage[i][j] < damage[i][best] - 1e-15
                    || Math.abs(damage[i][j] - damage[i][best]) <= 1e-15 && cost[i][j] < cost[i][best])) {
                best = j;
            }
        }
        return best;
    }

    private Plan plan(PackagingObjective objective, double lambda, double damageBudget, double costBudget, PlanSolver.Solution s, int[] a,
            List<String> extra) {
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
        Totals rec = totals(a, damage);
        Totals now = currentTotals(damage);
        List<String> ns = new ArrayList<>(notes);
        ns.addAll(extra);
        if (caution.shrinkToObserved() && !Double.isNaN(shrinkStrength)) {
            ns.add(Double.isInfinite(shrinkStrength) ? "Products' damaged counts spread no more than chance explains, so the model's "
                    + "probabilities are used as they are."
                    : String.format(Locale.ROOT, "Damage probabilities are shrunk toward each product's own damaged shipments "
                            + "(empirical Bayes, prior worth %.1f expected damaged shipments).", shrinkStrength));
        }
        if (rec.totalInr() > now.totalInr() * (1 + 1e-9)) {
            ns.add(String.format(Locale.ROOT, "This plan costs ₹%,.0f (%.1f %%) more in total than the current policy, which the objective "
                    + "%s allows.", rec.totalInr() - now.totalInr(), percent(rec.totalInr(), now.totalInr()), objective.id()));
        }
        String method = objective == PackagingObjective.WEIGHTED ? "per-product minimum (no budget, exact)"
                : "multiple-choice knapsack: LP-relaxation greedy over each product's efficient frontier, then greedy fill";
        double gap = s.gap();
        SolverReport report = new SolverReport(method, s.f(), s.lowerBound(), gap, s.f() == 0 || Double.isNaN(gap) ? gap : gap / Math.abs(s.f()));
        return new Plan(objective, lambda, damageBudget, costBudget, s.feasible(), List.copyOf(choices), a, rec, now, actualDamaged, report,
                caution.describe(), List.copyOf(ns));
    }

    /** The trade-off curve: the least total cost at damage budgets from the least reachable damage to the cheapest plan's damage. */
    public List<CurvePoint> curve(int points) {
        // The same plans as forBudget at each budget, but only their totals, from one problem, on every core.
        int[] items = weighted();
        // The problem is the same at every budget: its frontiers and sorted steps are made once (PlanSolver.prepare).
        double[][][] fg = budgetedProblem(items);
        PlanSolver.Prepared problem = PlanSolver.prepare(fg[0], fg[1]);
        Totals least = budgetedTotals(items, problem, 0);
        double low = least.expectedDamaged();
        double high = Math.max(low, budgetedTotals(items, problem, Double.MAX_VALUE / 4).expectedDamaged());
        return java.util.stream.IntStream.range(0, points).parallel().mapToObj(i -> {
            double budget = points == 1 ? high : low + (high - low) * i / (points - 1);
            Totals t = i == 0 ? least : budgetedTotals(items, problem, budget);
            return new CurvePoint(budget, t.expectedDamaged(), t.packagingAndShippingInr(), t.totalInr());
        }).toList();
    }

    private Totals budgetedTotals(int[] items, PlanSolver.Prepared problem, double budget) {
        return totals(complete(items, problem.minimise(budget), false), damage);
    }

    /**
     * Writes the CSV {@code product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr,objective}
     * and the plan's provenance as {@code FILE.provenance.json} beside it.
     */
    public static void writeCsv(Plan plan, Path file) {
        String objective = plan.objective().id();
        writeRows(plan.choices().stream().map(c -> new PackagingRepository.RecommendationRow(c.productId(), c.category(), c.subcategory(),
                c.currentPackage(), c.recommendedPackage(), Double.isNaN(c.pDamageCurrent()) ? null : c.pDamageCurrent(), c.pDamageRecommended(),
                Double.isNaN(c.shipCostDeltaInr()) ? null : c.shipCostDeltaInr(), c.shipments(), objective)).toList(), file);
        writeProvenance(plan.provenance(), provenanceFile(file));
    }

    /**
     * Writes recommendations as the plan's CSV ({@code product_id,current_package,recommended_package,p_damage_current,
     * p_damage_recommended,ship_cost_delta_inr,objective}): the one writer of that report, for a plan just made and for the
     * stored plan the Packaging screen exports. Product ids and package names are written as text a spreadsheet shows.
     */
    public static void writeRows(List<PackagingRepository.RecommendationRow> rows, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(new String[] {"product_id", "current_package", "recommended_package", "p_damage_current", "p_damage_recommended",
                "ship_cost_delta_inr", "objective"}, false);
            for (PackagingRepository.RecommendationRow r : rows) {
                out.writeNext(new String[] {CsvExporter.spreadsheetSafe(r.productId()),
                    r.currentPackage() == null ? "" : CsvExporter.spreadsheetSafe(r.currentPackage()), CsvExporter.spreadsheetSafe(r.recommendedPackage()),
                    r.pDamageCurrent() == null ? "" : String.format(Locale.ROOT, "%.6f", r.pDamageCurrent()),
                    String.format(Locale.ROOT, "%.6f", r.pDamageRecommended()),
                    r.shipCostDeltaInr() == null ? "" : String.format(Locale.ROOT, "%.2f", r.shipCostDeltaInr()),
                    r.objective() == null ? "" : r.objective()}, false);
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where {@link #writeCsv} puts the provenance of {@code csv}. */
    public static Path provenanceFile(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".provenance.json");
    }

    static void writeProvenance(Map<String, Object> provenance, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), provenance);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
