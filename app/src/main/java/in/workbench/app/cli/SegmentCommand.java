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
@Command(name = "segment", description = {"Segment every address (--input: new addresses; --ids: some): CSV address_id,segments in "
    + "the LABEL=text | ... form of address_labels.csv.", "Also fills the address_segments table and the buildings report (export it with "
    + "`export --table buildings`). Needs `train -w DIR segmentation` first."})
public final class SegmentCommand extends WorkspaceCommand {

    @Mixin
    CsvOutputOption csvOutput;

    @Mixin
    NewAddressOptions addresses;

    @Override
    void checkArguments() {
        if (addresses.conflict() != null) {
            throw usageError(addresses.conflict());
        }
    }

    @Override
    void run(Workspace ws, PrintWriter out) throws java.io.IOException {
        SegmentationModel model = SegmentationModel.load(ws.modelsDir());
        if (addresses.selected()) {
            addresses.writeSelected(ws, options, "Segmenting addresses", csvOutput.file(), out,
                    (parser, rows, csv, progress) -> AddressSegmenting.segmentRows(model, parser, rows, csv, progress),
                    (summary, n, confidence) -> {
                        summary.printf("Segmented %,d addresses (mean confidence %.2f); no table changed. Wrote %s.%n", n, confidence,
                                csvOutput.file());
                        if (options.json()) {
                            JsonSummary.print(summary, JsonSummary.object("model", "segmentation", "addresses", n, "mean_confidence",
                                    confidence));
                        }
                    });
            return;
        }
        AddressSegmenting.Summary s;
        try (TerminalProgress progress = progress("Segmenting addresses")) {
            s = new AddressSegmenting(ws, new AddressParser(PostalDirectory.load())).segmentAll(model, csvOutput.file(), progress);
        }
        int buildings = new BuildingsReport(ws).build(ProgressMonitor.NONE).size();
        out.printf("Segmented %,d addresses (mean confidence %.2f); %,d name a building, grouped into %,d buildings "
                + "(table buildings). Wrote %s.%n", s.addresses(), s.meanConfidence(), s.withBuilding(), buildings, csvOutput.file());
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("model", "segmentation", "addresses", s.addresses(), "mean_confidence",
                    s.meanConfidence(), "with_building", s.withBuilding(), "buildings", buildings));
        }
    }
}
