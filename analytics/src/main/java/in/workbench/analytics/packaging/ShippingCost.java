package in.workbench.analytics.packaging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Shipping cost per shipment by package type, estimated from the workspace's shipments: a least
 * squares fit of {@code ship_cost_inr = a(package type) + β · billed grams} (billed grams = the
 * product's weight × quantity), with one intercept per package type and one slope shared by all.
 * The intercepts are what a package type adds or saves at the same weight; the shared slope comes
 * from the variation within each package type, so heavier products using sturdier boxes do not
 * bias it. A package type without shipments gets the mean intercept of the others (explained in
 * {@link #notes()}). Immutable and thread-safe.
 */
public final class ShippingCost implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Sufficient statistics of one package type's shipments with a known cost and weight.
     *
     * @param packageType the package type
     * @param n shipments
     * @param sumGrams Σ billed grams
     * @param sumGrams2 Σ billed grams²
     * @param sumCost Σ ship_cost_inr
     * @param sumGramsCost Σ billed grams × ship_cost_inr
     */
    public record Sums(String packageType, long n, double sumGrams, double sumGrams2, double sumCost, double sumGramsCost) {
    }

    private final double[] intercept;
    private final double perGram;
    private final List<String> notes;

    private ShippingCost(double[] intercept, double perGram, List<String> notes) {
        this.intercept = intercept;
        this.perGram = perGram;
        this.notes = List.copyOf(notes);
    }

    /** Fits the costs of the ladder's package types from per-package sums. */
    public static ShippingCost fit(PackageLadder ladder, List<Sums> sums) {
        int k = ladder.size();
        double[] n = new double[k];
        double[] sw = new double[k];
        double[] sc = new double[k];
        double sww = 0;
        double swc = 0;
        for (Sums s : sums) {
            int i = ladder.indexOf(s.packageType());
            if (i < 0 || s.n() == 0) {
                continue;
            }
            n[i] = s.n();
            sw[i] = s.sumGrams();
            sc[i] = s.sumCost();
            sww += s.sumGrams2();
            swc += s.sumGramsCost();
        }
        double num = swc;
        double den = sww;
        for (int i = 0; i < k; i++) {
            if (n[i] > 0) {
                num -= sw[i] * sc[i] / n[i];
                den -= sw[i] * sw[i] / n[i];
            }
        }
        double beta = den > 1e-9 ? num / den : 0;
        double[] a = new double[k];
        double known = 0;
        int knownCount = 0;
        for (int i = 0; i < k; i++) {
            if (n[i] > 0) {
                a[i] = (sc[i] - sw[i] * beta) / n[i];
                known += a[i];
                knownCount++;
            }
        }
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (n[i] == 0) {
                a[i] = knownCount == 0 ? 0 : known / knownCount;
                missing.add(ladder.packages().get(i).name());
            }
        }
        if (knownCount == 0) {
            notes.add("No shipment has both a shipping cost and a product weight, so shipping costs are taken as equal for every package type.");
        } else if (!missing.isEmpty()) {
            notes.add("No shipment with a known cost used " + String.join(", ", missing)
                    + "; its shipping cost is taken as the average of the other package types at the same weight.");
        }
        return new ShippingCost(a, beta, notes);
    }

    /** The estimated shipping cost of one shipment of {@code grams} billed grams in the ladder's package {@code index}. */
    public double cost(int index, double grams) {
        return intercept[index] + perGram * grams;
    }

    /** ₹ per billed gram. */
    public double perGram() {
        return perGram;
    }

    /** The intercept of each package type, in ladder order. */
    public double[] intercepts() {
        return intercept.clone();
    }

    public List<String> notes() {
        return notes;
    }
}
