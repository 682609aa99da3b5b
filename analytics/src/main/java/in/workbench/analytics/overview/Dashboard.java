package in.workbench.analytics.overview;

import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.analytics.workspace.Workspace;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the overview dashboard charts, read in one go from the aggregates and the
 * features' result tables: what {@code bench charts} times. Thread-safe.
 *
 * @param months shipments per month by outcome
 * @param damage observed damage rate per package type
 * @param predictedDamage the damage model's mean prediction per package type (per mille), when trained
 * @param unresolved unresolved references, from the aggregates
 * @param preferences regional preferences (lifts)
 * @param mapSubcategory the subcategory the map shows: the most regional one
 * @param mapLift its lift per state
 * @param riskyAddresses flagged addresses per state, or what to run
 * @param catalogConflicts catalog conflicts per kind, or what to run
 * @param damageProne products to re-pack per current package, or what to run
 */
public record Dashboard(List<WorkspaceOverview.MonthlyOutcome> months, List<WorkspaceOverview.PackageDamage> damage,
        Optional<List<FlaggedRecords.Count>> predictedDamage, UnresolvedReferences.Counts unresolved, RegionalPreferences preferences,
        String mapSubcategory, Map<String, Double> mapLift, FlaggedRecords.Tile riskyAddresses, FlaggedRecords.Tile catalogConflicts,
        FlaggedRecords.Tile damageProne) {

    /** Bars per flagged-records tile. */
    public static final int TILE_BARS = 8;

    /** Reads the dashboard; the aggregates must be built (see RegionalAggregates#ensureBuilt). */
    public static Dashboard load(Workspace workspace) {
        WorkspaceOverview overview = new WorkspaceOverview(workspace);
        FlaggedRecords flagged = new FlaggedRecords(workspace);
        RegionalPreferences prefs = RegionalPreferences.load(workspace);
        String sub = mostRegional(prefs);
        return new Dashboard(overview.monthlyOutcomes(), overview.damageByPackage(), flagged.predictedDamagePerMille(),
                overview.unresolved(), prefs, sub, sub == null ? Map.of() : prefs.liftByState(sub),
                flagged.riskyAddressesByState(TILE_BARS), flagged.catalogConflicts(TILE_BARS), flagged.damageProneProducts(TILE_BARS));
    }

    /** The subcategory whose strongest state lift is highest, or null without orders. */
    public static String mostRegional(RegionalPreferences prefs) {
        return prefs.subcategories().stream().max(Comparator.comparingDouble(sub -> prefs.liftByState(sub).values().stream()
                .mapToDouble(Double::doubleValue).max().orElse(0))).orElse(null);
    }
}
