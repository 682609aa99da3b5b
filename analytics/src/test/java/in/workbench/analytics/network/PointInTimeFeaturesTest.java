package in.workbench.analytics.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointInTimeFeaturesTest {

    static final int W = PointInTimeFeatures.WIDTH;

    static float[] row(float[] all, int i) {
        return Arrays.copyOfRange(all, i * W, (i + 1) * W);
    }

    @Test
    void featuresOfOldSessionsDoNotChangeWhenNewerSessionsArrive() {
        List<SessionRow> rows = new ArrayList<>(TestSessions.world(3_000, 14, 5));
        rows.sort(Comparator.comparing(SessionRow::ts).thenComparing(SessionRow::sessionId));
        List<SessionRow> old = rows.subList(0, 2_000);
        float[] alone = PointInTimeFeatures.computeAll(TestSessions.of(old), ProgressMonitor.NONE);
        List<SessionRow> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        Sessions all = TestSessions.of(shuffled);
        float[] together = PointInTimeFeatures.computeAll(all, ProgressMonitor.NONE);
        for (int i = 0; i < all.size(); i++) {
            int k = Integer.parseInt(all.sessionId(i).substring(1));
            int pos = old.indexOf(shuffled.get(i));
            if (pos >= 0) {
                assertArrayEquals(row(alone, pos), row(together, i), "session " + k);
            }
        }
    }

    @Test
    void theNextSessionsLatencyAndUnfinishedOutcomesNeverLeak() {
        var t0 = TestSessions.FIRST.plusHours(20);
        SessionRow first = new SessionRow("A", "C1", t0, "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio", "T1", -90, 100,
                "560001", 12_000, true);
        SessionRow second = new SessionRow("B", "C2", t0.plusSeconds(5), "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio", "T1",
                -90, 100, "560001", 1_000, false);
        SessionRow third = new SessionRow("C", "C3", t0.plusSeconds(10), "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio", "T1",
                -90, 100, "560001", null, null);
        SessionRow nextOfFirst = new SessionRow("D", "C1", t0.plusMinutes(5), "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio",
                "T2", -90, 8_500, "560001", 1_000, false);
        float[] f = PointInTimeFeatures.computeAll(TestSessions.of(List.of(first, second, third, nextOfFirst)), ProgressMonitor.NONE);
        SessionRow quickNext = new SessionRow("D", "C1", t0.plusMinutes(5), "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio",
                "T2", -90, 20, "560001", 1_000, false);
        float[] g = PointInTimeFeatures.computeAll(TestSessions.of(List.of(first, second, third, quickNext)), ProgressMonitor.NONE);
        assertArrayEquals(row(f, 0), row(g, 0), "A's features cannot see the next session's last_latency_ms");
        assertNotEquals(row(f, 3)[PointInTimeFeatures.LATENCY], row(g, 3)[PointInTimeFeatures.LATENCY]);

        // B began while A (12 s) was still loading: A's outcome is not in B's history; C began after B ended (1 s), not A
        assertEquals(0f, row(f, 1)[PointInTimeFeatures.TOWER_HOUR_N]);
        assertEquals((float) Math.log1p(1), row(f, 2)[PointInTimeFeatures.TOWER_HOUR_N]);
        assertTrue(row(f, 2)[PointInTimeFeatures.TOWER_HOUR] < row(f, 1)[PointInTimeFeatures.TOWER_HOUR], "only the fast B counted");
        // D, five minutes later: A and B ended; same customer as A, switched from T1 to T2
        assertEquals((float) Math.log1p(1), row(f, 3)[PointInTimeFeatures.CUSTOMER_N], "only the customer's own ended session A");
        assertEquals(1f, row(f, 3)[PointInTimeFeatures.SWITCHED]);
        assertEquals(0f, row(f, 3)[PointInTimeFeatures.USUAL]);
        assertEquals((float) Math.log1p(12_000), row(f, 3)[PointInTimeFeatures.CUSTOMER_LAST]);
    }

    /**
     * The hour estimates for a place: a session without a named tower learns from ended sessions of its pincode on its own
     * carrier (who share its towers), never from one still loading, and less from another carrier's.
     */
    @Test
    void pincodeCarrierHourHistoryUsesOnlyEndedSessions() {
        var t0 = TestSessions.FIRST.plusHours(20);
        SessionRow elsewhere = new SessionRow("E", "C9", t0.minusHours(3), "Redmi 9A", "android 11", 2.0, NetworkType.G4, "airtel",
                "T9", -90, 100, "110001", 500, false);
        SessionRow slowHere = new SessionRow("A", "C1", t0, "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio", "T1", -90, 100,
                "560001", 12_000, true);
        SessionRow whileLoading = new SessionRow("B", "C2", t0.plusSeconds(5), "iPhone 12", "ios 16", 4.0, NetworkType.G4, "jio", null,
                -90, 100, "560001", 1_000, false);
        SessionRow afterwards = new SessionRow("C", "C3", t0.plusSeconds(20), "iPhone 12", "ios 16", 4.0, NetworkType.G4, "jio", null,
                -90, 100, "560001", 1_000, false);
        SessionRow otherCarrier = new SessionRow("D", "C4", t0.plusSeconds(20), "iPhone 12", "ios 16", 4.0, NetworkType.G4, "airtel",
                null, -90, 100, "560001", 1_000, false);
        float[] f = PointInTimeFeatures.computeAll(TestSessions.of(List.of(elsewhere, slowHere, whileLoading, afterwards, otherCarrier)),
                ProgressMonitor.NONE);
        int pc = PointInTimeFeatures.PIN_CARRIER_HOUR_EXCESS;
        assertEquals(0f, row(f, 2)[pc], "A was still loading when B began");
        assertTrue(row(f, 3)[pc] > 0, "C began after the slow A ended: " + row(f, 3)[pc]);
        assertTrue(row(f, 4)[pc] > 0 && row(f, 4)[pc] < row(f, 3)[pc], "another carrier's towers: only the pincode's prior");
        assertTrue(row(f, 3)[PointInTimeFeatures.PLACE_HOUR_EXCESS] > row(f, 2)[PointInTimeFeatures.PLACE_HOUR_EXCESS],
                "without a tower the customer's hour estimate moves with the place's");
        assertEquals(row(f, 3)[PointInTimeFeatures.EXPECTED_HOUR_LOAD] - row(f, 3)[PointInTimeFeatures.PLACE_HOUR_EXCESS],
                row(f, 4)[PointInTimeFeatures.EXPECTED_HOUR_LOAD] - row(f, 4)[PointInTimeFeatures.PLACE_HOUR_EXCESS], 1e-6f);
    }

    /**
     * What a signal band adds is learned from ended sessions only (a session that began while the slow one at −120 dBm was
     * loading sees nothing), and a tower's clean place estimate moves with the excess its own ended sessions left.
     */
    @Test
    void signalBandAndCleanPlaceUseOnlyEndedSessions() {
        var t0 = TestSessions.FIRST.plusHours(20);
        SessionRow elsewhere = redmiOn4g("E", "C9", t0.minusHours(3), "T9", -80, 500);
        SessionRow slowWeak = redmiOn4g("A", "C1", t0, "T1", -120, 12_000);
        SessionRow whileLoading = redmiOn4g("B", "C2", t0.plusSeconds(5), "T2", -120, 1_000);
        SessionRow weakAfter = redmiOn4g("C", "C3", t0.plusSeconds(20), "T2", -120, 1_000);
        SessionRow strongAfter = redmiOn4g("D", "C4", t0.plusSeconds(20), "T2", -80, 1_000);
        SessionRow atTheSlowTower = redmiOn4g("F", "C5", t0.plusSeconds(20), "T1", -80, 1_000);
        float[] f = PointInTimeFeatures.computeAll(TestSessions.of(List.of(elsewhere, slowWeak, whileLoading, weakAfter, strongAfter,
                atTheSlowTower)), ProgressMonitor.NONE);
        int sig = PointInTimeFeatures.SIGNAL_EXCESS;
        assertEquals(0f, row(f, 2)[sig], "A was still loading when B began");
        assertTrue(row(f, 3)[sig] > 0, "C began after the slow A at the same band ended: " + row(f, 3)[sig]);
        assertTrue(row(f, 4)[sig] < row(f, 3)[sig], "another band learns nothing from A");
        int place = PointInTimeFeatures.CLEAN_PLACE_HOUR_EXCESS;
        assertTrue(row(f, 5)[place] > row(f, 4)[place], "the slow A's tower: " + row(f, 5)[place] + " against " + row(f, 4)[place]);
        assertEquals(row(f, 5)[PointInTimeFeatures.EXPECTED_CLEAN_LOAD] - row(f, 5)[place] - row(f, 5)[sig],
                row(f, 4)[PointInTimeFeatures.EXPECTED_CLEAN_LOAD] - row(f, 4)[place] - row(f, 4)[sig], 1e-5f,
                "the additive guess is the radio's mean, the device's share and the customer's, plus signal and place");
    }

    /** A Redmi 9A session on 4g in pincode 560001 whose page took {@code loadMs} (slow above 5 s, the default threshold). */
    private static SessionRow redmiOn4g(String id, String customer, java.time.OffsetDateTime ts, String tower, int signal, int loadMs) {
        return new SessionRow(id, customer, ts, "Redmi 9A", "android 11", 2.0, NetworkType.G4, "jio", tower, signal, 100, "560001", loadMs,
                loadMs > 5_000);
    }
}
