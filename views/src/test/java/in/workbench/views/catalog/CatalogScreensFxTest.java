package in.workbench.views.catalog;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.DialogService;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke tests of the Catalog, Review queue and catalog charts screens, headless; screenshots under target/screenshots. */
class CatalogScreensFxTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static final FxRobot robot = new FxRobot();
    static final List<String> navigated = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ws = CatalogFixture.create(dir);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    static void show(Parent root) throws Exception {
        FxToolkit.setupStage(s -> {
            s.setScene(new javafx.scene.Scene(root, 1280, 760));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void screenshot(Node node, String name) throws Exception {
        Screenshots.write(robot, node, name);
    }

    static final DialogService DIALOGS = new DialogService() {
        @Override
        public void showError(String sentence, Throwable cause) {
            throw new AssertionError(sentence, cause);
        }

        @Override
        public void showInformation(String title, String sentence) {
            // nothing to show in tests
        }
    };

    @Test
    void catalogShowsTheMarkedTitleAndTheImage() throws Exception {
        AtomicReference<CatalogView> view = new AtomicReference<>();
        AtomicReference<StackPane> root = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new CatalogView(new CatalogViewModel(new SameThreadTaskRunner(), e -> {
                throw new AssertionError(e);
            })));
            root.set(new StackPane(view.get().view()));
        });
        show(root.get());
        robot.interact(() -> view.get().onWorkspaceChanged(ws));
        @SuppressWarnings("unchecked")
        TableView<CatalogStore.ProductRow> table = robot.lookup("#catalogTable").queryAs(TableView.class);
        assertEquals(CatalogViewModel.PAGE_SIZE, table.getItems().size());
        int withImage = 0;
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).imageStatus() != null) {
                withImage = i;
                break;
            }
        }
        int row = withImage;
        robot.interact(() -> table.getSelectionModel().select(row));
        WaitForAsyncUtils.waitForFxEvents();
        Text span = robot.lookup("#markedSpan").queryAs(Text.class);
        assertEquals(table.getItems().get(row).titleColour(), span.getText().toLowerCase());
        assertTrue(robot.lookup(".image-view").tryQuery().isPresent());
        assertTrue(robot.lookup("#catalogMetrics").queryAs(Label.class).getText().contains("F1"));
        screenshot(root.get(), "catalog");
        robot.interact(() -> view.get().applyFilter(Map.of("category", "Footwear", "kind", "conflict")));
        table.getItems().forEach(r -> assertEquals("Footwear", r.category()));
        screenshot(root.get(), "catalog-footwear-conflicts");
    }

    @Test
    void reviewQueueDecidesByKeyboard() throws Exception {
        AtomicReference<ReviewView> view = new AtomicReference<>();
        AtomicReference<StackPane> root = new AtomicReference<>();
        robot.interact(() -> {
            view.set(new ReviewView(new ReviewViewModel(new SameThreadTaskRunner(), e -> {
                throw new AssertionError(e);
            }, () -> "priya"), DIALOGS));
            root.set(new StackPane(view.get().view()));
        });
        show(root.get());
        robot.interact(() -> view.get().onWorkspaceChanged(ws));
        @SuppressWarnings("unchecked")
        TableView<Object> table = robot.lookup("#reviewTable").queryAs(TableView.class);
        int before = table.getItems().size();
        assertTrue(before > 10);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        screenshot(root.get(), "review-queue");
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before - 1, table.getItems().size());
        assertTrue(robot.lookup("#reviewStatus").queryAs(Label.class).getText().startsWith("Saved: accept"));
        assertTrue(robot.lookup("#expectedPrecision").queryAs(Label.class).getText().contains("colour from titles"));
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before - 2, table.getItems().size());
    }

    @Test
    void chartsAreDrawnAndABarOpensTheCatalogOnItsProducts() throws Exception {
        AtomicReference<CatalogChartsView> view = new AtomicReference<>();
        AtomicReference<StackPane> root = new AtomicReference<>();
        CatalogViewModel model = new CatalogViewModel(new SameThreadTaskRunner(), e -> {
            throw new AssertionError(e);
        });
        robot.interact(() -> {
            view.set(new CatalogChartsView(model, (title, filter) -> navigated.add(title + " " + filter)));
            root.set(new StackPane(view.get().view()));
        });
        show(root.get());
        robot.interact(() -> {
            model.setWorkspace(ws);
            view.get().onWorkspaceChanged(ws);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(view.get().missingCard().chart(), view.get().missingCard().message());
        assertNotNull(view.get().flagsCard().chart(), view.get().flagsCard().message());
        assertEquals(4, view.get().missingCard().data().rows().size());
        Thread.sleep(300);
        screenshot(root.get(), "catalog-charts");
    }
}
