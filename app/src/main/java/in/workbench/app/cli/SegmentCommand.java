package in.workbench.app.cli;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.AddressSegmenting;
import in.workbench.analytics.segmentation.BuildingsReport;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code workbench segment -w DIR -o FILE}: segments every address with the workspace's
 * segmentation model (CSV {@code address_id,segments}) and refreshes the buildings report.
 */
@Command(name = "segment", description = {"Segment every address: CSV address_id,segments in the LABEL=text | ... form of "
    + "address_labels.csv.", "Also fills the address_segments table and the buildings report (export it with "
    + "`export --table buildings`). Needs `train -w DIR segmentation` first."})
public final class SegmentCommand extends CsvReportCommand {

    @Mixin
    CsvOutputOption csvOutput;

    @Override
    void write(Workspace ws, PrintWriter out) {
        SegmentationModel model = SegmentationModel.load(ws.modelsDir());
        AddressSegmenting.Summary s;
        try (TerminalProgress progress = progress("Segmenting addresses")) {
            s = new AddressSegmenting(ws, new AddressParser(PostalDirectory.load())).segmentAll(model, csvOutput.file(), progress);
        }
        int buildings = new BuildingsReport(ws).build(ProgressMonitor.NONE).size();
        out.printf("Segmented %,d addresses (mean confidence %.2f); %,d name a building, grouped into %,d buildings "
                + "(table buildings). Wrote %s.%n", s.addresses(), s.meanConfidence(), s.withBuilding(), buildings, csvOutput.file());
        if (options.json()) {
            out.printf(java.util.Locale.ROOT, "{\"model\":\"segmentation\",\"addresses\":%d,\"mean_confidence\":%.4f,"
                    + "\"with_building\":%d,\"buildings\":%d}%n", s.addresses(), s.meanConfidence(), s.withBuilding(), buildings);
        }
    }
}
