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
}
