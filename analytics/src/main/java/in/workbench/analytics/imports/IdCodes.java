package in.workbench.analytics.imports;

/**
 * A compact map from ids (product, address, shipment ids…) to small integer codes, for looking up
 * a reference of every imported row without holding a million Strings: ids are kept as the same
 * 64-bit fingerprints as {@link SeenIds} (two ids share one with probability about n²/2⁶⁵, accepted
 * in docs/decisions/0003) in an open-addressing table, about 24 bytes an id.
 *
 * <p>Not thread-safe: filled by one thread, then read by one thread (handed over through a
 * happens-before edge such as a thread start).
 */
public final class IdCodes {

    private long[] keys = new long[1 << 10];
    private int[] codes = new int[1 << 10];
    private int size;

    /** Records {@code id} with {@code code} (zero or more), replacing an earlier code. */
    public void put(String id, int code) {
        if (code < 0) {
            throw new IllegalArgumentException("codes are zero or more: " + code);
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        long fp = SeenIds.fingerprint(id);
        int mask = keys.length - 1;
        int i = (int) (SeenIds.mix(fp) & mask);
        while (keys[i] != 0 && keys[i] != fp) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = fp;
            size++;
        }
        codes[i] = code;
    }

    /** The code of {@code id}, or -1 when it was never put. */
    public int code(String id) {
        long fp = SeenIds.fingerprint(id);
        int mask = keys.length - 1;
        int i = (int) (SeenIds.mix(fp) & mask);
        while (true) {
            long k = keys[i];
            if (k == 0) {
                return -1;
            }
            if (k == fp) {
                return codes[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** True when {@code id} was put. */
    public boolean contains(String id) {
        return code(id) >= 0;
    }

    /** How many ids were put. */
    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new long[oldKeys.length * 2];
        codes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = (int) (SeenIds.mix(k) & mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                codes[i] = oldCodes[j];
            }
        }
    }
}
