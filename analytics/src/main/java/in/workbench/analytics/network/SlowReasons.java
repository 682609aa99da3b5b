package in.workbench.analytics.network;

import static in.workbench.analytics.network.PointInTimeFeatures.CARRIER_NET;
import static in.workbench.analytics.network.PointInTimeFeatures.CARRIER_NET_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.CLEAN_PLACE_HOUR_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_CONTEXT_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_CONTEXT_PART_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_DAYPART_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_LAST;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_N;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_SESSIONS;
import static in.workbench.analytics.network.PointInTimeFeatures.CUSTOMER_TOWER_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.DEVICE;
import static in.workbench.analytics.network.PointInTimeFeatures.DEVICE_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.EXPECTED_CLEAN_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.EXPECTED_CONTEXT_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.EXPECTED_HOUR_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.EXPECTED_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.GAP;
import static in.workbench.analytics.network.PointInTimeFeatures.HOUR;
import static in.workbench.analytics.network.PointInTimeFeatures.HOUR_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.HOUR_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.HOUR_SLOW;
import static in.workbench.analytics.network.PointInTimeFeatures.LAST_LATENCY_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.LATENCY;
import static in.workbench.analytics.network.PointInTimeFeatures.NET;
import static in.workbench.analytics.network.PointInTimeFeatures.OS_IOS;
import static in.workbench.analytics.network.PointInTimeFeatures.OS_VERSION;
import static in.workbench.analytics.network.PointInTimeFeatures.PIN_CARRIER_HOUR_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.PIN_HOUR;
import static in.workbench.analytics.network.PointInTimeFeatures.PIN_HOUR_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.PIN_HOUR_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.PIN_HOUR_N;
import static in.workbench.analytics.network.PointInTimeFeatures.PLACE_HOUR_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.RAM;
import static in.workbench.analytics.network.PointInTimeFeatures.SIGNAL;
import static in.workbench.analytics.network.PointInTimeFeatures.SIGNAL_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.SWITCHED;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER_HOUR;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER_HOUR_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER_HOUR_LOAD;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER_HOUR_N;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER_NEAR;
import static in.workbench.analytics.network.PointInTimeFeatures.TOWER_RECENT_EXCESS;
import static in.workbench.analytics.network.PointInTimeFeatures.USUAL;
import static in.workbench.analytics.network.PointInTimeFeatures.WEEKDAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a session's P(slow) is high, in the analyst's words: each group of related features (the
 * radio, the signal, the last latency, the device, the tower at this hour, a tower switch, the
 * pincode, the customer's history, the carrier, the hour) is set to its typical value on the
 * training sessions, and the groups whose typical value would lower P(slow) most are the reasons,
 * ranked by how much (at least {@link #MIN_EFFECT}, at most {@link #MAX_REASONS}).
 *
 * <p>Stateless; thread-safe (the caller owns the buffers).
 */
public final class SlowReasons {

    static final double MIN_EFFECT = 0.01;
    static final int MAX_REASONS = 3;

    private enum Group {
        NETWORK(NET, NET + 1, NET + 2, NET + 3, NET + 4),
        SIGNAL_STRENGTH(SIGNAL, SIGNAL_EXCESS),
        LAST_LATENCY(LATENCY, LAST_LATENCY_EXCESS),
        DEVICE_MODEL(RAM, OS_IOS, OS_VERSION, DEVICE, DEVICE_EXCESS),
        TOWER_AT_HOUR(TOWER_HOUR, TOWER_NEAR, TOWER_HOUR_N, TOWER, TOWER_HOUR_LOAD, TOWER_HOUR_EXCESS, TOWER_RECENT_EXCESS, EXPECTED_LOAD,
                PLACE_HOUR_EXCESS, EXPECTED_HOUR_LOAD, EXPECTED_CONTEXT_LOAD, CLEAN_PLACE_HOUR_EXCESS, EXPECTED_CLEAN_LOAD),
        TOWER_SWITCH(GAP, SWITCHED, USUAL),
        PINCODE(PIN_HOUR, PIN_HOUR_N, PIN_HOUR_LOAD, PIN_HOUR_EXCESS, PIN_CARRIER_HOUR_EXCESS),
        CUSTOMER_HISTORY(CUSTOMER, CUSTOMER_N, CUSTOMER_LAST, CUSTOMER_SESSIONS, CUSTOMER_LOAD, CUSTOMER_EXCESS, CUSTOMER_DAYPART_EXCESS,
                CUSTOMER_TOWER_EXCESS, CUSTOMER_CONTEXT_EXCESS, CUSTOMER_CONTEXT_PART_EXCESS),
        CARRIER(CARRIER_NET, CARRIER_NET_LOAD),
        TIME(HOUR, WEEKDAY, HOUR_SLOW, HOUR_LOAD, HOUR_EXCESS);

        final int[] features;

        Group(int... features) {
            this.features = features;
        }
    }

    private SlowReasons() {
    }

    /**
     * The reasons for row {@code i} of {@code s} whose features are {@code x[off …]} and whose P(slow)
     * is {@code p}, {@code ;}-separated (empty when nothing stands out).
     *
     * @param buffer a caller-owned array of at least {@link PointInTimeFeatures#WIDTH}
     */
    public static String explain(SlowNetworkModel model, Sessions s, int i, float[] x, int off, double p, float[] buffer, float[] scratch) {
        return explain(model, s, i, x, off, p, model.plattA(), model.plattB(), buffer, scratch);
    }

    /**
     * The same for a session whose P(slow) came from a running calibration: σ(slope·logit(raw) + intercept)
     * (the session's own map, see {@link RunningCalibration#lastSlope}).
     */
    public static String explain(SlowNetworkModel model, Sessions s, int i, float[] x, int off, double p, double slope, double intercept,
            float[] buffer, float[] scratch) {
        int w = PointInTimeFeatures.WIDTH;
        double[] effect = new double[Group.values().length];
        for (Group g : Group.values()) {
            System.arraycopy(x, off, buffer, 0, w);
            boolean changed = false;
            for (int f : g.features) {
                float typical = model.typical(f);
                if (Float.compare(buffer[f], typical) != 0) {
                    buffer[f] = typical;
                    changed = true;
                }
            }
            effect[g.ordinal()] = changed ? p - SlowNetworkModel.platt(model.raw(buffer, 0, scratch), slope, intercept) : 0;
        }
        List<Group> chosen = new ArrayList<>();
        for (int k = 0; k < MAX_REASONS; k++) {
            Group best = null;
            for (Group g : Group.values()) {
                if (!chosen.contains(g) && effect[g.ordinal()] >= MIN_EFFECT && (best == null || effect[g.ordinal()] > effect[best.ordinal()])) {
                    best = g;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
        }
        StringBuilder b = new StringBuilder();
        for (Group g : chosen) {
            b.append(b.length() == 0 ? "" : "; ").append(text(g, s, i, x, off));
        }
        return b.toString();
    }

    private static String text(Group g, Sessions s, int i, float[] x, int off) {
        return switch (g) {
            case NETWORK -> "on " + s.network(i).code();
            case SIGNAL_STRENGTH -> "weak signal (" + s.signal[i] + " dBm)";
            case LAST_LATENCY -> String.format(Locale.ROOT, "the previous request took %,d ms", s.latency[i]);
            case DEVICE_MODEL -> Float.isNaN(s.ramGb(i)) ? "this device model is often slow"
                    : String.format(Locale.ROOT, "device with %s GB memory", trim(s.ramGb(i)));
            case TOWER_AT_HOUR -> String.format(Locale.ROOT, "tower %s congested around %02d:00 (%.0f %% slow)", s.towerId(i), s.localHour(i),
                    100 * x[off + TOWER_HOUR]);
            case TOWER_SWITCH -> x[off + SWITCHED] == 1 ? "switched towers since the last session" : "a tower this customer rarely uses";
            case PINCODE -> String.format(Locale.ROOT, "pincode %s often slow at this hour (%.0f %%)", s.pincode(i), 100 * x[off + PIN_HOUR]);
            case CUSTOMER_HISTORY -> String.format(Locale.ROOT, "this customer's sessions are often slow (%.0f %%)", 100 * x[off + CUSTOMER]);
            case CARRIER -> String.format(Locale.ROOT, "%s on %s often slow (%.0f %%)", s.carrier(i) == null ? "no SIM" : s.carrier(i),
                    s.network(i).code(), 100 * x[off + CARRIER_NET]);
            case TIME -> String.format(Locale.ROOT, "busy hour (%02d:00)", s.localHour(i));
        };
    }

    private static String trim(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
