package in.workbench.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongIntMapTest {

    @Test
    void aKeyNeverPutIsAbsent() {
        LongIntMap map = new LongIntMap();
        assertEquals(LongIntMap.ABSENT, map.get(42));
        assertEquals(LongIntMap.ABSENT, map.get(0), "key 0 marks an empty slot inside the table but is a key like any other");
        assertFalse(map.containsKey(0));
        assertEquals(0, map.size());
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32})
    void putIfAbsentKeepsTheFirstValueAndPutReplacesIt(long key) {
        LongIntMap map = new LongIntMap();
        assertEquals(LongIntMap.ABSENT, map.putIfAbsent(key, 7), "a new key reports no earlier value");
        assertEquals(7, map.putIfAbsent(key, 9), "a known key reports its value and keeps it");
        assertEquals(7, map.get(key));
        map.put(key, 0);
        assertEquals(0, map.get(key));
        assertTrue(map.containsKey(key));
        assertEquals(1, map.size(), "putting a key again does not count it twice");
    }

    @Test
    void holdsWhatAHashMapHoldsThroughManyGrowths() {
        // pairs of small ints side by side (the slow-network features' keys) and random fingerprints (the importer's)
        SplittableRandom random = new SplittableRandom(20261204);
        LongIntMap map = new LongIntMap(16);
        Map<Long, Integer> expected = new HashMap<>();
        for (int n = 0; n < 200_000; n++) {
            long key = n % 2 == 0 ? ((long) random.nextInt(300) << 32) | random.nextInt(300) : random.nextLong();
            int value = random.nextInt(1_000_000);
            if (random.nextBoolean()) {
                Integer before = expected.putIfAbsent(key, value);
                assertEquals(before == null ? LongIntMap.ABSENT : before, map.putIfAbsent(key, value));
            } else {
                expected.put(key, value);
                map.put(key, value);
            }
        }
        assertEquals(expected.size(), map.size());
        expected.forEach((key, value) -> assertEquals(value, map.get(key), () -> "key " + key));
        for (int n = 0; n < 10_000; n++) {
            long key = random.nextLong();
            assertEquals(expected.getOrDefault(key, LongIntMap.ABSENT), map.get(key));
        }
    }

    @Test
    void keysThatCollideInTheTableAreAllKept() {
        // keys that differ only in their high bits (the hash must bring those down); many still share a first slot
        LongIntMap map = new LongIntMap(16);
        for (int n = 1; n <= 5_000; n++) {
            map.put((long) n << 40, n);
        }
        for (int n = 1; n <= 5_000; n++) {
            assertEquals(n, map.get((long) n << 40));
        }
        assertEquals(LongIntMap.ABSENT, map.get(5_001L << 40));
    }

    @Test
    void refusesANegativeValueBecauseItWouldReadAsAbsent() {
        LongIntMap map = new LongIntMap();
        assertThrows(IllegalArgumentException.class, () -> map.put(3, -1));
        assertThrows(IllegalArgumentException.class, () -> map.putIfAbsent(0, -5));
        assertEquals(0, map.size());
        assertThrows(IllegalArgumentException.class, () -> new LongIntMap(-1));
    }
}
