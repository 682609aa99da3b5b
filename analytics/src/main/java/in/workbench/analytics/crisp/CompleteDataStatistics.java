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
 * each exposure its own feature vector. Also the counts for the symptom-test rates. Used by one thread.
 */
final class CompleteDataStatistics {

    static final int DIM = 5;

    final double[] survival = new double[DIM];
    final List<double[]> exposures = new ArrayList<>();
    double initiallyExposed;
    double initialPeople;
    double testedInfectious;
    double daysInfectious;
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
                if (target == null) {
                    continue;
                }
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
            int iDays = Math.max(0, Math.min(b, last + 1) - Math.min(a, last + 1));
            daysInfectious += iDays;
            daysOther += last + 1 - iDays;
            for (int k = data.testStart[u]; k < data.testStart[u + 1]; k++) {
                int test = data.testsOf[k];
                if (policyTest[test] && data.testDay[test] == last) {
                    if (last >= a && last < b) {
                        testedInfectious++;
                    } else {
                        testedOther++;
                    }
                    break;
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
        testedInfectious += o.testedInfectious;
        daysInfectious += o.daysInfectious;
        testedOther += o.testedOther;
        daysOther += o.daysOther;
        samples += o.samples;
    }
}
