package in.workbench.analytics.crisp;

import java.util.Locale;

/**
 * The learned parameters of the CRISP model: the background infection probability per day
 * {@code p0}, the transmission weights of one encounter
 * {@code p1 = 1 − exp(−(intercept + durationH·hours + close·[distance < 2 m] + indoor·[indoor]))},
 * all ≥ 0, and the test policy: the daily probability that an infectious person, and that anyone
 * else, is tested because of symptoms. With {@code testPolicy} off the model is the published one,
 * in which not being tested says nothing. Beyond the paper, the first day of the window has its own
 * probability {@code initial} of being exposed already: a window opens in the middle of an
 * epidemic, and folding the people infected before it into the daily background p0 would inflate
 * p0 and take the blame away from contacts. The published model has {@code initial = p0}.
 * Immutable and thread-safe.
 *
 * @param p0 background probability of becoming exposed on a day, independent of contacts
 * @param intercept weight every encounter carries
 * @param durationH weight per hour together
 * @param close weight of being closer than 2 m
 * @param indoor weight of being indoors (a vehicle is indoors)
 * @param testPolicy whether symptom-driven testing is part of the likelihood
 * @param symptomTestInfectious P(a symptom-driven test on a day | infectious)
 * @param symptomTestOther P(a symptom-driven test on a day | not infectious)
 * @param initial probability of being exposed on or before the window's first day
 * @param symptomShare the share of infections that would lead to a symptom-driven test at all (the
 *     others are tested for symptoms no more often than anyone); so days of being infectious and
 *     untested lower the likelihood monotonically but never below 1 − symptomShare
 */
public record CrispParams(double p0, double intercept, double durationH, double close, double indoor, boolean testPolicy,
        double symptomTestInfectious, double symptomTestOther, double initial, double symptomShare) {

    public CrispParams {
        if (!(p0 > 0 && p0 < 1)) {
            throw new IllegalArgumentException("p0 must be between 0 and 1, was " + p0);
        }
        if (!(intercept >= 0 && durationH >= 0 && close >= 0 && indoor >= 0)) {
            throw new IllegalArgumentException("transmission weights must be 0 or more");
        }
        if (testPolicy && !(symptomTestInfectious > 0 && symptomTestInfectious < 1 && symptomTestOther > 0 && symptomTestOther < 1)) {
            throw new IllegalArgumentException("symptom test rates must be between 0 and 1");
        }
        if (testPolicy && !(symptomShare > 0 && symptomShare <= 1)) {
            throw new IllegalArgumentException("the share of infections tested for symptoms must be above 0 and at most 1");
        }
        if (!(initial > 0 && initial < 1)) {
            throw new IllegalArgumentException("the initial exposure probability must be between 0 and 1, was " + initial);
        }
    }

    /** The published model (no test policy) with these transmission parameters. */
    public static CrispParams published(double p0, double intercept, double durationH, double close, double indoor) {
        return new CrispParams(p0, intercept, durationH, close, indoor, false, 0.5, 0.5, p0, 1);
    }

    /** Where MCEM starts: a small background rate and a modest transmission probability per encounter. */
    public static CrispParams start(boolean testPolicy) {
        return new CrispParams(0.001, 0.01, 0.05, 0.01, 0.01, testPolicy, 0.05, 0.01, 0.001, 0.5);
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
        return new CrispParams(newP0, w[0], w[1], w[2], w[3], testPolicy, symptomTestInfectious, symptomTestOther, initial,
                symptomShare);
    }

    /** The same parameters with other symptom-test rates. */
    public CrispParams withTestRates(double infectious, double other, double share) {
        return new CrispParams(p0, intercept, durationH, close, indoor, testPolicy, infectious, other, initial, share);
    }

    /** The same parameters with another probability of being exposed already on the first day. */
    public CrispParams withInitial(double newInitial) {
        return new CrispParams(p0, intercept, durationH, close, indoor, testPolicy, symptomTestInfectious, symptomTestOther, newInitial,
                symptomShare);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p0=%.5f initial=%.4f w=(%.4f, %.4f/h, close %.4f, indoor %.4f)%s", p0, initial, intercept, durationH,
                close, indoor,
                testPolicy ? String.format(Locale.ROOT, " symptom tests %.4f/%.4f for %.2f of infections", symptomTestInfectious,
                symptomTestOther, symptomShare) : "");
    }
}
