package in.workbench.views.shell;

import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.FxTaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The main window: menus, the navigation list of screens, the current screen, and the status
 * bar. What the menus do is wired by the app through {@link Actions}. Used on the JavaFX thread.
 */
public final class MainWindow implements Navigator {

    /** What the menus do; implemented by the app's wiring. */
    public interface Actions {
        void newWorkspace();

        void openWorkspace();

        /** File ▸ Open team workspace…: a workspace on a PostgreSQL server. */
        void openTeamWorkspace();

        void openRecent(Path workspace);

        /** File ▸ Open sample: the titles of the sample workspaces, in menu order. */
        default List<String> samples() {
            return List.of();
        }

        /** Opens (making it the first time) the sample workspace titled {@code title}. */
        default void openSample(String title) {
        }

        List<Path> recentWorkspaces();

        void importFile();

        void exportView();

        void setDarkTheme(boolean dark);

        boolean darkTheme();

        void about();

        /** Help ▸ Guided tour: shows the first-run tour again. */
        void tour();

        void quit();
    }

    private final Stage stage;
    private final List<Screen> screens;
    private final Actions actions;
    private final BorderPane root = new BorderPane();
    private final StackPane layers = new StackPane(root);
    private final StackPane content = new StackPane();
    private final ListView<Screen> navigation = new ListView<>();
    private final StatusBar statusBar;
    private final Menu recent = new Menu("Open recent");
    private final Label placeholder = new Label("Opening the workspace…");

