package in.workbench.analytics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.PreviousRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segmenter's file: the CRF in Tribuo's protobuf form, loaded back to the same segments and confidences. */
class SegmentationModelFileTest {

    static AddressParser parser;
    static SegmentationModel model;
    static List<String> texts = new ArrayList<>();

    @BeforeAll
    static void train() {
        PostalDirectory directory = PostalDirectory.load();
        parser = new AddressParser(directory);
        Random r = new Random(4);
        List<Place> places = directory.places();
        List<SegmentationTrainer.Example> data = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String text = AddressFixture.text(i, places.get(r.nextInt(places.size())), r);
            texts.add(text);
            data.add(new SegmentationTrainer.Example("A" + i, text, null, null));
        }
        model = new SegmentationTrainer(parser).train(data, new SegmentationTrainer.Settings(42, 1, 120), ProgressMonitor.NONE).model();
    }

    static void assertSameSegments(SegmentationModel expected, SegmentationModel actual) {
        for (String t : texts.subList(0, 40)) {
            Segmentation a = expected.segment(parser, t, null);
            Segmentation b = actual.segment(parser, t, null);
            assertEquals(a.format(), b.format());
            assertEquals(a.meanConfidence(), b.meanConfidence(), 1e-12, t);
        }
    }

    @Test
    void savesTheCrfInProtobufFormAndLoadsBackToTheSameSegments(@TempDir Path dir) throws Exception {
        model.save(dir);
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve(SegmentationModel.FILE_NAME)).startsWith("{\"format\":\"workbench-model\""));
        assertSameSegments(model, SegmentationModel.load(dir));
    }

    @Test
    void aModelFileOfThePreviousReleaseIsConvertedOnceAndSegmentsTheSame(@TempDir Path dir) throws Exception {
        PreviousRelease.save(model, dir.resolve(SegmentationModel.FILE_NAME));
        assertSameSegments(model, SegmentationModel.load(dir));
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve(SegmentationModel.FILE_NAME)).startsWith("{"), "converted");
    }

    @Test
    void aDeliverabilityFileRenamedAsTheSegmenterIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SegmentationModel.FILE_NAME),
                "{\"format\":\"workbench-model\",\"kind\":\"deliverability\",\"version\":1,\"model\":{}}");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> SegmentationModel.load(dir));
        assertTrue(e.getMessage().contains("train it again with `workbench train -w DIR segmentation`"), e.getMessage());
    }
}
