package in.workbench.views.addresses;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.DialogService;
import in.workbench.views.shell.Navigator;
import in.workbench.views.shell.Screen;
import in.workbench.views.task.FxTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each address screen on its own, headless, on a small trained workspace: it shows its data,
 * reacts to the analyst, and leaves a screenshot under target/screenshots.
 */
class AddressScreensSmokeTest {

    @TempDir
    static Path dir;
    static Stage stage;
    static FxTaskRunner runner;
    static AddressesSession session;
    static Workspace ws;
    static final FxRobot robot = new FxRobot();
    static final List<String> navigations = new ArrayList<>();
    static final List<String> errors = new ArrayList<>();
    static final Navigator navigator = (title, filter) -> navigations.add(title + " " + new java.util.TreeMap<>(filter));
    static final DialogService dialogs = new DialogService() {
        @Override
        public void showError(String sentence, Throwable cause) {
            errors.add(sentence);
        }

        @Override
        public void showInformation(String title, String sentence) {
        }
    };

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        runner = new FxTaskRunner();
        session = new AddressesSession(runner, 3, 20);
        ws = AddressWorld.trained(dir.resolve("ws"), session);
    }

    @AfterAll
    static void stop() {
        runner.close();
        ws.close();
    }

    /** Screens are built on the JavaFX thread, as in the window. */
    static <T> T onFx(java.util.function.Supplier<T> build) {
        AtomicReference<T> built = new AtomicReference<>();
        robot.interact(() -> built.set(build.get()));
        return built.get();
    }

    static void show(Screen screen) throws Exception {
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(screen.view()), 1400, 900));
            stage.show();
            screen.onWorkspaceChanged(ws);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void screenshot(String name) throws Exception {
        Screenshots.write(robot, stage.getScene().getRoot(), name);
    }

    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void addressesListsScoredAddressesAndShowsTheSelectedOnesParts() throws Exception {
        AddressesView view = onFx(() -> new AddressesView(new AddressesViewModel(session, runner, e -> errors.add(e.toString())), dialogs));
        show(view);
        waitUntil(() -> view.model().rows().size() == AddressesViewModel.PAGE);
        robot.interact(() -> view.applyFilter(Map.of("flagged", "true")));
        waitUntil(() -> view.model().rows().stream().allMatch(r -> Boolean.TRUE.equals(r.get(2))) && !view.model().rows().isEmpty());
        robot.interact(() -> robot.lookup("#addressTable").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> view.model().detailProperty().get() != null);
        assertTrue(robot.lookup("#detailScore").queryAs(Label.class).getText().contains("flagged"));
        assertTrue(robot.lookup("#addressCount").queryAs(Label.class).getText().contains("flagged"));
        screenshot("addresses");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anAddressesScreenBuiltAfterItsViewModelLoadedShowsWhatItLoaded() throws Exception {
        // As the window does (DeferredScreen.loadingFirst): the view model reads when the workspace is shown, the nodes come later.
        AddressesViewModel model = onFx(() -> {
            AddressesViewModel m = new AddressesViewModel(session, runner, e -> errors.add(e.toString()));
            session.open(ws);
            return m;
        });
        waitUntil(() -> model.rows().size() == AddressesViewModel.PAGE && !model.states().isEmpty());
        AddressesView view = onFx(() -> new AddressesView(model, dialogs));
        robot.interact(() -> {
            stage.setScene(new Scene(new StackPane(view.view()), 1400, 900));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AddressesViewModel.PAGE, robot.lookup("#addressTable").queryAs(TableView.class).getItems().size());
        javafx.scene.control.ComboBox<?> states = robot.lookup("#stateFilter").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(model.states().size() + 1, states.getItems().size(), "every state to filter by, and all of them");
        screenshot("addresses-built-after-loading");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void modelShowsTheEvaluationAndTheSliderMovesTheMatrix() throws Exception {
        ModelView view = onFx(() -> new ModelView(new ModelViewModel(session, runner, e -> errors.add(e.toString())), navigator));
        show(view);
        waitUntil(() -> view.model().evaluationProperty().get() != null && !view.model().features().isEmpty());
        assertNotNull(view.reliabilityChart().chart());
        assertNotNull(view.importanceChart().chart());
        assertEquals(2, view.candidatesChart().data().rows().size());
        String before = robot.lookup("#cmFlaggedDelivered").queryAs(Label.class).getText();
        robot.interact(() -> view.model().thresholdProperty().set(0.85));
        String after = robot.lookup("#cmFlaggedDelivered").queryAs(Label.class).getText();
        assertFalse(before.equals(after), "more delivered addresses are flagged at 0.85 than at 0.5");
        assertTrue(robot.lookup("#precisionRecall").queryAs(Label.class).getText().startsWith("At 0.85"));
        robot.interact(() -> view.model().thresholdProperty().set(0.5));
        screenshot("deliverability-model");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void mapColoursTheStatesAndAClickOpensTheirAddresses() throws Exception {
        AddressMapView view = onFx(() -> new AddressMapView(new AddressMapViewModel(session, runner, e -> errors.add(e.toString())), navigator));
        show(view);
        waitUntil(() -> !view.model().byStateProperty().get().isEmpty() && view.cityChart().chart() != null);
        String state = view.model().byStateProperty().get().get(0).name();
        assertFalse(view.map().colourOf(state).equals(in.workbench.views.map.IndiaMapView.NO_DATA));
        assertTrue(view.map().tooltipText(state).contains("scored addresses flagged"), view.map().tooltipText(state));
        assertEquals(20, view.cityChart().data().rows().size());
        navigations.clear();
        robot.interact(() -> {
            Node shape = robot.lookup("#state-" + in.workbench.analytics.geo.IndianState.resolve(state).orElseThrow().svgIds().get(0)).query();
            shape.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0,
                    javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false, false, null));
        });
        assertEquals(List.of("Addresses {state=" + state + "}"), navigations);
        screenshot("address-map");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void checkScoresWhatIsTypedAfterAPause() throws Exception {
        FxTaskRunner checks = new FxTaskRunner();
        try {
            CheckAddressView view = onFx(() -> new CheckAddressView(new CheckAddressViewModel(session, checks)));
            show(view);
            waitUntil(() -> session.modelProperty().get() != null);
            robot.interact(() -> robot.lookup("#checkText").queryAs(TextArea.class).setText("near Hanuman Mandir, Malleswaram, Bengaluru"));
            waitUntil(() -> view.model().resultProperty().get() != null);
            assertTrue(robot.lookup("#checkScore").queryAs(Label.class).getText().contains("—"));
            assertFalse(view.model().resultProperty().get().reasons().isEmpty());
            screenshot("check-address");
            robot.interact(() -> robot.lookup("#checkText").queryAs(TextArea.class).setText(""));
            waitUntil(() -> view.model().resultProperty().get() == null);
            assertNull(view.model().resultProperty().get());
        } finally {
            checks.close();
        }
    }
}
