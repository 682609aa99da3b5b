package in.workbench.analytics.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sessions held column by column, with customers, towers, pincodes, carriers and device models
 * coded as small integers, so that millions fit in memory and the time-ordered feature pass reads
 * arrays instead of strings. Rows are appended; the codes of a value never change. Not
 * thread-safe: one pass or one scorer owns it.
 */
public final class Sessions {

    /** Code of a blank text column. */
    public static final int NONE = -1;
    /** {@link #signal} of a blank signal strength. */
    public static final int NO_SIGNAL = Integer.MIN_VALUE;
    /** Operating-system families. */
    public static final byte OS_UNKNOWN = 0;
    public static final byte OS_ANDROID = 1;
    public static final byte OS_IOS = 2;
    public static final byte OS_OTHER = 3;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    final Dictionary customers = new Dictionary();
    final Dictionary towers = new Dictionary();
    final Dictionary pincodes = new Dictionary();
    final Dictionary carriers = new Dictionary();
    final Dictionary devices = new Dictionary();

    int size;
    /** {@link #timeOrder} as last computed; null once a row is added. */
    private int[] order;
    String[] id = new String[16];
    int[] customer = new int[16];
    long[] start = new long[16];
    int[] offsetSeconds = new int[16];
    byte[] network = new byte[16];
    byte[] osFamily = new byte[16];
    float[] osVersion = new float[16];
    float[] ramGb = new float[16];
    int[] tower = new int[16];
    int[] pincode = new int[16];
    int[] carrier = new int[16];
    int[] device = new int[16];
    int[] signal = new int[16];
    int[] latency = new int[16];
    int[] pageLoad = new int[16];
    byte[] slow = new byte[16];

    /** Number of rows. */
    public int size() {
        return size;
    }

    /** Appends a session; returns its row index. */
    public int add(SessionRow r) {
        if (size == id.length) {
            grow(size * 2);
        }
        int i = size++;
        order = null;
        id[i] = r.sessionId();
        customer[i] = customers.code(r.customerId());
        start[i] = r.ts().toInstant().toEpochMilli();
        offsetSeconds[i] = r.ts().getOffset().getTotalSeconds();
        network[i] = (byte) r.networkType().ordinal();
        osFamily[i] = osFamily(r.os());
        osVersion[i] = osVersion(r.os());
        ramGb[i] = r.ramGb() == null ? Float.NaN : r.ramGb().floatValue();
        tower[i] = towers.code(r.towerId());
        pincode[i] = pincodes.code(r.pincode());
        carrier[i] = carriers.code(r.carrier() == null ? null : r.carrier().trim().toLowerCase(Locale.ROOT));
        device[i] = devices.code(r.deviceModel());
        signal[i] = r.signalDbm() == null ? NO_SIGNAL : r.signalDbm();
        latency[i] = r.lastLatencyMs() == null ? -1 : r.lastLatencyMs();
        pageLoad[i] = r.pageLoadMs() == null ? -1 : r.pageLoadMs();
        slow[i] = r.slow() == null ? (byte) -1 : (byte) (r.slow() ? 1 : 0);
        return i;
    }

    /** Forgets the rows but keeps the codes (a scorer reuses one row). */
    void clearRows() {
        size = 0;
        order = null;
    }

    private void grow(int n) {
        id = Arrays.copyOf(id, n);
        customer = Arrays.copyOf(customer, n);
        start = Arrays.copyOf(start, n);
        offsetSeconds = Arrays.copyOf(offsetSeconds, n);
        network = Arrays.copyOf(network, n);
        osFamily = Arrays.copyOf(osFamily, n);
        osVersion = Arrays.copyOf(osVersion, n);
        ramGb = Arrays.copyOf(ramGb, n);
        tower = Arrays.copyOf(tower, n);
        pincode = Arrays.copyOf(pincode, n);
        carrier = Arrays.copyOf(carrier, n);
        device = Arrays.copyOf(device, n);
        signal = Arrays.copyOf(signal, n);
        latency = Arrays.copyOf(latency, n);
        pageLoad = Arrays.copyOf(pageLoad, n);
        slow = Arrays.copyOf(slow, n);
    }

