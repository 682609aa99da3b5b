package in.workbench.analytics.imports;

import java.nio.charset.StandardCharsets;

/**
 * The ids already seen in one file, with the line each was first seen on, kept compactly so that
 * a million-row file costs about 24 MB instead of a HashMap's 100 MB.
 *
 * <p>Ids are stored as 64-bit fingerprints (two independent 32-bit hashes of the UTF-8 bytes) in
 * an open-addressing table. Two different ids share a fingerprint with probability about
 * n²/2⁶⁵ (3·10⁻⁸ for a million ids); that risk is accepted and documented in
 * docs/decisions/0003-import-pipeline.md. Not thread-safe.
 */
final class SeenIds {

    private long[] keys = new long[1 << 14];
    private long[] lines = new long[1 << 14];
    private int size;

    /** Records {@code id} at {@code line}; returns the earlier line if the id was seen before, else -1. */
    long putIfAbsent(String id, long line) {
        long fp = fingerprint(id);
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (mix(fp) & mask);
        while (true) {
            long k = keys[i];
            if (k == 0) {
                keys[i] = fp;
                lines[i] = line;
                size++;
                return -1;
            }
            if (k == fp) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k != 0) {
                int i = (int) (mix(k) & mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                lines[i] = oldLines[j];
            }
        }
    }

    static long fingerprint(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        int h1 = 0x811C9DC5;
        int h2 = 17;
        for (byte x : b) {
            h1 = (h1 ^ (x & 0xFF)) * 0x01000193;
            h2 = h2 * 31 + (x & 0xFF);
        }
        h2 ^= b.length * 0x9E3779B9;
        long fp = ((long) h1 << 32) ^ (h2 & 0xFFFFFFFFL);
        return fp == 0 ? 1 : fp;
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
