package in.workbench.analytics.crisp;

import java.util.ArrayList;
import java.util.List;

/**
 * The sufficient statistics of the complete-data log-likelihood, summed over kept Gibbs samples,
 * for Monte Carlo EM. With θ = (η, w0, w_dur, w_close, w_in), η = −log(1 − p0), a person's
 * transition into day t has hazard z = θ·x where x = (1, Σ over the previous day's encounters
 * with infectious people of (1, hours, close, indoor)); staying susceptible contributes −z and
 * becoming exposed log(1 − e^−z), for days t ≥ 1; day 0 (exposed already when the window opens)
 * has its own probability, counted apart. So the survivals need only their summed features, and
 * each exposure its own feature vector. Also the counts for the test policy: infectious spells before
 * the first test by their length and whether a symptom-driven test ended them. Used by one thread.
 */
final class CompleteDataStatistics {

    static final int DIM = 5;

    final double[] survival = new double[DIM];
    final List<double[]> exposures = new ArrayList<>();
    double initiallyExposed;
    double initialPeople;
    /** untestedSpells[k]: infectious spells with k days before the first test, no symptom test among them. */
    double[] untestedSpells;
    /** testedSpells[k]: infectious spells with k untested days, then a symptom-driven test while infectious. */
    double[] testedSpells;
    /** Days before the first test not infectious, and symptom-driven tests on such days. */
    double testedOther;
    double daysOther;
    int samples;

    /** Adds the current state of a chain as one sample. */
    void add(GibbsChain chain, boolean[] policyTest, int[] policyLastDay) {
        CrispData data = chain.data;
        int t = data.days;
        for (int u = 0; u < data.people; u++) {
            int t0 = chain.exposedOn[u];
            initialPeople++;
            if (t0 == 0) {
                initiallyExposed++;
            }
            survival[0] += Math.max(0, Math.min(t0, t) - 1);
            double[] x = t0 > 0 && t0 < t ? new double[DIM] : null;
            if (x != null) {
                x[0] = 1;
            }
            for (int k = data.adjacencyStart[u]; k < data.adjacencyStart[u + 1]; k++) {
                int c = data.adjacency[k];
                int d = data.contactDay[c];
                if (d + 1 > t0 || d + 1 >= t) {
                    break;
                }
                int v = data.other(c, u);
                if (!chain.infectiousOn(v, d)) {
                    continue;
                }
                double[] target = d + 1 == t0 ? x : survival;
                target[1] += 1;
                target[2] += data.contactHours[c];
                target[3] += data.contactClose[c] ? 1 : 0;
                target[4] += data.contactIndoor[c] ? 1 : 0;
            }
            if (x != null) {
                exposures.add(x);
            }
            int last = policyLastDay[u];
            int a = chain.infectiousStart(u);
            int b = chain.infectiousEnd(u);
            boolean symptomTest = false;
            for (int k = data.testStart[u]; k < data.testStart[u + 1]; k++) {
                int test = data.testsOf[k];
                symptomTest |= policyTest[test] && data.testDay[test] == last;
            }
            int iDays = Math.max(0, Math.min(b, last + 1) - Math.min(a, last + 1));
            boolean testedWhileInfectious = symptomTest && last >= a && last < b;
            daysOther += last + 1 - iDays;
            if (symptomTest && !testedWhileInfectious) {
                testedOther++;
            }
            if (iDays > 0) {
                if (untestedSpells == null) {
                    untestedSpells = new double[t + 1];
                    testedSpells = new double[t + 1];
                }
                if (testedWhileInfectious) {
                    testedSpells[iDays - 1]++;
                } else {
                    untestedSpells[iDays]++;
                }
            }
        }
        samples++;
    }

    /** Adds another accumulator's samples. */
    void merge(CompleteDataStatistics o) {
        for (int i = 0; i < DIM; i++) {
            survival[i] += o.survival[i];
        }
        exposures.addAll(o.exposures);
        initiallyExposed += o.initiallyExposed;
        initialPeople += o.initialPeople;
        if (o.untestedSpells != null) {
            if (untestedSpells == null) {
                untestedSpells = new double[o.untestedSpells.length];
                testedSpells = new double[o.testedSpells.length];
            }
            for (int k = 0; k < untestedSpells.length; k++) {
                untestedSpells[k] += o.untestedSpells[k];
                testedSpells[k] += o.testedSpells[k];
            }
        }
        testedOther += o.testedOther;
        daysOther += o.daysOther;
        samples += o.samples;
    }
}
