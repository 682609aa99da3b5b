package in.workbench.views.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.FxTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Screens built when first needed: the shown one at once, the others one per event-queue turn after it (the slow readers first), each given the workspace. */
class DeferredScreenFxTest {

    @TempDir
    static Path dir;
    static Workspace first;
    static Workspace second;
    static Stage stage;
    static final FxRobot robot = new FxRobot();

    /** A screen that notes the workspaces it was given. */
    static final class Noting implements Screen {
        final String title;
        final List<Workspace> given = new ArrayList<>();
        final Label label;

        Noting(String title) {
            this.title = title;
            this.label = new Label(title);
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public Node view() {
            return label;
        }

        @Override
        public void onWorkspaceChanged(Workspace workspace) {
            given.add(workspace);
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        first = Workspace.open(dir.resolve("first"));
        second = Workspace.open(dir.resolve("second"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        first.close();
        second.close();
    }

    @Test
    void aScreenIsBuiltOnlyWhenNeededAndThenGetsTheLatestWorkspace() {
        List<Noting> built = new ArrayList<>();
        DeferredScreen<Noting> deferred = new DeferredScreen<>("Catalog", () -> {
            Noting n = new Noting("Catalog");
            built.add(n);
            return n;
        });
        deferred.onWorkspaceChanged(first);
        deferred.onWorkspaceChanged(second);
        assertFalse(deferred.built());
        assertTrue(built.isEmpty(), "remembering a workspace builds nothing");
        assertEquals("Catalog", deferred.title());
        Noting screen = deferred.get();
        assertSame(screen, deferred.get(), "built once");
        assertEquals(List.of(second), screen.given, "given only the workspace it is to show now");
        deferred.onWorkspaceChanged(first);
        assertEquals(List.of(second, first), screen.given, "once built, every change is passed on");
    }

    /** A view model that notes the workspaces it was given (its "reads"). */
    static final class NotingModel {
        final List<Workspace> given = new ArrayList<>();
    }

    /** A screen built on a {@link NotingModel}. */
    static final class ModelScreen extends WorkspaceScreen<NotingModel> {
        final Label label = new Label("Addresses");

        ModelScreen(NotingModel model) {
            this("Addresses", model, (m, ws) -> m.given.add(ws));
        }

        ModelScreen(String title, NotingModel model, java.util.function.BiConsumer<NotingModel, Workspace> open) {
            super(title, model, open);
        }

        @Override
        public Node view() {
            return label;
        }
    }

    @Test
    void aScreenLoadingFirstStartsItsReadsBeforeItsNodesAndIsNotGivenTheSameWorkspaceAgain() {
        List<NotingModel> models = new ArrayList<>();
        List<ModelScreen> views = new ArrayList<>();
        DeferredScreen<ModelScreen> deferred = DeferredScreen.loadingFirst("Addresses", () -> {
            NotingModel m = new NotingModel();
            models.add(m);
            return m;
        }, (m, ws) -> m.given.add(ws), m -> {
            ModelScreen v = new ModelScreen(m);
            views.add(v);
            return v;
        });
        assertTrue(models.isEmpty(), "nothing is made before there is a workspace to read");
        deferred.onWorkspaceChanged(first);
        assertFalse(deferred.built());
        assertTrue(views.isEmpty(), "no nodes yet");
        assertEquals(1, models.size());
        assertEquals(List.of(first), models.get(0).given, "the reads start when the workspace is shown");
        deferred.onWorkspaceChanged(second);
        assertEquals(List.of(first, second), models.get(0).given, "each workspace shown reaches the view model");
        ModelScreen screen = deferred.get();
        assertSame(models.get(0), screen.model(), "the screen is built on the view model that already loaded");
        assertEquals(1, models.size(), "one view model");
        assertEquals(List.of(first, second), screen.model().given, "building the nodes does not read again");
        deferred.onWorkspaceChanged(first);
        assertEquals(List.of(first, second, first), screen.model().given, "once built, every change is passed on");
    }

    @Test
    void aScreenLoadingFirstBuiltBeforeAnyWorkspaceGetsTheFirstOneWhenShown() {
        DeferredScreen<ModelScreen> deferred = DeferredScreen.loadingFirst("Addresses", NotingModel::new, (m, ws) -> m.given.add(ws),
                ModelScreen::new);
        ModelScreen screen = deferred.get();
        assertTrue(screen.model().given.isEmpty());
        deferred.onWorkspaceChanged(first);
        assertEquals(List.of(first), screen.model().given);
    }

    @Test
    void aFactoryThatBuildsAnotherScreenIsRefused() {
        DeferredScreen<Noting> deferred = new DeferredScreen<>("Catalog", () -> new Noting("Packaging"));
        assertThrows(IllegalStateException.class, deferred::get);
    }

    @Test
    void theWindowBuildsTheShownScreenFirstAndTheOthersAfterIt() throws Exception {
        List<String> order = new ArrayList<>();
        List<DeferredScreen<Noting>> screens = new ArrayList<>();
        for (String title : List.of("Overview", "Catalog", "Packaging", "Regional")) {
            screens.add(new DeferredScreen<>(title, () -> {
                order.add(title);
                return new Noting(title);
            }));
        }
        screens.get(3).preparedEarly();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        robot.interact(() -> {
            MainWindow w = new MainWindow(stage, new FxTaskRunner(), List.copyOf(screens), new NoActions());
            stage.setScene(w.scene(800, 600));
            stage.show();
            window.set(w);
            w.select(screens.get(2));
            assertEquals(List.of("Packaging"), order, "selecting a screen builds it, and only it");
            w.setWorkspace(first);
            assertEquals(List.of("Packaging"), order, "the others wait for their turn of the event queue");
            assertFalse(w.screensPrepared());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Packaging", "Regional", "Overview", "Catalog"), order,
                "the shown screen, then those whose reads take longest, then the rest in navigation order");
        assertTrue(window.get().screensPrepared());
        for (DeferredScreen<Noting> s : screens) {
            assertEquals(List.of(first), s.get().given, s.title() + " is given the workspace once");
        }
        robot.interact(() -> window.get().select(screens.get(3).get()));
        assertSame(screens.get(3), window.get().selected(), "selecting a built screen selects its entry in the navigation");
    }

    @Test
    void theShownScreenIsGivenTheWorkspaceBeforeTheOthersSoItsReadsAreQueuedFirst() throws Exception {
        List<String> given = new ArrayList<>();
        List<Screen> screens = new ArrayList<>();
        for (String title : List.of("Overview", "Catalog", "Packaging")) {
            java.util.function.BiConsumer<NotingModel, Workspace> open = (m, ws) -> given.add(title);
            screens.add(DeferredScreen.loadingFirst(title, NotingModel::new, open, m -> new ModelScreen(title, m, open)));
        }
        Label addresses = new Label("Addresses");
        screens.add(0, new DeferredScreen<Screen>("Addresses", () -> new Screen() {
            @Override
            public String title() {
                return "Addresses";
            }

            @Override
            public Node view() {
                return addresses;
            }

            @Override
            public void onWorkspaceChanged(Workspace workspace) {
                given.add("Addresses");
            }
        }));
        robot.interact(() -> {
            MainWindow w = new MainWindow(stage, new FxTaskRunner(), List.copyOf(screens), new NoActions());
            stage.setScene(w.scene(800, 600));
            w.setWorkspace(first);
        });
        assertEquals(List.of("Addresses", "Overview", "Catalog", "Packaging"), given, "the screen opened on (built then) first");
        given.clear();
        robot.interact(() -> {
            MainWindow w = new MainWindow(stage, new FxTaskRunner(), List.copyOf(screens), new NoActions());
            stage.setScene(w.scene(800, 600));
            w.select(screens.get(3));
            w.setWorkspace(second);
        });
        assertEquals("Packaging", given.get(0), "the screen the analyst left last first");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Menus that do nothing. */
    static final class NoActions implements MainWindow.Actions {
        @Override
        public void newWorkspace() {
        }

        @Override
        public void openWorkspace() {
        }

        @Override
        public void openTeamWorkspace() {
        }

        @Override
        public void openRecent(Path workspace) {
        }

        @Override
        public List<Path> recentWorkspaces() {
            return List.of();
        }

        @Override
        public void importFile() {
        }

        @Override
        public void exportView() {
        }

        @Override
        public void setDarkTheme(boolean dark) {
        }

        @Override
        public boolean darkTheme() {
            return false;
        }

        @Override
        public void about() {
        }

        @Override
        public void tour() {
        }

        @Override
        public void quit() {
        }
    }
}
