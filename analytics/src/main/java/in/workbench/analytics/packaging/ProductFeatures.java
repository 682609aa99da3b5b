package in.workbench.analytics.packaging;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a product into the damage model's features: category and subcategory (one-hot), title
 * words seen in enough training products (one-hot), log weight, log dimensions, log volume and
 * log price standardised with the training products' mean and standard deviation (a missing
 * value counts as the mean plus a "missing" flag), fragile and liquid (0/1).
 *
 * <p>The vocabulary and the standardisation are learned once from the training products and
 * then fixed, so predictions do not depend on which other products are scored. Immutable and
 * thread-safe after {@link #learn}.
 */
public final class ProductFeatures implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The names of the structured (non-word) numeric features. */
    public static final List<String> NUMERIC = List.of("log_weight", "log_length", "log_width", "log_height", "log_volume", "log_price");
    private static final Set<String> STOP_WORDS = Set.of("with", "for", "and", "the", "pack", "set", "of", "in", "new", "combo");

    private final Set<String> vocabulary;
    private final double[] mean;
    private final double[] sd;

    private ProductFeatures(Set<String> vocabulary, double[] mean, double[] sd) {
        this.vocabulary = vocabulary;
        this.mean = mean;
        this.sd = sd;
    }

    /** Feature names and values of one product, aligned. */
    public record Named(String[] names, double[] values) {
    }

    /**
     * Learns the vocabulary (words in at least {@code minCount} products, at most {@code maxWords}
     * of the most frequent) and the standardisation from {@code products}.
     */
    public static ProductFeatures learn(Collection<ProductRow> products, int minCount, int maxWords) {
        Map<String, Integer> counts = new HashMap<>();
        double[] sum = new double[NUMERIC.size()];
        double[] sq = new double[NUMERIC.size()];
        long[] n = new long[NUMERIC.size()];
        for (ProductRow p : products) {
            for (String w : words(p.title())) {
                counts.merge(w, 1, Integer::sum);
            }
            double[] raw = raw(p);
            for (int i = 0; i < raw.length; i++) {
                if (!Double.isNaN(raw[i])) {
                    sum[i] += raw[i];
                    sq[i] += raw[i] * raw[i];
                    n[i]++;
                }
            }
        }
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>(counts.entrySet().stream().filter(e -> e.getValue() >= minCount).toList());
        frequent.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Set<String> vocabulary = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(maxWords, frequent.size()); i++) {
            vocabulary.add(frequent.get(i).getKey());
        }
        double[] mean = new double[NUMERIC.size()];
        double[] sd = new double[NUMERIC.size()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = n[i] == 0 ? 0 : sum[i] / n[i];
            double var = n[i] < 2 ? 1 : sq[i] / n[i] - mean[i] * mean[i];
            sd[i] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
        return new ProductFeatures(vocabulary, mean, sd);
    }

    /** The features as saved with the model: the vocabulary (most frequent first) and the standardisation. */
    record Document(List<String> vocabulary, double[] mean, double[] sd) {
    }

    Document document() {
        return new Document(List.copyOf(vocabulary), mean.clone(), sd.clone());
    }

    static ProductFeatures of(Document d) {
        if (d.mean().length != NUMERIC.size() || d.sd().length != NUMERIC.size()) {
            throw new IllegalArgumentException("The product features' standardisation has " + d.mean().length + " values, not " + NUMERIC.size() + ".");
        }
        return new ProductFeatures(new LinkedHashSet<>(d.vocabulary()), d.mean().clone(), d.sd().clone());
    }

    /** The title words the model knows. */
    public Set<String> vocabulary() {
        return vocabulary;
    }

    /** The features of one product. */
    public Named of(ProductRow p) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        names.add("category=" + key(p.category()));
        values.add(1.0);
        if (p.subcategory() != null && !p.subcategory().isBlank()) {
            names.add("subcategory=" + key(p.subcategory()));
            values.add(1.0);
        }
        Set<String> seen = new HashSet<>();
        for (String w : words(p.title())) {
            if (vocabulary.contains(w) && seen.add(w)) {
                names.add("word=" + w);
                values.add(1.0);
            }
        }
        double[] raw = raw(p);
        boolean dimensionsMissing = false;
        for (int i = 0; i < raw.length; i++) {
            if (Double.isNaN(raw[i])) {
                dimensionsMissing |= i >= 1 && i <= 4;
                if (i == 0) {
                    names.add("missing_weight");
                    values.add(1.0);
                }
            } else {
                names.add(NUMERIC.get(i));
                values.add((raw[i] - mean[i]) / sd[i]);
            }
        }
        if (dimensionsMissing) {
            names.add("missing_dimensions");
            values.add(1.0);
        }
        if (Boolean.TRUE.equals(p.fragile())) {
            names.add("fragile");
            values.add(1.0);
        }
        if (Boolean.TRUE.equals(p.liquid())) {
            names.add("liquid");
            values.add(1.0);
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new Named(names.toArray(String[]::new), v);
    }

    private static double[] raw(ProductRow p) {
        double weight = p.weightG() == null || p.weightG() <= 0 ? Double.NaN : Math.log(p.weightG());
        double l = positiveLog(p.lengthCm());
        double w = positiveLog(p.widthCm());
        double h = positiveLog(p.heightCm());
        double volume = Double.isNaN(l) || Double.isNaN(w) || Double.isNaN(h) ? Double.NaN : l + w + h;
        double price = p.priceInr() > 0 ? Math.log(p.priceInr()) : Double.NaN;
        return new double[] {weight, l, w, h, volume, price};
    }

    private static double positiveLog(Double x) {
        return x == null || x <= 0 ? Double.NaN : Math.log(x);
    }

    private static String key(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    static List<String> words(String title) {
        List<String> out = new ArrayList<>();
        if (title == null) {
            return out;
        }
        for (String t : title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (t.length() >= 3 && !STOP_WORDS.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
