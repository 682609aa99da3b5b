package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.clustering.ClusterID;

/** Tribuo models travel as protobuf and only the listed model types are rebuilt. */
class TribuoModelFormatTest {

    static Model<Label> model;

    @BeforeAll
    static void train() {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("test", f), f);
        for (int i = 0; i < 40; i++) {
            ds.add(new ArrayExample<>(new Label(i % 2 == 0 ? "yes" : "no"), new String[] {"a", "b"}, new double[] {i % 2, i % 3}));
        }
        model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 3, 1_000, 1, 1).train(ds);
    }

    @Test
    void aModelReadBackPredictsTheSameWithTheSameProvenance() {
        Model<Label> back = TribuoModelFormat.read(TribuoModelFormat.write(model), Label.class);
        Example<Label> e = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"a", "b"}, new double[] {1, 2});
        assertEquals(model.predict(e).getOutputScores(), back.predict(e).getOutputScores());
        assertEquals(model.getProvenance(), back.getProvenance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.tribuo.classification.liblinear.LibLinearClassificationModel", "org.tribuo.clustering.kmeans.KMeansModel",
        "java.lang.Runtime"})
    void aModelTypeNotOnTheListIsRefusedBeforeItIsRebuilt(String className) {
        ModelProto renamed = model.serialize().toBuilder().setClassName(className).build();
        String base64 = Base64.getEncoder().encodeToString(renamed.toByteArray());
        ModelFile.Refused e = assertThrows(ModelFile.Refused.class, () -> TribuoModelFormat.read(base64, Label.class));
        assertEquals("it holds a Tribuo part of type " + className + ", which the workbench does not load", e.getMessage());
    }

    @Test
    void aModelOfAnotherOutputTypeIsRefused() {
        ModelFile.Refused e = assertThrows(ModelFile.Refused.class, () -> TribuoModelFormat.read(TribuoModelFormat.write(model), ClusterID.class));
        assertTrue(e.getMessage().contains("predicts something other than ClusterID"), e.getMessage());
    }

    @Test
    void bytesThatAreNoModelAreRefusedAsDamaged() {
        assertThrows(ModelFile.Refused.class, () -> TribuoModelFormat.read("not base64 !", Label.class));
        assertThrows(ModelFile.Refused.class, () -> TribuoModelFormat.read(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), Label.class));
    }
}