    static byte osFamily(String os) {
        if (os == null || os.isBlank()) {
            return OS_UNKNOWN;
        }
        String family = WHITESPACE.split(os.trim())[0].toLowerCase(Locale.ROOT);
        return switch (family) {
            case "android" -> OS_ANDROID;
            case "ios" -> OS_IOS;
            default -> OS_OTHER;
        };
    }

    /** The major version of {@code FAMILY VERSION}, NaN for another shape. */
    static float osVersion(String os) {
        if (os == null) {
            return Float.NaN;
        }
        String[] parts = WHITESPACE.split(os.trim());
        if (parts.length != 2) {
            return Float.NaN;
        }
        String v = parts[1];
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 4) {
            return Float.NaN;
        }
        return Integer.parseInt(v.substring(0, end));
    }

    /** The session id of row {@code i}. */
    public String sessionId(int i) {
        return id[i];
    }

    /** Whether row {@code i} has an outcome. */
    public boolean labelled(int i) {
        return slow[i] >= 0;
    }

    /** The outcome of row {@code i} (only when {@link #labelled}). */
    public boolean slow(int i) {
        return slow[i] == 1;
    }

    /** Start of row {@code i}, milliseconds since the epoch. */
    public long startMillis(int i) {
        return start[i];
    }

    /** Local hour of day (0–23) of row {@code i}, in the offset it was made in. */
    public int localHour(int i) {
        return (int) Math.floorMod(Math.floorDiv(start[i] + offsetSeconds[i] * 1000L, 3_600_000L), 24L);
    }

    /** Local day of the week of row {@code i}, 0 = Monday. */
    public int localWeekday(int i) {
        long day = Math.floorDiv(start[i] + offsetSeconds[i] * 1000L, 86_400_000L);
        return (int) Math.floorMod(day + 3, 7L);
    }

    /** The network type of row {@code i}. */
    public NetworkType network(int i) {
        return NetworkType.values()[network[i]];
    }

    /** The tower id of row {@code i}, or null. */
    public String towerId(int i) {
        return towers.value(tower[i]);
    }

    /** The pincode of row {@code i}, or null. */
    public String pincode(int i) {
        return pincodes.value(pincode[i]);
    }

    /** The carrier of row {@code i}, or null. */
    public String carrier(int i) {
        return carriers.value(carrier[i]);
    }

    /** Device memory of row {@code i}, NaN when blank. */
    public float ramGb(int i) {
        return ramGb[i];
    }

    /**
     * The row indices in time order: by start, then session id, as the real-time rule orders a
     * customer's rows.
     */
    public int[] timeOrder() {
        if (order == null || order.length != size) {
            order = sortedByTime();
        }
        return order.clone();
    }

    private int[] sortedByTime() {
        // sort (start, row) as primitive longs when every start fits beside the row index, then break ties by id
        int[] out = new int[size];
        long[] key = new long[size];
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, size));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, start[i]);
            max = Math.max(max, start[i]);
        }
        if (size > 0 && max - min >= 0 && max - min < (1L << (63 - bits))) {
            for (int i = 0; i < size; i++) {
                key[i] = ((start[i] - min) << bits) | i;
            }
            Arrays.sort(key);
            for (int k = 0; k < size; k++) {
                out[k] = (int) (key[k] & ((1L << bits) - 1));
            }
            // rows with equal starts are adjacent; order each such run by session id
            int k = 0;
            while (k < size) {
                int e = k + 1;
                while (e < size && start[out[e]] == start[out[k]]) {
                    e++;
                }
                if (e - k > 1) {
                    Integer[] run = new Integer[e - k];
                    for (int j = k; j < e; j++) {
                        run[j - k] = out[j];
                    }
                    Arrays.sort(run, (a, b) -> id[a].compareTo(id[b]));
                    for (int j = k; j < e; j++) {
                        out[j] = run[j - k];
                    }
                }
                k = e;
            }
            return out;
        }
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Long.compare(start[a], start[b]);
            return c != 0 ? c : id[a].compareTo(id[b]);
        });
        for (int i = 0; i < size; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Text values coded as 0, 1, 2, … in order of first sight; null and blank are {@link #NONE}. */
    static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int code(String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            Integer c = codes.get(value);
            if (c == null) {
                c = values.size();
                codes.put(value, c);
                values.add(value);
            }
            return c;
        }

        String value(int code) {
            return code == NONE ? null : values.get(code);
        }

        int size() {
            return values.size();
        }
    }
}
