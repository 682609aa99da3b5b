package in.workbench.app.desktop;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.views.network.SlowNetworkViewModel;
import in.workbench.views.task.TaskRunner;
import java.util.function.Consumer;

/** Wires the Slow networks screen: the process's postal directory is read on its first load, off the JavaFX thread. */
final class SlowNetworkScreen {

    private SlowNetworkScreen() {
    }

    /** Its view model, which reads the directory on its first load. */
    static SlowNetworkViewModel model(TaskRunner runner, Consumer<Throwable> onError) {
        return new SlowNetworkViewModel(runner, PostalDirectory::load, onError);
    }
}
