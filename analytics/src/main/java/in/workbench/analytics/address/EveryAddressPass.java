package in.workbench.analytics.address;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A model's pass over every address of a workspace, as scoring and segmenting make it: the
 * addresses in batches, in address order; each batch's result rows go to the feature's results
 * table, which its store replaces in one transaction (all or nothing), and each address is also
 * written as a line of an optional CSV. Between batches the pass checks for cancel and reports
 * "N of M addresses scored". Immutable and thread-safe: each {@link #run} keeps its counts to itself.
 */
public final class EveryAddressPass {

    /** What the feature makes of one batch: the rows of its table, and its CSV lines written to {@code csv}. */
    @FunctionalInterface
    public interface Results {
        List<Object[]> of(List<NewAddresses.Row> batch, ICSVWriter csv);
    }

    /**
     * The feature's store replacing its results table with what {@code results} makes of every
     * address, in one transaction; returns how many addresses it read.
     */
    @FunctionalInterface
    public interface Replacement {
        long replace(AddressStore.BatchResults results);
    }

    private final Workspace workspace;
    private final String verb;
    private final String[] csvHeader;

    /**
     * @param verb what was done to an address, for the progress line ("scored", "segmented")
     * @param csvHeader the CSV's header
     */
    public EveryAddressPass(Workspace workspace, String verb, String... csvHeader) {
        this.workspace = workspace;
        this.verb = verb;
        this.csvHeader = csvHeader.clone();
    }

    /**
     * Runs the pass; writes the CSV when {@code csv} is not null. A workspace without addresses is
     * refused before anything is written.
     *
     * @return how many addresses the pass read
     * @throws IOException when the CSV cannot be written (the caller says what to do about it)
     */
    public long run(Path csv, Replacement replacement, Results results, ProgressMonitor monitor) throws IOException {
        long total = new AddressStore(workspace).requireAddresses();
        long[] done = {0};
        try (Writer w = csv == null ? Writer.nullWriter() : Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(csvHeader, false);
            replacement.replace(batch -> {
                monitor.checkCancelled();
                List<Object[]> rows = results.of(batch, out);
                done[0] += batch.size();
                monitor.update(done[0], total, String.format("%,d of %,d addresses %s", done[0], total, verb));
                return rows;
            });
        }
        return done[0];
    }
}
