package in.workbench.views.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one update mechanism: only the latest result per key and workspace is applied. */
class ScreenUpdatesTest {

    @TempDir
    Path dir;

    final DeferredTaskRunner runner = new DeferredTaskRunner();
    final List<String> applied = new ArrayList<>();
    final List<Throwable> failures = new ArrayList<>();
    Workspace shown;
    final ScreenUpdates updates = new ScreenUpdates(runner, () -> shown, failures::add);

    @Test
    void aSlowerOlderResultArrivingAfterANewerOneIsDropped() {
        try (Workspace ws = Workspace.open(dir.resolve("a"))) {
            shown = ws;
            updates.read("page", "page 1", (w, m) -> "page 1", applied::add);
            updates.read("page", "page 2", (w, m) -> "page 2", applied::add);
            runner.pending().get(1).finish();
            runner.pending().get(0).finish();
            assertEquals(List.of("page 2"), applied);
        }
    }

    @Test
    void aResultForAWorkspaceSwitchedAwayMidLoadIsDroppedAndSoIsItsFailure() {
        try (Workspace a = Workspace.open(dir.resolve("a")); Workspace b = Workspace.open(dir.resolve("b"))) {
            shown = a;
            List<Workspace> readFrom = new ArrayList<>();
            updates.read("page", "reading a", (w, m) -> {
                readFrom.add(w);
                return "rows of a";
            }, applied::add);
            updates.<String>read("chart", "failing on a", (w, m) -> {
                throw new IllegalStateException("gone");
            }, applied::add);
            shown = b;
            runner.finishAll();
            assertEquals(List.of(a), readFrom, "the work read the workspace shown when it started");
            assertTrue(applied.isEmpty(), "nothing of workspace a is shown on b: " + applied);
            assertTrue(failures.isEmpty(), failures.toString());
        }
    }

    @Test
    void reloadingTheSameWorkspaceDropsTheEarlierLoad() {
        try (Workspace ws = Workspace.open(dir.resolve("a"))) {
            shown = ws;
            updates.longWork("all", "first load", (w, m) -> "first", applied::add);
            updates.longWork("all", "reload", (w, m) -> "second", applied::add);
            runner.pending().get(1).finish();
            runner.pending().get(0).finish();
            assertEquals(List.of("second"), applied);
        }
    }

    @Test
    void keysAreIndependentAndEachUpdateRunsInItsLane() {
        try (Workspace ws = Workspace.open(dir.resolve("a"))) {
            shown = ws;
            updates.read("page", "page", (w, m) -> "page", applied::add);
            updates.longWork("training", "training", (w, m) -> "trained", applied::add);
            assertEquals(List.of(TaskRunner.Lane.QUICK, TaskRunner.Lane.LONG), runner.pending().stream().map(DeferredTaskRunner.Pending::lane).toList());
            runner.pending().get(1).finish();
            runner.pending().get(0).finish();
            assertEquals(List.of("trained", "page"), applied);
        }
    }

    @Test
    void aCurrentFailureReachesTheScreenAndAForgottenResultDoesNot() {
        try (Workspace ws = Workspace.open(dir.resolve("a"))) {
            shown = ws;
            updates.<String>read("page", "failing", (w, m) -> {
                throw new IllegalStateException("the page could not be read");
            }, applied::add);
            updates.read("score", "scoring", (w, m) -> "score", applied::add);
            updates.forget("score");
            runner.finishAll();
            assertEquals("the page could not be read", failures.get(0).getMessage());
            assertTrue(applied.isEmpty());
        }
    }

    @Test
    void withoutAWorkspaceNothingStarts() {
        assertNull(updates.read("page", "page", (w, m) -> "x", applied::add));
        assertTrue(runner.pending().isEmpty());
    }
}
