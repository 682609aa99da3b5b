package in.workbench.analytics.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void aRepeatedIdReportsTheLineItWasFirstSeenOnEvenAfterTheTableGrew() {
        SeenIds seen = new SeenIds();
        int ids = 50_000;
        for (int n = 0; n < ids; n++) {
            assertEquals(-1, seen.putIfAbsent("S" + n, 2L + n), "a new id has no earlier line");
        }
        long farLine = 3_000_000_000L;
        assertEquals(-1, seen.putIfAbsent("beyond an int", farLine));
        for (int n = ids - 1; n >= 0; n -= 997) {
            assertEquals(2L + n, seen.putIfAbsent("S" + n, 1_000_000L + n), "id S" + n);
        }
        assertEquals(farLine, seen.putIfAbsent("beyond an int", 5), "lines past 2^31 are kept whole");
    }
}
