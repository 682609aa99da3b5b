package in.workbench.analytics.network;

import in.workbench.analytics.LongIntMap;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.Arrays;
import java.util.List;

/**
 * What a production system knows about a session when it begins, as numbers for the model: its
 * own row, the same customer's earlier rows, and the outcomes of sessions that had <em>ended</em>
 * ({@code ts + page_load_ms}) before it began (shared/DATA-FORMATS.md, the real-time rule).
 *
 * <p>It is an online state machine, so the same code serves training, {@code predict} and the
 * embeddable {@link SlowNetworkScorer}: {@link #advanceTo} feeds the history with every session
 * that ended before a time (a queue of session ends), {@link #features} reads the history,
 * {@link #see} records the customer's row, and {@link #schedule} queues the session's end once its
 * outcome is known. {@link #computeAll} runs it over a whole table in one time-ordered pass, so the
 * cost grows as n log n. Rates are smoothed toward the next coarser level (tower-hour toward the
 * tower, the tower toward everyone). A session whose outcome has no load time has no known end and
 * never feeds the history. A missing value is NaN (XGBoost's "missing").
 *
 * <p>Besides slow shares and mean log load times, each ended session leaves its <em>excess</em>:
 * its log load minus the mean of its radio (network type), so a tower's or a pincode's figure is
 * not merely the mix of 2g and 5g phones it serves. Excesses are shrunk level by level (tower-hour
 * toward the tower, the tower toward zero; a customer toward their device model), a tower's recent
 * excess decays with a two-hour half-life (congestion comes and goes), and their sum with the
 * radio's mean is an additive guess of the log load that trees find hard to build from parts.
 * The customer's excess is also kept per part of the day (where the phone usually is then) and
 * per tower, so a customer whose tower id is hidden (iOS, no location permission) still has a
 * time-of-day history. Where no tower is named, the customer's excess is also kept per context —
 * weekday working hours or the rest of the week, where a phone usually is at work or at home — and
 * per context and part of the day; and every session reads its {@code last_latency_ms} beyond the
 * mean of the radio its previous row was on. Each ended session also leaves a clean excess (less what its radio × signal
 * band and its device model explained when it ended), from which a place's hour profile is kept smooth over a kernel of
 * hours, so a tower's estimate is not blurred by the signals and phones that happened to be there.
 *
 * <p>Not thread-safe.
 */
public final class PointInTimeFeatures {

    /** The features, in the order of a feature vector. */
    public static final List<String> NAMES = List.of("hour", "weekday", "net_2g", "net_3g", "net_4g", "net_5g", "net_wifi", "ram_gb",
            "signal_dbm", "log_last_latency", "os_ios", "os_version", "log_gap_min", "tower_switched", "tower_usual", "tower_hour_slow",
            "tower_near_hour_slow", "log_tower_hour_n", "tower_slow", "pincode_hour_slow", "log_pincode_hour_n", "customer_slow",
            "log_customer_n", "customer_last_log_load", "carrier_net_slow", "device_slow", "hour_slow", "log_customer_sessions",
            "tower_hour_log_load", "pincode_hour_log_load", "customer_log_load", "hour_log_load", "carrier_net_log_load",
            "tower_hour_excess", "pincode_hour_excess", "customer_excess", "device_excess", "tower_recent_excess", "expected_log_load",
            "customer_daypart_excess", "customer_tower_excess", "hour_excess", "pincode_carrier_hour_excess", "place_hour_excess",
            "expected_hour_log_load", "customer_context_excess", "customer_context_part_excess", "last_latency_excess",
            "expected_context_log_load", "signal_excess", "clean_place_hour_excess", "expected_clean_log_load");
    /** The first 41 features: model files of formats 1 and 2 were trained on these and score with them alone. */
    public static final List<String> NAMES_FORMAT_2 = NAMES.subList(0, 41);
    /** The first 45 features: model files of format 3 were trained on these and score with them alone. */
    public static final List<String> NAMES_FORMAT_3 = NAMES.subList(0, 45);
    /** The first 49 features: model files of format 4 were trained on these and score with them alone. */
    public static final List<String> NAMES_FORMAT_4 = NAMES.subList(0, 49);
    public static final int WIDTH = NAMES.size();

