package in.workbench.views.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.labeling.LabelOutbox;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.labeling.LabelingLeases;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.PasswordSource;
import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.events.WorkspaceEvent;
import in.workbench.views.events.WorkspaceEvents;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Labeling screen on a team workspace (PostgreSQL): a labeler's queue is leased (given back
 * once labelled, and all of it on leaving), the live agreement appears as a second analyst labels
 * the share sent to them, others' labels appear on refresh, retraining waits for an owner, and
 * labels made while the server is unreachable wait on this machine, are counted on screen and sent
 * on refresh. Needs the PostgreSQL test server ({@code .ci/postgres start}); skipped without it.
 */
class TeamLabelingScreenTest {

    static ServerAddress server;
    static final List<Throwable> failures = new ArrayList<>();

    @BeforeAll
    static void serverAndParser() {
        String url = System.getenv("WORKBENCH_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("WORKBENCH_TEST_PG_REQUIRED"))) {
                fail("WORKBENCH_TEST_PG_REQUIRED is set but WORKBENCH_TEST_PG_URL is not.");
            }
            Assumptions.assumeTrue(false, "No PostgreSQL test server (WORKBENCH_TEST_PG_URL)");
        }
        server = ServerAddress.parse(url);
        if (LabelingViewModelTest.parser == null) {
            LabelingViewModelTest.parser = new AddressParser(PostalDirectory.load());
        }
    }

    /** A fresh team workspace holding {@code n} addresses, opened by its owner. */
    static Workspace ownerWorkspace(Path dir, String schema, int n) throws Exception {
        ServerAddress address = server.inSchema(schema + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        Workspace owner = Workspace.openServer(address.as("wb_owner"), PasswordSource.NONE, dir.resolve("owner"));
        LabelingViewModelTest.addresses(owner, dir, n);
        return owner;
    }

    static Workspace as(Workspace owner, String login, Path dir) {
        return Workspace.openServer(owner.server().orElseThrow().as(login), PasswordSource.NONE, dir.resolve(login));
    }

    static LabelingViewModel labeler(WorkspaceEvents events, String name) {
        LabelingViewModelTest.Stub analyst = new LabelingViewModelTest.Stub();
        analyst.name = name;
        return new LabelingViewModel(new SameThreadTaskRunner(), failures::add, analyst, () -> LabelingViewModelTest.parser,
                new SegmentationTrainer.Settings(42, 1, 200, 200), (w, m) -> {
                    throw new AssertionError("a labeler never retrains");
                }, events);
    }

    @Test
    void aLabelersQueueIsLeasedAgreementIsLiveOthersLabelsShowOnRefreshAndRetrainingWaitsForAnOwner(@TempDir Path dir) throws Exception {
        try (Workspace owner = ownerWorkspace(dir, "lab", 12); Workspace asha = as(owner, "wb_labeler", dir)) {
            owner.putSetting(LabelingLeases.SHARE_SETTING, "1.0");
            List<WorkspaceEvent> heard = new ArrayList<>();
            WorkspaceEvents events = new WorkspaceEvents(failures::add);
            events.subscribe(heard::add, WorkspaceEvent.Kind.values());
            LabelingViewModel m = labeler(events, "Asha");
            m.setWorkspace(asha);
            assertNotNull(m.currentProperty().get());
            assertEquals(QueueSource.LEASED, LabelingViewModelTest.count(owner,
                    "SELECT COUNT(*) FROM labeling_leases WHERE analyst = 'Asha' AND slot = 1"), "the queue holds its addresses by leases");
            assertTrue(m.leaseOfShown().isPresent(), "the address shown is leased to Asha");
            assertTrue(m.teamProperty().get().contains("you are a labeler"), m.teamProperty().get());
            assertTrue(m.teamProperty().get().contains("wait for an owner's retraining"), m.teamProperty().get());

            List<String> decided = new ArrayList<>();
            for (String key : new String[] {"D", "U", "D"}) {
                decided.add(m.currentProperty().get().address().id());
                m.handleKey(key, false);
            }
            assertEquals(0, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM labeling_leases WHERE address_id IN ('"
                    + String.join("','", decided) + "')"), "a labelled address goes back to the team's queue");
            assertEquals("Saved: all 3 labels of this session.", m.saveStateProperty().get());

            // Ravi, the owner, gets the second looks (the whole share here) and labels them: two agree, one does not.
            LabelingLeases ravi = new LabelingLeases(owner, Clock.systemUTC(), Duration.ofMinutes(5));
            LabelStore store = new LabelStore(owner);
            for (int i = 0; i < 3; i++) {
                LabelingLeases.Lease lease = ravi.next("Ravi").orElseThrow();
                assertEquals(2, lease.slot(), "a second look");
                int at = decided.indexOf(lease.addressId());
                store.decide(List.of(lease.addressId()), at == 2 ? "undeliverable" : at == 0 ? "deliverable" : "undeliverable", null, "Ravi");
                ravi.release(lease);
            }
            assertTrue(m.progressProperty().get().startsWith("3 of 12"), m.progressProperty().get());
            m.perform(LabelingAction.REFRESH);
            assertTrue(m.teamProperty().get().contains("kappa 0.40 on 3 addresses two analysts labelled (2 agree; 100 % go to a second "
                    + "analyst)"), m.teamProperty().get());
            store.decide(List.of(unleased(owner)), "unsure", null, "Ravi");
            m.perform(LabelingAction.REFRESH);
            assertTrue(m.progressProperty().get().startsWith("4 of 12"), "Ravi's new label shows on refresh: " + m.progressProperty().get());

            m.perform(LabelingAction.RETRAIN);
            assertFalse(m.retrainingProperty().get());
            assertTrue(m.messageProperty().get().contains("labeler") && m.messageProperty().get().contains("owner"), m.messageProperty().get());
            assertTrue(heard.stream().noneMatch(e -> e.kind() == WorkspaceEvent.Kind.MODEL_TRAINED));

            m.leave();
            assertEquals(0, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM labeling_leases WHERE analyst = 'Asha'"),
                    "leaving gives every lease back");
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    private static String unleased(Workspace ws) throws SQLException {
        try (var c = ws.connection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT a.address_id FROM addresses a WHERE NOT EXISTS "
                + "(SELECT 1 FROM labeling_leases x WHERE x.address_id = a.address_id) AND NOT EXISTS (SELECT 1 FROM address_labels l "
                + "WHERE l.address_id = a.address_id) ORDER BY a.address_id")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void labelsMadeWhileTheServerIsUnreachableAreCountedOnScreenAndSentOnRefresh(@TempDir Path dir) throws Exception {
        try (Workspace owner = ownerWorkspace(dir, "out", 10); Workspace asha = as(owner, "wb_labeler", dir)) {
            AtomicBoolean reachable = new AtomicBoolean(true);
            LabelStore store = new LabelStore(asha);
            LabelOutbox outbox = new LabelOutbox(dir.resolve("asha-outbox.jsonl"), p -> {
                if (!reachable.get()) {
                    throw new WorkbenchException(WorkbenchException.Kind.OTHER, "The label could not be saved: connection lost.",
                            new SQLException("I/O error", "08006"));
                }
                return store.decideOnce(p.receiptId(), p.addressIds(), p.label(), p.segments(), p.analyst());
            });
            LabelingViewModel m = labeler(WorkspaceEvents.none(), "Asha");
            m.setWorkspace(asha, LabelSink.throughOutbox(outbox, store));
            m.handleKey("D", false);
            reachable.set(false);
            m.handleKey("U", false);
            m.handleKey("S", false);
            assertTrue(m.saveStateProperty().get().startsWith("2 labels waiting to be sent"), m.saveStateProperty().get());
            m.handleKey("BACK_SPACE", false);
            assertEquals(1, outbox.waiting().size(), "an undone label that never left this machine is simply taken back");
            assertTrue(m.saveStateProperty().get().startsWith("1 label waiting to be sent"), m.saveStateProperty().get());
            assertEquals(1, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM labeling_decisions"));
            reachable.set(true);
            m.perform(LabelingAction.REFRESH);
            assertEquals("Saved: all 3 labels of this session.", m.saveStateProperty().get());
            assertEquals(2, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM labeling_decisions WHERE NOT undone"));
            assertEquals(1, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM address_labels WHERE label = 'undeliverable'"));
            assertEquals(0, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM address_labels WHERE label = 'unsure'"));
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void aReaderSeesTheProgressAndIsToldWhyTheyMayNotLabelAndNothingIsLeasedOrWritten(@TempDir Path dir) throws Exception {
        try (Workspace owner = ownerWorkspace(dir, "rd", 5); Workspace reader = as(owner, "wb_reader", dir)) {
            LabelingViewModel m = labeler(WorkspaceEvents.none(), "Meera");
            m.setWorkspace(reader);
            assertTrue(m.messageProperty().get().contains("reader") && m.messageProperty().get().contains("labeler"),
                    m.messageProperty().get());
            assertTrue(m.progressProperty().get().startsWith("0 of 5"), m.progressProperty().get());
            assertTrue(m.teamProperty().get().contains("you are a reader"), m.teamProperty().get());
            assertFalse(m.teamProperty().get().contains("retraining"), "a reader has no labels to wait for retraining");
            m.handleKey("D", false);
            m.perform(LabelingAction.REFRESH);
            assertEquals(0, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM labeling_leases"));
            assertEquals(0, LabelingViewModelTest.count(owner, "SELECT COUNT(*) FROM address_labels"));
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void automaticRetrainingFallsDueForAnOwnerButNeverForALabeler(@TempDir Path dir) throws Exception {
        try (Workspace owner = ownerWorkspace(dir, "re", 1); Workspace asha = as(owner, "wb_labeler", dir)) {
            Retraining retraining = new Retraining(new SameThreadTaskRunner(), failures::add, new SegmentationTrainer.Settings(42, 1, 200, 200),
                    (w, m) -> null, WorkspaceEvents.none());
            Retraining other = new Retraining(new SameThreadTaskRunner(), failures::add, new SegmentationTrainer.Settings(42, 1, 200, 200),
                    (w, m) -> null, WorkspaceEvents.none());
            int ownerDue = 0;
            int labelerDue = 0;
            for (int i = 1; i <= 2 * Retraining.EVERY; i++) {
                ownerDue += retraining.labelSaved(owner) ? 1 : 0;
                labelerDue += other.labelSaved(asha) ? 1 : 0;
            }
            assertTrue(ownerDue > 0);
            assertEquals(0, labelerDue);
            assertTrue(Retraining.waitingNote(asha).orElseThrow().contains("wait for an owner's retraining"));
            assertTrue(Retraining.waitingNote(owner).isEmpty());
        }
    }
}
