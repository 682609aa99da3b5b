package in.workbench.analytics.imports;

import in.workbench.analytics.LongIntMap;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids already seen in one file, with the line each was first seen on, kept compactly so that
 * a million-row file costs about 25 MB instead of a HashMap's 100 MB.
 *
 * <p>Ids are stored as 64-bit fingerprints (two independent 32-bit hashes of the UTF-8 bytes) in
 * a {@link LongIntMap} to the line each was first seen on. Two different ids share a fingerprint
 * with probability about n²/2⁶⁵ (3·10⁻⁸ for a million ids); that risk is accepted and documented in
 * docs/decisions/0003-import-pipeline.md. Not thread-safe.
 */
final class SeenIds {

    /** Stands in the table for a line too far down the file for an int; the line itself is kept in {@link #farLines}. */
    private static final int FAR = Integer.MAX_VALUE;

    private final LongIntMap firstLines = new LongIntMap(1 << 14);
    /** The lines from {@link #FAR} on (only in files of more than two billion lines), by fingerprint. */
    private Map<Long, Long> farLines;

    /** Records {@code id} at {@code line}; returns the earlier line if the id was seen before, else -1. */
    long putIfAbsent(String id, long line) {
        long fp = fingerprint(id);
        int earlier = firstLines.putIfAbsent(fp, (int) Math.min(line, FAR));
        if (earlier == LongIntMap.ABSENT) {
            if (line >= FAR) {
                if (farLines == null) {
                    farLines = new HashMap<>();
                }
                farLines.put(fp, line);
            }
            return -1;
        }
        return earlier == FAR ? farLines.get(fp) : earlier;
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
}
