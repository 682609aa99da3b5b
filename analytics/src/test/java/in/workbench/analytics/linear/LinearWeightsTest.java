package in.workbench.analytics.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The weights read out of Tribuo give Tribuo's own probabilities. */
class LinearWeightsTest {

    private static final String[] NAMES = {"a", "b", "c"};

    @Test
    void theWeightsAndBiasesReproduceTribuosProbabilitiesForEveryClass() {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("test", f), f);
        String[] classes = {"red", "green", "blue"};
        for (int i = 0; i < 90; i++) {
            ds.add(new ArrayExample<>(new Label(classes[i % 3]), NAMES, new double[] {i % 3, (i * 7) % 5, i % 2 - 0.5}));
        }
        LinearSGDModel model = (LinearSGDModel) new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 5, 1_000, 1, 3).train(ds);
        LinearWeights w = LinearWeights.of(model);
        assertEquals(3, w.weights().length);
        assertEquals(3, w.weights()[0].length);

        double[] x = {2, 1, 0.5};
        Example<Label> e = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, NAMES, x);
        var tribuo = model.predict(e).getOutputScores();
        double[] z = new double[3];
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            z[k] = w.bias()[k];
            for (String name : NAMES) {
                int id = model.getFeatureIDMap().getID(name);
                z[k] += w.weights()[k][id] * x[java.util.Arrays.asList(NAMES).indexOf(name)];
            }
            sum += Math.exp(z[k]);
        }
        for (String c : classes) {
            int k = model.getOutputIDInfo().getID(new Label(c));
            assertEquals(tribuo.get(c).getScore(), Math.exp(z[k]) / sum, 1e-9, c);
        }
    }
}
