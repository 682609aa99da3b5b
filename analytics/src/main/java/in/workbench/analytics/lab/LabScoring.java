package in.workbench.analytics.lab;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.task.ProgressMonitor;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Scores a table or view with a saved lab model ("score this table", {@code predict lab}): every
 * row's prediction and, for classes, each class's probability, written to the predictions table
 * {@code lab_pred_MODEL} and shown beside the table's own columns in the view
 * {@code scored_MODEL}, which the data browser, charts and export read like any table; and, when
 * asked, to a CSV file. Rows stream from the database and are predicted in batches.
 *
 * <p>Thread-safe: holds no state between calls.
 */
public final class LabScoring {

    private static final int BATCH = 2_000;

    /**
     * What scoring did.
     *
     * @param table the table scored
     * @param rows rows predicted
     * @param predictionsTable the table holding the predictions
     * @param view the view of the table with its predictions
     * @param columns the predictions' columns: the id column(s), {@code prediction}, and {@code p_CLASS} per class
     */
    public record Scored(String table, long rows, String predictionsTable, String view, List<String> columns) {
    }

    private final LabStore store;

    public LabScoring(LabStore store) {
        this.store = store;
    }

    /** The name of a model's predictions table. */
    public static String predictionsTable(String model) {
        return "lab_pred_" + model;
    }

    /** The name of a model's scored view. */
    public static String viewName(String model) {
        return "scored_" + model;
    }

