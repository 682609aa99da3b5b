package in.workbench.analytics.overview;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
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
 * The records other features flag, counted for the overview's tiles: undeliverable-risk
 * addresses ({@code address_scores.flagged}), catalog conflicts (the {@code catalog_flags} view)
 * and damage-prone products ({@code packaging_recommendations}, {@code packaging_predictions}).
 * Each is read only when its table or view exists and has rows; otherwise the tile says what to
 * run. Each query groups a table of at most one row per address or product. Thread-safe.
 */
public final class FlaggedRecords {

    /**
     * One bar of a tile.
     *
     * @param group what the bar is (a state, a kind of conflict, a package type)
     * @param detail a second key (an attribute; a recommended package), or null
     * @param count how many records
     */
    public record Count(String group, String detail, long count) {
    }

    /**
     * One tile's data, or why there is none.
     *
     * @param counts the bars, biggest first (empty when missing)
     * @param total all flagged records
     * @param missing null when present, else the sentence saying what to run
     */
    public record Tile(List<Count> counts, long total, String missing) {

        /** True when the feature's table exists and flags something. */
        public boolean present() {
            return missing == null;
        }
    }

    /** Shown when no deliverability scores exist yet. */
    public static final String RUN_DELIVERABILITY = "No deliverability scores yet. Run Train deliverability, then Score addresses "
            + "(or on the command line: workbench train -w DIR deliverability, then workbench score -w DIR deliverability -o FILE).";
    /** Shown when no catalog flags exist yet. */
    public static final String RUN_CATALOG = "No catalog conflicts found yet. Run Train attributes and category on the Catalog screen "
            + "(or: workbench train -w DIR attributes, then workbench train -w DIR category).";
    /** Shown when no packaging recommendations exist yet. */
    public static final String RUN_PACKAGING = "No packaging recommendations yet. Run Train packaging, then Recommend on the Packaging "
            + "screen (or: workbench train -w DIR packaging, then workbench recommend -w DIR packaging -o FILE).";

    private final Workspace workspace;

    public FlaggedRecords(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Flagged (undeliverable-risk) addresses per state, most first; the state as the regional charts resolve it. */
    public Tile riskyAddressesByState(int limit) {
        return tile("ADDRESS_SCORES", RUN_DELIVERABILITY,
                "SELECT COALESCE(r.state, 'Unknown') AS g, NULL, COUNT(*) AS n FROM address_scores s "
                        + "LEFT JOIN regional_address_states r ON r.address_id = s.address_id WHERE s.flagged "
                        + "GROUP BY g ORDER BY n DESC, g LIMIT " + limit,
                "SELECT COUNT(*) FROM address_scores WHERE flagged");
    }

    /** Catalog conflicts per kind and attribute, most first. */
    public Tile catalogConflicts(int limit) {
        return tile("CATALOG_FLAGS", RUN_CATALOG,
                "SELECT kind, attribute, COUNT(*) AS n FROM catalog_flags GROUP BY kind, attribute ORDER BY n DESC, kind, attribute LIMIT "
                        + limit,
                "SELECT COUNT(*) FROM catalog_flags");
    }

    /**
     * Damage-prone products: those whose recommended package differs from the current one, per
     * current and recommended package, most first.
     */
    public Tile damageProneProducts(int limit) {
        return tile("PACKAGING_RECOMMENDATIONS", RUN_PACKAGING,
                "SELECT current_package, recommended_package, COUNT(*) AS n FROM packaging_recommendations "
                        + "WHERE recommended_package <> current_package GROUP BY current_package, recommended_package "
                        + "ORDER BY n DESC, current_package, recommended_package LIMIT " + limit,
                "SELECT COUNT(*) FROM packaging_recommendations WHERE recommended_package <> current_package");
    }

    /** The damage model's mean predicted damage per package type, when packaging_predictions exists and has rows. */
    public Optional<List<Count>> predictedDamagePerMille() {
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

    private Tile tile(String table, String missing, String groupSql, String totalSql) {
        if (!exists(table)) {
            return new Tile(List.of(), 0, missing);
        }
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            long total;
            try (ResultSet rs = s.executeQuery(totalSql)) {
                rs.next();
                total = rs.getLong(1);
            }
            if (total == 0) {
                return new Tile(List.of(), 0, missing);
            }
            List<Count> counts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(groupSql)) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return new Tile(List.copyOf(counts), total, null);
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
