package in.workbench.analytics.workspace;

import java.util.Locale;

/**
 * The CRISP tables (people, contacts, tests and the infection-risk results: every table named
 * {@code crisp_…}) hold health data about named people. On a team workspace they are readable
 * only by analysts granted the separate PostgreSQL role {@value #SERVER_ROLE} (and by owners, who
 * import and train them); reader and labeler alone do not include them. In a workspace folder the
 * analyst owns everything, these tables included.
 *
 * <p>Stateless; thread-safe.
 */
public final class HealthData {

    /** The NOLOGIN PostgreSQL role whose members may read the CRISP tables. */
    public static final String SERVER_ROLE = "workbench_health";
    /** The prefix of every CRISP table's name. */
    static final String TABLE_PREFIX = "crisp_";

    private HealthData() {
    }

    /** Whether {@code table} is one of the CRISP tables. */
    public static boolean isHealthTable(String table) {
        return table != null && table.trim().toLowerCase(Locale.ROOT).startsWith(TABLE_PREFIX);
    }
}
