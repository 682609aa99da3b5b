package in.workbench.analytics.labeling;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges another analyst's address_labels.csv into the workspace: first compares it with the
 * labels already there from other analysts (Cohen's kappa on the addresses both labelled, and the
 * list of disagreements to resolve), then imports it through the normal import (all or nothing,
 * bad rows rejected one by one, labels of addresses not in the workspace kept and reported as
 * unresolved). Thread-safe.
 */
public final class LabelMerge {

    private final Workspace workspace;

    public LabelMerge(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One address two analysts labelled differently. */
    public record Disagreement(String addressId, String addressText, String ours, String ourAnalyst, String theirs, String theirAnalyst) {
    }

    /**
     * How the file agrees with the workspace.
     *
     * @param fileLabels rows of the file with a usable address id and label
     * @param unknownAddresses distinct address ids of the file that the workspace does not hold
     * @param overlap addresses labelled in both, by different analysts
     * @param kappa Cohen's kappa on the overlap (NaN when there is none)
     */
    public record Agreement(long fileLabels, Set<String> analystsInFile, long unknownAddresses, long overlap, long agreeing, double kappa,
            List<Disagreement> disagreements) {

        /** One plain sentence for the analyst. */
        public String sentence() {
            String k = overlap == 0 ? "no address was labelled by both, so there is no agreement to measure"
                    : String.format(Locale.ROOT, "%d addresses were labelled by both; they agree on %d (Cohen's kappa %.2f), "
                            + "%d disagreements to resolve", overlap, agreeing, kappa, overlap - agreeing);
            String unknown = unknownAddresses == 0 ? "" : String.format(Locale.ROOT, " %d labels are for addresses this workspace does "
                    + "not hold; they are kept and count once those addresses are imported.", unknownAddresses);
            return String.format(Locale.ROOT, "The file holds %d labels by %s: %s.%s", fileLabels, String.join(", ", analystsInFile), k,
                    unknown);
        }
    }

    /** The merge: agreement measured before the import, and the import's summary. */
    public record Result(Agreement agreement, ImportSummary imported) {
    }

    /** Compares the file with the workspace's labels without changing anything. */
    public Agreement compare(Path file) {
        Map<String, String[]> theirs = new LinkedHashMap<>();
        Set<String> analysts = new TreeSet<>();
        long rows = 0;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            String[] header = csv.readNext();
            if (header == null) {
                throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " is empty. Choose an address_labels.csv export.");
            }
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                col.put(header[i].replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
            }
            for (String required : List.of("address_id", "label", "labeled_by", "labeled_at")) {
                if (!col.containsKey(required)) {
                    throw new WorkbenchException(Kind.INPUT_UNUSABLE, file.getFileName() + " has no column " + required
                            + ". Choose an address_labels.csv export (address_id,label,segments,labeled_by,labeled_at).");
                }
            }
            String[] row;
            while ((row = csv.readNext()) != null) {
                if (row.length < header.length) {
                    continue;
                }
                String id = row[col.get("address_id")].trim();
                String label = row[col.get("label")].trim().toLowerCase(Locale.ROOT);
                String by = row[col.get("labeled_by")].trim();
                String at = row[col.get("labeled_at")].trim();
                if (id.isEmpty() || !LabelStore.LABELS.contains(label)) {
                    continue;
                }
                rows++;
                analysts.add(by);
                String[] previous = theirs.get(id);
                if (previous == null || previous[2].compareTo(at) <= 0) {
                    theirs.put(id, new String[] {label, by, at});
                }
            }
        } catch (IOException | CsvException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not read " + file + ": " + e.getMessage() + ". Nothing was changed.", e);
        }
        LabelStore store = new LabelStore(workspace);
        Map<String, String[]> ours = new HashMap<>();
        for (LabelStore.AnalystLabel l : store.newestLabelPerAnalyst()) {
            if (theirs.containsKey(l.addressId()) && !analysts.contains(l.analyst())) {
                ours.putIfAbsent(l.addressId(), new String[] {l.label(), l.analyst()});
            }
        }
        Map<String, String> texts = store.addressTexts(theirs.keySet());
        long unknown = theirs.keySet().stream().filter(id -> !texts.containsKey(id)).count();
        List<String[]> pairs = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        for (Map.Entry<String, String[]> e : ours.entrySet()) {
            String[] t = theirs.get(e.getKey());
            pairs.add(new String[] {e.getValue()[0], t[0]});
            if (!e.getValue()[0].equals(t[0])) {
                disagreements.add(new Disagreement(e.getKey(), texts.get(e.getKey()), e.getValue()[0], e.getValue()[1], t[0], t[1]));
            }
        }
        disagreements.sort(java.util.Comparator.comparing(Disagreement::addressId));
        return new Agreement(rows, analysts, unknown, pairs.size(), pairs.size() - disagreements.size(), kappa(pairs), disagreements);
    }

    /** Compares, then imports the file as labels (all or nothing). */
    public Result merge(Path file, ProgressMonitor monitor) {
        Agreement a = compare(file);
        ImportSummary s = new CsvImporter(workspace).importFile(file, DataTable.ADDRESS_LABELS, ImportOptions.defaults(), monitor);
        return new Result(a, s);
    }

    /** Cohen's kappa of pairs of labels (NaN for no pairs; 1 when both always use one same label). */
    public static double kappa(List<String[]> pairs) {
        if (pairs.isEmpty()) {
            return Double.NaN;
        }
        Map<String, double[]> marginals = new HashMap<>();
        double agree = 0;
        for (String[] p : pairs) {
            marginals.computeIfAbsent(p[0], k -> new double[2])[0]++;
            marginals.computeIfAbsent(p[1], k -> new double[2])[1]++;
            agree += p[0].equals(p[1]) ? 1 : 0;
        }
        double n = pairs.size();
        double po = agree / n;
        double pe = 0;
        for (double[] m : marginals.values()) {
            pe += (m[0] / n) * (m[1] / n);
        }
        return pe >= 1 ? (po >= 1 ? 1 : 0) : (po - pe) / (1 - pe);
    }
}
