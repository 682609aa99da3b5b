package in.workbench.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opencsv.CSVReader;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.LearningCurveSimulation;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segmenter measured against the generator's gold segmentations (which the product never
 * trains on): weak labels alone already find most parts, and simulated analysts' corrections
 * raise the held-out span F1.
 */
class SegmentationOnGoldTest {

    @TempDir
    static Path dir;
    static PostalDirectory directory;
    static List<SegmentationTrainer.Example> pool = new ArrayList<>();
    static List<SegmentationTrainer.Example> test = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        directory = PostalDirectory.load();
        new SampleGenerator(new SampleGenerator.Config(30, 1_500, 200, 7), directory).generate(dir, ProgressMonitor.NONE);
        List<SegmentationTrainer.Example> all = gold(dir);
        test.addAll(all.subList(0, 300));
        pool.addAll(all.subList(300, all.size()));
    }

    /** Addresses of a generated world with their gold segmentation. */
    static List<SegmentationTrainer.Example> gold(Path world) throws Exception {
        Map<String, String[]> addresses = new HashMap<>();
        try (Reader r = Files.newBufferedReader(world.resolve("addresses.csv"), StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            String[] header = csv.readNext();
            List<String> h = List.of(header);
            String[] row;
            while ((row = csv.readNext()) != null) {
                addresses.put(row[h.indexOf("address_id")], new String[] {row[h.indexOf("address_text")], row[h.indexOf("pincode")]});
            }
        }
        List<SegmentationTrainer.Example> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(world.resolve("truth/address_labels_gold.csv"), StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(r)) {
            csv.readNext();
            String[] row;
            while ((row = csv.readNext()) != null) {
                String[] a = addresses.get(row[0]);
                out.add(new SegmentationTrainer.Example(row[0], a[0], a[1], Segmentation.parse(a[0], row[2])));
            }
        }
        return out;
    }

    @Test
    void analystsCorrectionsRaiseSpanF1AboveTheWeakLabelsAlone() {
        SegmentationTrainer trainer = new SegmentationTrainer(new AddressParser(directory));
        List<LearningCurveSimulation.Point> curve = new LearningCurveSimulation(trainer).run(pool, test, new int[] {0, 300},
                new SegmentationTrainer.Settings(42, 2, 1_200, 500), ProgressMonitor.NONE);
        curve.forEach(p -> System.out.printf("labels %d  span F1 %.3f  P %.3f R %.3f  %d ms%n", p.analystLabels(), p.spanF1(),
                p.precision(), p.recall(), p.trainMillis()));
        assertTrue(curve.get(0).spanF1() > 0.6, "weak labels alone: " + curve.get(0).spanF1());
        assertTrue(curve.get(1).spanF1() > curve.get(0).spanF1(), "with 300 corrections: " + curve);
    }
}
