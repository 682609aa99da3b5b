package in.workbench.analytics.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review side of catalog quality: what precision to expect of the flags at a confidence
 * threshold (from the models' held-out evaluations, and for images from their agreement with filled
 * colour attributes), and the corrections CSV of accepted and edited decisions.
 *
 * <p>Stateless apart from the workspace; thread-safe.
 */
public final class CatalogReview {

    static final String IMAGE_AGREEMENT_SETTING = "catalog.image_agreement";
    /** The corrections CSV's columns, in order. */
    public static final List<String> CORRECTION_COLUMNS = List.of("product_id", "attribute", "old_value", "new_value", "source",
            "confidence", "decided_by", "decided_at");

    private final Workspace ws;

    public CatalogReview(Workspace ws) {
        this.ws = ws;
    }

    /**
     * The expected precision at {@code threshold} of each kind of evidence the workspace has models
     * for: "colour from titles", "material from titles", "category check", "image colour".
     */
    public Map<String, Double> expectedPrecision(double threshold) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (CatalogModels.exists(ws, CatalogModels.ATTRIBUTES)) {
            Map<String, AttributeTrainer.Evaluation> evaluations = CatalogModels.attributeEvaluations(ws);
            for (String attr : List.of("color", "material")) {
                AttributeTrainer.Evaluation e = evaluations.get(attr);
                if (e != null) {
                    out.put((attr.equals("color") ? "colour" : attr) + " from titles", e.precisionAt(threshold));
                }
            }
        }
        if (CatalogModels.exists(ws, CatalogModels.CATEGORY)) {
            out.put("category check", CatalogModels.categoryEvaluation(ws).precisionAt(threshold));
        }
        ws.setting(IMAGE_AGREEMENT_SETTING).ifPresent(json -> {
            Double p = precisionFromCurve(json, threshold);
            if (p != null) {
                out.put("image colour", p);
            }
        });
        return out;
    }

    /** Writes the corrections (accepted and edited decisions) as CSV; returns how many rows. */
    public int exportCorrections(Path file) {
        List<CatalogStore.Decision> rows = new CatalogStore(ws).corrections();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVWriter csv = new CSVWriter(w)) {
                csv.writeNext(CORRECTION_COLUMNS.toArray(new String[0]), false);
                for (CatalogStore.Decision d : rows) {
                    csv.writeNext(new String[] {CsvExporter.spreadsheetSafe(d.productId()), d.attribute(), CsvExporter.spreadsheetSafe(nz(d.oldValue())),
                        CsvExporter.spreadsheetSafe(nz(d.newValue())), d.source(),
                        d.confidence() == null ? "" : String.format(Locale.ROOT, "%.4f", d.confidence()), d.decidedBy(),
                        d.decidedAt().toString()}, false);
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Cannot write " + file + ": " + e.getMessage() + ". Choose a writable file.", e);
        }
        return rows.size();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** (confidence, agrees 0/1) pairs to a JSON curve of agreement at thresholds 0.30 … 0.99. */
    static String curveJson(List<double[]> pairs) {
        List<double[]> curve = new ArrayList<>();
        for (int t = 30; t <= 99; t++) {
            double th = t / 100.0;
            long n = 0;
            long ok = 0;
            for (double[] p : pairs) {
                if (p[0] >= th) {
                    n++;
                    ok += (long) p[1];
                }
            }
            if (n > 0) {
                curve.add(new double[] {th, ok / (double) n, n});
            }
        }
        try {
            return new ObjectMapper().writeValueAsString(curve);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not record the image agreement: " + e.getMessage(), e);
        }
    }

    static Double precisionFromCurve(String json, double threshold) {
        try {
            double[][] curve = new ObjectMapper().readValue(json, double[][].class);
            Double best = null;
            for (double[] c : curve) {
                if (best == null || c[0] <= threshold + 1e-9) {
                    best = c[1];
                }
            }
            return best;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
