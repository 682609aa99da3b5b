package in.workbench.analytics.crisp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.task.ProgressMonitor;
import org.junit.jupiter.api.Test;

class CrispTrainerTest {

    @Test
    void monteCarloEmRecoversKnownTransmissionWeights() {
        CrispSettings settings = CrispSettings.defaults();
        CrispParams truth = CrispParams.published(0.002, 0.004, 0.012, 0.015, 0.01);
        ModelEpidemic epidemic = new ModelEpidemic(2000, 40, truth, settings, 3, 11);
        long infected = java.util.Arrays.stream(epidemic.exposedOn).filter(t -> t < 40).count();
        assertTrue(infected > 150 && infected < 1900, "a usable epidemic: " + infected + " infected");

        CrispTrainer.Result result = new CrispTrainer().train(epidemic.data, settings, CrispParams.start(false),
                new CrispTrainer.Config(12, 2, 10, 8, 5, false), ProgressMonitor.NONE);

        double relError = CrispEvaluation.typicalContactError(result.params(), truth);
        assertTrue(relError < 0.3, "mean relative error of p1 on typical contacts " + relError + ", learned " + result.params());
        assertEquals(truth.p0(), result.params().p0(), 0.002, "p0");
        assertTrue(result.standardErrors()[2] >= 0, "a Monte Carlo standard error for the duration weight");
    }

    @Test
    void testPolicyStepRecoversTheShareOfInfectionsTestedForSymptomsAndTheirRate() {
        double share = 0.4;
        double rate = 0.2;
        double other = 0.002;
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        CompleteDataStatistics s = new CompleteDataStatistics();
        s.untestedSpells = new double[61];
        s.testedSpells = new double[61];
        for (int spell = 0; spell < 20_000; spell++) {
            int length = 5 + r.nextInt(16);
            double daily = r.nextDouble() < share ? rate : other;
            int k = 0;
            while (k < length && r.nextDouble() >= daily) {
                k++;
            }
            if (k < length) {
                s.testedSpells[k]++;
            } else {
                s.untestedSpells[k]++;
            }
        }
        for (int day = 0; day < 500_000; day++) {
            s.daysOther++;
            if (r.nextDouble() < other) {
                s.testedOther++;
            }
        }
        CrispParams learned = CrispTrainer.testPolicy(s, CrispParams.start(true));
        assertEquals(share, learned.symptomShare(), 0.03, "share of infections tested for symptoms");
        assertEquals(rate, learned.symptomTestInfectious(), 0.02, "their daily rate");
        assertEquals(other, learned.symptomTestOther(), 0.0005, "everyone else's daily rate");
    }
}
