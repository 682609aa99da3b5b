package in.workbench.analytics.overview;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.overview.FlaggedRecords.Count;
import in.workbench.analytics.overview.FlaggedRecords.Tile;
import in.workbench.analytics.overview.WorkspaceOverview.MonthlyOutcome;
import in.workbench.analytics.overview.WorkspaceOverview.PackageDamage;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The overview's one door to the workspace database (STYLE.md rule 18): the import-time aggregates
 * the first screen charts ({@link WorkspaceOverview}) and the counts of the flagged-records tiles
 * ({@link FlaggedRecords}), read in records. Thread-safe: every call takes its own connection.
 */
final class OverviewStore {

    private final Workspace workspace;

    OverviewStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Shipments per order month and outcome, oldest month first. */
    List<MonthlyOutcome> monthlyOutcomes() {
        List<MonthlyOutcome> out = new ArrayList<>();
        query("SELECT " + workspace.dialect().monthText("order_month") + ", status, shipments FROM agg_shipments_by_month_status "
                + "ORDER BY order_month, status",
                rs -> out.add(new MonthlyOutcome(rs.getString(1), rs.getString(2), rs.getLong(3))));
        return out;
    }

    /** Damage rate per package type, ladder order first, then types not on the ladder. */
    List<PackageDamage> damageByPackage() {
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
    UnresolvedReferences.Counts unresolved() {
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

    /** Flagged (undeliverable-risk) addresses per state, most first; the state as the regional charts resolve it. */
    Optional<Tile> riskyAddressesByState(int limit) {
        return tile("ADDRESS_SCORES",
                "SELECT COALESCE(r.state, 'Unknown') AS g, NULL, COUNT(*) AS n FROM address_scores s "
                        + "LEFT JOIN regional_address_states r ON r.address_id = s.address_id WHERE s.flagged "
                        + "GROUP BY g ORDER BY n DESC, g LIMIT " + limit,
                "SELECT COUNT(*) FROM address_scores WHERE flagged");
    }

    /** Catalog conflicts per kind and attribute, most first. */
    Optional<Tile> catalogConflicts(int limit) {
        return countsByPair("catalog_flags", "kind", "attribute", "", limit);
    }

    /**
     * Damage-prone products: those whose recommended package differs from the current one, per
     * current and recommended package, most first.
     */
    Optional<Tile> damageProneProducts(int limit) {
        return countsByPair("packaging_recommendations", "current_package", "recommended_package",
                " WHERE recommended_package <> current_package", limit);
    }

    /** The damage model's mean predicted damage per package type, when packaging_predictions exists and has rows. */
    Optional<List<Count>> predictedDamagePerMille() {
        if (!exists("PACKAGING_PREDICTIONS")) {
            return Optional.empty();
        }
        List<Count> out = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT package_type, AVG(p_damage) FROM packaging_predictions GROUP BY package_type")) {
            while (rs.next()) {
                out.add(new Count(rs.getString(1), null, Math.round(rs.getDouble(2) * 1000)));
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the damage predictions: " + e.getMessage(), e);
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /**
     * The tile of the rows of {@code table} that {@code where} keeps (empty, or {@code " WHERE …"}), counted per pair of
     * values of the columns {@code first} and {@code second}.
     */
    private Optional<Tile> countsByPair(String table, String first, String second, String where, int limit) {
        return tile(table.toUpperCase(Locale.ROOT), "SELECT " + first + ", " + second + ", COUNT(*) AS n FROM " + table + where
                + " GROUP BY " + first + ", " + second + " ORDER BY n DESC, " + first + ", " + second + " LIMIT " + limit,
                "SELECT COUNT(*) FROM " + table + where);
    }

    /** A tile's bars (biggest first, at most the query's limit) and total, or empty when its table does not exist or flags nothing. */
    private Optional<Tile> tile(String table, String groupSql, String totalSql) {
        if (!exists(table)) {
            return Optional.empty();
        }
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            long total;
            try (ResultSet rs = s.executeQuery(totalSql)) {
                rs.next();
                total = rs.getLong(1);
            }
            if (total == 0) {
                return Optional.empty();
            }
            List<Count> counts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(groupSql)) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return Optional.of(new Tile(List.copyOf(counts), total, null));
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not count the flagged records of " + table.toLowerCase(Locale.ROOT) + ": "
                    + e.getMessage(), e);
        }
    }

    /** True when a table or view of that (upper-case) name exists in the workspace. */
    private boolean exists(String name) {
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the workspace's tables: " + e.getMessage(), e);
        }
    }
}