    public MainWindow(Stage stage, FxTaskRunner runner, List<Screen> screens, Actions actions) {
        this.stage = stage;
        this.screens = List.copyOf(screens);
        this.actions = actions;
        this.statusBar = new StatusBar(runner.currentTaskProperty());
        navigation.setId("navigation");
        navigation.getItems().setAll(this.screens);
        navigation.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Screen item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
            }
        });
        navigation.setPrefWidth(190);
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, o, s) -> {
            if (s != null) {
                content.getChildren().setAll(s.view());
            }
        });
        content.setPadding(new Insets(0));
        content.getChildren().setAll(placeholder);
        root.setTop(menus());
        root.setLeft(navigation);
        root.setCenter(content);
        root.setBottom(statusBar);
        root.setId("mainWindow");
    }

    /** The window's scene content. */
    public BorderPane root() {
        return root;
    }

    /** Shows a workspace in every screen and the status bar. */
    public void setWorkspace(Workspace workspace) {
        stage.setTitle("Workbench — " + (workspace.server().isPresent() ? workspace.server().get().displayName() : workspace.folder().getFileName()));
        statusBar.setWorkspace(workspace.server().isEmpty() ? "Workspace: " + workspace.folder() : "Team workspace " + workspace.server().get().user() + "@" + workspace.server().get().displayName()
                + " — you are " + (workspace.role() == in.workbench.analytics.workspace.TeamRole.OWNER ? "an " : "a ")
                + workspace.role().word() + workspace.readOnlyReason().map(r -> " (read-only)").orElse(""));
        if (navigation.getSelectionModel().isEmpty()) {
            navigation.getSelectionModel().select(0);
        }
        // The screen shown first, so its reads are queued before those of the screens not shown.
        Screen shown = navigation.getSelectionModel().getSelectedItem();
        shown.onWorkspaceChanged(workspace);
        for (Screen s : screens) {
            if (s != shown) {
                s.onWorkspaceChanged(workspace);
            }
        }
        refreshRecent();
        prepareScreens();
    }

    /**
     * Builds the screens not built yet, a few at a time per turn of the JavaFX event queue, so the window
     * keeps drawing and answering between them; those marked {@link DeferredScreen#preparedEarly()} first
     * (their reads take longest), the rest in navigation order. The app calls it as soon as the window is
     * shown, so screens are built while the first workspace opens; showing a workspace calls it too. A
     * screen built before a workspace is shown gets it (and starts its reads) when it is.
     */
    public void prepareScreens() {
        if (!preparing) {
            preparing = true;
            prepareNext();
        }
    }

    private void prepareNext() {
        java.util.Optional<DeferredScreen<?>> next = nextToPrepare();
        if (next.isEmpty()) {
            preparing = false;
            return;
        }
        Platform.runLater(() -> {
            // Several cheap screens per turn, up to a slice short enough to keep the window answering:
            // most screens build in 2-30 ms, and each turn waits behind a frame and the finished reads.
            long until = System.nanoTime() + PREPARE_SLICE_NANOS;
            java.util.Optional<DeferredScreen<?>> pending = nextToPrepare();
            while (pending.isPresent()) {
                pending.get().get();
                pending = System.nanoTime() < until ? nextToPrepare() : java.util.Optional.empty();
            }
            prepareNext();
        });
    }

    private java.util.Optional<DeferredScreen<?>> nextToPrepare() {
        return screens.stream().filter(s -> s instanceof DeferredScreen<?> d && !d.built())
                .<DeferredScreen<?>>map(s -> (DeferredScreen<?>) s)
                .min(java.util.Comparator.comparing(d -> !d.early()));
    }

    private boolean preparing;

    /** How long one event-queue turn may spend building screens not shown yet. */
    private static final long PREPARE_SLICE_NANOS = 25_000_000;

    /** Whether every screen of the navigation has been built (and so given the workspace shown). */
    public boolean screensPrepared() {
        return screens.stream().allMatch(s -> !(s instanceof DeferredScreen<?> d) || d.built());
    }

    @Override
    public void open(String screenTitle, java.util.Map<String, String> filter) {
        Screen target = screens.stream().filter(s -> s.title().equalsIgnoreCase(screenTitle)).findFirst()
                .or(() -> screens.stream().filter(s -> s.title().toLowerCase(java.util.Locale.ROOT)
                        .startsWith(screenTitle.toLowerCase(java.util.Locale.ROOT))).findFirst())
                .orElse(null);
        if (target == null) {
            org.slf4j.LoggerFactory.getLogger(MainWindow.class).warn("no screen titled {}", screenTitle);
            return;
        }
        select(target);
        target.applyFilter(filter == null ? java.util.Map.of() : filter);
    }

    /** The screens of the navigation, in order. */
    public List<Screen> screens() {
        return screens;
    }

    /** The screen shown now, or null while a message is shown. */
    public Screen selected() {
        return navigation.getSelectionModel().getSelectedItem();
    }

    /**
     * Shows a guided tour over the window. Steps whose screen title the window does not have are
     * left out; with none left, nothing is shown and null is returned.
     */
    public GuidedTour showTour(List<GuidedTour.Step> steps, Consumer<Boolean> onClose) {
        List<GuidedTour.Step> present = steps.stream()
                .filter(st -> screens.stream().anyMatch(sc -> sc.title().equalsIgnoreCase(st.screenTitle()))).toList();
        if (present.isEmpty()) {
            return null;
        }
        layers.getChildren().removeIf(n -> n != root);
        GuidedTour tour = new GuidedTour(present, st -> screens.stream()
                .filter(sc -> sc.title().equalsIgnoreCase(st.screenTitle())).findFirst().ifPresent(this::select), onClose);
        layers.getChildren().add(tour.layer());
        tour.start();
        return tour;
    }

    /** Switches to a screen: one of the navigation's, or the screen one of them has built. */
    public void select(Screen screen) {
        navigation.getSelectionModel().select(screens.stream()
                .filter(s -> s == screen || s instanceof DeferredScreen<?> d && d.built() && d.get() == screen)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not a screen of this window: " + screen.title())));
    }

    /** Shows a message in place of the screens (e.g. while the first workspace is prepared). */
    public void showMessage(String text) {
        placeholder.setText(text);
        navigation.getSelectionModel().clearSelection();
        content.getChildren().setAll(placeholder);
    }

    private MenuBar menus() {
        Menu file = new Menu("File");
        MenuItem newWs = item("New workspace…", "Shortcut+N", e -> actions.newWorkspace());
        MenuItem openWs = item("Open workspace…", "Shortcut+O", e -> actions.openWorkspace());
        MenuItem openTeam = item("Open team workspace…", null, e -> actions.openTeamWorkspace());
        openTeam.setId("menuOpenTeam");
        MenuItem importFile = item("Import…", "Shortcut+I", e -> actions.importFile());
        importFile.setId("menuImport");
        MenuItem export = item("Export view…", "Shortcut+E", e -> actions.exportView());
        MenuItem quit = item("Quit", "Shortcut+Q", e -> actions.quit());
        Menu samples = new Menu("Open sample");
        samples.setId("menuSamples");
        for (String title : actions.samples()) {
            samples.getItems().add(item(title, null, e -> actions.openSample(title)));
        }
        samples.setDisable(samples.getItems().isEmpty());
        file.getItems().addAll(newWs, openWs, openTeam, recent, samples, new SeparatorMenuItem(), importFile, export, new SeparatorMenuItem(),
                quit);
        Menu view = new Menu("View");
        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setSelected(actions.darkTheme());
        dark.setOnAction(e -> actions.setDarkTheme(dark.isSelected()));
        view.getItems().add(dark);
        Menu help = new Menu("Help");
        MenuItem tour = item("Guided tour", null, e -> actions.tour());
        tour.setId("menuTour");
        help.getItems().addAll(tour, item("About Workbench", null, e -> actions.about()));
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        refreshRecent();
        return bar;
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (Path p : actions.recentWorkspaces()) {
            MenuItem m = new MenuItem(p.toString());
            m.setOnAction(e -> actions.openRecent(p));
            recent.getItems().add(m);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Consumer<javafx.event.ActionEvent> action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(action::accept);
        return m;
    }

    /** Creates the scene for the stage. */
    public Scene scene(double width, double height) {
        return new Scene(layers, width, height);
    }
}
