package in.workbench.app.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.PasswordSource;
import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on one team workspace opened by two analysts in turn: the owner, then a reader. Each
 * sees the same rows, and the status bar says whose role it is. Screenshots go to
 * target/screenshots (team-workspace-owner.png, team-workspace-reader.png; the README shows them).
 * Needs the PostgreSQL test server ({@code .ci/postgres start}); skipped without it.
 */
class TeamWorkspaceWindowTest {

    static Path home;
    static WorkbenchApplication app;
    static Stage stage;
    static final FxRobot robot = new FxRobot();
    static ServerAddress address;

    @BeforeAll
    static void start() throws Exception {
        String url = System.getenv("WORKBENCH_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            Assumptions.assumeFalse("true".equalsIgnoreCase(System.getenv("WORKBENCH_TEST_PG_REQUIRED")), "the server is required");
            Assumptions.assumeTrue(false, "No PostgreSQL test server (WORKBENCH_TEST_PG_URL)");
        }
        home = Files.createTempDirectory("workbench-team-home");
        System.setProperty("workbench.home", home.toString());
        System.setProperty("workbench.noTour", "true");
        address = ServerAddress.parse(url + "?currentSchema=west" + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
        try (Workspace owner = Workspace.openServer(address, PasswordSource.NONE, home.resolve("setup"))) {
            StringBuilder csv = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
                    + "promised_days,delivered_days,attempts,status\n");
            for (int i = 1; i <= 240; i++) {
                csv.append("S").append(i).append(",2026-0").append(1 + i % 9).append("-1").append(i % 10).append(",P").append(i % 12)
                        .append(",A").append(i % 40).append(",polybag,1,").append(45 + i % 20).append(",3,").append(2 + i % 4)
                        .append(",1,delivered\n");
            }
            Path file = Files.writeString(home.resolve("shipments.csv"), csv);
            new CsvImporter(owner).importFile(file, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        }
        Path start = home.resolve("start");
        Workspace.open(start).close();
        System.setProperty(Main.OPEN_WORKSPACE_PROPERTY, start.toString());
        stage = FxToolkit.registerPrimaryStage();
        app = (WorkbenchApplication) FxToolkit.setupApplication(WorkbenchApplication.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.workspace() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty("workbench.home");
        System.clearProperty("workbench.noTour");
        System.clearProperty(Main.OPEN_WORKSPACE_PROPERTY);
    }

    private static void showAs(String login, String screenshot) throws Exception {
        Workspace ws = Workspace.openServer(address.as(login), PasswordSource.NONE,
                Workspace.defaultLocalFolder(address.as(login)));
        robot.interact(() -> app.show(ws));
        robot.interact(() -> app.window().open("Overview", java.util.Map.of()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#count-shipments").tryQuery()
                .map(n -> "240".equals(((Label) n).getText())).orElse(false));
        Thread.sleep(1_500);
        WaitForAsyncUtils.waitForFxEvents();
        WindowScreenshots.save(robot, stage.getScene().getRoot(), screenshot);
    }

    @Test
    void theOwnerAndAReaderOpenTheSameServerWorkspaceAndSeeTheirRoles() throws Exception {
        showAs("wb_owner", "team-workspace-owner");
        String owner = robot.lookup("#workspaceLocation").queryAs(Label.class).getText();
        assertTrue(owner.contains("wb_owner@") && owner.contains("you are an owner"), owner);
        showAs("wb_reader", "team-workspace-reader");
        String reader = robot.lookup("#workspaceLocation").queryAs(Label.class).getText();
        assertTrue(reader.contains("wb_reader@") && reader.contains("you are a reader"), reader);
        // The reader lacks the health-data grant: the Infection risk screen says so in place, and no error window opens.
        robot.interact(() -> app.window().open("Infection risk", java.util.Map.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup((Label l) -> l.getText() != null && l.getText().contains("shown only to owners and members of the "
                + "PostgreSQL role workbench_health")).tryQuery().isPresent(), "the screen explains the missing grant");
        Thread.sleep(1_000);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> others = new java.util.ArrayList<>();
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage && w != stage && w.isShowing())
                .forEach(w -> others.add(((Stage) w).getTitle())));
        assertTrue(others.isEmpty(), "no other window opens (an error dialog would): " + others);
    }
}
