package in.workbench.views.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.labeling.LabelOutbox;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels are written off the JavaFX thread: with a workspace that takes its time, keys never wait,
 * the screen says "saved" only once the write committed, and the labels arrive in the order the
 * analyst gave them. The test thread plays the JavaFX thread ({@link WorkerThreadRunner}).
 */
class LabelWritingTest {

    static final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void load() {
        if (LabelingViewModelTest.parser == null) {
            LabelingViewModelTest.parser = new AddressParser(PostalDirectory.load());
        }
    }

    /** A workspace that holds every write until the test lets it through, then commits it for real. */
    static final class SlowWorkspace implements LabelSink {
        final LabelSink real;
        final CountDownLatch open = new CountDownLatch(1);
        final List<String> arrived = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();

        SlowWorkspace(LabelSink real) {
            this.real = real;
        }

        private void hold() {
            try {
                assertTrue(open.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int save(LabelOutbox.Pending p) {
            arrived.add(p.addressIds().get(0));
            hold();
            int n = real.save(p);
            committed.add(p.addressIds().get(0));
            return n;
        }

        @Override
        public void undo(String receiptId) {
            hold();
            real.undo(receiptId);
        }

        @Override
        public int flush() {
            return real.flush();
        }

        @Override
        public int waiting() {
            return real.waiting();
        }
    }

    static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static LabelingViewModel model(WorkerThreadRunner runner) {
        return new LabelingViewModel(runner, failures::add, new LabelingViewModelTest.Stub(), () -> LabelingViewModelTest.parser,
                new SegmentationTrainer.Settings(42, 1, 200, 200));
    }

    /** A screen showing its first address of {@code ws}, whose labels go to {@code sink}. */
    static LabelingViewModel showing(WorkerThreadRunner runner, Workspace ws, LabelSink sink) throws InterruptedException {
        LabelingViewModel m = model(runner);
        m.setWorkspace(ws, sink);
        runner.runUntil(() -> m.currentProperty().get() != null);
        return m;
    }

    @Test
    void aSlowWorkspaceNeverHoldsUpTheKeysAndSavedAppearsOnlyAfterTheCommitInTheAnalystsOrder(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws")); WorkerThreadRunner runner = new WorkerThreadRunner()) {
            LabelingViewModelTest.addresses(ws, dir, 30);
            SlowWorkspace slow = new SlowWorkspace(LabelSink.direct(new LabelStore(ws)));
            LabelingViewModel m = showing(runner, ws, slow);
            List<String> states = new ArrayList<>();
            List<Long> committedWhenSaidSaved = new ArrayList<>();
            m.saveStateProperty().addListener((o, a, b) -> {
                states.add(b);
                if (b.startsWith("Saved")) {
                    try {
                        committedWhenSaidSaved.add(count(ws, "SELECT COUNT(*) FROM labeling_decisions"));
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            });

            List<String> shown = new ArrayList<>();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (String key : new String[] {"D", "U", "S"}) {
                    shown.add(m.currentProperty().get().address().id());
                    assertTrue(m.handleKey(key, false));
                }
            }, "three keys while the workspace holds every write: none of them waits for it");
            assertNotEquals(shown.get(2), m.currentProperty().get().address().id(), "the screen went on to the fourth address");
            assertEquals("Saving 3 labels …", m.saveStateProperty().get());
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM labeling_decisions"), "nothing committed yet");
            assertTrue(states.stream().noneMatch(s -> s.startsWith("Saved")), states.toString());

            slow.open.countDown();
            runner.runUntil(() -> m.writer().unsavedProperty().get() == 0);
            assertEquals("Saved: all 3 labels of this session.", m.saveStateProperty().get());
            assertEquals(List.of(3L), committedWhenSaidSaved, "saved is said once, when all three are committed");
            assertEquals(shown, slow.arrived, "the writes reach the workspace in the order of the keys");
            assertEquals(shown, slow.committed);
            List<String> labels = new ArrayList<>();
            try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT l.address_id, l.label FROM address_labels l ORDER BY l.label_id")) {
                while (rs.next()) {
                    labels.add(rs.getString(1) + "=" + rs.getString(2));
                }
            }
            assertEquals(List.of(shown.get(0) + "=deliverable", shown.get(1) + "=undeliverable", shown.get(2) + "=unsure"), labels);
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void anUndoPressedWhileItsLabelIsStillBeingWrittenUndoesItAfterTheWrite(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws")); WorkerThreadRunner runner = new WorkerThreadRunner()) {
            LabelingViewModelTest.addresses(ws, dir, 20);
            SlowWorkspace slow = new SlowWorkspace(LabelSink.direct(new LabelStore(ws)));
            LabelingViewModel m = showing(runner, ws, slow);
            String decided = m.currentProperty().get().address().id();
            m.handleKey("U", false);
            m.handleKey("BACK_SPACE", false);
            assertNotEquals(decided, m.currentProperty().get().address().id(), "the undo waits behind its label's write");
            slow.open.countDown();
            runner.runUntil(() -> decided.equals(m.currentProperty().get().address().id()));
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE undone"), "written, then undone");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone"));
            assertTrue(m.messageProperty().get().startsWith("Undone: the undeliverable label"), m.messageProperty().get());
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void aLabelTheWorkspaceRefusedComesBackToBeDecidedAgain(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws")); WorkerThreadRunner runner = new WorkerThreadRunner()) {
            LabelingViewModelTest.addresses(ws, dir, 20);
            List<Throwable> told = new CopyOnWriteArrayList<>();
            LabelingViewModel m = new LabelingViewModel(runner, told::add, new LabelingViewModelTest.Stub(), () -> LabelingViewModelTest.parser,
                    new SegmentationTrainer.Settings(42, 1, 200, 200));
            m.setWorkspace(ws, new LabelSink() {
                @Override
                public int save(LabelOutbox.Pending p) {
                    throw new WorkbenchException(WorkbenchException.Kind.OTHER, "The label could not be saved: disk full. Nothing was changed.");
                }

                @Override
                public void undo(String receiptId) {
                    throw new AssertionError("nothing was saved, so nothing is undone");
                }

                @Override
                public int flush() {
                    return 0;
                }

                @Override
                public int waiting() {
                    return 0;
                }
            });
            runner.runUntil(() -> m.currentProperty().get() != null);
            String refused = m.currentProperty().get().address().id();
            m.handleKey("D", false);
            runner.runUntil(() -> !told.isEmpty());
            assertEquals(refused, m.currentProperty().get().address().id());
            assertTrue(m.messageProperty().get().contains("could not be saved"), m.messageProperty().get());
            assertEquals("", m.saveStateProperty().get(), "nothing is said saved");
            m.handleKey("BACK_SPACE", false);
            runner.runUntil(() -> m.messageProperty().get().startsWith("Nothing to undo"));
        }
    }
}