    static final int HOUR = 0;
    static final int WEEKDAY = 1;
    static final int NET = 2;
    static final int RAM = 7;
    static final int SIGNAL = 8;
    static final int LATENCY = 9;
    static final int OS_IOS = 10;
    static final int OS_VERSION = 11;
    static final int GAP = 12;
    static final int SWITCHED = 13;
    static final int USUAL = 14;
    static final int TOWER_HOUR = 15;
    static final int TOWER_NEAR = 16;
    static final int TOWER_HOUR_N = 17;
    static final int TOWER = 18;
    static final int PIN_HOUR = 19;
    static final int PIN_HOUR_N = 20;
    static final int CUSTOMER = 21;
    static final int CUSTOMER_N = 22;
    static final int CUSTOMER_LAST = 23;
    static final int CARRIER_NET = 24;
    static final int DEVICE = 25;
    static final int HOUR_SLOW = 26;
    static final int CUSTOMER_SESSIONS = 27;
    static final int TOWER_HOUR_LOAD = 28;
    static final int PIN_HOUR_LOAD = 29;
    static final int CUSTOMER_LOAD = 30;
    static final int HOUR_LOAD = 31;
    static final int CARRIER_NET_LOAD = 32;
    static final int TOWER_HOUR_EXCESS = 33;
    static final int PIN_HOUR_EXCESS = 34;
    static final int CUSTOMER_EXCESS = 35;
    static final int DEVICE_EXCESS = 36;
    static final int TOWER_RECENT_EXCESS = 37;
    static final int EXPECTED_LOAD = 38;
    static final int CUSTOMER_DAYPART_EXCESS = 39;
    static final int CUSTOMER_TOWER_EXCESS = 40;
    static final int HOUR_EXCESS = 41;
    static final int PIN_CARRIER_HOUR_EXCESS = 42;
    static final int PLACE_HOUR_EXCESS = 43;
    static final int EXPECTED_HOUR_LOAD = 44;
    static final int CUSTOMER_CONTEXT_EXCESS = 45;
    static final int CUSTOMER_CONTEXT_PART_EXCESS = 46;
    static final int LAST_LATENCY_EXCESS = 47;
    static final int EXPECTED_CONTEXT_LOAD = 48;
    static final int SIGNAL_EXCESS = 49;
    static final int CLEAN_PLACE_HOUR_EXCESS = 50;
    static final int EXPECTED_CLEAN_LOAD = 51;
    /** Signal strength in bands of 5 dBm from −140 dBm, per radio ({@code network * SIGNAL_BANDS + band}). */
    static final int SIGNAL_BANDS = 20;
    /** Hours in a part of the day: a customer's history at this time of day (home or work, rush or quiet). */
    static final int DAYPART_HOURS = 3;
    static final int DAYPARTS = 24 / DAYPART_HOURS;
    /**
     * Where a phone usually is: weekday working hours (09:00–19:00, Monday to Friday) or the rest of the week (evenings,
     * nights, weekends). The same hour means another place on a Saturday than on a Tuesday.
     */
    static final int CONTEXTS = 2;
    /** Half-life of a tower's recent history, in milliseconds (congestion swings within hours). */
    static final double RECENT_HALF_LIFE_MS = 2 * 3_600_000.0;
    private static final double DECAY_PER_MS = -Math.log(2) / RECENT_HALF_LIFE_MS;
    /** Ended sessions' worth of prior weight toward no effect for a signal band's excess. */
    private static final double SIGNAL_WEIGHT = 30;

    private final Sessions s;
    private long ended;
    private long endedSlow;
    private long endedTimed;
    private double endedLogLoad;
    private final Counts hours = new Counts();
    private final Counts towerHours = new Counts();
    private final Counts towerTotals = new Counts();
    private final Counts pinHours = new Counts();
    private final Counts pinTotals = new Counts();
    private final Counts customerOutcomes = new Counts();
    private final Counts carrierNets = new Counts();
    private final Counts devices = new Counts();
    private final Counts networks = new Counts();
    private final Counts towerHourExcess = new Counts();
    private final Counts towerExcess = new Counts();
    private final Counts pinHourExcess = new Counts();
    private final Counts pinExcess = new Counts();
    private final Counts customerExcess = new Counts();
    private final Counts deviceExcess = new Counts();
    /** Excess by local hour over everyone: the network-wide daily profile. */
    private final Counts hourExcess = new Counts();
    /**
     * Excess by pincode and carrier ({@link #pinCarriers} numbers the pairs), all hours and per hour: a tower serves one
     * carrier, so the customers of a place on the same carrier share its few towers, named or not.
     */
    private final Counts pinCarrierExcess = new Counts();
    private final Counts pinCarrierHourExcess = new Counts();
    private final PairIndex pinCarriers = new PairIndex();
    /** Excess by radio and signal band: what a weak signal adds, learned from ended sessions. */
    private final Counts signalExcess = new Counts();
    /*
     * The same histories of the clean excess: an ended session's excess less what its signal band and its device model
     * explained when it ended, so a place's congestion is not blurred by the phones and signals that happened to be there.
     */
    private final Counts hourClean = new Counts();
    private final Counts towerClean = new Counts();
    private final Counts towerHourClean = new Counts();
    private final Counts pinCarrierClean = new Counts();
    private final Counts pinCarrierHourClean = new Counts();
    private final Counts customerClean = new Counts();
    private float[] contextClean = new float[0];
    private float[] contextPartClean = new float[0];
    /** Per customer and part of the day ({@code customer * DAYPARTS + part}): ended sessions and their summed excess. */
    private float[] daypartN = new float[0];
    private float[] daypartExcess = new float[0];
    /** Per customer and context ({@code customer * CONTEXTS + context}), and per customer, context and part of the day. */
    private float[] contextN = new float[0];
    private float[] contextExcess = new float[0];
    private float[] contextPartN = new float[0];
    private float[] contextPartExcess = new float[0];
    /** The network type of the customer's latest row, or −1: what the row's {@code last_latency_ms} was measured on. */
    private int[] lastNetwork = new int[0];
    private double[] towerRecentWeight = new double[0];
    private double[] towerRecentSum = new double[0];
    private long[] towerRecentAt = new long[0];
    private long[] lastStart = new long[0];
    private int[] lastTower = new int[0];
    private int[] rows = new int[0];
    private float[] lastLoad = new float[0];
    private long[] lastLoadEnd = new long[0];
    /** Per customer and tower (only pairs that occur): rows seen, ended sessions, summed excess. */
    private final CustomerTowers customerTowers = new CustomerTowers();
    private final EndQueue pending = new EndQueue();
    /** {@code (float) Math.log1p(n)} for small counts, the same values without the call. */
    private static final float[] LOG1P = new float[4_096];

