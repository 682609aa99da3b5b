package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.workspace.PreviousRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both deliverability algorithms save without Java serialisation and load to the same scores; old files are converted. */
class DeliverabilityModelFileTest {

    static AddressParser parser;
    static List<DeliverabilityTrainer.LabelledAddress> data;
    static DeliverabilityFeatures features;
    static List<AddressParts> parts = new ArrayList<>();

    @BeforeAll
    static void prepare() {
        PostalDirectory dir = PostalDirectory.load();
        parser = new AddressParser(dir);
        data = DeliverabilityModelTest.fixture(dir, 400, 9);
        features = DeliverabilityFeatures.learn(data.stream().map(DeliverabilityTrainer.LabelledAddress::text).toList(), 5, 100);
        for (DeliverabilityTrainer.LabelledAddress a : data) {
            parts.add(parser.parse(a.text(), a.city(), a.state(), a.pincode()));
        }
    }

    static DeliverabilityModel trained(String algorithm) {
        var tribuo = DeliverabilityTrainer.candidates(3, 20).get(algorithm)
                .train(DeliverabilityTrainer.dataset(features, data, parts, new int[data.size()], -1, true));
        return new DeliverabilityModel(tribuo, features, 1.1, -0.2, 0.4, algorithm);
    }

    static void assertSameScores(DeliverabilityModel expected, DeliverabilityModel actual) {
        List<DeliverabilityModel.Input> inputs = data.stream().limit(100)
                .map(a -> new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode())).toList();
        List<AddressScore> before = expected.scoreAll(parser, inputs);
        List<AddressScore> after = actual.scoreAll(parser, inputs);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).score(), after.get(i).score(), 0.0);
            assertEquals(before.get(i).flagged(), after.get(i).flagged());
            assertEquals(before.get(i).reasons(), after.get(i).reasons());
        }
        assertEquals(expected.algorithm(), actual.algorithm());
        assertEquals(expected.threshold(), actual.threshold());
        assertEquals(expected.tribuoModel().getProvenance(), actual.tribuoModel().getProvenance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic regression", "xgboost"})
    void savesInTribuosProtobufFormAndLoadsBackToTheSameScores(String algorithm, @TempDir Path dir) throws Exception {
        DeliverabilityModel model = trained(algorithm);
        model.save(dir);
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve(DeliverabilityModel.FILE_NAME)).startsWith("{\"format\":\"workbench-model\""));
        assertSameScores(model, DeliverabilityModel.load(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic regression", "xgboost"})
    void aModelFileOfThePreviousReleaseIsConvertedOnceAndScoresTheSame(String algorithm, @TempDir Path dir) throws Exception {
        DeliverabilityModel model = trained(algorithm);
        PreviousRelease.save(model, dir.resolve(DeliverabilityModel.FILE_NAME));
        assertSameScores(model, DeliverabilityModel.load(dir));
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve(DeliverabilityModel.FILE_NAME)).startsWith("{"), "converted");
    }
}
