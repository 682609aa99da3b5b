package in.workbench.analytics.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationTest {

    static PostalDirectory directory;
    static AddressParser parser;

    @BeforeAll
    static void load() {
        directory = PostalDirectory.load();
        parser = new AddressParser(directory);
    }

    @Test
    void segmentsFormReadsBackToTheSameParts() {
        String address = "Flat 302, Shanti Apartments, near Orion Mall, Malleswaram, Bangalore 560003";
        String form = "HOUSE=Flat 302 | BUILDING=Shanti Apartments | LANDMARK=near Orion Mall | LOCALITY=Malleswaram | CITY=Bangalore "
                + "| PINCODE=560003";
        Segmentation s = Segmentation.parse(address, form);
        assertEquals(form, s.format());
        assertEquals(List.of("Shanti Apartments"), s.texts(SegmentLabel.BUILDING));
    }

    @Test
    void weakLabelsFindTheUsualPartsOfAnIndianAddress() {
        WeakLabeler weak = new WeakLabeler(parser);
        Segmentation s = weak.label("Flat 302, Shanti Apartments, 4th Cross, near Orion Mall, Malleswaram, Bangalore, Karnataka 560003", null);
        assertEquals("HOUSE=Flat 302 | BUILDING=Shanti Apartments | STREET=4th Cross | LANDMARK=near Orion Mall | LOCALITY=Malleswaram "
                + "| CITY=Bangalore | STATE=Karnataka | PINCODE=560003", s.format());
        Segmentation hindi = weak.label("Hanuman Mandir ke paas, Sector 12, Gurgaon 122001", null);
        assertEquals(List.of("Hanuman Mandir ke paas"), hindi.texts(SegmentLabel.LANDMARK));
        assertEquals(List.of("Sector 12"), hindi.texts(SegmentLabel.SUBLOCALITY));
        assertEquals(List.of("122001"), hindi.texts(SegmentLabel.PINCODE));
    }

    @Test
    void spansCanBeRelabelledAndTheirEndsMovedByIndex() {
        Segmentation s = Segmentation.parse("12 MG Road Bangalore", "HOUSE=12 | STREET=MG Road | CITY=Bangalore");
        Segmentation grown = s.moveRightEdge(0, true);
        assertEquals("HOUSE=12 MG | STREET=Road | CITY=Bangalore", grown.format());
        assertEquals("HOUSE=12 | STREET=MG | CITY=Road Bangalore", s.moveRightEdge(1, false).format());
        assertEquals("HOUSE=12 | LOCALITY=MG Road | CITY=Bangalore", s.relabel(1, SegmentLabel.LOCALITY).format());
    }

    @Test
    void spanF1CountsOnlyExactSpansWithTheRightLabel() {
        Segmentation gold = Segmentation.parse("12 MG Road Bangalore", "HOUSE=12 | STREET=MG Road | CITY=Bangalore");
        Segmentation half = Segmentation.parse("12 MG Road Bangalore", "HOUSE=12 | STREET=MG | CITY=Bangalore");
        SpanF1 f = new SpanF1().add(half, gold);
        assertEquals(2 / 3.0, f.precision(), 1e-9);
        assertEquals(2 / 3.0, f.recall(), 1e-9);
        assertEquals(1.0, new SpanF1().add(gold, gold).f1(), 1e-9);
    }

    @Test
    void oddInputSegmentsWithoutError() {
        SegmentationTrainer trainer = new SegmentationTrainer(parser);
        for (String odd : new String[] {"", "x", "#", "मंदिर के पास", "9".repeat(3000), "😀 flat"}) {
            Segmentation s = trainer.weakLabels(odd, null);
            assertEquals(s.tokens().size(), s.labels().length);
        }
    }

    @Test
    void trainsOnAWorkspaceSavesWithProvenanceAndLoadsBackToTheSameSegments(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            AddressFixture.load(ws, dir, directory, 300, 3, List.of("Z0001,C9,x,,,"));
            SegmentationTrainer trainer = new SegmentationTrainer(parser);
            SegmentationTrainer.Result r = trainer.trainAndSave(ws, new SegmentationTrainer.Settings(42, 2, 250, 300), ProgressMonitor.NONE);
            System.out.println("segmentation training took " + r.report().trainMillis() + " ms");
            assertTrue(r.report().weakAgreementF1() > 0.8, "the CRF learns the weak labels: " + r.report().weakAgreementF1());
            assertEquals(null, r.report().spanF1(), "no analyst corrections: no held-out F1 claimed");
            SegmentationModel loaded = SegmentationModel.load(ws.modelsDir());
            String text = "Flat 101, Shanti Apartments, 5th Cross, Malleswaram, Bengaluru 560003";
            assertEquals(r.model().segment(parser, text, null).format(), loaded.segment(parser, text, null).format());
            assertTrue(ws.trainedModels().containsKey("segmentation"));
            assertEquals(1, SegmentationTrainer.learningCurve(ws).size());

            Path csv = dir.resolve("segments.csv");
            AddressSegmenting.Summary s = new AddressSegmenting(ws, parser).segmentAll(loaded, csv, ProgressMonitor.NONE);
            assertEquals(301, s.addresses());
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals("address_id,segments", lines.get(0));
            assertEquals(302, lines.size());
            List<BuildingsReport.Building> buildings = new BuildingsReport(ws).build(ProgressMonitor.NONE);
            assertFalse(buildings.isEmpty(), "the fixture names four buildings");
            try (Connection c = ws.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM buildings")) {
                rs.next();
                assertEquals(buildings.size(), rs.getLong(1));
            }
        }
    }

    @Test
    void buildingSpellingVariantsShareOneKey() {
        assertEquals(BuildingsReport.key("Shanti Apartments"), BuildingsReport.key("SHANTI APTS."));
        assertEquals(BuildingsReport.key("Sai Krupa Soc"), BuildingsReport.key("sai krupa society"));
        assertTrue(AddressParser.similarity(BuildingsReport.key("Shanthi Apartments"), BuildingsReport.key("Shanti Apts")) >= BuildingsReport.SIMILAR);
    }

    @Test
    void aWorkspaceWithoutAddressesIsToldToImportThemFirst(@TempDir Path dir) {
        try (Workspace ws = Workspace.open(dir)) {
            WorkbenchException e = assertThrows(WorkbenchException.class,
                    () -> new SegmentationTrainer(parser).trainAndSave(ws, SegmentationTrainer.Settings.defaults(1), ProgressMonitor.NONE));
            assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
            assertTrue(e.getMessage().contains("Import addresses.csv first"));
        }
    }
}