    static {
        for (int n = 0; n < LOG1P.length; n++) {
            LOG1P[n] = (float) Math.log1p(n);
        }
    }

    /** An empty history over the rows (and codes) of {@code sessions}. */
    public PointInTimeFeatures(Sessions sessions) {
        this.s = sessions;
    }

    /**
     * Features of every session of {@code sessions}, row {@code i} at {@code [i * WIDTH, (i + 1) * WIDTH)},
     * each computed as if it were the moment the session began.
     */
    public static float[] computeAll(Sessions sessions, ProgressMonitor monitor) {
        PointInTimeFeatures f = new PointInTimeFeatures(sessions);
        int[] order = sessions.timeOrder();
        float[] out = new float[sessions.size() * WIDTH];
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            f.advanceTo(sessions.start[i]);
            f.features(i, out, i * WIDTH);
            f.see(i);
            f.schedule(i);
            if ((k & 0xFFFF) == 0) {
                monitor.checkCancelled();
                monitor.update(k, order.length, String.format("features of %,d sessions", k));
            }
        }
        return out;
    }

    /** Feeds the history with every queued session that ended strictly before {@code now}. */
    public void advanceTo(long now) {
        EndQueue q = pending;
        while (q.size > 0 && q.end[q.heap[0]] < now) {
            int e = q.poll();
            int tower = q.tower[e];
            int pincode = q.pincode[e];
            int hour = q.hour[e];
            int context = q.context[e];
            int customer = q.customer[e];
            int device = q.device[e];
            int network = q.network[e];
            long end = q.end[e];
            int y = q.slow[e];
            float z = q.logLoad[e];
            ended++;
            endedSlow += y;
            endedTimed++;
            endedLogLoad += z;
            hours.add(hour, y, z);
            carrierNets.add(q.carrierNet[e], y, z);
            if (device != Sessions.NONE) {
                devices.add(device, y, z);
            }
            if (tower != Sessions.NONE) {
                towerHours.add(tower * 24 + hour, y, z);
                towerTotals.add(tower, y, z);
            }
            if (pincode != Sessions.NONE) {
                pinHours.add(pincode * 24 + hour, y, z);
                pinTotals.add(pincode, y, z);
            }
            customerOutcomes.add(customer, y, z);
            networks.add(network, y, z);
            // the load beyond what the radio alone explains: what a tower, a place or a phone adds
            float excess = (float) (z - networks.smoothLoad(network, endedLogLoad / endedTimed, 20));
            int signalBand = signalBand(network, q.signal[e]);
            float clean = (float) (excess - (signalBand < 0 ? 0 : signalExcess.smoothLoad(signalBand, 0, SIGNAL_WEIGHT))
                    - (device == Sessions.NONE ? 0 : deviceExcess.smoothLoad(device, 0, 20)));
            if (signalBand >= 0) {
                signalExcess.add(signalBand, 0, excess);
            }
            hourClean.add(hour, 0, clean);
            customerClean.add(customer, 0, clean);
            customerExcess.add(customer, 0, excess);
            growCustomers(customer);
            int part = customer * DAYPARTS + hour / DAYPART_HOURS;
            daypartN[part]++;
            daypartExcess[part] += excess;
            int cx = customer * CONTEXTS + context;
            contextN[cx]++;
            contextExcess[cx] += excess;
            int cxp = cx * DAYPARTS + hour / DAYPART_HOURS;
            contextPartN[cxp]++;
            contextPartExcess[cxp] += excess;
            contextClean[cx] += clean;
            contextPartClean[cxp] += clean;
            if (tower != Sessions.NONE) {
                int ct = customerTowers.slot(customer, tower);
                customerTowers.ended[ct]++;
                customerTowers.excess[ct] += excess;
            }
            if (device != Sessions.NONE) {
                deviceExcess.add(device, 0, excess);
            }
            if (tower != Sessions.NONE) {
                towerHourExcess.add(tower * 24 + hour, 0, excess);
                towerExcess.add(tower, 0, excess);
                addRecent(tower, end, excess);
                towerHourClean.add(tower * 24 + hour, 0, clean);
                towerClean.add(tower, 0, clean);
            }
            if (pincode != Sessions.NONE) {
                pinHourExcess.add(pincode * 24 + hour, 0, excess);
                pinExcess.add(pincode, 0, excess);
                int pc = pinCarriers.slot(pincode, q.carrierNet[e] / 5);
                pinCarrierExcess.add(pc, 0, excess);
                pinCarrierHourExcess.add(pc * 24 + hour, 0, excess);
                pinCarrierClean.add(pc, 0, clean);
                pinCarrierHourClean.add(pc * 24 + hour, 0, clean);
            }
            hourExcess.add(hour, 0, excess);
            if (end >= lastLoadEnd[customer]) {
                lastLoadEnd[customer] = end;
                lastLoad[customer] = z;
            }
            q.free(e);
        }
    }

    /** Queues row {@code i}'s end if it has an outcome and a load time. */
    public void schedule(int i) {
        if (s.slow[i] < 0 || s.pageLoad[i] < 0) {
            return;
        }
        pending.offer(s.start[i] + s.pageLoad[i], s.tower[i], s.pincode[i], s.localHour(i), context(i), s.customer[i], carrierNet(i),
                s.device[i], s.network[i], s.signal[i], s.slow[i], (float) Math.log1p(s.pageLoad[i]));
    }

    /** Records row {@code i} as the customer's latest row. */
    public void see(int i) {
        int c = s.customer[i];
        growCustomers(c);
        lastStart[c] = s.start[i];
        lastTower[c] = s.tower[i];
        lastNetwork[c] = s.network[i];
        rows[c]++;
        if (s.tower[i] != Sessions.NONE) {
            int ct = customerTowers.slot(c, s.tower[i]);
            customerTowers.rows[ct]++;
        }
    }

    /** Adds an excess to the tower's exponentially decayed recent history. */
    private void addRecent(int tower, long at, float excess) {
        if (tower >= towerRecentAt.length) {
            int n = Math.max(tower + 1, towerRecentAt.length * 2);
            towerRecentWeight = Arrays.copyOf(towerRecentWeight, n);
            towerRecentSum = Arrays.copyOf(towerRecentSum, n);
            towerRecentAt = Arrays.copyOf(towerRecentAt, n);
        }
        double decay = decay(at - towerRecentAt[tower]);
        towerRecentWeight[tower] = towerRecentWeight[tower] * decay + 1;
        towerRecentSum[tower] = towerRecentSum[tower] * decay + excess;
        towerRecentAt[tower] = Math.max(at, towerRecentAt[tower]);
    }

    private static double decay(long millis) {
        return millis <= 0 ? 1 : Math.exp(millis * DECAY_PER_MS);
    }

    /** Row {@code i}'s context: 1 in weekday working hours, 0 otherwise ({@link #CONTEXTS}). */
    private int context(int i) {
        int hour = s.localHour(i);
        return s.localWeekday(i) < 5 && hour >= 9 && hour < 19 ? 1 : 0;
    }

    private int carrierNet(int i) {
        return (s.carrier[i] + 1) * 5 + s.network[i];
    }

    private void growCustomers(int c) {
        if (c >= rows.length) {
            int n = Math.max(c + 1, rows.length * 2);
            int old = rows.length;
            lastStart = Arrays.copyOf(lastStart, n);
            lastTower = Arrays.copyOf(lastTower, n);
            rows = Arrays.copyOf(rows, n);
            lastLoad = Arrays.copyOf(lastLoad, n);
            lastLoadEnd = Arrays.copyOf(lastLoadEnd, n);
            daypartN = Arrays.copyOf(daypartN, n * DAYPARTS);
            daypartExcess = Arrays.copyOf(daypartExcess, n * DAYPARTS);
            contextN = Arrays.copyOf(contextN, n * CONTEXTS);
            contextExcess = Arrays.copyOf(contextExcess, n * CONTEXTS);
            contextPartN = Arrays.copyOf(contextPartN, n * CONTEXTS * DAYPARTS);
            contextPartExcess = Arrays.copyOf(contextPartExcess, n * CONTEXTS * DAYPARTS);
            contextClean = Arrays.copyOf(contextClean, n * CONTEXTS);
            contextPartClean = Arrays.copyOf(contextPartClean, n * CONTEXTS * DAYPARTS);
            lastNetwork = Arrays.copyOf(lastNetwork, n);
            Arrays.fill(lastNetwork, old, n, -1);
            Arrays.fill(lastLoad, old, n, Float.NaN);
            Arrays.fill(lastLoadEnd, old, n, Long.MIN_VALUE);
            Arrays.fill(lastTower, old, n, Sessions.NONE);
        }
    }

    /** Writes row {@code i}'s features into {@code out[off …]} from the history as it stands. */
    public void features(int i, float[] out, int off) {
        Arrays.fill(out, off, off + WIDTH, Float.NaN);
        int hour = s.localHour(i);
        double g = (endedSlow + 1.0) / (ended + 5.0);
        double gz = endedTimed == 0 ? Math.log1p(2_000) : endedLogLoad / endedTimed;
        out[off + HOUR] = hour;
        out[off + WEEKDAY] = s.localWeekday(i);
        for (int k = 0; k < 5; k++) {
            out[off + NET + k] = s.network[i] == k ? 1 : 0;
        }
        out[off + RAM] = s.ramGb[i];
        if (s.signal[i] != Sessions.NO_SIGNAL) {
            out[off + SIGNAL] = s.signal[i];
        }
        if (s.latency[i] >= 0) {
            out[off + LATENCY] = log1p(s.latency[i]);
        }
        if (s.osFamily[i] != Sessions.OS_UNKNOWN) {
            out[off + OS_IOS] = s.osFamily[i] == Sessions.OS_IOS ? 1 : 0;
        }
        out[off + OS_VERSION] = s.osVersion[i];
        int c = s.customer[i];
        growCustomers(c);
        int tower = s.tower[i];
        if (rows[c] > 0) {
            out[off + GAP] = (float) Math.log1p(Math.max(0, s.start[i] - lastStart[c]) / 60_000.0);
            if (tower != Sessions.NONE && lastTower[c] != Sessions.NONE) {
                out[off + SWITCHED] = tower != lastTower[c] ? 1 : 0;
            }
            if (tower != Sessions.NONE) {
                int ct = customerTowers.find(c, tower);
                out[off + USUAL] = ct < 0 ? 0 : customerTowers.rows[ct] / (float) rows[c];
            }
        }
        out[off + CUSTOMER_SESSIONS] = log1p(rows[c]);
        double hourRate = hours.smooth(hour, g, 30);
        out[off + HOUR_SLOW] = (float) hourRate;
        double hourLoad = hours.smoothLoad(hour, gz, 30);
        out[off + HOUR_LOAD] = (float) hourLoad;
        if (tower != Sessions.NONE) {
            double towerRate = towerTotals.smooth(tower, g, 20);
            out[off + TOWER] = (float) towerRate;
            out[off + TOWER_HOUR] = (float) towerHours.smooth(tower * 24 + hour, towerRate, 5);
            int n = 0;
            int y = 0;
            for (int d = -1; d <= 1; d++) {
                int h = Math.floorMod(hour + d, 24);
                n += towerHours.n(tower * 24 + h);
                y += towerHours.y(tower * 24 + h);
            }
            out[off + TOWER_NEAR] = (float) ((y + 5 * towerRate) / (n + 5));
            out[off + TOWER_HOUR_N] = log1p(towerHours.n(tower * 24 + hour));
            out[off + TOWER_HOUR_LOAD] = (float) towerHours.smoothLoadNear(tower * 24, hour, towerTotals.smoothLoad(tower, hourLoad, 10), 4);
        }
        int pin = s.pincode[i];
        if (pin != Sessions.NONE) {
            double pinRate = pinTotals.smooth(pin, g, 20);
            out[off + PIN_HOUR] = (float) pinHours.smooth(pin * 24 + hour, pinRate, 5);
            out[off + PIN_HOUR_N] = log1p(pinHours.n(pin * 24 + hour));
            out[off + PIN_HOUR_LOAD] = (float) pinHours.smoothLoadNear(pin * 24, hour, pinTotals.smoothLoad(pin, hourLoad, 10), 4);
        }
        double netLoad = networks.smoothLoad(s.network[i], gz, 20);
        double deviceExcessValue = s.device[i] == Sessions.NONE ? 0 : deviceExcess.smoothLoad(s.device[i], 0, 20);
        if (s.device[i] != Sessions.NONE) {
            out[off + DEVICE_EXCESS] = (float) deviceExcessValue;
        }
        double customerExcessValue = customerExcess.smoothLoad(c, deviceExcessValue, 3);
        out[off + CUSTOMER_EXCESS] = (float) customerExcessValue;
        double placeExcess = Double.NaN;
        if (tower != Sessions.NONE) {
            double towerExcessValue = towerExcess.smoothLoad(tower, 0, 10);
            placeExcess = towerHourExcess.smoothLoadNear(tower * 24, hour, towerExcessValue, 4);
            out[off + TOWER_HOUR_EXCESS] = (float) placeExcess;
            if (tower < towerRecentAt.length && towerRecentWeight[tower] > 0) {
                double d = decay(s.start[i] - towerRecentAt[tower]);
                out[off + TOWER_RECENT_EXCESS] = (float) ((towerRecentSum[tower] * d + placeExcess) / (towerRecentWeight[tower] * d + 1));
            } else {
                out[off + TOWER_RECENT_EXCESS] = (float) placeExcess;
            }
        }
        if (pin != Sessions.NONE) {
            double pinHourExcessValue = pinHourExcess.smoothLoadNear(pin * 24, hour, pinExcess.smoothLoad(pin, 0, 10), 4);
            out[off + PIN_HOUR_EXCESS] = (float) pinHourExcessValue;
            if (placeExcess != placeExcess) {
                placeExcess = pinHourExcessValue;
            }
        }
        int part = c * DAYPARTS + hour / DAYPART_HOURS;
        out[off + CUSTOMER_DAYPART_EXCESS] = (daypartExcess[part] + 2 * (float) customerExcessValue) / (daypartN[part] + 2);
        if (tower != Sessions.NONE) {
            int ct = customerTowers.find(c, tower);
            double prior = (customerExcessValue + placeExcess) / 2;
            out[off + CUSTOMER_TOWER_EXCESS] = (float) (ct < 0 ? prior
                    : (customerTowers.excess[ct] + 2 * prior) / (customerTowers.ended[ct] + 2));
        }
        // an additive guess of the log load: radio, then place and hour, then the phone and its owner
        out[off + EXPECTED_LOAD] = (float) (netLoad + (placeExcess == placeExcess ? placeExcess : 0) + customerExcessValue);
        double hourDeviation = hourProfile(i, out, off, netLoad, customerExcessValue, part);
        contextProfile(i, out, off, netLoad, customerExcessValue, hourDeviation, gz);
        cleanProfile(i, out, off, netLoad, deviceExcessValue);
        out[off + CUSTOMER] = (float) customerOutcomes.smooth(c, g, 3);
        out[off + CUSTOMER_LOAD] = (float) customerOutcomes.smoothLoad(c, gz, 3);
        out[off + CARRIER_NET_LOAD] = (float) carrierNets.smoothLoad(carrierNet(i), gz, 30);
        out[off + CUSTOMER_N] = log1p(customerOutcomes.n(c));
        out[off + CUSTOMER_LAST] = lastLoad[c];
        out[off + CARRIER_NET] = (float) carrierNets.smooth(carrierNet(i), g, 30);
        if (s.device[i] != Sessions.NONE) {
            out[off + DEVICE] = (float) devices.smooth(s.device[i], g, 20);
        }
    }

    /**
     * A place's congestion at an hour it may not have been seen at yet, by empirical-Bayes shrinkage level by level: the
     * network-wide hour profile; the pincode and carrier at this hour (and its neighbours) toward its all-hours excess plus
     * that profile; the tower at this hour toward the tower's all-hours excess plus the pincode and carrier's deviation at
     * this hour. Without a named tower (wifi, iOS, no location permission) the place is the customer's own part of the
     * day, shrunk toward their all-hours excess plus the same hour deviation.
     */
    private double hourProfile(int i, float[] out, int off, double netLoad, double customerExcessValue, int part) {
        int hour = s.localHour(i);
        double hourDev = hourExcess.smoothLoad(hour, 0, 30);
        out[off + HOUR_EXCESS] = (float) hourDev;
        int pin = s.pincode[i];
        double dev = hourDev;
        if (pin != Sessions.NONE) {
            int pc = pinCarriers.find(pin, s.carrier[i] + 1);
            double pinAll = pinExcess.smoothLoad(pin, 0, 10);
            double pcAll = pc < 0 ? pinAll : pinCarrierExcess.smoothLoad(pc, pinAll, 10);
            double pcHour = pc < 0 ? pcAll + hourDev : pinCarrierHourExcess.smoothLoadNear(pc * 24, hour, pcAll + hourDev, 4);
            out[off + PIN_CARRIER_HOUR_EXCESS] = (float) pcHour;
            dev = pcHour - pcAll;
        }
        int tower = s.tower[i];
        double place;
        if (tower != Sessions.NONE) {
            place = towerHourExcess.smoothLoadNear(tower * 24, hour, towerExcess.smoothLoad(tower, 0, 10) + dev, 4);
            out[off + EXPECTED_HOUR_LOAD] = (float) (netLoad + place + customerExcessValue);
        } else {
            place = (daypartExcess[part] + 3 * (customerExcessValue + dev)) / (daypartN[part] + 3);
            out[off + EXPECTED_HOUR_LOAD] = (float) (netLoad + place);
        }
        out[off + PLACE_HOUR_EXCESS] = (float) place;
        return dev;
    }

    /**
     * The row's {@code last_latency_ms} beyond the mean of the radio the customer's previous row was on (the latest load
     * the app measured for this customer, known whether or not that session's outcome has arrived); and, only without a
     * named tower (the tower at this hour already tells the place), the customer's own history where the phone usually is
     * at this time ({@link #context}): their excess in this context, shrunk toward their all-hours excess, in this
     * context's part of the day, shrunk toward that plus the hour's deviation, and the radio's mean plus the latter.
     */
    private void contextProfile(int i, float[] out, int off, double netLoad, double customerExcessValue, double hourDeviation, double gz) {
        int c = s.customer[i];
        if (rows[c] > 0 && s.latency[i] >= 0 && lastNetwork[c] >= 0) {
            out[off + LAST_LATENCY_EXCESS] = (float) (Math.log1p(s.latency[i]) - networks.smoothLoad(lastNetwork[c], gz, 20));
        }
        if (s.tower[i] != Sessions.NONE) {
            return;
        }
        int cx = c * CONTEXTS + context(i);
        double contextValue = (contextExcess[cx] + 2 * customerExcessValue) / (contextN[cx] + 2);
        out[off + CUSTOMER_CONTEXT_EXCESS] = (float) contextValue;
        int cxp = cx * DAYPARTS + s.localHour(i) / DAYPART_HOURS;
        double partValue = (contextPartExcess[cxp] + 3 * (contextValue + hourDeviation)) / (contextPartN[cxp] + 3);
        out[off + CUSTOMER_CONTEXT_PART_EXCESS] = (float) partValue;
        out[off + EXPECTED_CONTEXT_LOAD] = (float) (netLoad + partValue);
    }

    /**
     * The place's congestion at this hour from clean excesses (each ended session's excess less what its signal band and
     * device model explained when it ended), shrunk level by level as in {@link #hourProfile}; the row's own signal band's
     * excess; and an additive guess of the log load: the radio's mean, the signal's and the device's shares, the clean place
     * at this hour and (with a named tower) the customer's clean excess.
     */
    private void cleanProfile(int i, float[] out, int off, double netLoad, double deviceExcessValue) {
        int band = signalBand(s.network[i], s.signal[i]);
        double signalValue = 0;
        if (band >= 0) {
            signalValue = signalExcess.smoothLoad(band, 0, SIGNAL_WEIGHT);
            out[off + SIGNAL_EXCESS] = (float) signalValue;
        }
        int hour = s.localHour(i);
        double dev = hourClean.smoothLoad(hour, 0, 30);
        int pin = s.pincode[i];
        if (pin != Sessions.NONE) {
            int pc = pinCarriers.find(pin, s.carrier[i] + 1);
            if (pc >= 0) {
                double pcAll = pinCarrierClean.smoothLoad(pc, 0, 10);
                dev = pinCarrierHourClean.smoothLoadKernel(pc * 24, hour, pcAll + dev, 4) - pcAll;
            }
        }
        int c = s.customer[i];
        double customerValue = customerClean.smoothLoad(c, 0, 3);
        int tower = s.tower[i];
        double place;
        double expected = netLoad + signalValue + deviceExcessValue;
        if (tower != Sessions.NONE) {
            place = towerHourClean.smoothLoadKernel(tower * 24, hour, towerClean.smoothLoad(tower, 0, 10) + dev, 4);
            expected += place + customerValue;
        } else {
            int cx = c * CONTEXTS + context(i);
            double contextValue = (contextClean[cx] + 2 * customerValue) / (contextN[cx] + 2);
            int cxp = cx * DAYPARTS + hour / DAYPART_HOURS;
            place = (contextPartClean[cxp] + 3 * (contextValue + dev)) / (contextPartN[cxp] + 3);
            expected += place;
        }
        out[off + CLEAN_PLACE_HOUR_EXCESS] = (float) place;
        out[off + EXPECTED_CLEAN_LOAD] = (float) expected;
    }

    /** The key of a radio and signal band, or −1 without a signal. */
    private static int signalBand(int network, int signal) {
        if (signal == Sessions.NO_SIGNAL) {
            return -1;
        }
        return network * SIGNAL_BANDS + Math.max(0, Math.min(SIGNAL_BANDS - 1, (signal + 140) / 5));
    }

    /** {@code (float) Math.log1p(n)} of a count or a latency, from the table when small. */
    private static float log1p(int n) {
        return n < LOG1P.length ? LOG1P[n] : (float) Math.log1p(n);
    }

    /** The sessions waiting for their end, with what each will add to the histories once it has ended. */
    private static final class EndQueue extends SessionEnds {
        int[] tower = new int[64];
        int[] pincode = new int[64];
        int[] hour = new int[64];
        int[] context = new int[64];
        int[] customer = new int[64];
        int[] carrierNet = new int[64];
        int[] device = new int[64];
        int[] network = new int[64];
        int[] signal = new int[64];
        int[] slow = new int[64];
        float[] logLoad = new float[64];

        @Override
        void grow(int n) {
            tower = Arrays.copyOf(tower, n);
            pincode = Arrays.copyOf(pincode, n);
            hour = Arrays.copyOf(hour, n);
            context = Arrays.copyOf(context, n);
            customer = Arrays.copyOf(customer, n);
            carrierNet = Arrays.copyOf(carrierNet, n);
            device = Arrays.copyOf(device, n);
            network = Arrays.copyOf(network, n);
            signal = Arrays.copyOf(signal, n);
            slow = Arrays.copyOf(slow, n);
            logLoad = Arrays.copyOf(logLoad, n);
        }

        void offer(long endMs, int towerCode, int pincodeCode, int localHour, int contextCode, int customerCode, int carrierNetCode,
                int deviceCode, int networkCode, int signalDbm, int slowOutcome, float logLoadTime) {
            int e = slot(endMs);
            tower[e] = towerCode;
            pincode[e] = pincodeCode;
            hour[e] = localHour;
            context[e] = contextCode;
            customer[e] = customerCode;
            carrierNet[e] = carrierNetCode;
            device[e] = deviceCode;
            network[e] = networkCode;
            signal[e] = signalDbm;
            slow[e] = slowOutcome;
            logLoad[e] = logLoadTime;
            push(e);
        }
    }

    /** Per customer and tower (only pairs that occur): rows seen, ended sessions and their summed excess. */
    private static final class CustomerTowers extends PairIndex {
        int[] rows = new int[256];
        int[] ended = new int[256];
        float[] excess = new float[256];

        @Override
        void made(int v) {
            if (v == rows.length) {
                rows = Arrays.copyOf(rows, v * 2);
                ended = Arrays.copyOf(ended, v * 2);
                excess = Arrays.copyOf(excess, v * 2);
            }
        }
    }

    /** Numbers the pairs of two codes that occur (0, 1, 2, … in order of first occurrence), keyed by {@code a << 32 | b} (no boxing). */
    private static class PairIndex {
        private final LongIntMap numbers = new LongIntMap();

        /** The pair's number, or −1 when it never occurred. */
        final int find(int a, int b) {
            return numbers.get(key(a, b));
        }

        /** The pair's number, made when new. */
        final int slot(int a, int b) {
            int v = numbers.size();
            int earlier = numbers.putIfAbsent(key(a, b), v);
            if (earlier != LongIntMap.ABSENT) {
                return earlier;
            }
            made(v);
            return v;
        }

        /** Called with each new pair's number before it is used (to grow per-pair arrays). */
        void made(int v) {
        }

        private static long key(int a, int b) {
            return ((long) a << 32) | (b & 0xFFFF_FFFFL);
        }
    }

    /** Weights of hours 0, 1, … 4 away: a Gaussian kernel with a standard deviation of 1.5 hours. */
    private static final double[] KERNEL = {1, Math.exp(-1 / 4.5), Math.exp(-4 / 4.5), Math.exp(-9 / 4.5), Math.exp(-16 / 4.5)};

    /** Outcome counts (and summed log load times) by a small integer key. */
    private static final class Counts {
        private int[] n = new int[64];
        private int[] y = new int[64];
        private double[] z = new double[64];

        void add(int key, int slow, float logLoad) {
            if (key >= n.length) {
                int size = Math.max(key + 1, n.length * 2);
                n = Arrays.copyOf(n, size);
                y = Arrays.copyOf(y, size);
                z = Arrays.copyOf(z, size);
            }
            n[key]++;
            y[key] += slow;
            z[key] += logLoad;
        }

        double z(int key) {
            return key < z.length ? z[key] : 0;
        }

        /** The mean log load time, pulled toward {@code prior} as if {@code weight} sessions had it. */
        double smoothLoad(int key, double prior, double weight) {
            return (z(key) + weight * prior) / (n(key) + weight);
        }

        /** The same over the hour and its two neighbours, for keys {@code base + hour}. */
        double smoothLoadNear(int base, int hour, double prior, double weight) {
            double sum = 0;
            int count = 0;
            for (int d = -1; d <= 1; d++) {
                int k = base + Math.floorMod(hour + d, 24);
                sum += z(k);
                count += n(k);
            }
            return (sum + weight * prior) / (count + weight);
        }

        /**
         * The same over the hours around {@code hour} weighted by a Gaussian kernel of 1.5 hours ({@link #KERNEL}), so a
         * place's daily profile is smooth and an hour not yet seen borrows from the hours on either side.
         */
        double smoothLoadKernel(int base, int hour, double prior, double weight) {
            double sum = 0;
            double count = 0;
            for (int d = -KERNEL.length + 1; d < KERNEL.length; d++) {
                int h = hour + d; // hour is 0–23 and |d| ≤ 4: one wrap at most, the same hours as Math.floorMod without the division
                int k = base + (h < 0 ? h + 24 : h >= 24 ? h - 24 : h);
                double w = KERNEL[d < 0 ? -d : d];
                sum += w * z(k);
                count += w * n(k);
            }
            return (sum + weight * prior) / (count + weight);
        }

        int n(int key) {
            return key < n.length ? n[key] : 0;
        }

        int y(int key) {
            return key < y.length ? y[key] : 0;
        }

        /** The slow share, pulled toward {@code prior} as if {@code weight} sessions had it. */
        double smooth(int key, double prior, double weight) {
            return (y(key) + weight * prior) / (n(key) + weight);
        }
    }
}
