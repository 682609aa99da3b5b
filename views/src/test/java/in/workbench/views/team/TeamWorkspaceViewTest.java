package in.workbench.views.team;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The Open team workspace dialog, headless: Open is enabled only for a usable address; screenshot under target/screenshots. */
class TeamWorkspaceViewTest {

    static Stage stage;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @Test
    void openIsEnabledOnlyOnceTheAddressCanBeUsed() throws Exception {
        TeamWorkspaceViewModel model = new TeamWorkspaceViewModel();
        AtomicReference<DialogPane> pane = new AtomicReference<>();
        robot.interact(() -> {
            Dialog<ButtonType> dialog = TeamWorkspaceView.dialog(null, model);
            DialogPane p = dialog.getDialogPane();
            p.getScene().setRoot(new javafx.scene.layout.Region());
            pane.set(p);
            stage.setScene(new Scene(p, 760, 320));
            stage.show();
        });
        Button open = (Button) pane.get().lookupButton(pane.get().getButtonTypes().get(0));
        assertTrue(open.isDisabled());
        robot.interact(() -> ((TextField) pane.get().lookup("#teamAddress")).setText("postgresql://priya:pw@db/team"));
        assertTrue(open.isDisabled());
        assertTrue(((Label) pane.get().lookup("#teamProblem")).getText().contains("password file"));
        robot.interact(() -> ((TextField) pane.get().lookup("#teamAddress"))
                .setText("postgresql://priya@db.team.in:5432/workbench?currentSchema=west&sslmode=require"));
        assertTrue(!open.isDisabled());
        assertEquals("", ((Label) pane.get().lookup("#teamProblem")).getText());
        screenshot(pane.get(), "open-team-workspace");
    }

    static void screenshot(Node node, String name) throws Exception {
        Screenshots.write(robot, node.getScene().getRoot(), name);
    }
}
