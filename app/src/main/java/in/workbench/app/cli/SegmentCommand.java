package in.workbench.app.cli;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.AddressSegmenting;
import in.workbench.analytics.segmentation.BuildingsReport;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code workbench segment -w DIR -o FILE}: segments every address with the workspace's
 * segmentation model (CSV {@code address_id,segments}) and refreshes the buildings report.
 */
@Command(name = "segment", description = {"Segment every address: CSV address_id,segments in the LABEL=text | ... form of "
    + "address_labels.csv.", "Also fills the address_segments table and the buildings report (export it with "
    + "`export --table buildings`). Needs `train -w DIR segmentation` first."})
public final class SegmentCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOptions options;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The CSV file to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            SegmentationModel model = SegmentationModel.load(ws.modelsDir());
            AddressSegmenting.Summary s;
            try (TerminalProgress progress = new TerminalProgress("Segmenting addresses", options.quiet(), System.err)) {
                s = new AddressSegmenting(ws, new AddressParser(PostalDirectory.load())).segmentAll(model, output, progress);
            }
            int buildings = new BuildingsReport(ws).build(ProgressMonitor.NONE).size();
            out.printf("Segmented %,d addresses (mean confidence %.2f); %,d name a building, grouped into %,d buildings "
                    + "(table buildings). Wrote %s.%n", s.addresses(), s.meanConfidence(), s.withBuilding(), buildings, output);
            if (options.json()) {
                out.printf(java.util.Locale.ROOT, "{\"model\":\"segmentation\",\"addresses\":%d,\"mean_confidence\":%.4f,"
                        + "\"with_building\":%d,\"buildings\":%d}%n", s.addresses(), s.meanConfidence(), s.withBuilding(), buildings);
            }
        }
        return 0;
    }
}
