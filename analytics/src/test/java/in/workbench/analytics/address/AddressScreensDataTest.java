package in.workbench.analytics.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace trained and scored end to end, as the address screens read it. */
class AddressScreensDataTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static AddressParser parser;
    static DeliverabilityTrainer.Result result;

    @BeforeAll
    static void trainAndScore() throws Exception {
        PostalDirectory directory = PostalDirectory.load();
        parser = new AddressParser(directory);
        ws = Workspace.open(dir.resolve("ws"));
        List<DeliverabilityTrainer.LabelledAddress> world = DeliverabilityModelTest.fixture(directory, 800, 3);
        try (Connection c = ws.connection();
                PreparedStatement a = c.prepareStatement("INSERT INTO addresses (address_id, address_text, city) VALUES (?, ?, ?)");
                PreparedStatement s = c.prepareStatement("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, "
                        + "package_type, attempts, status) VALUES (?, DATE '2025-03-01', 'P1', ?, 'box', ?, ?)")) {
            for (DeliverabilityTrainer.LabelledAddress x : world) {
                a.setString(1, x.id());
                a.setString(2, x.text());
                a.setString(3, x.city());
                a.addBatch();
                s.setString(1, "S" + x.id());
                s.setString(2, x.id());
                s.setInt(3, 1);
                s.setString(4, x.deliverable() ? "delivered" : "undeliverable");
                s.addBatch();
            }
            // A0 and A1 get a second, later-labelled opinion from an analyst; A2 is marked unsure; A3's label was undone.
            s.setString(1, "S-extra");
            s.setString(2, "A5");
            s.setInt(3, 3);
            s.setString(4, "delivered");
            s.addBatch();
            a.executeBatch();
            s.executeBatch();
        }
        boolean a0 = world.get(0).deliverable();
        label("A0", a0 ? "undeliverable" : "deliverable", false, 1);
        label("A1", "deliverable", false, 1);
        label("A1", "undeliverable", false, 2);
        label("A2", "unsure", false, 1);
        label("A3", world.get(3).deliverable() ? "undeliverable" : "deliverable", true, 1);
        result = new DeliverabilityTrainer(parser, 20).trainAndSave(ws, 42, 3, ProgressMonitor.NONE);
        new AddressScoring(ws, parser).scoreAll(result.model(), null, ProgressMonitor.NONE);
    }

    static void label(String id, String label, boolean undone, int minute) throws Exception {
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO address_labels (address_id, label, "
                + "labeled_by, labeled_at, undone) VALUES (?, ?, 'asha', ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, label);
            ps.setObject(3, OffsetDateTime.of(2025, 6, 1, 10, minute, 0, 0, ZoneOffset.UTC));
            ps.setBoolean(4, undone);
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void lowestScoresPagesAreTheViewsPagesSortedByScore() throws Exception {
        in.workbench.analytics.browse.TableBrowser browser = new in.workbench.analytics.browse.TableBrowser(ws);
        in.workbench.analytics.browse.TableQuery byScore = in.workbench.analytics.browse.TableQuery.all(AddressInsights.VIEW)
                .sortedBy("score", true);
        List<String> columns = browser.columns(AddressInsights.VIEW).stream().map(in.workbench.analytics.browse.ColumnInfo::name)
                .toList();
        List<String> shown = List.of("address_id", "score", "flagged", "reasons", "address_text", "city", "state", "pincode");
        AddressInsights insights = new AddressInsights(ws);
        // A score whose address is gone is not listed by the view's join, so not by the page either.
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO address_scores (address_id, score, "
                + "flagged, scored_at) VALUES ('gone', -1, TRUE, CURRENT_TIMESTAMP)")) {
            ps.executeUpdate();
        }
        try {
            for (long offset : List.of(0L, 37L, 790L)) {
                List<List<Object>> expected = browser.page(byScore, offset, 50).stream()
                        .map(row -> shown.stream().map(name -> row.get(columns.indexOf(name))).toList()).toList();
                assertFalse(expected.isEmpty());
                assertEquals(expected, insights.lowestScores(offset, 50), "rows from " + offset);
            }
        } finally {
            try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM address_scores WHERE address_id = 'gone'")) {
                ps.executeUpdate();
            }
        }
    }

    @Test
    void analystsNewestLabelsWinOverShipmentOutcomesAndUnsureLeavesTraining() {
        Map<String, DeliverabilityTrainer.LabelledAddress> labels = new DeliverabilityTrainer(parser).labels(ws).stream()
                .collect(Collectors.toMap(DeliverabilityTrainer.LabelledAddress::id, l -> l));
        List<DeliverabilityTrainer.LabelledAddress> world = DeliverabilityModelTest.fixture(PostalDirectory.load(), 800, 3);
        assertEquals(!world.get(0).deliverable(), labels.get("A0").deliverable(), "the analyst disagreed with the shipment");
        assertEquals("analyst", labels.get("A0").source());
        assertFalse(labels.get("A1").deliverable(), "the newest of two labels counts");
        assertFalse(labels.containsKey("A2"), "unsure removes the address from training");
        assertEquals(world.get(3).deliverable(), labels.get("A3").deliverable(), "an undone label no longer counts");
        assertEquals("shipments", labels.get("A3").source());
        assertEquals(799, labels.size());
    }

    @Test
    void theStoredEvaluationGivesTheTrainingMetricsAndAnyThreshold() {
        DeliverabilityEvaluation e = DeliverabilityEvaluation.load(ws).orElseThrow();
        assertEquals(result.report().auc(), e.auc(), 1e-12);
        assertEquals(result.report().chosen(), e.chosen());
        assertEquals(2, e.candidates().size());
        assertEquals(799, e.size());
        assertEquals(1, e.analystLabels() - 1, "A0 and A1 are analyst-labelled");
        DeliverabilityTrainer.Confusion strict = e.confusionAt(0.8);
        DeliverabilityTrainer.Confusion lax = e.confusionAt(0.3);
        assertTrue(strict.recall() >= lax.recall(), "flagging more finds more of the undeliverable addresses");
        assertTrue(e.flaggedShareAt(0.8) > e.flaggedShareAt(0.3));
        assertEquals(799, (long) e.reliability(10).stream().mapToDouble(in.workbench.analytics.evaluation.BinaryMetrics.ReliabilityBin::weight).sum());
        assertEquals(result.report().reliability(), e.shipmentReliability(), "the chart's bins are the trained per-shipment ones");
        assertEquals(e.ece(), in.workbench.analytics.evaluation.BinaryMetrics.ece(e.shipmentReliability()), 1e-12,
                "the ECE the screen states is the one of the bins it draws");
        assertEquals(result.report().shipments(), e.shipmentReliability().stream()
                .mapToDouble(in.workbench.analytics.evaluation.BinaryMetrics.ReliabilityBin::weight).sum(), 1e-9);
    }

    @Test
    void scoresKnowTheirStateAndCityAndTheThresholdReflagsThem() {
        AddressInsights insights = new AddressInsights(ws);
        assertEquals(800, insights.scoredAddresses());
        List<AddressInsights.Share> states = insights.flaggedShareByState();
        assertTrue(states.size() > 10, "the fixture spreads over India: " + states.size());
        assertTrue(states.stream().allMatch(s -> in.workbench.analytics.geo.IndianState.resolve(s.name()).isPresent()));
        long located = states.stream().mapToLong(AddressInsights.Share::addresses).sum();
        assertTrue(located > 600 && located <= 800, "addresses with a known pincode or state: " + located);
        List<AddressInsights.Share> cities = insights.flaggedShareByCity(5);
        assertEquals(5, cities.size());
        assertTrue(cities.get(0).share() >= cities.get(4).share());
        long before = insights.flaggedAddresses();
        long after = FlagThreshold.apply(ws, 0.9);
        assertTrue(after > before, before + " → " + after);
        assertEquals(0.9, FlagThreshold.of(ws, 0.5), 1e-9);
        FlagThreshold.apply(ws, 0.5);
        assertEquals(before, insights.flaggedAddresses());
        assertFalse(insights.shipments("A5", 10).isEmpty());
    }

    @Test
    void namesTheFeaturesThatMatterMost() {
        List<DeliverabilityModel.FeatureImportance> top = result.model().featureImportance(10);
        assertFalse(top.isEmpty());
        assertTrue(top.stream().anyMatch(f -> f.feature().equals("has_house") || f.feature().equals("pincode_present")
                || f.feature().equals("landmark_only")), top.toString());
        assertFalse(result.model().importanceMeasure().isBlank());
    }
}
