package in.workbench.analytics.crisp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sampler against the exact posterior of small populations, enumerated here from the model's
 * definition (independently of the sampler's prefix sums and incremental pressure): every joint
 * trajectory of four people over five days, weighted by prior × test likelihood × test policy (a
 * share of infections tested for symptoms at their own rate, everyone else at the common rate, up
 * to each person's first test).
 */
class GibbsChainExactnessTest {

    private static final int DAYS = 5;

    private static CrispData world() {
        CrispData.Builder b = new CrispData.Builder();
        for (int i = 0; i < 4; i++) {
            b.person("p" + i, i < 2 ? "A" : "B");
        }
        b.contact(0, 1, 0, 60, 1, true);
        b.contact(1, 0, 0, 30, 3, false);
        b.contact(1, 2, 1, 120, 1, true);
        b.contact(1, 2, 1, 15, 5, false);
        b.contact(2, 3, 2, 240, 1, true);
        b.contact(0, 3, 3, 45, 1, false);
        b.contact(3, 1, 4, 45, 1, false);
        b.test(0, 2, true, CrispData.Reason.SYMPTOMS);
        b.test(2, 3, false, CrispData.Reason.SCREENING);
        b.test(3, 4, true, CrispData.Reason.CONTACT);
        b.test(1, 1, false, CrispData.Reason.SYMPTOMS);
        return b.build(DAYS, LocalDate.of(2026, 1, 1));
    }

    private static CrispSettings settings() {
        return new CrispSettings(0.05, 0.08, new double[] {0, 0.6, 0.4}, new double[] {0, 0.3, 0.5, 0.2}, 0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sampledStateMarginalsMatchTheEnumeratedPosterior(boolean testPolicy) {
        CrispData data = world();
        CrispSettings settings = settings();
        CrispParams params = new CrispParams(0.12, 0.2, 0.5, 0.4, 0.3, testPolicy, new double[] {0.1, 0.45, 0.2}, 0.05, 0.2);
        double[][][] exact = exactMarginals(data, settings, params);

        GibbsChain chain = new GibbsChain(data, settings, params, 7);
        int burn = 200;
        int kept = 60_000;
        double[][][] counts = new double[data.people][DAYS][4];
        for (int s = 0; s < burn + kept; s++) {
            chain.sweep();
            if (s >= burn) {
                for (int u = 0; u < data.people; u++) {
                    for (int d = 0; d < DAYS; d++) {
                        counts[u][d][chain.state(u, d)]++;
                    }
                }
            }
            if (s % 997 == 0) {
                chain.recomputePressure();
            }
        }
        double worst = 0;
        for (int u = 0; u < data.people; u++) {
            for (int d = 0; d < DAYS; d++) {
                for (int k = 0; k < 4; k++) {
                    double p = exact[u][d][k];
                    double est = counts[u][d][k] / kept;
                    double se = Math.sqrt(p * (1 - p) / kept * 3);
                    worst = Math.max(worst, Math.abs(est - p) / Math.max(se, 1e-4));
                    assertTrue(Math.abs(est - p) <= 4 * se + 1e-3, String.format(
                            "person %d day %d state %d: sampled %.4f, exact %.4f", u, d, k, est, p));
                }
            }
        }
        assertTrue(worst > 0, "the comparison ran");
    }

    /** P(state k of person u on day d) by enumerating every joint trajectory. */
    static double[][][] exactMarginals(CrispData data, CrispSettings settings, CrispParams params) {
        int n = data.people;
        double[] qE = settings.exposedDays();
        double[] qI = settings.infectiousDays();
        // per person: list of (t0, dE, dI, prior-of-durations); t0 = DAYS means never exposed
        java.util.List<int[]> options = new java.util.ArrayList<>();
        java.util.List<Double> weights = new java.util.ArrayList<>();
        options.add(new int[] {DAYS, 1, 1});
        weights.add(1.0);
        for (int t0 = 0; t0 < DAYS; t0++) {
            for (int de = 1; de < qE.length; de++) {
                for (int di = 1; di < qI.length; di++) {
                    if (qE[de] > 0 && qI[di] > 0) {
                        options.add(new int[] {t0, de, di});
                        weights.add(qE[de] * qI[di]);
                    }
                }
            }
        }
        int k = options.size();
        double[][][] marg = new double[n][DAYS][4];
        double z = 0;
        int[] idx = new int[n];
        boolean[] policy = GibbsChain.policyTests(data);
        while (true) {
            int[][] traj = new int[n][];
            double w = 1;
            for (int u = 0; u < n; u++) {
                traj[u] = options.get(idx[u]);
                w *= weights.get(idx[u]);
            }
            w *= likelihood(data, settings, params, traj, policy);
            z += w;
            for (int u = 0; u < n; u++) {
                for (int d = 0; d < DAYS; d++) {
                    marg[u][d][state(traj[u], d)] += w;
                }
            }
            int p = 0;
            while (p < n && ++idx[p] == k) {
                idx[p++] = 0;
            }
            if (p == n) {
                break;
            }
        }
        for (int u = 0; u < n; u++) {
            for (int d = 0; d < DAYS; d++) {
                for (int s = 0; s < 4; s++) {
                    marg[u][d][s] /= z;
                }
            }
        }
        return marg;
    }

    private static int state(int[] t, int d) {
        if (d < t[0]) {
            return 0;
        }
        if (d < t[0] + t[1]) {
            return 1;
        }
        return d < t[0] + t[1] + t[2] ? 2 : 3;
    }

    private static double likelihood(CrispData data, CrispSettings settings, CrispParams params, int[][] traj, boolean[] policy) {
        double w = 1;
        for (int u = 0; u < data.people; u++) {
            int t0 = traj[u][0];
            for (int t = 0; t <= Math.min(t0, DAYS - 1); t++) {
                double escape = t == 0 ? 1 - params.initial() : 1 - params.p0();
                if (t > 0) {
                    for (int c = 0; c < data.contacts(); c++) {
                        int other = data.contactA[c] == u ? data.contactB[c] : data.contactB[c] == u ? data.contactA[c] : -1;
                        if (other >= 0 && data.contactDay[c] == t - 1 && state(traj[other], t - 1) == 2) {
                            escape *= 1 - params.p1(data.contactHours[c], data.contactClose[c], data.contactIndoor[c]);
                        }
                    }
                }
                w *= t < t0 ? escape : 1 - escape;
            }
        }
        for (int k = 0; k < data.tests(); k++) {
            boolean inf = state(traj[data.testPerson[k]], data.testDay[k]) == 2;
            double pPos = inf ? 1 - settings.alpha() : settings.beta();
            w *= data.testPositive[k] ? pPos : 1 - pPos;
        }
        if (params.testPolicy()) {
            for (int u = 0; u < data.people; u++) {
                int last = DAYS - 1;
                for (int k = 0; k < data.tests(); k++) {
                    if (data.testPerson[k] == u) {
                        last = Math.min(last, data.testDay[k]);
                    }
                }
                int start = -1;
                for (int d = 0; d < DAYS; d++) {
                    if (start < 0 && state(traj[u], d) == 2) {
                        start = d;
                    }
                }
                for (int d = 0; d <= last; d++) {
                    boolean tested = false;
                    for (int k = 0; k < data.tests(); k++) {
                        tested |= data.testPerson[k] == u && policy[k] && data.testDay[k] == d;
                    }
                    double o = params.symptomTestOther();
                    // on an infectious day the test comes from symptoms of the infection (hazard by infectious day) or as anyone's
                    double rate = state(traj[u], d) == 2 ? 1 - (1 - params.hazard(d - start)) * (1 - o) : o;
                    w *= tested ? rate : 1 - rate;
                }
            }
        }
        return w;
    }
}
