package in.workbench.analytics.crisp;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A small epidemic drawn from the CRISP model itself with known parameters, for tests: people in
 * teams meet teammates and strangers every day; everyone is tested every few days with the
 * configured error rates. Records each person's true trajectory.
 */
final class ModelEpidemic {

    final CrispData data;
    final int[] exposedOn;
    final int[] infectiousFrom;
    final int[] removedFrom;

    ModelEpidemic(int people, int days, CrispParams truth, CrispSettings settings, int testEvery, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CrispData.Builder b = new CrispData.Builder();
        for (int i = 0; i < people; i++) {
            b.person("w" + i, "S" + (i / 250));
        }
        exposedOn = new int[people];
        infectiousFrom = new int[people];
        removedFrom = new int[people];
        java.util.Arrays.fill(exposedOn, days);
        java.util.Arrays.fill(infectiousFrom, days);
        java.util.Arrays.fill(removedFrom, days);
        double[] escape = new double[people];
        for (int d = 0; d < days; d++) {
            java.util.Arrays.fill(escape, 1 - truth.p0());
            for (int i = 0; i < people; i++) {
                int encounters = 1 + r.nextInt(5);
                for (int e = 0; e < encounters; e++) {
                    int j = r.nextInt(3) == 0 ? r.nextInt(people) : (i / 10) * 10 + r.nextInt(10);
                    if (j == i || j >= people) {
                        continue;
                    }
                    double minutes = 5 + r.nextDouble() * 235;
                    double distance = r.nextDouble() * 4;
                    boolean indoor = r.nextDouble() < 0.6;
                    b.contact(i, j, d, minutes, distance, indoor);
                    double p1 = truth.p1(minutes / 60.0, distance < 2, indoor);
                    if (infectious(j, d)) {
                        escape[i] *= 1 - p1;
                    }
                    if (infectious(i, d)) {
                        escape[j] *= 1 - p1;
                    }
                }
            }
            for (int i = 0; i < people; i++) {
                boolean exposeToday = d == 0 ? r.nextDouble() < truth.p0() : false;
                if (exposedOn[i] == days && (exposeToday || (d + 1 < days && r.nextDouble() >= escape[i]))) {
                    int t0 = exposeToday ? 0 : d + 1;
                    exposedOn[i] = t0;
                    infectiousFrom[i] = Math.min(days, t0 + draw(settings.exposedDays(), r));
                    removedFrom[i] = Math.min(days, infectiousFrom[i] + draw(settings.infectiousDays(), r));
                }
            }
        }
        for (int i = 0; i < people; i++) {
            for (int d = r.nextInt(testEvery); d < days; d += testEvery) {
                boolean inf = infectious(i, d);
                boolean positive = inf ? r.nextDouble() >= settings.alpha() : r.nextDouble() < settings.beta();
                b.test(i, d, positive, CrispData.Reason.SCREENING);
            }
        }
        data = b.build(days, LocalDate.of(2026, 3, 1));
    }

    boolean infectious(int person, int day) {
        return day >= infectiousFrom[person] && day < removedFrom[person];
    }

    private static int draw(double[] q, SplittableRandom r) {
        double u = r.nextDouble();
        for (int d = 1; d < q.length; d++) {
            u -= q[d];
            if (u < 0) {
                return d;
            }
        }
        return q.length - 1;
    }
}
