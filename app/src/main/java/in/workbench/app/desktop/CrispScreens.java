package in.workbench.app.desktop;

import in.workbench.views.crisp.CrispView;
import in.workbench.views.crisp.CrispViewModel;
import in.workbench.views.task.TaskRunner;
import java.io.File;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Wires the Infection risk (CRISP) screen: its view model and a save dialog for exports. */
final class CrispScreens {

    private CrispScreens() {
    }

    static CrispView create(TaskRunner runner, Consumer<Throwable> fail, Window owner) {
        return new CrispView(new CrispViewModel(runner, fail), suggested -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the risk ranking (health data)");
            chooser.setInitialFileName(suggested);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        });
    }
}
