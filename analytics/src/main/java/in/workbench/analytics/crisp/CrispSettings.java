package in.workbench.analytics.crisp;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Workspace;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The CRISP model's constants, kept as workspace settings: test error rates, the exposed and
 * infectious duration distributions, and how many days of contacts and tests to keep.
 *
 * <p>The defaults are those of the open CRISP code (zalandoresearch/CRISP): false-negative rate
 * α = 0.001, false-positive rate β = 0.01, exposed 1–14 days (mean 4.8), infectious 5–37 days
 * (mean 19.9). Immutable and thread-safe.
 *
 * @param alpha P(negative test | infectious)
 * @param beta P(positive test | not infectious)
 * @param exposedDays {@code exposedDays[d]} = P(exposed for exactly d days), index 0 unused (0)
 * @param infectiousDays {@code infectiousDays[d]} = P(infectious for exactly d days), index 0 unused (0)
 * @param retentionDays contacts and tests older than this many days are deleted; 0 keeps all
 */
public record CrispSettings(double alpha, double beta, double[] exposedDays, double[] infectiousDays, int retentionDays) {

    /** Setting keys. */
    public static final String ALPHA = "crisp.false_negative_rate";
    public static final String BETA = "crisp.false_positive_rate";
    public static final String EXPOSED = "crisp.exposed_days_distribution";
    public static final String INFECTIOUS = "crisp.infectious_days_distribution";
    public static final String RETENTION = "crisp.retention_days";

    private static final double[] DEFAULT_EXPOSED = {0.0000000000, 0.05908981283, 0.1656874653, 0.1819578343, 0.154807057,
        0.1198776096, 0.08938884645, 0.06572939883, 0.04819654533, 0.03543733758, 0.02620080839, 0.01950646727, 0.01463254844,
        0.0110616426, 0.008426626119};
    private static final double[] DEFAULT_INFECTIOUS = {0.000000000000, 0.000000000000, 0.00000000000, 0.000000000000,
        0.000000000000, 0.0001178655952, 0.0006658439543, 0.002319264193, 0.005825713197, 0.01160465163, 0.01949056696,
        0.02877007836, 0.03842711373, 0.04743309657, 0.05496446107, 0.06050719418, 0.06386313651, 0.065094874, 0.06444537162,
        0.06225794729, 0.0589104177, 0.05476817903, 0.05015542853, 0.0453410888, 0.04053528452, 0.03589255717, 0.03151878504,
        0.02747963753, 0.02380914891, 0.02051758911, 0.01759822872, 0.01503287457, 0.0127962154, 0.01085910889, 0.009190974483,
        0.007761463001, 0.006541562648, 0.005504277076};

    public CrispSettings {
        if (!(alpha > 0 && alpha < 0.5) || !(beta > 0 && beta < 0.5)) {
            throw new IllegalArgumentException("test error rates must be between 0 and 0.5");
        }
        exposedDays = normalised(exposedDays, "exposed");
        infectiousDays = normalised(infectiousDays, "infectious");
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retention days must be 0 (keep all) or more");
        }
    }

    /** The documented defaults (open CRISP code), keeping everything. */
    public static CrispSettings defaults() {
        return new CrispSettings(0.001, 0.01, DEFAULT_EXPOSED, DEFAULT_INFECTIOUS, 0);
    }

    /** The workspace's settings, each falling back to its default. */
    public static CrispSettings of(Workspace ws) {
        CrispSettings d = defaults();
        try {
            return new CrispSettings(
                    ws.setting(ALPHA).map(Double::parseDouble).orElse(d.alpha),
                    ws.setting(BETA).map(Double::parseDouble).orElse(d.beta),
                    ws.setting(EXPOSED).map(CrispSettings::parseList).orElse(d.exposedDays),
                    ws.setting(INFECTIOUS).map(CrispSettings::parseList).orElse(d.infectiousDays),
                    ws.setting(RETENTION).map(Integer::parseInt).orElse(d.retentionDays));
        } catch (IllegalArgumentException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "The workspace's CRISP settings are unusable (" + e.getMessage()
                    + "). Fix them in Settings or remove them to use the defaults.", e);
        }
    }

    /** Stores these settings in the workspace. */
    public void save(Workspace ws) {
        ws.putSetting(ALPHA, Double.toString(alpha));
        ws.putSetting(BETA, Double.toString(beta));
        ws.putSetting(EXPOSED, format(exposedDays));
        ws.putSetting(INFECTIOUS, format(infectiousDays));
        ws.putSetting(RETENTION, Integer.toString(retentionDays));
    }

    /** The same constants with another retention. */
    public CrispSettings withRetentionDays(int days) {
        return new CrispSettings(alpha, beta, exposedDays, infectiousDays, days);
    }

    /** The longest exposed duration with positive probability. */
    public int maxExposed() {
        return exposedDays.length - 1;
    }

    /** The longest infectious duration with positive probability. */
    public int maxInfectious() {
        return infectiousDays.length - 1;
    }

    /** Mean of a duration distribution. */
    public static double mean(double[] q) {
        double m = 0;
        for (int d = 1; d < q.length; d++) {
            m += d * q[d];
        }
        return m;
    }

    private static double[] parseList(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    private static String format(double[] q) {
        return Arrays.stream(q).mapToObj(v -> String.format(Locale.ROOT, "%.10g", v)).collect(Collectors.joining(","));
    }

    private static double[] normalised(double[] q, String what) {
        if (q == null || q.length < 2) {
            throw new IllegalArgumentException("the " + what + " duration distribution needs at least one day");
        }
        double sum = 0;
        for (int d = 0; d < q.length; d++) {
            if (!(q[d] >= 0) || Double.isInfinite(q[d])) {
                throw new IllegalArgumentException("the " + what + " duration distribution has a negative or unreadable value");
            }
            sum += d == 0 ? 0 : q[d];
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("the " + what + " duration distribution is all zero");
        }
        int last = q.length - 1;
        while (q[last] == 0) {
            last--;
        }
        double[] out = new double[last + 1];
        for (int d = 1; d <= last; d++) {
            out[d] = q[d] / sum;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrispSettings s && alpha == s.alpha && beta == s.beta && Arrays.equals(exposedDays, s.exposedDays)
                && Arrays.equals(infectiousDays, s.infectiousDays) && retentionDays == s.retentionDays;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exposedDays) * 31 + Arrays.hashCode(infectiousDays) + Double.hashCode(alpha) + retentionDays;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CrispSettings[alpha=%g, beta=%g, exposed mean %.2f, infectious mean %.2f, retention %d]",
                alpha, beta, mean(exposedDays), mean(infectiousDays), retentionDays);
    }
}
