package in.workbench.analytics.packaging;

import in.workbench.analytics.EnumLookup;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;

/**
 * What a packaging plan optimises, by the name an analyst gives on the command line and picks in
 * the window. Total cost is packaging + shipping + damage handling (the product's price + return
 * handling per damaged shipment); the current policy is the packages the history used.
 */
public enum PackagingObjective {

    /** The default: the least expected damage whose total cost is no more than the current policy's. */
    LEAST_DAMAGE_AT_CURRENT_COST("least-damage-at-current-cost", "least damage at no more total cost than now"),
    /** The least total cost whose expected damage is no more than the current policy's. */
    LEAST_COST_AT_CURRENT_DAMAGE("least-cost-at-current-damage", "least total cost at no more damage than now"),
    /** The least total cost whose expected damage stays within a budget the analyst sets (may cost more than now). */
    LEAST_COST_AT_DAMAGE_BUDGET("least-cost-at-damage-budget", "least total cost within a damage budget"),
    /** Per product, the least packaging + shipping + λ × expected damage cost, with λ set by the analyst (no budget). */
    WEIGHTED("lambda", "packaging and shipping + λ × damage cost, per product");

    private final String id;
    private final String description;

    PackagingObjective(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name on the command line, in CSVs and in provenance. */
    public String id() {
        return id;
    }

    /** A few words for the analyst. */
    public String description() {
        return description;
    }

    /** The objective named {@code id}; INPUT_UNUSABLE with the valid names otherwise. */
    public static PackagingObjective of(String id) {
        return EnumLookup.find(PackagingObjective.class, PackagingObjective::id, id).orElseThrow(() -> new WorkbenchException(
                Kind.INPUT_UNUSABLE, "Unknown objective '" + id + "'. Use one of: "
                + EnumLookup.words(PackagingObjective.class, PackagingObjective::id) + "."));
    }

    @Override
    public String toString() {
        return id;
    }
}
