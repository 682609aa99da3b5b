package in.workbench.views.team;

import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * File ▸ Open team workspace…: a server address and an optional password, with the reason the
 * address cannot be used shown as it is typed; Open stays disabled until it can.
 */
public final class TeamWorkspaceView extends GridPane {

    private final TextField address = new TextField();
    private final PasswordField password = new PasswordField();

    public TeamWorkspaceView(TeamWorkspaceViewModel model) {
        setId("teamWorkspace");
        setHgap(10);
        setVgap(8);
        address.setId("teamAddress");
        address.setPromptText(TeamWorkspaceViewModel.EXAMPLE);
        address.setPrefColumnCount(42);
        address.textProperty().bindBidirectional(model.addressProperty());
        password.setId("teamPassword");
        password.setPromptText("empty: use the PostgreSQL password file (~/.pgpass)");
        password.textProperty().bindBidirectional(model.passwordProperty());
        Label problem = new Label();
        problem.setId("teamProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        Label hint = new Label("Your role on the server (reader, labeler or owner) decides what you may do there. "
                + "The password is never saved.");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("text-muted");
        add(new Label("Server address"), 0, 0);
        add(address, 1, 0);
        add(new Label("Password"), 0, 1);
        add(password, 1, 1);
        add(problem, 1, 2);
        add(hint, 1, 3);
        GridPane.setHgrow(address, Priority.ALWAYS);
    }

    /** The dialog around this view; its Open button is enabled only for a usable address. */
    public static Dialog<ButtonType> dialog(Window owner, TeamWorkspaceViewModel model) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Open team workspace");
        dialog.setHeaderText("Open a workspace on a PostgreSQL server");
        ButtonType open = new ButtonType("Open", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new TeamWorkspaceView(model));
        dialog.getDialogPane().lookupButton(open).disableProperty().bind(model.problemProperty().isNotEmpty());
        return dialog;
    }

    /** Shows the dialog and waits; true when the analyst chose Open. */
    public static boolean ask(Window owner, TeamWorkspaceViewModel model) {
        Optional<ButtonType> answer = dialog(owner, model).showAndWait();
        return answer.isPresent() && answer.get().getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE;
    }
}
