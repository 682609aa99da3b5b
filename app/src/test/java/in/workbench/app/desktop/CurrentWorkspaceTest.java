package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.SharedAddressParser;
import in.workbench.app.sample.SampleWorld;
import in.workbench.views.shell.DialogService;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentWorkspaceTest {

    @TempDir
    Path home;

    final List<String> errors = new ArrayList<>();
    final List<Boolean> shownFirst = new ArrayList<>();
    CurrentWorkspace current;

    CurrentWorkspace current(SettingsStore settings) {
        DialogService dialogs = new DialogService() {
            @Override
            public void showError(String sentence, Throwable cause) {
                errors.add(sentence);
            }

            @Override
            public void showInformation(String title, String sentence) {
            }
        };
        current = new CurrentWorkspace(new SameThreadTaskRunner(), dialogs, settings, home, new ImportHooks(), new SharedAddressParser(),
                (ws, first) -> shownFirst.add(first));
        return current;
    }

    @AfterEach
    void close() {
        if (current != null) {
            current.close();
        }
    }

    @Test
    void anOpenedWorkspaceIsShownRememberedAndClosesTheOneItReplaces() {
        SettingsStore settings = SettingsStore.in(home);
        CurrentWorkspace current = current(settings);
        current.open(home.resolve("first"));
        Workspace first = current.get();
        assertNotNull(first);
        current.open(home.resolve("second"));
        assertEquals(home.resolve("second").toAbsolutePath().normalize(), current.get().folder());
        assertEquals(List.of(true, false), shownFirst, "the first workspace of the window is marked as such");
        assertThrows(RuntimeException.class, () -> first.rowCounts(), "the replaced workspace is closed");
        AppSettings saved = SettingsStore.read(settings.file());
        assertEquals(current.get().folder().toString(), saved.lastWorkspace);
        assertEquals(List.of(current.get().folder().toString(), first.folder().toString()), saved.recentWorkspaces);
    }

    @Test
    void aFolderThatCannotBeOpenedLeavesTheCurrentWorkspaceOpenAndSaysSo() throws Exception {
        CurrentWorkspace current = current(SettingsStore.in(home));
        current.open(home.resolve("mine"));
        Workspace mine = current.get();
        Path notAWorkspace = Files.writeString(home.resolve("notes.txt"), "not a workspace");
        current.open(notAWorkspace);
        assertSame(mine, current.get());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).endsWith("The workspace mine stays open."), errors.get(0));
        assertTrue(mine.rowCounts().containsKey("products"), "still usable");
    }

    @Test
    void atStartTheLastWorkspaceOpensAndNoSampleIsMade() {
        SettingsStore settings = SettingsStore.in(home);
        CurrentWorkspace first = current(settings);
        first.open(home.resolve("mine"));
        first.close();
        List<String> messages = new ArrayList<>();
        CurrentWorkspace next = current(SettingsStore.in(home));
        next.openAtStart(messages::add);
        assertEquals(home.resolve("mine").toAbsolutePath().normalize(), next.get().folder());
        assertEquals(List.of(), messages, "nothing to prepare");
        assertTrue(!Files.exists(SampleWorld.MARKETPLACE.folderIn(home)), "the sample is made only when there is no last workspace");
    }
}
