package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void aChangeIsOnDiskAtOnceAndReadBackByTheNextStart() {
        SettingsStore store = SettingsStore.in(home);
        store.change(s -> s.darkTheme = true);
        store.change(s -> {
            s.analystName = "Asha";
            s.analystNameConfirmed = true;
        });
        AppSettings next = SettingsStore.in(home).current();
        assertTrue(next.darkTheme);
        assertEquals("Asha", next.analystName);
        assertTrue(next.analystNameConfirmed);
        assertFalse(Files.exists(home.resolve(SettingsStore.FILE_NAME + ".tmp")), "the temporary file is renamed into place");
    }

    @Test
    void unreadableSettingsStartFromDefaultsAndAreReplacedByTheFirstChange() throws Exception {
        Files.writeString(home.resolve(SettingsStore.FILE_NAME), "{ this is not json", StandardCharsets.UTF_8);
        SettingsStore store = SettingsStore.in(home);
        assertFalse(store.current().darkTheme);
        store.change(s -> s.tourDismissed = true);
        assertTrue(SettingsStore.read(home.resolve(SettingsStore.FILE_NAME)).tourDismissed);
    }

    @Test
    void recentWorkspacesListTheLastOpenedFirstWithoutRepeatsAndForgetAGoneFolder() {
        SettingsStore store = SettingsStore.in(home);
        for (int i = 0; i < AppSettings.RECENT_LIMIT + 3; i++) {
            Path ws = home.resolve("ws" + i);
            store.change(s -> s.opened(ws));
        }
        store.change(s -> s.opened(home.resolve("ws5")));
        List<String> recent = SettingsStore.in(home).current().recentWorkspaces;
        assertEquals(AppSettings.RECENT_LIMIT, recent.size());
        assertEquals(home.resolve("ws5").toString(), recent.get(0));
        assertEquals(1, recent.stream().filter(p -> p.endsWith("ws5")).count());
        assertEquals(home.resolve("ws5").toString(), store.current().lastWorkspace);
        store.change(s -> s.forgetRecent(home.resolve("ws5")));
        assertFalse(SettingsStore.in(home).current().recentWorkspaces.contains(home.resolve("ws5").toString()));
    }
}
