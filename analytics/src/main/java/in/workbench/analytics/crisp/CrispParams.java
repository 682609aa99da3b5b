package in.workbench.analytics.crisp;

import java.util.Locale;

/**
 * The learned parameters of the CRISP model: the background infection probability per day
 * {@code p0}, the transmission weights of one encounter
 * {@code p1 = 1 − exp(−(intercept + durationH·hours + close·[distance < 2 m] + indoor·[indoor]))},
 * all ≥ 0, and the test policy: when an infection leads to a symptom-driven test. Beyond the
 * paper, symptom-driven testing is a timing distribution: {@code symptomHazard[τ]} is the
 * probability that an infection not yet tested for symptoms is tested on its τ-th infectious day
 * (τ = 0 the first; the last entry holds for every later day), on top of the daily rate
 * {@code symptomTestOther} at which anyone is tested for symptoms. The hazards need not add up to
 * one: the infections never tested are what is left, Π (1 − hazard). With {@code testPolicy} off
 * the model is the published one, in which not being tested says nothing. Also beyond the paper,
 * the first day of the window has its own probability {@code initial} of being exposed already: a
 * window opens in the middle of an epidemic, and folding the people infected before it into the
 * daily background p0 would inflate p0 and take the blame away from contacts. The published model
 * has {@code initial = p0}. Immutable and thread-safe.
 *
 * @param p0 background probability of becoming exposed on a day, independent of contacts
 * @param intercept weight every encounter carries
 * @param durationH weight per hour together
 * @param close weight of being closer than 2 m
 * @param indoor weight of being indoors (a vehicle is indoors)
 * @param testPolicy whether symptom-driven testing is part of the likelihood
 * @param symptomHazard P(a symptom-driven test on infectious day τ | infectious and not tested for symptoms before), τ = 0…
 * @param symptomTestOther P(a symptom-driven test on a day) of anyone, infectious or not
 * @param initial probability of being exposed on or before the window's first day
 */
