package in.workbench.app.desktop;

import in.workbench.views.crisp.CrispView;
import in.workbench.views.crisp.CrispViewModel;
import java.io.File;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Wires the Infection risk (CRISP) screen: its view model and a save dialog for exports. */
final class CrispScreens {

    private CrispScreens() {
    }

    /** The screen on a view model that may already have loaded (DeferredScreen.loadingFirst). */
    static CrispView create(CrispViewModel model, Window owner) {
        return new CrispView(model, suggested -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the risk ranking (health data)");
            chooser.setInitialFileName(suggested);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        });
    }
}
