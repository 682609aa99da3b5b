package in.workbench.analytics.overview;

import in.workbench.analytics.workspace.Workspace;
import java.util.List;
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

    private final OverviewStore store;

    public FlaggedRecords(Workspace workspace) {
        this.store = new OverviewStore(workspace);
    }

    /** Flagged (undeliverable-risk) addresses per state, most first; the state as the regional charts resolve it. */
    public Tile riskyAddressesByState(int limit) {
        return store.riskyAddressesByState(limit).orElse(new Tile(List.of(), 0, RUN_DELIVERABILITY));
    }

    /** Catalog conflicts per kind and attribute, most first. */
    public Tile catalogConflicts(int limit) {
        return store.catalogConflicts(limit).orElse(new Tile(List.of(), 0, RUN_CATALOG));
    }

    /**
     * Damage-prone products: those whose recommended package differs from the current one, per
     * current and recommended package, most first.
     */
    public Tile damageProneProducts(int limit) {
        return store.damageProneProducts(limit).orElse(new Tile(List.of(), 0, RUN_PACKAGING));
    }

    /** The damage model's mean predicted damage per package type, when packaging_predictions exists and has rows. */
    public Optional<List<Count>> predictedDamagePerMille() {
        return store.predictedDamagePerMille();
    }
}
