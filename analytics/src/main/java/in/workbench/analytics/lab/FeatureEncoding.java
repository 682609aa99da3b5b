package in.workbench.analytics.lab;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * How a lab model turns a row into Tribuo features, saved as JSON beside the model so that
 * predictions encode rows exactly as training did. Numbers, dates (days since 1970) and
 * timestamps are standardised; a missing number adds a {@code column:missing} indicator;
 * booleans are 1/0; a category becomes one feature per kept level ({@code column=level}), with
 * rarer levels pooled as {@code column=(other)} and a blank as {@code column=(missing)}.
 * Immutable and thread-safe.
 *
 * @param features one entry per feature column, in the order rows are given to {@link #example}
 */
public record FeatureEncoding(List<Feature> features) {

    /** The pooled level of a category's rare values. */
    public static final String OTHER = "(other)";
    /** The level of a category's blank values. */
    public static final String MISSING = "(missing)";

    public FeatureEncoding {
        features = List.copyOf(features);
    }

    /**
     * One feature column.
     *
     * @param column the column name
     * @param kind {@code number}, {@code date}, {@code timestamp}, {@code boolean} or {@code category}
     * @param mean the training mean (numbers, dates, timestamps)
     * @param std the training standard deviation (1 when it was 0)
     * @param missingIndicator whether a missing value adds {@code column:missing}
     * @param levels the kept levels of a category, most frequent first
     */
    public record Feature(String column, String kind, double mean, double std, boolean missingIndicator, List<String> levels) {
        public Feature {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }

        boolean isCategory() {
            return kind.equals("category");
        }

        boolean isBoolean() {
            return kind.equals("boolean");
        }
    }

    /** The column names, in order. */
    public List<String> columns() {
        return features.stream().map(Feature::column).toList();
    }

    /** The column a Tribuo feature name belongs to ({@code state=Goa} → {@code state}). */
    public static String columnOf(String featureName) {
        int cut = featureName.length();
        int eq = featureName.indexOf('=');
        int colon = featureName.indexOf(':');
        if (eq >= 0) {
            cut = Math.min(cut, eq);
        }
        if (colon >= 0) {
            cut = Math.min(cut, colon);
        }
        return featureName.substring(0, cut);
    }

    /** A numeric reading of a value: numbers as they are, dates as days since 1970, booleans as 1/0; NaN when missing. */
    static double number(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toEpochSecond() / 86_400.0;
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate().toEpochDay() + t.toLocalTime().toSecondOfDay() / 86_400.0;
        }
        if (v instanceof java.util.Date d) {
            return d.getTime() / 86_400_000.0;
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The text of a category value, or null when blank. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v instanceof String str ? str.trim() : v.toString();
        return s.isEmpty() ? null : s;
    }

    /** Builds examples; holds the feature names once so every example shares them. Thread-safe once built. */
    public Encoder encoder() {
        return new Encoder(this);
    }

    /** Turns rows into Tribuo examples. Immutable after construction; thread-safe. */
    public static final class Encoder {
        private final List<Feature> features;
        private final String[] plain;
        private final String[] missing;
        private final List<Map<String, String>> levelNames = new ArrayList<>();
        private final String[] otherNames;
        private final String[] missingLevelNames;
        private final int width;

        Encoder(FeatureEncoding encoding) {
            features = encoding.features();
            int n = features.size();
            plain = new String[n];
            missing = new String[n];
            otherNames = new String[n];
            missingLevelNames = new String[n];
            for (int i = 0; i < n; i++) {
                Feature f = features.get(i);
                plain[i] = f.column();
                missing[i] = f.column() + ":missing";
                otherNames[i] = f.column() + "=" + OTHER;
                missingLevelNames[i] = f.column() + "=" + MISSING;
                Map<String, String> names = new HashMap<>();
                for (String level : f.levels()) {
                    names.put(level, f.column() + "=" + level);
                }
                levelNames.add(names);
            }
            width = n;
        }

        /**
         * The example for one row.
         *
         * @param values the row's values in the order of the encoding's features
         */
        public <T extends Output<T>> Example<T> example(T output, Object[] values) {
            String[] names = new String[width];
            double[] vals = new double[width];
            int k = 0;
            for (int i = 0; i < width; i++) {
                Feature f = features.get(i);
                Object v = values[i];
                if (f.isCategory()) {
                    String t = text(v);
                    names[k] = t == null ? missingLevelNames[i] : levelNames.get(i).getOrDefault(t, otherNames[i]);
                    vals[k++] = 1;
                } else {
                    double x = number(v);
                    if (Double.isNaN(x)) {
                        if (f.missingIndicator()) {
                            names[k] = missing[i];
                            vals[k++] = 1;
                        }
                    } else if (f.isBoolean()) {
                        names[k] = plain[i];
                        vals[k++] = x;
                    } else {
                        names[k] = plain[i];
                        vals[k++] = (x - f.mean()) / f.std();
                    }
                }
            }
            if (k < width) {
                names = java.util.Arrays.copyOf(names, k);
                vals = java.util.Arrays.copyOf(vals, k);
            }
            return new ArrayExample<>(output, names, vals);
        }
    }
}
