package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/** The compiled classifier gives Tribuo's own scores, for both algorithms cross-validation chooses between. */
class CompiledClassifierTest {

    static AddressParser parser;
    static List<DeliverabilityTrainer.LabelledAddress> data;
    static DeliverabilityFeatures features;
    static Map<String, Model<Label>> models = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void train() {
        PostalDirectory dir = PostalDirectory.load();
        parser = new AddressParser(dir);
        data = DeliverabilityModelTest.fixture(dir, 1_200, 11);
        features = DeliverabilityFeatures.learn(data.stream().map(DeliverabilityTrainer.LabelledAddress::text).toList(), 5, 400);
        List<AddressParts> parts = new ArrayList<>();
        for (var a : data) {
            parts.add(parser.parse(a.text(), a.city(), a.state(), a.pincode()));
        }
        var dataset = DeliverabilityTrainer.dataset(features, data, parts, new int[data.size()], -1, true);
        for (Map.Entry<String, Trainer<Label>> t : DeliverabilityTrainer.candidates(5, 60).entrySet()) {
            models.put(t.getKey(), t.getValue().train(dataset));
        }
    }

    static DeliverabilityModel model(String algorithm) {
        return new DeliverabilityModel(models.get(algorithm), features, 1.3, -0.2, 0.5, algorithm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic regression", "xgboost"})
    void compilesAndAgreesWithTribuoOnRandomFeatureVectors(String algorithm) {
        CompiledClassifier c = CompiledClassifier.compile(models.get(algorithm)).orElseThrow();
        Class<? extends CompiledClassifier> kind = algorithm.equals("xgboost") ? CompiledClassifier.Trees.class : CompiledClassifier.Linear.class;
        assertEquals(kind, c.getClass());
        double diff = c.maxDifference(models.get(algorithm), 3_000, 12345);
        assertTrue(diff <= CompiledClassifier.TOLERANCE, algorithm + " differs from Tribuo by " + diff);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic regression", "xgboost"})
    void aVariantScoredFromTheRecordEqualsAFullEvaluation(String algorithm) {
        CompiledClassifier c = CompiledClassifier.compile(models.get(algorithm)).orElseThrow();
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        int[] present = new int[c.width()];
        int differing = 0;
        for (int probe = 0; probe < 2_000; probe++) {
            double[] base = c.newBuffer();
            for (int k = 0; k < 12; k++) {
                base[r.nextInt(c.width())] = r.nextBoolean() ? 1.0 : r.nextDouble() * 5;
            }
            float[] record = c.newRecord();
            double before = c.deliverable(base, present, ids(base, present), record);
            double[] variant = base.clone();
            long[] changed = c.newChangeSet();
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int id = r.nextInt(Math.min(c.width(), 20));
                variant[id] = Double.isNaN(variant[id]) ? 1.0 : Double.NaN;
                changed[id >>> 6] |= 1L << id;
            }
            double full = c.deliverable(variant, present, ids(variant, present));
            assertEquals(full, c.deliverableChanged(variant, present, ids(variant, present), record, changed), 0.0);
            differing += full != before ? 1 : 0;
        }
        assertTrue(differing > 500, "the variants change the score: " + differing);
    }

    private static int ids(double[] v, int[] present) {
        int n = 0;
        for (int id = 0; id < v.length; id++) {
            if (!Double.isNaN(v[id])) {
                present[n++] = id;
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic regression", "xgboost"})
    void scoresAndReasonsEqualTribuosOnAddressesAndHostileText(String algorithm) {
        DeliverabilityModel m = model(algorithm);
        List<DeliverabilityModel.Input> inputs = new ArrayList<>();
        for (var a : data) {
            inputs.add(new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode()));
        }
        for (String text : new String[] {"   ", "😀🙏🏽📦", "x", "मंदिर के पास, वाराणसी", "near temple ".repeat(420),
            "Flat 302, 5th Cross, Malleswaram, Bengaluru 560003", "near Bus Stand, Malleswaram, Mysuru 560003", "12345"}) {
            inputs.add(new DeliverabilityModel.Input(text, null, null, null));
        }
        List<AddressScore> fast = m.scoreAll(parser, inputs);
        List<AddressScore> reference = m.scoreThroughTribuo(parser, inputs);
        int withReasons = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String what = algorithm + ": " + inputs.get(i).text();
            assertEquals(reference.get(i).score(), fast.get(i).score(), CompiledClassifier.TOLERANCE, what);
            assertEquals(reference.get(i).reasons(), fast.get(i).reasons(), what);
            assertEquals(reference.get(i).parts(), fast.get(i).parts(), what);
            withReasons += fast.get(i).reasons().isEmpty() ? 0 : 1;
        }
        assertTrue(withReasons > inputs.size() / 5, "reasons are compared, not just empty lists: " + withReasons);
        assertEquals(fast.get(3).score(), m.score(parser, inputs.get(3)).score(), 0.0, "one address scores as in a batch");
    }
}
