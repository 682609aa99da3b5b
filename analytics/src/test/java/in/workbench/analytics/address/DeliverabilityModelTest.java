package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliverabilityModelTest {

    static AddressParser parser;
    static List<DeliverabilityTrainer.LabelledAddress> data;
    static DeliverabilityTrainer.Result result;

    /** Addresses on real pincodes whose delivery depends on planted structure, like the sample's. */
    static List<DeliverabilityTrainer.LabelledAddress> fixture(PostalDirectory dir, int n, long seed) {
        Random r = new Random(seed);
        List<Place> places = dir.places();
        List<DeliverabilityTrainer.LabelledAddress> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Place p = places.get(r.nextInt(places.size()));
            boolean house = r.nextDouble() < 0.6;
            boolean landmarkOnly = !house && r.nextDouble() < 0.6;
            boolean pin = r.nextDouble() < 0.8;
            StringBuilder t = new StringBuilder();
            if (house) {
                t.append("Flat ").append(100 + r.nextInt(800)).append(", ").append(r.nextInt(12) + 1).append("th Cross, ");
            }
            if (landmarkOnly) {
                t.append("near Bus Stand, ");
            }
            t.append(AddressParser.officeKey(p.officeName())).append(", ").append(p.district());
            if (pin) {
                t.append(" ").append(p.pincode());
            }
            double z = 1.2 + 1.2 * (house ? 1 : 0) - 1.4 * (landmarkOnly ? 1 : 0) - 1.2 * (pin ? 0 : 1);
            boolean delivered = r.nextDouble() < 1 / (1 + Math.exp(-z));
            out.add(new DeliverabilityTrainer.LabelledAddress("A" + i, t.toString(), p.district(), null, null, delivered, "shipments"));
        }
        return out;
    }

    @BeforeAll
    static void train() {
        PostalDirectory dir = PostalDirectory.load();
        parser = new AddressParser(dir);
        data = fixture(dir, 1_500, 7);
        result = new DeliverabilityTrainer(parser).train(data, 42, 3, ProgressMonitor.NONE);
    }

    @Test
    void comparesBothAlgorithmsAndKeepsTheBetterByCrossValidatedAuc() {
        DeliverabilityTrainer.Report r = result.report();
        assertEquals(2, r.candidates().size());
        double best = r.candidates().stream().mapToDouble(DeliverabilityTrainer.CandidateMetrics::auc).max().orElseThrow();
        assertEquals(best, r.candidates().stream().filter(c -> c.algorithm().equals(r.chosen())).findFirst().orElseThrow().auc());
        assertTrue(best > 0.70, "the planted structure is learnable: AUC " + best);
    }

    @Test
    void calibratedScoresMatchTheObservedRate() {
        DeliverabilityTrainer.Report r = result.report();
        double observed = data.stream().filter(DeliverabilityTrainer.LabelledAddress::deliverable).count() / (double) data.size();
        assertEquals(observed, r.deliveredShare(), 1e-12);
        assertEquals(observed, r.meanPredicted(), 0.02);
        for (BinaryMetrics.ReliabilityBin b : r.reliability()) {
            if (b.weight() > 100) {
                assertEquals(b.observed(), b.meanPredicted(), 0.12, "bin around " + b.meanPredicted());
            }
        }
    }

    @Test
    void scoresThePerShipmentDeliveryRateNotWhetherAnyShipmentFailed() {
        PostalDirectory dir = PostalDirectory.load();
        Random r = new Random(5);
        List<DeliverabilityTrainer.LabelledAddress> four = new ArrayList<>();
        for (DeliverabilityTrainer.LabelledAddress a : fixture(dir, 1_200, 11)) {
            boolean house = a.text().startsWith("Flat");
            double p = house ? 0.9 : 0.6;
            int delivered = 0;
            for (int s = 0; s < 4; s++) {
                delivered += r.nextDouble() < p ? 1 : 0;
            }
            four.add(new DeliverabilityTrainer.LabelledAddress(a.id(), a.text(), a.city(), a.state(), a.pincode(), delivered >= 2, "shipments",
                    delivered, 4 - delivered));
        }
        DeliverabilityTrainer.Report report = new DeliverabilityTrainer(parser, 30).train(four, 42, 3, ProgressMonitor.NONE).report();
        long anyFailure = four.stream().filter(a -> a.failedShipments() > 0).count();
        assertTrue(anyFailure / (double) four.size() > 0.4, "most addresses had a failure among four shipments");
        assertEquals(report.deliveredShare(), report.meanPredicted(), 0.02, "the mean score is the share of shipments delivered");
        assertTrue(report.deliveredShare() > 0.7, "delivered share " + report.deliveredShare());
        assertTrue(report.ece() < 0.05, "calibrated per shipment: ECE " + report.ece());
    }

    @Test
    void explainsAScoreInPlainWordsBiggestEffectFirst() {
        DeliverabilityModel m = result.model();
        AddressScore good = m.score(parser, new DeliverabilityModel.Input("Flat 302, 5th Cross, Malleswaram, Bengaluru 560003", null, null, null));
        AddressScore bad = m.score(parser, new DeliverabilityModel.Input("near Bus Stand, Malleswaram, Bengaluru", null, null, null));
        assertTrue(good.score() > bad.score());
        assertFalse(bad.reasons().isEmpty());
        assertTrue(bad.reasons().stream().anyMatch(s -> s.contains("landmark only") || s.contains("no pincode")), bad.reasons().toString());
    }

    @Test
    void savesAndLoadsBackToIdenticalScores(@TempDir Path dir) {
        result.model().save(dir);
        DeliverabilityModel loaded = DeliverabilityModel.load(dir);
        List<DeliverabilityModel.Input> inputs = data.stream().limit(200)
                .map(a -> new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode())).toList();
        List<AddressScore> before = result.model().scoreAll(parser, inputs);
        List<AddressScore> after = loaded.scoreAll(parser, inputs);
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).score(), after.get(i).score(), 0.0);
            assertEquals(before.get(i).reasons(), after.get(i).reasons());
        }
    }

    @Test
    void scoresHostileInputWithoutError() {
        for (String text : new String[] {"   ", "😀🙏🏽📦", "x", "मंदिर के पास, वाराणसी", "near temple ".repeat(420)}) {
            AddressScore s = result.model().score(parser, new DeliverabilityModel.Input(text, null, null, null));
            assertTrue(s.score() >= 0 && s.score() <= 1, text);
        }
    }

    @Test
    void aWorkspaceWithoutLabelsSaysWhatToLoadFirst(@TempDir Path dir) {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            WorkbenchException e = assertThrows(WorkbenchException.class,
                    () -> new DeliverabilityTrainer(parser).trainAndSave(ws, 1, 3, ProgressMonitor.NONE));
            assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
            assertTrue(e.getMessage().contains("Import addresses.csv and shipments.csv"), e.getMessage());
            WorkbenchException noModel = assertThrows(WorkbenchException.class, () -> DeliverabilityModel.load(ws.modelsDir()));
            assertTrue(noModel.getMessage().contains("workbench train -w DIR deliverability"));
        }
    }
}
