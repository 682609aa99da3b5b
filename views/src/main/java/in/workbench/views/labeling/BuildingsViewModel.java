package in.workbench.views.labeling;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.browse.TableQuery;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.export.ExportResult;
import in.workbench.analytics.segmentation.AddressSegmenting;
import in.workbench.analytics.segmentation.BuildingsReport;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Buildings screen's state: the buildings report (the largest {@value #SHOWN} buildings; the
 * whole report is the {@code buildings} table of the Data browser), and the action that segments
 * every address and rebuilds the report in the background (training the segmenter first if the
 * workspace has none). Used on the JavaFX thread.
 */
public final class BuildingsViewModel {

    /** Buildings listed on screen at most. */
    static final int SHOWN = 500;

    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;
    private final Supplier<AddressParser> parser;
    private final ObservableList<BuildingsReport.Building> buildings = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private Workspace workspace;

    public BuildingsViewModel(TaskRunner runner, Consumer<Throwable> onFailure, Supplier<AddressParser> parser) {
        this.runner = runner;
        this.onFailure = onFailure;
        this.parser = parser;
    }

    /** Shows the report already in the workspace. */
    public void setWorkspace(Workspace ws) {
        workspace = ws;
        buildings.clear();
        runner.submit(TaskRunner.Lane.QUICK, "Reading the buildings report", m -> read(ws), this::show, onFailure);
    }

    private static List<BuildingsReport.Building> read(Workspace ws) {
        return new BuildingsReport(ws).largest(SHOWN);
    }

    private void show(List<BuildingsReport.Building> list) {
        buildings.setAll(list);
        summary.set(list.isEmpty() ? "No buildings found yet. Press Find buildings: every address is segmented and the BUILDING "
                + "parts grouped (spelling variants together)." : String.format(Locale.ROOT, "%,d buildings shown, most addresses first "
                + "(the whole report is the table buildings in the Data browser).", list.size()));
    }

    /** Segments every address (training the segmenter first when needed) and rebuilds the report. */
    public void findBuildings() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        runner.submit("Finding buildings", m -> {
            AddressParser p = parser.get();
            SegmentationModel model = SegmentationModel.exists(ws.modelsDir()) ? SegmentationModel.load(ws.modelsDir())
                    : new SegmentationTrainer(p).trainAndSave(ws, SegmentationTrainer.Settings.defaults(42), m).model();
            new AddressSegmenting(ws, p).segmentAll(model, null, m);
            new BuildingsReport(ws).build(ProgressMonitor.NONE);
            return read(ws);
        }, this::show, onFailure);
    }

    /** Exports the whole report (table buildings) as CSV with provenance. */
    public void export(Path file, Consumer<ExportResult> done) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        runner.submit("Exporting buildings", m -> new CsvExporter(ws).export(TableQuery.all("buildings"), file, m), done, onFailure);
    }

    public ObservableList<BuildingsReport.Building> buildings() {
        return buildings;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
