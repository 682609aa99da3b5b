package in.workbench.analytics.packaging;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The damage probability of every product in every package type of the ladder, by a trained
 * {@link PackagingModel}: computed, written to {@code packaging_predictions}, and exported as
 * the CSV {@code product_id,package_type,p_damage}. Thread-safe.
 */
public final class PackagingPredictions {

    private PackagingPredictions() {
    }

    /**
     * Predictions in ladder order.
     *
     * @param productIds the products, in the order of {@code damage}'s rows
     * @param damage p(damage) per product (rows) and package of the ladder (columns)
     */
    public record Matrix(PackageLadder ladder, List<String> productIds, double[][] damage) {
    }

    /** Predicts every product. */
    public static Matrix predict(PackagingModel model, List<ProductRow> products) {
        double[][] p = new double[products.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.damage(products.get(i));
        }
        return new Matrix(model.ladder(), products.stream().map(ProductRow::id).toList(), p);
    }

    /** Predicts every product and replaces packaging_predictions with the result. */
    public static Matrix write(PackagingRepository repository, PackagingModel model, List<ProductRow> products) {
        Matrix m = predict(model, products);
        repository.writePredictions(m.ladder(), m.productIds(), m.damage());
        return m;
    }

    /** Writes the CSV {@code product_id,package_type,p_damage}, one row per product and package type. */
    public static void writeCsv(Matrix m, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(new String[] {"product_id", "package_type", "p_damage"}, false);
            for (int i = 0; i < m.productIds().size(); i++) {
                for (int k = 0; k < m.ladder().size(); k++) {
                    out.writeNext(new String[] {m.productIds().get(i), m.ladder().packages().get(k).name(),
                        String.format(Locale.ROOT, "%.6f", m.damage()[i][k])}, false);
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
