package in.workbench.app.desktop;

import in.workbench.analytics.workspace.ServerAddress;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.FxDialogService;
import in.workbench.views.task.Failures;
import in.workbench.views.task.TaskRunner;
import in.workbench.views.team.TeamWorkspaceView;
import in.workbench.views.team.TeamWorkspaceViewModel;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * File ▸ Open team workspace…: asks for the address (and a password the password file may lack),
 * opens the workspace on a worker, and tells the analyst when it opened read-only or with a role
 * that limits what they may do. On failure the current workspace stays open.
 */
final class TeamWorkspaceOpening {

    private TeamWorkspaceOpening() {
    }

    static void ask(Window owner, TaskRunner runner, FxDialogService dialogs, Consumer<Workspace> show, Workspace current) {
        TeamWorkspaceViewModel model = new TeamWorkspaceViewModel();
        if (!TeamWorkspaceView.ask(owner, model)) {
            model.forgetPassword();
            return;
        }
        ServerAddress address = model.parsed().orElseThrow();
        var passwords = model.passwords();
        model.forgetPassword();
        runner.submit("Opening " + address.displayName(),
                m -> Workspace.openServer(address, passwords, Workspace.defaultLocalFolder(address)),
                opened -> {
                    show.accept(opened);
                    opened.readOnlyReason().ifPresentOrElse(reason -> dialogs.showInformation("Team workspace", reason),
                            () -> dialogs.showInformation("Team workspace", "Opened " + address.displayName() + " as "
                                    + address.user() + ", a " + opened.role().word() + " there."));
                },
                e -> dialogs.showError(Failures.sentenceFor(e)
                        + (current == null ? "" : " The workspace " + current.folder().getFileName() + " stays open."), e));
    }
}
