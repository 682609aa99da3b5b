package in.workbench.views.labeling;

import in.workbench.analytics.labeling.LabelMerge;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.workspace.TeamRole;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Labeling screen's label files: export the workspace's labels as address_labels.csv, and
 * merge another analyst's file (agreement first, then the import), both in the background.
 *
 * <p>Used on the JavaFX thread only.
 */
public final class LabelFiles {

    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;

    public LabelFiles(TaskRunner runner, Consumer<Throwable> onFailure) {
        this.runner = runner;
        this.onFailure = onFailure;
    }

    /** Writes the labels of {@code ws} to {@code file}; {@code done} gets the sentence to show. */
    public void export(Workspace ws, Path file, Consumer<String> done) {
        runner.submit(TaskRunner.Lane.QUICK, "Exporting labels", m -> new LabelStore(ws).exportCsv(file),
                rows -> done.accept(String.format(Locale.ROOT, "Wrote %,d labels to %s.", rows, file)), onFailure);
    }

    /** Merges another analyst's address_labels.csv into {@code ws} (a labeler's right on a team workspace). */
    public void merge(Workspace ws, Path file, Consumer<LabelMerge.Result> done) {
        runner.submit("Merging labels from " + file.getFileName(), m -> {
            ws.require(TeamRole.Right.LABEL, "merge labels");
            return new LabelMerge(ws).merge(file, m);
        }, done, onFailure);
    }
}
