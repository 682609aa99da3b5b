package in.workbench.analytics.packaging;

import java.util.ArrayList;
import java.util.List;

/**
 * How a plan guards against the optimiser's curse: choosing per product the package with the best
 * predicted trade-off favours packages whose damage the model underestimates, worst where the
 * product never travelled in that package.
 *
 * @param shrinkToObserved scale each product's damage odds by the empirical-Bayes estimate of its
 *     own observed damage against the model's expectation for its shipments ({@code (α + damaged)
 *     / (α + expected)}, α estimated from the spread of all products), so a product whose history
 *     was luckier or unluckier than its features say is judged by both
 * @param stepsBelowEvidence how many rungs below the lowest rung a product was shipped in the plan
 *     may move it; {@link Integer#MAX_VALUE} for no limit. Products without shipments have no limit
 *     (they weigh nothing in the totals).
 */
public record PlanCaution(boolean shrinkToObserved, int stepsBelowEvidence) {

    public PlanCaution {
        if (stepsBelowEvidence < 0) {
            throw new IllegalArgumentException("stepsBelowEvidence must be at least 0");
        }
    }

    /** No guard: the model's probabilities as they are, any package allowed. */
    public static PlanCaution none() {
        return new PlanCaution(false, Integer.MAX_VALUE);
    }

    /**
     * The workbench's default: shrink toward observed damage, and move a product at most one rung
     * below the packages it was shipped in (docs/decisions/0014-packaging-objectives-and-solver.md).
     */
    public static PlanCaution defaults() {
        return new PlanCaution(true, 1);
    }

    /** A few words for provenance and notes. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (shrinkToObserved) {
            parts.add("damage shrunk toward each product's observed damage (empirical Bayes)");
        }
        if (stepsBelowEvidence != Integer.MAX_VALUE) {
            parts.add("at most " + stepsBelowEvidence + " rung" + (stepsBelowEvidence == 1 ? "" : "s")
                    + " below the lowest package a product was shipped in");
        }
        return parts.isEmpty() ? "none (model probabilities as they are, any package)" : String.join("; ", parts);
    }
}
