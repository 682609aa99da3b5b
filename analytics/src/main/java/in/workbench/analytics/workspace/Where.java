package in.workbench.analytics.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE clause of a filtered query, built from optional conditions joined with AND, and the
 * values of their {@code ?} placeholders in order (bind them with {@link Sql#bind}).
 *
 * <p>Not thread-safe: build one per query.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code condition} with the values of its placeholders. */
    public Where and(String condition, Object... values) {
        conditions.add(condition);
        Collections.addAll(args, values);
        return this;
    }

    /** Adds {@code condition} with the values of its placeholders when {@code when} holds. */
    public Where andIf(boolean when, String condition, Object... values) {
        return when ? and(condition, values) : this;
    }

    /** Adds {@code condition}, whose one placeholder takes {@code value}, when {@code value} is neither null nor blank. */
    public Where andIfGiven(String condition, String value) {
        return andIf(value != null && !value.isBlank(), condition, value);
    }

    /** {@code " WHERE a AND b"} (with the leading space), or {@code ""} when no condition was added. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The placeholder values of the conditions, in the order they stand in {@link #sql()}. */
    public List<Object> args() {
        return Collections.unmodifiableList(args);
    }
}
