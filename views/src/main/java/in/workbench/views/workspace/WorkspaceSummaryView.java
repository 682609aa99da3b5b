package in.workbench.views.workspace;

import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.Screen;
import in.workbench.views.task.Failures;
import in.workbench.views.task.TaskRunner;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The workspace at a glance: where it is, how many rows each table holds, unresolved references, models. */
public final class WorkspaceSummaryView implements Screen {

    private final TaskRunner runner;
    private final VBox root = new VBox(12);
    private final GridPane counts = new GridPane();
    private final Label heading = new Label("Workspace");
    private final Label unresolved = new Label();
    private final Label models = new Label();

    public WorkspaceSummaryView(TaskRunner runner) {
        this.runner = runner;
        heading.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        counts.setHgap(24);
        counts.setVgap(6);
        counts.setId("workspaceCounts");
        unresolved.setWrapText(true);
        unresolved.setId("unresolved");
        root.setPadding(new Insets(16));
        root.getChildren().addAll(heading, counts, unresolved, models);
    }

    @Override
    public String title() {
        return "Workspace";
    }

    @Override
    public Node view() {
        return root;
    }

    private record Summary(Map<String, Long> counts, UnresolvedReferences.Counts unresolved, Map<String, String> models) {
    }

    @Override
    public void onWorkspaceChanged(Workspace workspace) {
        heading.setText("Workspace " + workspace.folder().getFileName());
        runner.submit("Counting rows", m -> new Summary(workspace.rowCounts(), new UnresolvedReferences(workspace).count(),
                workspace.trainedModels()), s -> {
                    counts.getChildren().clear();
                    int row = 0;
                    for (Map.Entry<String, Long> e : s.counts().entrySet()) {
                        Label n = new Label(String.format("%,d", e.getValue()));
                        n.setId("count-" + e.getKey());
                        counts.addRow(row++, new Label(e.getKey().replace('_', ' ')), n);
                    }
                    UnresolvedReferences.Counts u = s.unresolved();
                    unresolved.setText(u.total() == 0 ? "Every shipment refers to a product, an address and a package type of the workspace."
                            : String.format("Waiting for other files: %,d shipments without their product, %,d without their address, "
                                    + "%,d with a package type not on the ladder, %,d labels for unknown addresses. They resolve when "
                                    + "the missing file is imported.", u.shipmentsWithoutProduct(), u.shipmentsWithoutAddress(),
                                    u.shipmentsWithoutPackage(), u.labelsWithoutAddress()));
                    models.setText(s.models().isEmpty() ? "No trained models yet." : "Trained models: " + String.join(", ", s.models().keySet()));
                }, e -> unresolved.setText(Failures.sentenceFor(e)));
    }
}
