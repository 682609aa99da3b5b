package in.workbench.sample;

import com.opencsv.CSVReader;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.LearningCurveSimulation;
import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.segmentation.SpanF1;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.sample.independent.IndependentAddressWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The address models measured where they were not shaped: the segmenter's span F1 on held-out
 * addresses of the bundled sample's generator and of the independent second writer
 * ({@link IndependentAddressWriter}), with the learning curve as analysts' labels (the second
 * writer's gold) accumulate. Used by {@code bench segmentation} and the quality tests; the product
 * itself never sees gold data. Stateless; thread-safe.
 */
public final class AddressModelQuality {

    private final PostalDirectory directory;
    private final AddressParser parser;

    public AddressModelQuality(PostalDirectory directory) {
        this.directory = directory;
        this.parser = new AddressParser(directory);
    }

    /** Span F1 of one trained segmenter on one held-out set, with per-label F1. */
    public record SegmenterFigures(String data, int trainAddresses, int heldOut, double spanF1, double precision, double recall,
            Map<SegmentLabel, Double> perLabelF1) {
    }

    /** Addresses of a world written by {@link SampleGenerator} with their gold segmentation. */
    public static List<SegmentationTrainer.Example> sampleGold(Path world) {
        Map<String, String[]> addresses = new HashMap<>();
        List<SegmentationTrainer.Example> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(world.resolve("addresses.csv"), StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String> h = Arrays.asList(csv.readNext());
            String[] row;
            while ((row = csv.readNext()) != null) {
                addresses.put(row[h.indexOf("address_id")], new String[] {row[h.indexOf("address_text")], row[h.indexOf("pincode")]});
            }
            try (Reader g = Files.newBufferedReader(world.resolve("truth/address_labels_gold.csv"), StandardCharsets.UTF_8);
                    CSVReader gold = new CSVReader(g)) {
                gold.readNext();
                while ((row = gold.readNext()) != null) {
                    String[] a = addresses.get(row[0]);
                    out.add(new SegmentationTrainer.Example(row[0], a[0], a[1], Segmentation.parse(a[0], row[2])));
                }
            }
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new WorkbenchException(WorkbenchException.Kind.INPUT_UNUSABLE, "Could not read the generated world: " + e.getMessage(), e);
        }
        return out;
    }

    /** The second writer's addresses as segmenter examples with their gold segmentation. */
    public static List<SegmentationTrainer.Example> writerGold(List<IndependentAddressWriter.Written> written) {
        return written.stream().map(w -> new SegmentationTrainer.Example(w.id(), w.text(), w.pincodeColumn(), w.gold())).toList();
    }

    /** Trains on the pool's addresses with weak labels only and measures on the held-out gold. */
    public SegmenterFigures segmenter(String data, List<SegmentationTrainer.Example> pool, List<SegmentationTrainer.Example> held,
            SegmentationTrainer.Settings settings) {
        SegmentationTrainer trainer = new SegmentationTrainer(parser);
        List<SegmentationTrainer.Example> unlabelled = pool.stream()
                .map(e -> new SegmentationTrainer.Example(e.id(), e.text(), e.pincode(), null)).toList();
        SegmentationTrainer.Result r = trainer.train(unlabelled, settings, ProgressMonitor.NONE);
        SpanF1 f = trainer.evaluate(r.model(), held);
        return new SegmenterFigures(data, pool.size(), held.size(), f.f1(), f.precision(), f.recall(), f.perLabelF1());
    }

    /** The learning curve on the pool: k of its addresses get their gold as analysts' labels. */
    public List<LearningCurveSimulation.Point> learningCurve(List<SegmentationTrainer.Example> pool, List<SegmentationTrainer.Example> held,
            int[] steps, SegmentationTrainer.Settings settings, ProgressMonitor monitor) {
        return new LearningCurveSimulation(new SegmentationTrainer(parser)).run(pool, held, steps, settings, monitor);
    }

    /** The postal directory measured against. */
    public PostalDirectory directory() {
        return directory;
    }
}
