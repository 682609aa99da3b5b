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
    void testPolicyStepRecoversWhenInfectionsAreTestedForSymptoms() {
        double share = 0.45;
        double other = 0.002;
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        CompleteDataStatistics s = new CompleteDataStatistics();
        s.untestedSpells = new double[61];
        s.testedSpells = new double[61];
        for (int spell = 0; spell < 40_000; spell++) {
            int length = 5 + r.nextInt(16);
            // tested for symptoms on infectious day 1, 2 or 3 (0 the first), or never; anyone's rate besides
            int due = r.nextDouble() < share ? 1 + r.nextInt(3) : -1;
            int k = 0;
            while (k < length && k != due && r.nextDouble() >= other) {
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
        assertEquals(other, learned.symptomTestOther(), 0.0005, "everyone's daily rate");
        assertEquals(0, learned.hazard(0), 0.01, "no test on the first infectious day");
        assertEquals(share / 3, learned.hazard(1), 0.01, "day 1");
        assertEquals(share / 3 / (1 - share / 3), learned.hazard(2), 0.015, "day 2 among those not yet tested");
        assertEquals(share / 3 / (1 - 2 * share / 3), learned.hazard(3), 0.015, "day 3 among those not yet tested");
        for (int t = 4; t < CrispParams.HAZARD_DAYS; t++) {
            assertEquals(0, learned.hazard(t), 0.01, "no symptom test of the infection on day " + t);
        }
        assertEquals(share, learned.symptomTestedShare(), 0.03, "share of infections tested for symptoms");
        assertEquals(2, learned.likeliestSymptomTestDay(), 1, "the likeliest day");
    }

    @Test
    void modelFileKeepsTheSymptomTestHazardAndReadsTheEarlierMixturePolicy() throws Exception {
        CrispParams p = new CrispParams(0.001, 0.01, 0.02, 0.03, 0.04, true, new double[] {0, 0.2, 0.3, 0.1}, 0.003, 0.01);
        CrispModel m = new CrispModel(p, new double[] {0, 0, 0, 0, 0}, java.util.List.of(), 10, 1.01, java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 3, 1), 1, 10, 20, 3, 5);
        CrispModel back = CrispModel.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.toJsonText()));
        assertEquals(p, back.params());

        com.fasterxml.jackson.databind.node.ObjectNode old = m.toJson();
        com.fasterxml.jackson.databind.node.ObjectNode policy = (com.fasterxml.jackson.databind.node.ObjectNode) old.get("test_policy");
        policy.remove("symptom_test_hazard");
        policy.put("symptom_test_rate_infectious", 0.2);
        policy.put("symptom_tested_share", 0.5);
        CrispParams earlier = CrispModel.fromJson(old).params();
        double r = (1 - 0.2) / (1 - 0.003);
        for (int k = 0; k < CrispParams.HAZARD_DAYS; k++) {
            assertEquals(0.5 + 0.5 * Math.pow(r, k), earlier.untestedFor(k), 1e-9, "untested for " + k + " days");
        }
    }
}
