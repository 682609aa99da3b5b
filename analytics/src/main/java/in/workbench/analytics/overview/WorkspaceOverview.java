package in.workbench.analytics.overview;

import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.workspace.Workspace;
import java.util.List;

/**
 * The small datasets the workspace's first screen charts: shipments per month by outcome, and
 * the damage rate of each package type in ladder order. Both read the aggregates kept up to date
 * at import ({@code agg_shipments_by_month_status}, {@code agg_shipments_by_package_status}, see
 * {@link in.workbench.analytics.regional.RegionalAggregates}), so they take milliseconds at a
 * million shipments. Thread-safe.
 */
public final class WorkspaceOverview {

    /**
     * Shipments of one month with one outcome.
     *
     * @param month the month, {@code 2025-03}
     * @param status delivered, damaged, undeliverable or returned
     * @param shipments how many
     */
    public record MonthlyOutcome(String month, String status, long shipments) {
    }

    /**
     * The damage record of one package type.
     *
     * @param packageType the package type
     * @param robustnessRank its rank on the ladder, or null when it is not on the ladder
     * @param shipments delivered or damaged shipments sent in it
     * @param damaged how many of them arrived damaged
     */
    public record PackageDamage(String packageType, Integer robustnessRank, long shipments, long damaged) {

        /** Damaged share of delivered-or-damaged shipments. */
        public double rate() {
            return shipments == 0 ? 0 : damaged / (double) shipments;
        }
    }

    private final OverviewStore store;

    public WorkspaceOverview(Workspace workspace) {
        this.store = new OverviewStore(workspace);
    }

    /** Shipments per order month and outcome, oldest month first. */
    public List<MonthlyOutcome> monthlyOutcomes() {
        return store.monthlyOutcomes();
    }

    /** Damage rate per package type, ladder order first, then types not on the ladder. */
    public List<PackageDamage> damageByPackage() {
        return store.damageByPackage();
    }

    /**
     * Unresolved references from the aggregates (no scan of the shipments): shipments whose
     * product or address is not imported yet, shipments in package types not on the ladder, and
     * labels of unknown addresses.
     */
    public UnresolvedReferences.Counts unresolved() {
        return store.unresolved();
    }
}
