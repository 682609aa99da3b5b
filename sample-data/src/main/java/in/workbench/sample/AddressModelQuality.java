package in.workbench.sample;

import com.opencsv.CSVReader;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScore;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.LearningCurveSimulation;
import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationModel;
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
        return evaluate(data, segmenterModel(pool, settings), pool.size(), held);
    }

    /** A segmenter trained on the pool's addresses as a workspace without analysts' labels would be (their gold unused). */
    public SegmentationModel segmenterModel(List<SegmentationTrainer.Example> pool, SegmentationTrainer.Settings settings) {
        List<SegmentationTrainer.Example> unlabelled = pool.stream()
                .map(e -> new SegmentationTrainer.Example(e.id(), e.text(), e.pincode(), null)).toList();
        return new SegmentationTrainer(parser).train(unlabelled, settings, ProgressMonitor.NONE).model();
    }

    /** Span F1 of a trained segmenter on held-out gold. */
    public SegmenterFigures evaluate(String data, SegmentationModel model, int trainAddresses, List<SegmentationTrainer.Example> held) {
        SpanF1 f = new SegmentationTrainer(parser).evaluate(model, held);
        return new SegmenterFigures(data, trainAddresses, held.size(), f.f1(), f.precision(), f.recall(), f.perLabelF1());
    }

    /** The learning curve on the pool: k of its addresses get their gold as analysts' labels. */
    public List<LearningCurveSimulation.Point> learningCurve(List<SegmentationTrainer.Example> pool, List<SegmentationTrainer.Example> held,
            int[] steps, SegmentationTrainer.Settings settings, ProgressMonitor monitor) {
        return new LearningCurveSimulation(new SegmentationTrainer(parser)).run(pool, held, steps, settings, monitor);
    }

    /**
     * The deliverability model per shipment on addresses it never saw.
     *
     * @param auc AUC of the calibrated score against each test shipment's outcome
     * @param ece expected calibration error, 10 equal-width bins, per shipment
     * @param anyFailureAuc the AUC of the same model trained on the old labels ("undeliverable if any shipment failed")
     * @param anyFailureEce its calibration error, per shipment
     * @param anyFailureMean its mean score over the test shipments
     */
    public record DeliverabilityFigures(String data, int trainAddresses, int testAddresses, double testShipments, double auc, double brier,
            double ece, double meanPredicted, double deliveredShare, double anyFailureAuc, double anyFailureEce, double anyFailureMean) {
    }

    /** Addresses of a world written by {@link SampleGenerator} with their shipments' outcomes. */
    public static List<DeliverabilityTrainer.LabelledAddress> sampleShipments(Path world) {
        Map<String, int[]> counts = new HashMap<>();
        List<DeliverabilityTrainer.LabelledAddress> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(world.resolve("shipments.csv"), StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String> h = Arrays.asList(csv.readNext());
            int a = h.indexOf("address_id");
            int st = h.indexOf("status");
            String[] row;
            while ((row = csv.readNext()) != null) {
                counts.computeIfAbsent(row[a], k -> new int[2])[row[st].equals("undeliverable") ? 1 : 0]++;
            }
            try (Reader ar = Files.newBufferedReader(world.resolve("addresses.csv"), StandardCharsets.UTF_8); CSVReader ac = new CSVReader(ar)) {
                List<String> ah = Arrays.asList(ac.readNext());
                while ((row = ac.readNext()) != null) {
                    int[] c = counts.get(row[ah.indexOf("address_id")]);
                    if (c != null) {
                        out.add(new DeliverabilityTrainer.LabelledAddress(row[ah.indexOf("address_id")], row[ah.indexOf("address_text")],
                                row[ah.indexOf("city")], row[ah.indexOf("state")], row[ah.indexOf("pincode")], c[0] >= c[1], "shipments", c[0], c[1]));
                    }
                }
            }
        } catch (IOException | com.opencsv.exceptions.CsvValidationException e) {
            throw new WorkbenchException(WorkbenchException.Kind.INPUT_UNUSABLE, "Could not read the generated world: " + e.getMessage(), e);
        }
        return out;
    }

    /** The second writer's addresses with the outcomes of their shipments. */
    public static List<DeliverabilityTrainer.LabelledAddress> writerShipments(List<IndependentAddressWriter.Written> written,
            List<IndependentAddressWriter.Shipment> shipments) {
        Map<String, int[]> counts = new HashMap<>();
        for (IndependentAddressWriter.Shipment s : shipments) {
            counts.computeIfAbsent(s.addressId(), k -> new int[2])[s.reached() ? 0 : 1]++;
        }
        List<DeliverabilityTrainer.LabelledAddress> out = new ArrayList<>();
        for (IndependentAddressWriter.Written w : written) {
            int[] c = counts.get(w.id());
            if (c != null) {
                out.add(new DeliverabilityTrainer.LabelledAddress(w.id(), w.text(), "", "", w.pincodeColumn(), c[0] >= c[1], "shipments", c[0],
                        c[1]));
            }
        }
        return out;
    }

    /**
     * Trains the deliverability model on the first {@code trainShare} of the addresses and measures it per shipment on the
     * rest (addresses it never saw), beside the same model trained on the old "any failure" labels.
     */
    public DeliverabilityFigures deliverability(String data, List<DeliverabilityTrainer.LabelledAddress> addresses, double trainShare,
            int trees, long seed) {
        int cut = (int) (addresses.size() * trainShare);
        List<DeliverabilityTrainer.LabelledAddress> train = addresses.subList(0, cut);
        List<DeliverabilityTrainer.LabelledAddress> test = addresses.subList(cut, addresses.size());
        DeliverabilityTrainer trainer = new DeliverabilityTrainer(parser, trees);
        DeliverabilityModel model = trainer.train(train, seed, 5, ProgressMonitor.NONE).model();
        List<DeliverabilityTrainer.LabelledAddress> anyFailure = train.stream().map(a -> new DeliverabilityTrainer.LabelledAddress(a.id(),
                a.text(), a.city(), a.state(), a.pincode(), a.failedShipments() == 0, "shipments")).toList();
        DeliverabilityModel old = trainer.train(anyFailure, seed, 5, ProgressMonitor.NONE).model();
        List<DeliverabilityModel.Input> inputs = test.stream().map(a -> new DeliverabilityModel.Input(a.text(), a.city(), a.state(),
                a.pincode())).toList();
        double[] p = model.scoreAll(parser, inputs).stream().mapToDouble(AddressScore::score).toArray();
        double[] q = old.scoreAll(parser, inputs).stream().mapToDouble(AddressScore::score).toArray();
        double[] pos = test.stream().mapToDouble(DeliverabilityTrainer.LabelledAddress::deliveredShipments).toArray();
        double[] neg = test.stream().mapToDouble(DeliverabilityTrainer.LabelledAddress::failedShipments).toArray();
        double shipments = Arrays.stream(pos).sum() + Arrays.stream(neg).sum();
        return new DeliverabilityFigures(data, train.size(), test.size(), shipments, BinaryMetrics.auc(p, pos, neg),
                BinaryMetrics.brier(p, pos, neg), BinaryMetrics.ece(BinaryMetrics.reliability(p, pos, neg, 10)), weightedMean(p, pos, neg),
                Arrays.stream(pos).sum() / shipments, BinaryMetrics.auc(q, pos, neg),
                BinaryMetrics.ece(BinaryMetrics.reliability(q, pos, neg, 10)), weightedMean(q, pos, neg));
    }

    private static double weightedMean(double[] p, double[] pos, double[] neg) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * (pos[i] + neg[i]);
            w += pos[i] + neg[i];
        }
        return w == 0 ? 0 : s / w;
    }

    /** A deliverability model trained on all the given addresses. */
    public DeliverabilityModel deliverabilityModel(List<DeliverabilityTrainer.LabelledAddress> addresses, int trees, long seed) {
        return new DeliverabilityTrainer(parser, trees).train(addresses, seed, 5, ProgressMonitor.NONE).model();
    }

    /** The postal directory measured against. */
    public PostalDirectory directory() {
        return directory;
    }
}
