package in.workbench.app.desktop;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.views.network.SlowNetworkView;
import in.workbench.views.network.SlowNetworkViewModel;
import in.workbench.views.task.TaskRunner;
import java.util.function.Consumer;

/** Wires the Slow networks screen: the postal directory is read once, on the first load, off the JavaFX thread. */
final class SlowNetworkScreen {

    private SlowNetworkScreen() {
    }

    static SlowNetworkView create(TaskRunner runner, Consumer<Throwable> onError) {
        Object lock = new Object();
        PostalDirectory[] directory = new PostalDirectory[1];
        return new SlowNetworkView(new SlowNetworkViewModel(runner, () -> {
            synchronized (lock) {
                if (directory[0] == null) {
                    directory[0] = PostalDirectory.load();
                }
                return directory[0];
            }
        }, onError));
    }
}
