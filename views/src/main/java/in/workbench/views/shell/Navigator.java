package in.workbench.views.shell;

import java.util.Map;

/**
 * Moves the main window to another screen, opened on what the analyst clicked: a chart's bar, a
 * state on a map, a dashboard tile. Used on the JavaFX thread.
 */
@FunctionalInterface
public interface Navigator {

    /**
     * Selects the screen titled {@code screenTitle} (exact title, or the first screen whose title
     * starts with it) and hands it {@code filter} through {@link Screen#applyFilter(Map)}.
     * Unknown titles are ignored.
     *
     * @param filter column (or screen-defined key) to value; for the data browser the key
     *     {@code table} names the table or view and every other key filters that column with the
     *     browser's filter syntax ({@code =x} exact, {@code >=5}, text contains)
     */
    void open(String screenTitle, Map<String, String> filter);

    /** A navigator that goes nowhere, for screens shown on their own (tests). */
    Navigator NONE = (title, filter) -> { };
}
