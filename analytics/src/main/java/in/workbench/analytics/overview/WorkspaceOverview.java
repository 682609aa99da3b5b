package in.workbench.analytics.overview;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

    private final Workspace workspace;

    public WorkspaceOverview(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Shipments per order month and outcome, oldest month first. */
    public List<MonthlyOutcome> monthlyOutcomes() {
        List<MonthlyOutcome> out = new ArrayList<>();
        query("SELECT " + workspace.dialect().monthText("order_month") + ", status, shipments FROM agg_shipments_by_month_status "
                + "ORDER BY order_month, status",
                rs -> out.add(new MonthlyOutcome(rs.getString(1), rs.getString(2), rs.getLong(3))));
        return out;
    }

    /** Damage rate per package type, ladder order first, then types not on the ladder. */
    public List<PackageDamage> damageByPackage() {
        List<PackageDamage> out = new ArrayList<>();
        query("SELECT s.package_type, k.robustness_rank, SUM(s.shipments), SUM(CASE WHEN s.status = 'damaged' THEN s.shipments ELSE 0 END) "
                + "FROM agg_shipments_by_package_status s LEFT JOIN package_types k ON k.package_type = s.package_type "
                + "WHERE s.status IN ('delivered', 'damaged') GROUP BY s.package_type, k.robustness_rank "
                + "ORDER BY k.robustness_rank NULLS LAST, s.package_type",
                rs -> out.add(new PackageDamage(rs.getString(1), (Integer) rs.getObject(2), rs.getLong(3), rs.getLong(4))));
        return out;
    }

    /**
     * Unresolved references from the aggregates (no scan of the shipments): shipments whose
     * product or address is not imported yet, shipments in package types not on the ladder, and
     * labels of unknown addresses.
     */
    public UnresolvedReferences.Counts unresolved() {
        long[] v = new long[4];
        query("SELECT "
                + "(SELECT COALESCE(SUM(orders), 0) FROM agg_orders_by_state_subcategory WHERE category = '"
                + RegionalAggregates.NOT_IN_CATALOG + "'), "
                + "(SELECT COALESCE(SUM(shipments), 0) FROM agg_shipments_by_state_source WHERE state_source = '"
                + AddressStates.Source.NOT_IMPORTED.label() + "'), "
                + "(SELECT COALESCE(SUM(s.shipments), 0) FROM agg_shipments_by_package_status s "
                + "WHERE NOT EXISTS (SELECT 1 FROM package_types k WHERE k.package_type = s.package_type)), "
                + "(SELECT COUNT(*) FROM address_labels l WHERE NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = l.address_id))",
                rs -> {
                    for (int i = 0; i < 4; i++) {
                        v[i] = rs.getLong(i + 1);
                    }
                });
        return new UnresolvedReferences.Counts(v[0], v[1], v[2], v[3]);
    }

    private void query(String sql, Sql.RowReader reader) {
        Sql.eachRow(workspace, sql, "Could not summarise the shipments", reader);
    }
}
