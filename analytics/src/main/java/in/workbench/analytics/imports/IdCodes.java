package in.workbench.analytics.imports;

import in.workbench.analytics.LongIntMap;

/**
 * A compact map from ids (product, address, shipment ids…) to small integer codes, for looking up
 * a reference of every imported row without holding a million Strings: ids are kept as the same
 * 64-bit fingerprints as {@link SeenIds} (two ids share one with probability about n²/2⁶⁵, accepted
 * in docs/decisions/0003) in a {@link LongIntMap}, 24 to 48 bytes an id.
 *
 * <p>Not thread-safe: filled by one thread, then read by one thread (handed over through a
 * happens-before edge such as a thread start).
 */
public final class IdCodes {

    private final LongIntMap codes = new LongIntMap();

    /** Records {@code id} with {@code code} (zero or more), replacing an earlier code. */
    public void put(String id, int code) {
        codes.put(SeenIds.fingerprint(id), code);
    }

    /** The code of {@code id}, or -1 when it was never put. */
    public int code(String id) {
        return codes.get(SeenIds.fingerprint(id));
    }

    /** True when {@code id} was put. */
    public boolean contains(String id) {
        return codes.containsKey(SeenIds.fingerprint(id));
    }

    /** How many ids were put. */
    public int size() {
        return codes.size();
    }
}
