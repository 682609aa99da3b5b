package in.workbench.analytics.network;

import in.workbench.analytics.workspace.Workspace;

/**
 * The page decision by expected utility: serve the lite page when
 * {@code p·U(lite|slow) + (1−p)·U(lite|fast) > p·U(full|slow) + (1−p)·U(full|fast)}. The utilities
 * are workspace settings; the defaults (shared/CLI.md) give lite to a slow session +1, lite to a
 * fast one −0.2, full to a slow one −1, full to a fast one 0, so lite when p_slow > 0.2 / 2.2 ≈ 0.091.
 * Immutable.
 *
 * @param liteSlow utility of the lite page for a slow session
 * @param liteFast utility of the lite page for a fast session
 * @param fullSlow utility of the full page for a slow session
 * @param fullFast utility of the full page for a fast session
 */
public record PageDecision(double liteSlow, double liteFast, double fullSlow, double fullFast) {

    public static final PageDecision DEFAULTS = new PageDecision(1, -0.2, -1, 0);
    static final String SETTING = "slow-network.utility.";

    public PageDecision {
        if (liteSlow - fullSlow <= 0 || fullFast - liteFast <= 0) {
            throw new IllegalArgumentException("the lite page must be better for a slow session and the full page for a fast one");
        }
    }

    /** The probability of slow above which the lite page has the higher expected utility. */
    public double threshold() {
        return (fullFast - liteFast) / ((fullFast - liteFast) + (liteSlow - fullSlow));
    }

    /** Whether to serve lite at probability {@code pSlow}. */
    public boolean lite(double pSlow) {
        return pSlow > threshold();
    }

    /** The utility of serving ({@code lite} or full) to a session that turned out {@code slow}. */
    public double utility(boolean lite, boolean slow) {
        return lite ? (slow ? liteSlow : liteFast) : (slow ? fullSlow : fullFast);
    }

    /** The workspace's utilities (defaults where unset). */
    public static PageDecision of(Workspace ws) {
        return new PageDecision(get(ws, "lite_slow", DEFAULTS.liteSlow), get(ws, "lite_fast", DEFAULTS.liteFast),
                get(ws, "full_slow", DEFAULTS.fullSlow), get(ws, "full_fast", DEFAULTS.fullFast));
    }

    /** Stores these utilities as the workspace's. */
    public void save(Workspace ws) {
        ws.putSetting(SETTING + "lite_slow", Double.toString(liteSlow));
        ws.putSetting(SETTING + "lite_fast", Double.toString(liteFast));
        ws.putSetting(SETTING + "full_slow", Double.toString(fullSlow));
        ws.putSetting(SETTING + "full_fast", Double.toString(fullFast));
    }

    private static double get(Workspace ws, String key, double fallback) {
        return ws.setting(SETTING + key).map(Double::parseDouble).orElse(fallback);
    }

    /**
     * Mean utility per session of three policies on sessions with known outcomes: lite above
     * {@code threshold}, everyone full, everyone lite.
     */
    public Comparison compare(double[] p, boolean[] slow, double threshold) {
        double rule = 0;
        double full = 0;
        double lite = 0;
        for (int i = 0; i < p.length; i++) {
            rule += utility(p[i] > threshold, slow[i]);
            full += utility(false, slow[i]);
            lite += utility(true, slow[i]);
        }
        int n = Math.max(1, p.length);
        return new Comparison(threshold, rule / n, full / n, lite / n);
    }

    /** Mean utility per session of the rule at a threshold and of the two uniform policies. */
    public record Comparison(double threshold, double rule, double everyoneFull, double everyoneLite) {
    }
}
