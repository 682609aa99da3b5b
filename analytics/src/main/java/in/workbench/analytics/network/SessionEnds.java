package in.workbench.analytics.network;

import java.util.Arrays;

/**
 * Sessions waiting for their end ({@code ts + page_load_ms}), a binary heap on the end time kept in
 * primitive arrays (no object per session): the queue behind the point-in-time rule, in the feature
 * pass and in the running calibration. Each session gets a slot; a subclass keeps what the session
 * will feed in arrays of its own, indexed by the slot, and grows them in {@link #grow}. Offer and poll
 * follow {@link java.util.PriorityQueue}'s sift steps exactly, so sessions with equal ends leave in the
 * same order as they always did (the order fixes float sums, and so the features, to the last bit).
 * Not thread-safe.
 */
abstract class SessionEnds {

    int size;
    int[] heap = new int[64];
    long[] end = new long[64];
    /** Slots free for reuse, and how many slots were ever used. */
    private int[] free = new int[64];
    private int freeCount;
    private int used;

    /** Grows the subclass's arrays to {@code capacity} slots (the end times are grown already). */
    abstract void grow(int capacity);

    /** A slot for a session that ends at {@code endMs}: a freed one, else a new one (growing the arrays). Fill it, then {@link #push} it. */
    final int slot(long endMs) {
        int e = freeCount > 0 ? free[--freeCount] : used++;
        if (e >= end.length) {
            int n = end.length * 2;
            end = Arrays.copyOf(end, n);
            grow(n);
        }
        end[e] = endMs;
        return e;
    }

    /** Puts a filled slot in the queue. */
    final void push(int e) {
        long endMs = end[e];
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            int p = heap[parent];
            if (endMs >= end[p]) {
                break;
            }
            heap[k] = p;
            k = parent;
        }
        heap[k] = e;
    }

    /** Removes the earliest end and returns its slot (valid until {@link #free}). */
    final int poll() {
        int result = heap[0];
        int n = --size;
        if (n > 0) {
            int x = heap[n];
            long xe = end[x];
            int k = 0;
            int half = n >>> 1;
            while (k < half) {
                int child = (k << 1) + 1;
                int c = heap[child];
                int right = child + 1;
                if (right < n && end[c] > end[heap[right]]) {
                    child = right;
                    c = heap[child];
                }
                if (xe <= end[c]) {
                    break;
                }
                heap[k] = c;
                k = child;
            }
            heap[k] = x;
        }
        return result;
    }

    /** Gives a polled slot back for reuse. */
    final void free(int e) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = e;
    }
}
