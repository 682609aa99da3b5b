package in.workbench.analytics.crisp;

import java.util.SplittableRandom;

/**
 * One Markov chain of the block-Gibbs sampler: the whole SEIR trajectory of every person
 * (exposure day, exposed and infectious durations), redrawn one person at a time from its exact
 * conditional given everyone else, the contacts and the tests.
 *
 * <p>The chain keeps, per person and day, the infection pressure Σ λ of that day's encounters
 * with infectious people, and updates it when a person's infectious days change (only that
 * person's encounters are touched). A person's conditional is computed from prefix sums over
 * days: the log-likelihood of "infectious on days [a, b)" is {@code P[b] − P[a]}, so each candidate
 * trajectory costs O(1), and the candidates are summed out in the order infectious duration →
 * exposed duration → exposure day, O(days × (max exposed + max infectious) + encounters) per person.
 *
 * <p>Days are 0…T−1; exposure day T stands for "not exposed within the window". A person
 * exposed on day t0 is exposed on [t0, t0+dE), infectious on [t0+dE, t0+dE+dI) and removed after.
 * Day 0's exposure ("exposed on or before the first day") has probability {@code initial}; the exposure on day t ≥ 1 has probability
 * 1 − (1 − p0) Π (1 − p1) over day t−1's encounters with infectious people.
 *
 * <p>With the test policy, the days up to a person's first test (of any kind) are evidence through
 * the policy factors, which depend on how many of those days the person was infectious, so they
 * enter each candidate infectious spell as one factor rather than as a per-day prefix sum.
 *
 * <p>Not thread-safe: one thread runs a chain; chains share only the immutable {@link CrispData}.
 */
final class GibbsChain {

    private static final double LOG_RANGE_FAST = 600;

    final CrispData data;
    final CrispSettings settings;
    final int n;
    final int days;
    final int[] exposedOn;
    final int[] exposedFor;
    final int[] infectiousFor;
    final double[] pressure;
    private final SplittableRandom random;
    private final boolean[] policyTest;
    private final int[] policyLastDay;
    private final boolean[] symptomTestOnLastDay;
    private double[] untestedFactor;
    private double[] testedFactor;
    private double[] logUntestedFactor;
    private double[] logTestedFactor;
    private final double[] logQE;
    private final double[] logQI;
    private CrispParams params;
    /** Σ λ of each pair-day's encounters (see {@link CrispData#pairStart}), shared with the other chains; read only. */
    private double[] pairLambda;
    /** qI(dI) · untestedFactor(dI): the infectious-duration weights for days before the first test. */
    private double[] qIUntested;
    /** Σ_{d ≥ dI} qI(d): the weight of an infectious spell reaching past the window's end from dI days on. */
    private final double[] qITail;
    private double log1mP0;
    private double logInitial;
    private double log1mInitial;

    // scratch arrays for one person's update
    private final double[] h;
    private final double[] prefix;
    private final double[] ex;
    private final double[] logM;
    private final double[] mLin;
    private final double[] conv;
    private final double[] logL;
    private final double[] durationWeights;

    GibbsChain(CrispData data, CrispSettings settings, CrispParams params, long seed) {
        this.data = data;
        this.settings = settings;
        this.n = data.people;
        this.days = data.days;
        this.exposedOn = new int[n];
        this.exposedFor = new int[n];
        this.infectiousFor = new int[n];
        java.util.Arrays.fill(exposedOn, days);
        java.util.Arrays.fill(exposedFor, 1);
        java.util.Arrays.fill(infectiousFor, 1);
        this.pressure = new double[n * days];
        this.random = new SplittableRandom(seed);
        this.policyTest = policyTests(data);
        this.policyLastDay = new int[n];
        for (int u = 0; u < n; u++) {
            int last = days - 1;
            for (int k = data.testStart[u]; k < data.testStart[u + 1]; k++) {
                int t = data.testsOf[k];
                last = Math.min(last, data.testDay[t]);
            }
            policyLastDay[u] = last;
        }
        this.symptomTestOnLastDay = new boolean[n];
        for (int u = 0; u < n; u++) {
            for (int k = data.testStart[u]; k < data.testStart[u + 1]; k++) {
                int t = data.testsOf[k];
                symptomTestOnLastDay[u] |= policyTest[t] && data.testDay[t] == policyLastDay[u];
            }
        }
        this.logQE = logs(settings.exposedDays());
        this.logQI = logs(settings.infectiousDays());
        this.h = new double[days];
        this.prefix = new double[days + 1];
        this.ex = new double[days + 1];
        this.logM = new double[days + 1];
        this.mLin = new double[days + settings.maxExposed() + 1];
        this.conv = new double[days + 1];
        double[] qI = settings.infectiousDays();
        this.qITail = new double[qI.length + 1];
        for (int d = qI.length - 1; d >= 1; d--) {
            qITail[d] = qITail[d + 1] + qI[d];
        }
        this.logL = new double[days + 1];
        this.durationWeights = new double[Math.max(settings.maxExposed(), settings.maxInfectious()) + 1];
        setParams(params);
    }

