package in.workbench.analytics.crisp;

import java.math.BigDecimal;

/**
 * The rules of one contacts.csv row that span or bound its cells (shared/DATA-FORMATS.md, CRISP):
 * two different people, a duration above 0 and at most a day, a distance of at most 100 m.
 * Stateless and thread-safe.
 */
public final class ContactRules {

    /** The longest encounter a row may state, in minutes (a whole day). */
    public static final double MAX_DURATION_MIN = 1440;
    /** The largest distance a row may state, in metres; farther apart is no contact. */
    public static final double MAX_DISTANCE_M = 100;

    private ContactRules() {
    }

    /**
     * Why a contacts row cannot be used, or null when it can.
     *
     * @param values the row in the layout's column order: contact_id, person_a, person_b, day,
     *     duration_min, distance_m, setting
     */
    public static String problem(Object[] values) {
        String a = ((String) values[1]).trim();
        String b = ((String) values[2]).trim();
        if (a.equals(b)) {
            return "person_a and person_b are both '" + a + "': a contact needs two different people";
        }
        double duration = ((BigDecimal) values[4]).doubleValue();
        if (duration <= 0) {
            return "duration_min " + values[4] + " must be more than 0 minutes";
        }
        if (duration > MAX_DURATION_MIN) {
            return "duration_min " + values[4] + " is longer than a day (1440 minutes)";
        }
        double distance = ((BigDecimal) values[5]).doubleValue();
        if (distance > MAX_DISTANCE_M) {
            return "distance_m " + values[5] + " is more than 100 m, which is no contact";
        }
        values[1] = a;
        values[2] = b;
        return null;
    }
}
