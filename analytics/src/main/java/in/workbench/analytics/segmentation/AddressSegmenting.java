package in.workbench.analytics.segmentation;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.EveryAddressPass;
import in.workbench.analytics.address.NewAddresses;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments every address of a workspace with its segmentation model into the
 * {@code address_segments} table (one transaction: all or nothing) and optionally a CSV
 * {@code address_id,segments} in the {@code LABEL=text | …} form. Thread-safe.
 */
public final class AddressSegmenting {

    private static final int BATCH = 2_000;

    private final Workspace workspace;
    private final AddressParser parser;

    public AddressSegmenting(Workspace workspace, AddressParser parser) {
        this.workspace = workspace;
        this.parser = parser;
    }

    /** What segmenting did. */
    public record Summary(long addresses, double meanConfidence, long withBuilding) {
    }

    /**
     * Segments addresses given as rows (new addresses, or some of the workspace's) and writes
     * {@code address_id,segments}, touching no table; returns the mean confidence.
     */
    public static double segmentRows(SegmentationModel model, AddressParser parser, List<NewAddresses.Row> rows, Writer out,
            ProgressMonitor monitor) {
        double confidence = 0;
        ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n");
        csv.writeNext(new String[] {"address_id", "segments"}, false);
        int done = 0;
        for (NewAddresses.Row r : rows) {
            Segmentation s = model.segment(parser, r.text(), r.pincode());
            csv.writeNext(new String[] {r.id(), s.format()}, false);
            confidence += s.meanConfidence();
            if (++done % BATCH == 0) {
                monitor.checkCancelled();
                monitor.update(done, rows.size(), String.format("%,d of %,d addresses segmented", done, rows.size()));
            }
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write the segments: " + e.getMessage(), e);
        }
        return rows.isEmpty() ? 1 : confidence / rows.size();
    }

    /** Segments all addresses; writes the CSV when {@code csv} is not null. */
    public Summary segmentAll(SegmentationModel model, Path csv, ProgressMonitor monitor) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        double[] confidenceSum = {0};
        long[] withBuilding = {0};
        EveryAddressPass pass = new EveryAddressPass(workspace, "segmented", "address_id", "segments");
        long done;
        try {
            done = pass.run(csv, results -> new SegmentationStore(workspace).replaceSegments(BATCH, results), (batch, out) -> {
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (NewAddresses.Row a : batch) {
                    Segmentation seg = model.segment(parser, a.text(), a.pincode());
                    String formatted = seg.format();
                    rows.add(new Object[] {a.id(), formatted, seg.meanConfidence(), now});
                    out.writeNext(new String[] {a.id(), formatted}, false);
                    confidenceSum[0] += seg.meanConfidence();
                    withBuilding[0] += seg.texts(SegmentLabel.BUILDING).isEmpty() ? 0 : 1;
                }
                return rows;
            }, monitor);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + csv + ": " + e.getMessage() + ". Choose another file.", e);
        }
        monitor.update(done, done, "done");
        return new Summary(done, done == 0 ? 1 : confidenceSum[0] / done, withBuilding[0]);
    }
}