    /**
     * Which tests are part of the test policy: those taken because of symptoms; when no test in
     * the data says why it was taken, every test (the rates then learn how much testing follows
     * infection).
     */
    static boolean[] policyTests(CrispData data) {
        boolean anyReason = false;
        for (CrispData.Reason r : data.testReason) {
            anyReason |= r != CrispData.Reason.UNKNOWN;
        }
        boolean[] out = new boolean[data.tests()];
        for (int k = 0; k < out.length; k++) {
            out[k] = anyReason ? data.testReason[k] == CrispData.Reason.SYMPTOMS : true;
        }
        return out;
    }

    private static double[] logs(double[] q) {
        double[] out = new double[q.length];
        for (int d = 0; d < q.length; d++) {
            out[d] = q[d] > 0 ? Math.log(q[d]) : Double.NEGATIVE_INFINITY;
        }
        return out;
    }

    /** Changes the parameters and recomputes every encounter's λ and every infection pressure. */
    void setParams(CrispParams p) {
        this.params = p;
        this.log1mP0 = Math.log1p(-p.p0());
        this.logInitial = Math.log(p.initial());
        policyFactors(p);
        this.log1mInitial = Math.log1p(-p.initial());
        this.pairLambda = data.pairLambda(p);
        recomputePressure();
    }

    /**
     * The test policy's likelihood ratio (against "tested for symptoms at the rate o of anyone") of
     * being infectious for k days before the first test untested, and of k such days followed by a
     * symptom-driven test on infectious day k: with the hazard η(τ) of a symptom test on
     * infectious day τ, the first is S(k) = Π_{τ<k} (1 − η(τ)) and the second
     * S(k) · (o + (1 − o) η(k)) / o (tested by either cause on that day, against o).
     */
    private void policyFactors(CrispParams p) {
        int size = days + 1;
        untestedFactor = new double[size];
        testedFactor = new double[size];
        logUntestedFactor = new double[size];
        logTestedFactor = new double[size];
        double o = p.symptomTestOther();
        double survival = 1;
        for (int k = 0; k < size; k++) {
            double eta = p.hazard(k);
            untestedFactor[k] = p.testPolicy() ? survival : 1;
            testedFactor[k] = p.testPolicy() ? survival * (o + (1 - o) * eta) / o : 1;
            logUntestedFactor[k] = Math.log(untestedFactor[k]);
            logTestedFactor[k] = Math.log(testedFactor[k]);
            survival *= 1 - eta;
        }
        double[] qI = settings.infectiousDays();
        qIUntested = new double[qI.length];
        for (int d = 1; d < qI.length; d++) {
            qIUntested[d] = qI[d] * untestedFactor[Math.min(d, size - 1)];
        }
    }

    /** Index into the policy factors of person u infectious on [a, e): k days untested, or −(k + 1) for k days then a symptom test. */
    private int policyIndex(int a, int e, int last, boolean symptomTest) {
        if (symptomTest && a <= last && last < e) {
            return -(last - a) - 1;
        }
        return Math.max(0, Math.min(e, last + 1) - a);
    }

    private double factor(int index) {
        return index >= 0 ? untestedFactor[index] : testedFactor[-index - 1];
    }

    private double logFactor(int index) {
        return index >= 0 ? logUntestedFactor[index] : logTestedFactor[-index - 1];
    }

    int[] policyLastDays() {
        return policyLastDay;
    }

    CrispParams params() {
        return params;
    }

