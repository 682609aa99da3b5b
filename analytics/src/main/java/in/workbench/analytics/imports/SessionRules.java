package in.workbench.analytics.imports;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The value rules of sessions.csv beyond type and minimum (shared/DATA-FORMATS.md): device memory
 * above 0 and at most 64 GB, a signal strength a radio can report (Android's "unavailable" reads as
 * blank), carriers in lower case. Stateless and thread-safe.
 */
final class SessionRules {

    /** What Android reports when the signal strength is unavailable ({@code Integer.MAX_VALUE}). */
    static final int SIGNAL_UNAVAILABLE = Integer.MAX_VALUE;
    static final int SIGNAL_MIN_DBM = -150;
    static final int SIGNAL_MAX_DBM = -20;
    private static final BigDecimal MAX_RAM_GB = BigDecimal.valueOf(64);

    private SessionRules() {
    }

    static Object ramGb(Object value) {
        BigDecimal gb = (BigDecimal) value;
        if (gb.signum() <= 0 || gb.compareTo(MAX_RAM_GB) > 0) {
            throw new ColumnType.InvalidValueException("is not a phone's memory: it must be above 0 and at most 64 GB");
        }
        return gb;
    }

    static Object signalDbm(Object value) {
        int dbm = (Integer) value;
        if (dbm == SIGNAL_UNAVAILABLE) {
            return null;
        }
        if (dbm < SIGNAL_MIN_DBM || dbm > SIGNAL_MAX_DBM) {
            throw new ColumnType.InvalidValueException("is an impossible signal strength: it must lie between "
                    + SIGNAL_MIN_DBM + " and " + SIGNAL_MAX_DBM + " dBm");
        }
        return dbm;
    }

    static Object carrier(Object value) {
        return ((String) value).trim().toLowerCase(Locale.ROOT);
    }
}
