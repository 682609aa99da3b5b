package in.workbench.views.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingViewModelTest {

    static AddressParser parser;
    static final List<Throwable> failures = new ArrayList<>();

    @BeforeAll
    static void load() {
        parser = new AddressParser(PostalDirectory.load());
    }

    /** Distinct addresses on real pincodes (no two are near-duplicates), plus the given raw CSV lines. */
    static void addresses(Workspace ws, Path dir, int n, String... extra) throws Exception {
        StringBuilder csv = new StringBuilder("address_id,customer_id,address_text,city,state,pincode\n");
        List<Place> places = parser.directory().places();
        for (int i = 0; i < n; i++) {
            Place p = places.get((i * 7919) % places.size());
            csv.append(String.format("A%03d,C%03d,\"House No %d, %s Street %d, %s, %s %s\",,,%n", i, i, i + 1, "Temple", i,
                    p.officeName().replaceAll("\\s+[SBHG]\\.?O\\.?$", ""), p.district(), p.pincode()));
        }
        for (String line : extra) {
            csv.append(line).append('\n');
        }
        Path f = dir.resolve("addresses.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        new CsvImporter(ws).importFile(f, DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    static final class Stub implements LabelingViewModel.Analyst {
        String name = "Asha";
        boolean confirmed = true;

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean confirmed() {
            return confirmed;
        }

        @Override
        public void confirm(String n) {
            name = n;
            confirmed = true;
        }
    }

    static LabelingViewModel model(Workspace ws, LabelingViewModel.Analyst analyst) {
        LabelingViewModel m = new LabelingViewModel(new SameThreadTaskRunner(), failures::add, analyst, () -> parser,
                new SegmentationTrainer.Settings(42, 1, 200, 200));
        m.setWorkspace(ws);
        return m;
    }

    static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void backspaceInALaterSessionWalksBackThroughTheAnalystsEarlierDecisions(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("ws");
        List<String> decided = new java.util.ArrayList<>();
        try (Workspace ws = Workspace.open(folder)) {
            addresses(ws, dir, 30);
            LabelingViewModel m = model(ws, new Stub());
            for (String k : new String[] {"D", "U", "S"}) {
                decided.add(m.currentProperty().get().address().id());
                assertTrue(m.handleKey(k, false));
            }
        }
        try (Workspace ws = Workspace.open(folder)) {
            LabelingViewModel again = model(ws, new Stub());
            assertTrue(again.handleKey("BACK_SPACE", false));
            assertEquals(decided.get(2), again.currentProperty().get().address().id(), "the newest earlier decision comes back first");
            assertTrue(again.messageProperty().get().startsWith("Undone from "), again.messageProperty().get());
            assertEquals(2, count(ws, "SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
            assertTrue(again.handleKey("BACK_SPACE", false));
            assertEquals(decided.get(1), again.currentProperty().get().address().id());
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
            assertTrue(again.handleKey("D", false));
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone AND label = 'deliverable' AND address_id = '"
                    + decided.get(1) + "'"), "decided again: saved at once");
            assertEquals(decided.get(2), again.currentProperty().get().address().id(), "then the other undone address, still undecided");
            assertTrue(again.handleKey("BACK_SPACE", false));
            assertEquals(decided.get(1), again.currentProperty().get().address().id(), "this session's decision is undone before older ones");
            assertTrue(again.handleKey("BACK_SPACE", false));
            assertEquals(decided.get(0), again.currentProperty().get().address().id(), "then the oldest earlier decision");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM labeling_decisions WHERE labeled_by = 'Asha' AND NOT undone"));
            assertTrue(again.handleKey("BACK_SPACE", false));
            assertTrue(again.messageProperty().get().startsWith("Nothing to undo"), again.messageProperty().get());
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void tenKeyboardDecisionsOneUndoneAndCorrectedKeepNinePlusTheCorrectedOneAfterReopening(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("ws");
        String corrected;
        try (Workspace ws = Workspace.open(folder)) {
            addresses(ws, dir, 30);
            LabelingViewModel m = model(ws, new Stub());
            String[] keys = {"D", "U", "S", "D", "U", "D", "D", "S", "U", "D"};
            for (String k : keys) {
                assertNotNull(m.currentProperty().get());
                assertTrue(m.handleKey(k, false));
            }
            assertEquals(10, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone"), "each label is saved the moment it is made");
            assertTrue(m.handleKey("BACK_SPACE", false));
            corrected = m.currentProperty().get().address().id();
            assertEquals(9, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone"));
            assertTrue(m.handleKey("TAB", false));
            assertEquals(1, m.selectedSpanProperty().get());
            String before = m.segmentationProperty().get().format();
            assertTrue(m.handleKey("DOWN", false), "a key changes the selected span's label");
            assertNotEquals(before, m.segmentationProperty().get().format());
            assertTrue(m.handleKey("U", false));
            assertTrue(failures.isEmpty(), failures.toString());
        }
        try (Workspace ws = Workspace.open(folder)) {
            assertEquals(10, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone"));
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE undone"));
            assertEquals(10, count(ws, "SELECT COUNT(DISTINCT address_id) FROM address_labels WHERE NOT undone"));
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone AND label = 'undeliverable' AND segments IS NOT NULL "
                    + "AND address_id = '" + corrected + "'"), "the corrected label carries the corrected segments");
            assertEquals(10, count(ws, "SELECT COUNT(*) FROM address_labels WHERE labeled_by = 'Asha' AND NOT undone"));
            LabelingViewModel again = model(ws, new Stub());
            assertTrue(again.progressProperty().get().startsWith("10 of 30 addresses labelled"), again.progressProperty().get());
            assertNotNull(again.currentProperty().get(), "the queue goes on with unlabelled addresses");
        }
    }

    @Test
    void remappedKeysWorkAndAreKeptInTheWorkspace(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            addresses(ws, dir, 5);
            LabelingViewModel m = model(ws, new Stub());
            m.rebind(LabelingAction.DELIVERABLE, "K");
            assertTrue(m.handleKey("K", false));
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE label = 'deliverable'"));
            LabelingViewModel again = model(ws, new Stub());
            assertEquals("K", again.keys().get(LabelingAction.DELIVERABLE));
            assertTrue(again.handleKey("D", false) == false || again.keys().containsValue("D"));
        }
    }

    @Test
    void aWorkspaceWithoutAddressesSaysWhatToDoAndLabelsNothing(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LabelingViewModel m = model(ws, new Stub());
            assertNull(m.currentProperty().get());
            assertTrue(m.messageProperty().get().contains("holds no addresses yet"), m.messageProperty().get());
            m.handleKey("D", false);
            m.handleKey("BACK_SPACE", false);
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM address_labels"));
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void anEmptiedQueueSaysSoAndAOneCharacterAddressCanBeLabelled(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            addresses(ws, dir, 0, "X1,C1,x,,,");
            LabelingViewModel m = model(ws, new Stub());
            assertEquals("x", m.currentProperty().get().address().text());
            m.handleKey("TAB", false);
            m.handleKey("DOWN", false);
            m.handleKey("U", false);
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE address_id = 'X1' AND label = 'undeliverable'"));
            assertNull(m.currentProperty().get());
            assertTrue(m.messageProperty().get().startsWith("Nothing left to label"), m.messageProperty().get());
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void theAnalystIsAskedForANameOnceAndLabelsCarryIt(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            addresses(ws, dir, 3);
            Stub analyst = new Stub();
            analyst.confirmed = false;
            LabelingViewModel m = model(ws, analyst);
            assertTrue(m.needsAnalystName());
            m.confirmAnalyst("Meera Iyer");
            assertTrue(!m.needsAnalystName());
            m.handleKey("S", false);
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE labeled_by = 'Meera Iyer' AND label = 'unsure'"));
        }
    }

    @Test
    void aLabelIsAnnouncedAndTheTwentyFifthStartsARetrainingThatIsAnnouncedToTheOtherScreens(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            addresses(ws, dir, 30);
            List<WorkspaceEvent> heard = new java.util.ArrayList<>();
            WorkspaceEvents events = new WorkspaceEvents(failures::add);
            events.subscribe(heard::add, WorkspaceEvent.Kind.values());
            LabelingViewModel m = new LabelingViewModel(new SameThreadTaskRunner(), failures::add, new Stub(), () -> parser,
                    new SegmentationTrainer.Settings(42, 1, 200, 200), (w, monitor) -> {
                        throw new AssertionError("no deliverability model in this workspace: nothing to retrain");
                    }, events);
            m.setWorkspace(ws);
            m.handleKey("D", false);
            assertEquals(List.of(new WorkspaceEvent(WorkspaceEvent.Kind.LABELS_CHANGED, ws, "address")), heard);
            for (int i = 2; i < Retraining.EVERY; i++) {
                m.handleKey(i % 2 == 0 ? "U" : "D", false);
            }
            assertTrue(heard.stream().noneMatch(e -> e.kind() == WorkspaceEvent.Kind.MODEL_TRAINED), "24 labels: no retraining yet");
            m.handleKey("S", false);
            assertEquals(new WorkspaceEvent(WorkspaceEvent.Kind.MODEL_TRAINED, ws, "segmentation"), heard.get(heard.size() - 1),
                    "the owner of a workspace folder retrains automatically after 25 labels");
            assertTrue(m.qualityProperty().get().startsWith("Segmenter: "), m.qualityProperty().get());
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }
}
