package in.workbench.analytics;

/**
 * A map from {@code long} keys to {@code int} values of zero or more, held in two primitive arrays:
 * the one open-addressing table behind the importer's id fingerprints ({@code imports.SeenIds},
 * {@code imports.IdCodes}) and the slow-network features' pair numbers
 * ({@code network.PointInTimeFeatures}), which run once a row on the import and scoring hot paths.
 *
 * <p>No boxing and no entry objects: 12 bytes a slot, the table at most half full and doubled when it
 * would be more (so 24 to 48 bytes a key). Linear probing from a Fibonacci hash of the key; any key is
 * allowed (key 0, which marks an empty slot in the table, is kept beside it). Keys are never removed.
 *
 * <p>Not thread-safe: filled by one thread, then read by it or by another thread it was handed to
 * through a happens-before edge (a thread start, a queue).
 */
public final class LongIntMap {

    /** What {@link #get} returns for a key never put, and {@link #putIfAbsent} when the key was new. */
    public static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    /** 64 minus log2 of the table's length: the top bits of the hash pick the slot. */
    private int shift;
    private int size;
    private int zeroValue = ABSENT;

    /** An empty map with room for 512 keys before it first grows. */
    public LongIntMap() {
        this(1 << 10);
    }

    /**
     * An empty map of {@code capacity} slots (rounded up to a power of two, at least 16): room for
     * half as many keys before it first grows.
     */
    public LongIntMap(int capacity) {
        if (capacity < 0 || capacity > 1 << 30) {
            throw new IllegalArgumentException("a capacity from 0 to 2^30 slots: " + capacity);
        }
        int slots = Math.max(16, Integer.highestOneBit(Math.max(1, capacity - 1)) << 1);
        keys = new long[slots];
        values = new int[slots];
        shift = 64 - Integer.numberOfTrailingZeros(slots);
    }

    /** The value of {@code key}, or {@link #ABSENT} when it was never put. */
    public int get(long key) {
        if (key == 0) {
            return zeroValue;
        }
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long found = k[i];
            if (found == key) {
                return values[i];
            }
            if (found == 0) {
                return ABSENT;
            }
        }
    }

    /** True when {@code key} was put. */
    public boolean containsKey(long key) {
        return get(key) != ABSENT;
    }

    /**
     * Puts {@code value} for {@code key} unless the key is already there: returns the value already
     * held, or {@link #ABSENT} when the key was new and now holds {@code value}.
     */
    public int putIfAbsent(long key, int value) {
        return put(key, value, false);
    }

    /** Puts {@code value} for {@code key}, replacing an earlier value. */
    public void put(long key, int value) {
        put(key, value, true);
    }

    /** How many keys were put. */
    public int size() {
        return size;
    }

    private int put(long key, int value, boolean replace) {
        if (value < 0) {
            throw new IllegalArgumentException("values are zero or more: " + value);
        }
        if (key == 0) {
            int old = zeroValue;
            if (old == ABSENT) {
                size++;
            }
            if (old == ABSENT || replace) {
                zeroValue = value;
            }
            return old;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long[] k = keys;
        int mask = k.length - 1;
        int i = slot(key);
        for (long found = k[i]; found != 0; found = k[i]) {
            if (found == key) {
                int old = values[i];
                if (replace) {
                    values[i] = value;
                }
                return old;
            }
            i = (i + 1) & mask;
        }
        k[i] = key;
        values[i] = value;
        size++;
        return ABSENT;
    }

    private void grow() {
        if (keys.length == 1 << 30) {
            throw new IllegalStateException("a map of more than 2^29 keys");
        }
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        shift--;
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long key = oldKeys[j];
            if (key != 0) {
                int i = slot(key);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
    }

    /**
     * Fibonacci hashing: the key times 2^64 over the golden ratio, whose top bits pick the slot (one multiply; the top
     * bits depend on every bit of the key, so two ints side by side spread as well as random fingerprints do).
     */
    private int slot(long key) {
        return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> shift);
    }
}
