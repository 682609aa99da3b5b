package in.workbench.analytics.network;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small session world for tests: customers on a few towers, some towers congested in the evening,
 * weak signal and 2g slower. Deterministic for a seed.
 */
final class TestSessions {

    static final OffsetDateTime FIRST = OffsetDateTime.of(2026, 1, 5, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));

    private TestSessions() {
    }

    static List<SessionRow> world(int sessions, int days, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int customers = Math.max(20, sessions / 15);
        List<SessionRow> out = new ArrayList<>(sessions);
        for (int k = 0; k < sessions; k++) {
            int c = r.nextInt(customers);
            long minute = r.nextLong(days * 24L * 60);
            OffsetDateTime ts = FIRST.plusMinutes(minute).plusSeconds(r.nextInt(60));
            int hour = ts.getHour();
            NetworkType net = r.nextDouble() < 0.15 ? NetworkType.WIFI : r.nextDouble() < 0.1 ? NetworkType.G2 : NetworkType.G4;
            int home = c % 12;
            int tower = r.nextDouble() < 0.8 ? home : r.nextInt(12);
            int signal = -70 - r.nextInt(60);
            double p = trueP(net, net == NetworkType.WIFI ? -1 : tower, hour, signal);
            boolean slow = r.nextDouble() < p;
            int load = slow ? 5_001 + r.nextInt(6_000) : 800 + r.nextInt(4_000);
            boolean labelled = r.nextDouble() < 0.95;
            out.add(new SessionRow(String.format("S%06d", k), "C" + c, ts, c % 3 == 0 ? "Redmi 9A" : "Galaxy M12",
                    c % 5 == 0 ? "ios 17.5" : "android 11", c % 3 == 0 ? 2.0 : 4.0, net, net == NetworkType.WIFI ? null : "jio",
                    net == NetworkType.WIFI ? null : "T" + tower, signal, r.nextInt(3000), "5600" + (10 + tower),
                    labelled ? load : null, labelled ? slow : null));
        }
        return out;
    }

    /** The probability of slow the world draws from. */
    static double trueP(NetworkType net, int tower, int hour, int signal) {
        boolean congested = tower >= 0 && tower < 4 && hour >= 18 && hour <= 22;
        double z = -2.2 + (congested ? 2.2 : 0) + (net == NetworkType.G2 ? 1.8 : 0) + (signal < -115 ? 1.0 : 0)
                + (net == NetworkType.WIFI ? -1.0 : 0);
        return 1 / (1 + Math.exp(-z));
    }

    /** {@link #trueP} of a row of this world. */
    static double trueP(SessionRow r) {
        int tower = r.towerId() == null ? -1 : Integer.parseInt(r.towerId().substring(1));
        return trueP(r.networkType(), tower, r.ts().getHour(), r.signalDbm());
    }

    static Sessions of(List<SessionRow> rows) {
        Sessions s = new Sessions();
        rows.forEach(s::add);
        return s;
    }
}