    void recomputePressure() {
        java.util.Arrays.fill(pressure, 0);
        for (int u = 0; u < n; u++) {
            int a = infectiousStart(u);
            int b = infectiousEnd(u);
            for (int j = data.pairStart[u]; j < data.pairStart[u + 1]; j++) {
                int d = data.pairDay[j];
                if (d >= a && d < b) {
                    pressure[data.pairOther[j] * days + d] += pairLambda[j];
                }
            }
        }
    }

    /** Sets a person's trajectory directly (for tests and initial states); pressure follows. */
    void setTrajectory(int u, int t0, int dE, int dI) {
        int oldA = infectiousStart(u);
        int oldB = infectiousEnd(u);
        exposedOn[u] = t0;
        exposedFor[u] = dE;
        infectiousFor[u] = dI;
        updatePressure(u, oldA, oldB);
    }

    int infectiousStart(int u) {
        return exposedOn[u] >= days ? days : Math.min(days, exposedOn[u] + exposedFor[u]);
    }

    int infectiousEnd(int u) {
        return exposedOn[u] >= days ? days : Math.min(days, exposedOn[u] + exposedFor[u] + infectiousFor[u]);
    }

    boolean infectiousOn(int u, int d) {
        return d >= infectiousStart(u) && d < infectiousEnd(u);
    }

    /** State on day d: 0 S, 1 E, 2 I, 3 R. */
    int state(int u, int d) {
        int t0 = exposedOn[u];
        if (d < t0) {
            return 0;
        }
        int a = t0 + exposedFor[u];
        if (d < a) {
            return 1;
        }
        return d < a + infectiousFor[u] ? 2 : 3;
    }

    /** One sweep: every person's trajectory redrawn once, in a fixed order (a systematic scan). */
    void sweep() {
        for (int k = 0; k < n; k++) {
            update(k);
        }
    }