public record CrispParams(double p0, double intercept, double durationH, double close, double indoor, boolean testPolicy,
        double[] symptomHazard, double symptomTestOther, double initial) {

    /** Infectious days with their own symptom-test hazard; the last one also stands for every later day. */
    public static final int HAZARD_DAYS = 14;

    public CrispParams {
        if (!(p0 > 0 && p0 < 1)) {
            throw new IllegalArgumentException("p0 must be between 0 and 1, was " + p0);
        }
        if (!(intercept >= 0 && durationH >= 0 && close >= 0 && indoor >= 0)) {
            throw new IllegalArgumentException("transmission weights must be 0 or more");
        }
        if (symptomHazard == null || symptomHazard.length == 0) {
            throw new IllegalArgumentException("the symptom-test hazard needs at least one day");
        }
        symptomHazard = symptomHazard.clone();
        if (testPolicy) {
            if (!(symptomTestOther > 0 && symptomTestOther < 1)) {
                throw new IllegalArgumentException("the daily symptom-test rate must be between 0 and 1");
            }
            for (double q : symptomHazard) {
                if (!(q >= 0 && q < 1)) {
                    throw new IllegalArgumentException("symptom-test hazards must be at least 0 and below 1");
                }
            }
        }
        if (!(initial > 0 && initial < 1)) {
            throw new IllegalArgumentException("the initial exposure probability must be between 0 and 1, was " + initial);
        }
    }

    /** The published model (no test policy) with these transmission parameters. */
    public static CrispParams published(double p0, double intercept, double durationH, double close, double indoor) {
        return new CrispParams(p0, intercept, durationH, close, indoor, false, new double[HAZARD_DAYS], 0.5, p0);
    }

    /** Where MCEM starts: a small background rate, a modest transmission probability per encounter, a flat symptom-test hazard. */
    public static CrispParams start(boolean testPolicy) {
        double[] hazard = new double[HAZARD_DAYS];
        java.util.Arrays.fill(hazard, 0.05);
        return new CrispParams(0.001, 0.01, 0.05, 0.01, 0.01, testPolicy, hazard, 0.01, 0.001);
    }

    /**
     * The hazards of the earlier test policy, where a share {@code share} of infections was tested
     * for symptoms at a constant daily rate {@code rate} (and the others at {@code other} like
     * anyone): the same probability of staying untested for each number of infectious days.
     */
    public static double[] hazardOfMixture(double share, double rate, double other) {
        double r = (1 - rate) / (1 - other);
        double[] hazard = new double[HAZARD_DAYS];
        for (int t = 0; t < HAZARD_DAYS; t++) {
            double before = (1 - share) + share * Math.pow(r, t);
            double after = (1 - share) + share * Math.pow(r, t + 1);
            hazard[t] = Math.min(0.99, Math.max(0, 1 - after / before));
        }
        return hazard;
    }

    @Override
    public double[] symptomHazard() {
        return symptomHazard.clone();
    }

    /** The symptom-test hazard on infectious day τ (0 the first). */
    public double hazard(int tau) {
        return symptomHazard[Math.min(tau, symptomHazard.length - 1)];
    }

    /** P(not tested for symptoms because of the infection in its first k infectious days). */
    public double untestedFor(int k) {
        double s = 1;
        for (int t = 0; t < k; t++) {
            s *= 1 - hazard(t);
        }
        return s;
    }

    /** The share of infections tested for symptoms because of the infection within its first {@link #HAZARD_DAYS} infectious days. */
    public double symptomTestedShare() {
        return 1 - untestedFor(HAZARD_DAYS);
    }

    /** The infectious day τ (0 the first) on which a symptom-driven test is most likely. */
    public int likeliestSymptomTestDay() {
        int best = 0;
        double bestP = -1;
        for (int t = 0; t < HAZARD_DAYS; t++) {
            double p = untestedFor(t) * hazard(t);
            if (p > bestP) {
                bestP = p;
                best = t;
            }
        }
        return best;
    }

    /** The exponent λ = −log(1 − p1) of an encounter. */
    public double lambda(double hours, boolean isClose, boolean isIndoor) {
        return intercept + durationH * hours + (isClose ? close : 0) + (isIndoor ? indoor : 0);
    }

    /** p1 of an encounter. */
    public double p1(double hours, boolean isClose, boolean isIndoor) {
        return -Math.expm1(-lambda(hours, isClose, isIndoor));
    }

    /** The same parameters with other transmission weights and p0. */
    public CrispParams withTransmission(double newP0, double[] w) {
        return new CrispParams(newP0, w[0], w[1], w[2], w[3], testPolicy, symptomHazard, symptomTestOther, initial);
    }

    /** The same parameters with another symptom-test hazard and daily rate of anyone. */
    public CrispParams withTestPolicy(double[] hazard, double other) {
        return new CrispParams(p0, intercept, durationH, close, indoor, testPolicy, hazard, other, initial);
    }

    /** The same parameters with another probability of being exposed already on the first day. */
    public CrispParams withInitial(double newInitial) {
        return new CrispParams(p0, intercept, durationH, close, indoor, testPolicy, symptomHazard, symptomTestOther, newInitial);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CrispParams p && p0 == p.p0 && intercept == p.intercept && durationH == p.durationH && close == p.close
                && indoor == p.indoor && testPolicy == p.testPolicy && java.util.Arrays.equals(symptomHazard, p.symptomHazard)
                && symptomTestOther == p.symptomTestOther && initial == p.initial;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(p0, intercept, durationH, close, indoor, testPolicy, java.util.Arrays.hashCode(symptomHazard),
                symptomTestOther, initial);
    }

    @Override
    public String toString() {
        StringBuilder h = new StringBuilder();
        for (double q : symptomHazard) {
            h.append(h.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", q));
        }
        return String.format(Locale.ROOT, "p0=%.5f initial=%.4f w=(%.4f, %.4f/h, close %.4f, indoor %.4f)%s", p0, initial, intercept, durationH,
                close, indoor, testPolicy ? String.format(Locale.ROOT, " symptom-test hazard by infectious day [%s] (%.2f of infections), "
                + "anyone %.4f/day", h, symptomTestedShare(), symptomTestOther) : "");
    }
}
