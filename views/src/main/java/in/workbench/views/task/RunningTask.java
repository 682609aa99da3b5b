package in.workbench.views.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A piece of background work as the status bar sees it: title, progress, message, cancel. */
public interface RunningTask {

    ReadOnlyStringProperty titleProperty();

    /** Progress 0–1, or -1 while unknown. */
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    /** Asks the work to stop; it undoes what it changed and ends without calling back. */
    void cancel();
}