    /**
     * Scores {@code table} (the model's own table when null), replacing the model's last
     * predictions, and writes them to {@code csv} too when it is not null.
     *
     * @throws WorkbenchException INPUT_UNUSABLE when the table lacks a column the model uses
     */
    public Scored score(LabModel model, String table, Path csv, ProgressMonitor monitor) {
        LabModel.Description d = model.description();
        String t = table == null || table.isBlank() ? d.table() : table.trim().toLowerCase(Locale.ROOT);
        List<ColumnInfo> columns = store.columns(t);
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<String> missing = d.encoding().columns().stream().filter(c -> !byName.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, t + " lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " that the model " + d.name() + " uses, so it cannot be scored with it.");
        }
        List<String> ids = store.idColumns(t, columns);
        Map<String, String> keyColumns = new LinkedHashMap<>();
        for (String id : ids) {
            keyColumns.put(id, sqlType(byName.get(id)));
        }
        boolean rowNumbers = keyColumns.isEmpty();
        if (rowNumbers) {
            keyColumns.put(GenericTableImporter.ROW_NUMBER_COLUMN, "BIGINT");
        }
        boolean classification = d.labTask() == LabTask.CLASSIFICATION;
        List<String> classes = classification ? d.classes() : List.of();
        List<String> scoreColumns = LabNames.columnNames(classes.stream().map(c -> "p_" + c).toList(),
                Set.copyOf(keyColumns.keySet()));
        String predictions = predictionsTable(d.name());
        String view = viewName(d.name());
        List<String> header = new ArrayList<>(keyColumns.keySet());
        header.add("prediction");
        header.addAll(scoreColumns);
        store.createPredictions(predictions, view, keyColumns, scoreColumns, !classification);
        boolean done = false;
        Path tmp = csv == null ? null : csv.toAbsolutePath().resolveSibling(csv.getFileName() + ".tmp");
        try (Writer w = tmp == null ? Writer.nullWriter() : newWriter(tmp); ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(header.toArray(new String[0]), false);
            List<String> read = new ArrayList<>(rowNumbers ? List.of() : ids);
            read.addAll(d.encoding().columns());
            long total = store.count(t);
            long[] seen = {0};
            store.fillPredictions(predictions, header.size(), "Could not score " + t, insert -> {
                Batch batch = new Batch(model, classification, classes, keyColumns.size(), insert, out);
                store.stream(t, read, null, monitor, values -> {
                    seen[0]++;
                    Object[] key = rowNumbers ? new Object[] {seen[0]} : java.util.Arrays.copyOfRange(values, 0, ids.size());
                    Object[] features = java.util.Arrays.copyOfRange(values, rowNumbers ? 0 : ids.size(), values.length);
                    batch.add(key, features);
                    if (batch.size() >= BATCH) {
                        batch.flush();
                        monitor.update(seen[0], total, String.format("Scoring %s: %,d of %,d rows", t, seen[0], total));
                    }
                });
                batch.flush();
                monitor.checkCancelled();
            });
            List<String> added = new ArrayList<>(header.subList(keyColumns.size(), header.size()));
            store.createScoredView(d.name(), view, t, predictions, rowNumbers ? List.of() : ids, added);
            done = true;
            out.flush();
            w.flush();
            return new Scored(t, seen[0], predictions, view, header);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + csv + ": " + e.getMessage(), e);
        } finally {
            finish(tmp, csv, done);
            if (!done) {
                store.dropQuietly(predictions);
            }
        }
    }

    private static void finish(Path tmp, Path csv, boolean done) {
        if (tmp == null) {
            return;
        }
        try {
            if (done) {
                Files.move(tmp, csv.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + csv + ": " + e.getMessage(), e);
        }
    }

    private static Writer newWriter(Path file) throws IOException {
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static String sqlType(ColumnInfo column) {
        String t = column.sqlType().toUpperCase(Locale.ROOT);
        if (t.contains("CHAR")) {
            return "VARCHAR";
        }
        if (t.equals("INTEGER") || t.equals("BIGINT") || t.equals("SMALLINT")) {
            return "BIGINT";
        }
        return t.equals("DATE") ? "DATE" : "VARCHAR";
    }

    /** Rows waiting to be predicted together. Used by one thread. */
    private static final class Batch {
        private final Model<?> model;
        private final boolean classification;
        private final List<String> classes;
        private final int keyWidth;
        private final LabStore.PredictionInserter insert;
        private final ICSVWriter out;
        private final FeatureEncoding.Encoder encoder;
        private final double targetMean;
        private final double targetStd;
        private final List<Object[]> keys = new ArrayList<>();
        private final List<Example<Label>> labelExamples = new ArrayList<>();
        private final List<Example<Regressor>> numberExamples = new ArrayList<>();

        Batch(LabModel labModel, boolean classification, List<String> classes, int keyWidth, LabStore.PredictionInserter insert, ICSVWriter out) {
            this.model = labModel.model();
            this.classification = classification;
            this.classes = classes;
            this.keyWidth = keyWidth;
            this.insert = insert;
            this.out = out;
            this.encoder = labModel.description().encoding().encoder();
            this.targetMean = labModel.description().targetMean();
            this.targetStd = labModel.description().targetStd();
        }

        int size() {
            return keys.size();
        }

        void add(Object[] key, Object[] features) {
            keys.add(key);
            if (classification) {
                labelExamples.add(encoder.example(LabelFactory.UNKNOWN_LABEL, features));
            } else {
                numberExamples.add(encoder.example(RegressionFactory.UNKNOWN_REGRESSOR, features));
            }
        }

        @SuppressWarnings("unchecked")
        void flush() {
            if (keys.isEmpty()) {
                return;
            }
            List<? extends Prediction<? extends Output<?>>> predictions = classification
                    ? ((Model<Label>) model).predict(labelExamples)
                    : ((Model<Regressor>) model).predict(numberExamples);
            String[] line = new String[keyWidth + 1 + classes.size()];
            for (int i = 0; i < keys.size(); i++) {
                Object[] key = keys.get(i);
                List<Object> row = new ArrayList<>(line.length);
                for (int k = 0; k < keyWidth; k++) {
                    row.add(key[k]);
                    line[k] = key[k] == null ? "" : key[k] instanceof String text ? CsvExporter.spreadsheetSafe(text) : key[k].toString();
                }
                Prediction<? extends Output<?>> prediction = predictions.get(i);
                if (classification) {
                    Prediction<Label> lp = (Prediction<Label>) prediction;
                    String label = lp.getOutput().getLabel();
                    row.add(label);
                    line[keyWidth] = CsvExporter.spreadsheetSafe(label);
                    Map<String, Label> scores = lp.getOutputScores();
                    for (int c = 0; c < classes.size(); c++) {
                        Label s = scores.get(classes.get(c));
                        double v = s == null ? 0 : s.getScore();
                        row.add(v);
                        line[keyWidth + 1 + c] = String.format(Locale.ROOT, "%.6f", v);
                    }
                } else {
                    double v = ((Prediction<Regressor>) prediction).getOutput().getValues()[0] * targetStd + targetMean;
                    row.add(v);
                    line[keyWidth] = String.format(Locale.ROOT, "%.6g", v);
                }
                insert.add(row.toArray());
                out.writeNext(line, false);
            }
            insert.flush();
            keys.clear();
            labelExamples.clear();
            numberExamples.clear();
        }
    }
}