    /** Redraws person u's whole trajectory from its conditional given everyone else. */
    void update(int u) {
        final int T = days;
        final int oldA = infectiousStart(u);
        final int oldB = infectiousEnd(u);
        ownEvidence(u, h);
        neighbourEvidence(u, oldA, oldB, h);
        final boolean policy = params.testPolicy();
        final int last = policyLastDay[u];
        final boolean symptomTest = symptomTestOnLastDay[u];
        prefix[0] = 0;
        double pMax = 0;
        double pMin = 0;
        for (int d = 0; d < T; d++) {
            prefix[d + 1] = prefix[d] + h[d];
            pMax = Math.max(pMax, prefix[d + 1]);
            pMin = Math.min(pMin, prefix[d + 1]);
        }
        final double[] qI = settings.infectiousDays();
        final double[] qE = settings.exposedDays();
        final int maxI = qI.length - 1;
        final int maxE = qE.length - 1;
        // M[a] = Σ_dI qI(dI) exp(P[min(a+dI,T)] − P[a]) (× the policy factor), the infectious phase starting on day a;
        // mLin[a] = M[a] / e^k with e^k = max(1, max M), and mLin[a] = e^−k for a ≥ T (a phase after the window)
        double k;
        if (pMax - pMin < LOG_RANGE_FAST) {
            for (int j = 0; j <= T; j++) {
                ex[j] = Math.exp(prefix[j] - pMax);
            }
            // without a test before the last day, every spell ending inside the window has the factor of its length
            final boolean plain = !policy || last == T - 1;
            if (plain) {
                final double[] w = policy ? qIUntested : qI;
                java.util.Arrays.fill(conv, 0);
                for (int dI = 1; dI < maxI; dI++) {
                    final double q = w[dI];
                    final int end = T - dI;
                    for (int a = 1; a < end; a++) {
                        conv[a] += q * ex[a + dI];
                    }
                }
            }
            double top = 1;
            for (int a = 1; a < T; a++) {
                int full = Math.min(maxI, T - a);
                double s;
                if (plain) {
                    s = conv[a];
                } else {
                    // spells ending by the first test have the factor of their length; longer ones one factor for all
                    int split = Math.min(full, Math.max(1, last - a + 1));
                    double before = 0;
                    for (int dI = 1; dI < split; dI++) {
                        before += qIUntested[dI] * ex[a + dI];
                    }
                    double after = 0;
                    for (int dI = split; dI < full; dI++) {
                        after += qI[dI] * ex[a + dI];
                    }
                    s = before + after * (a > last ? 1 : symptomTest ? testedFactor[last - a] : untestedFactor[last + 1 - a]);
                }
                s += qITail[full] * ex[a + full] * (policy ? factor(policyIndex(a, a + full, last, symptomTest)) : 1);
                double m = s / ex[a];
                mLin[a] = m;
                top = Math.max(top, m);
            }
            double scale = 1 / top;
            for (int a = 1; a < T; a++) {
                mLin[a] *= scale;
            }
            k = Math.log(top);
        } else {
            for (int a = 1; a < T; a++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int dI = 1; dI <= maxI; dI++) {
                    int e = Math.min(a + dI, T);
                    best = Math.max(best, logQI[dI] + prefix[e] + (policy ? logFactor(policyIndex(a, e, last, symptomTest)) : 0));
                }
                double s = 0;
                for (int dI = 1; dI <= maxI; dI++) {
                    int e = Math.min(a + dI, T);
                    s += Math.exp(logQI[dI] + prefix[e] + (policy ? logFactor(policyIndex(a, e, last, symptomTest)) : 0) - best);
                }
                logM[a] = best + Math.log(s) - prefix[a];
            }
            k = 0;
            for (int a = 1; a < T; a++) {
                k = Math.max(k, logM[a]);
            }
            for (int a = 1; a < T; a++) {
                mLin[a] = Math.exp(logM[a] - k);
            }
        }
        final double beyond = Math.exp(-k);
        for (int a = T; a < mLin.length; a++) {
            mLin[a] = beyond;
        }
        // conv[t0] = Σ_dE qE(dE) mLin[t0+dE]; logL[t0] = A(t0) + log conv[t0] + k
        java.util.Arrays.fill(conv, 0);
        for (int dE = 1; dE <= maxE; dE++) {
            final double q = qE[dE];
            for (int t0 = 0; t0 < T; t0++) {
                conv[t0] += q * mLin[t0 + dE];
            }
        }
        // the weight of each exposure day t0 (T: none in the window), in proportion: survival to t0 × P(exposed on t0) × conv[t0]
        final int base = u * T;
        double total = linearExposureWeights(base, beyond);
        if (!(total > 1e-250 && total < Double.POSITIVE_INFINITY)) {
            total = logExposureWeights(base, k);
        }
        int t0 = pick(ex, T + 1, total);
        int dE;
        int dI;
        if (t0 == T) {
            dE = sampleDuration(qE);
            dI = sampleDuration(qI);
        } else {
            double sE = 0;
            for (int d = 1; d <= maxE; d++) {
                durationWeights[d - 1] = qE[d] * mLin[t0 + d];
                sE += durationWeights[d - 1];
            }
            dE = pick(durationWeights, maxE, sE) + 1;
            int a = t0 + dE;
            if (a >= T) {
                dI = sampleDuration(qI);
            } else {
                double sI = 0;
                double ref = prefix[a];
                double top = Double.NEGATIVE_INFINITY;
                for (int d = 1; d <= maxI; d++) {
                    int e = Math.min(a + d, T);
                    top = Math.max(top, prefix[e] - ref + (policy ? logFactor(policyIndex(a, e, last, symptomTest)) : 0));
                }
                for (int d = 1; d <= maxI; d++) {
                    int e = Math.min(a + d, T);
                    durationWeights[d - 1] = qI[d] == 0 ? 0
                            : qI[d] * Math.exp(prefix[e] - ref + (policy ? logFactor(policyIndex(a, e, last, symptomTest)) : 0) - top);
                    sI += durationWeights[d - 1];
                }
                dI = pick(durationWeights, maxI, sI) + 1;
            }
        }
        exposedOn[u] = t0;
        exposedFor[u] = dE;
        infectiousFor[u] = dI;
        updatePressure(u, oldA, oldB);
    }

    /** Exposure-day weights into ex (from conv) by multiplying survivals; their sum. */
    private double linearExposureWeights(int base, double beyond) {
        final int T = days;
        final double p0 = params.p0();
        final double escapeP0 = 1 - p0;
        double survived = 1;
        double total = 0;
        for (int t0 = 0; t0 < T; t0++) {
            double infect;
            double escape;
            if (t0 == 0) {
                infect = params.initial();
                escape = 1 - infect;
            } else {
                double pr = pressure[base + t0 - 1];
                if (pr == 0) {
                    infect = p0;
                    escape = escapeP0;
                } else {
                    escape = Math.exp(log1mP0 - pr);
                    infect = -Math.expm1(log1mP0 - pr);
                }
            }
            double w = survived * infect * conv[t0];
            ex[t0] = w;
            total += w;
            survived *= escape;
        }
        ex[T] = survived * beyond;
        return total + ex[T];
    }

    /** The same weights computed in logs, for when products of probabilities leave the range of doubles; their sum. */
    private double logExposureWeights(int base, double k) {
        final int T = days;
        double survived = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int t0 = 0; t0 < T; t0++) {
            double logInfect;
            double logEscape;
            if (t0 == 0) {
                logInfect = logInitial;
                logEscape = log1mInitial;
            } else {
                double x = log1mP0 - pressure[base + t0 - 1];
                logEscape = x;
                logInfect = Math.log(-Math.expm1(x));
            }
            logL[t0] = survived + logInfect + Math.log(conv[t0]) + k;
            survived += logEscape;
            best = Math.max(best, logL[t0]);
        }
        logL[T] = survived;
        best = Math.max(best, survived);
        double total = 0;
        for (int t0 = 0; t0 <= T; t0++) {
            ex[t0] = Math.exp(logL[t0] - best);
            total += ex[t0];
        }
        return total;
    }

    /** The log-likelihood ratio "infectious vs not" of u's own test results, per day, into out (the test policy is in the factors). */
    private void ownEvidence(int u, double[] out) {
        double alpha = settings.alpha();
        double beta = settings.beta();
        java.util.Arrays.fill(out, 0);
        for (int k = data.testStart[u]; k < data.testStart[u + 1]; k++) {
            int t = data.testsOf[k];
            out[data.testDay[t]] += data.testPositive[t] ? Math.log1p(-alpha) - Math.log(beta) : Math.log(alpha) - Math.log1p(-beta);
        }
    }

    /**
     * Adds, per day d, the log-likelihood ratio for u's neighbours of u being infectious on d:
     * each susceptible neighbour who stays susceptible pays (1 − p1) per encounter; one exposed on
     * d+1 gains the difference u makes to its infection probability, with all of the pair's
     * encounters that day combined exactly.
     */
    private void neighbourEvidence(int u, int oldA, int oldB, double[] out) {
        final int T = days;
        final int[] pairOther = data.pairOther;
        final int[] pairDay = data.pairDay;
        for (int j = data.pairStart[u], to = data.pairStart[u + 1]; j < to; j++) {
            int d = pairDay[j];
            if (d >= T - 1) {
                continue;
            }
            int v = pairOther[j];
            int tv = exposedOn[v];
            if (tv <= d) {
                continue;
            }
            double sum = pairLambda[j];
            if (tv > d + 1) {
                out[d] -= sum;
            } else {
                double without = pressure[v * T + d] - (d >= oldA && d < oldB ? sum : 0);
                if (without < 0) {
                    without = 0;
                }
                out[d] += Math.log(-Math.expm1(log1mP0 - without - sum)) - Math.log(-Math.expm1(log1mP0 - without));
            }
        }
    }

    private void updatePressure(int u, int oldA, int oldB) {
        int newA = infectiousStart(u);
        int newB = infectiousEnd(u);
        if (newA == oldA && newB == oldB) {
            return;
        }
        final int T = days;
        for (int j = data.pairStart[u], to = data.pairStart[u + 1]; j < to; j++) {
            int d = data.pairDay[j];
            boolean was = d >= oldA && d < oldB;
            boolean is = d >= newA && d < newB;
            if (was != is) {
                int idx = data.pairOther[j] * T + d;
                double p = pressure[idx] + (is ? pairLambda[j] : -pairLambda[j]);
                pressure[idx] = p < 1e-12 ? 0 : p;
            }
        }
    }

    private int pick(double[] w, int count, double total) {
        double r = random.nextDouble() * total;
        for (int i = 0; i < count; i++) {
            r -= w[i];
            if (r < 0) {
                return i;
            }
        }
        for (int i = count - 1; i >= 0; i--) {
            if (w[i] > 0) {
                return i;
            }
        }
        return count - 1;
    }

    private int sampleDuration(double[] q) {
        double r = random.nextDouble();
        for (int d = 1; d < q.length; d++) {
            r -= q[d];
            if (r < 0) {
                return d;
            }
        }
        return q.length - 1;
    }
}
