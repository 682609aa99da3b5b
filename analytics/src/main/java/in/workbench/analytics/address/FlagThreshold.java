package in.workbench.analytics.address;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Workspace;
import java.util.Locale;

/**
 * The score below which a workspace's addresses are flagged. Chosen by the analyst on the Model
 * screen and kept in the workspace's settings, so the Addresses screen, the map and
 * {@code score deliverability} all flag alike; the model's own threshold (0.5) until then.
 * Stateless; thread-safe.
 */
public final class FlagThreshold {

    /** The workspace setting that holds the chosen threshold. */
    public static final String SETTING = "deliverability.flag_threshold";

    private FlagThreshold() {
    }

    /** The chosen threshold, or {@code fallback} when the analyst has not chosen one. */
    public static double of(Workspace ws, double fallback) {
        return ws.setting(SETTING).map(v -> {
            try {
                double t = Double.parseDouble(v);
                return t > 0 && t < 1 ? t : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    /**
     * Keeps {@code threshold} for the workspace and re-flags the scored addresses with it at once
     * (scores stay as they are).
     *
     * @return how many scored addresses are flagged now
     */
    public static long apply(Workspace ws, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The flag threshold must be between 0 and 1.");
        }
        ws.putSetting(SETTING, String.format(Locale.ROOT, "%.4f", threshold));
        return new DeliverabilityStore(ws).reflag(threshold);
    }
}
