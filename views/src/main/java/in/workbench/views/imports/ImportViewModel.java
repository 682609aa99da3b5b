package in.workbench.views.imports;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.imports.ColumnSpec;
import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportPreview;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabNames;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The import dialog's state: the file and its type, the preview with the detected delimiter and
 * types, the column mapping the analyst adjusts, and the import's outcome. Used on the JavaFX
 * thread; the preview and the import run in the background.
 *
 * <p>For a file imported as a table of its own ({@link #ownTableProperty()}, {@code import -t
 * table}) there is no mapping: the analyst names the table and, optionally, its id column, and
 * confirms each column's type, inferred from a sample of the file and shown with the sample's
 * values and how many of its cells another type would reject.
 */
public final class ImportViewModel {

    /** The mapping choice meaning "do not load this column". */
    public static final String IGNORE = "(ignore)";
    /** The id choice meaning "the row number is the id". */
    public static final String ROW_NUMBER = "(row number)";

    private final CsvImporter importer;
    private final GenericTableImporter tables;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final StringProperty path = new SimpleStringProperty("");
    private final ObjectProperty<DataTable> type = new SimpleObjectProperty<>(DataTable.PRODUCTS);
    private final ObjectProperty<ImportPreview> preview = new SimpleObjectProperty<>();
    private final Map<String, String> mapping = new LinkedHashMap<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty canImport = new SimpleBooleanProperty(false);
    private final ObjectProperty<ImportSummary> summary = new SimpleObjectProperty<>();
    private final ObjectProperty<RunningTask> running = new SimpleObjectProperty<>();
    private final BooleanProperty ownTable = new SimpleBooleanProperty(false);
    private final StringProperty tableName = new SimpleStringProperty("");
    private final StringProperty idColumn = new SimpleStringProperty(ROW_NUMBER);
    private final ObjectProperty<GenericTableImporter.Preview> tablePreview = new SimpleObjectProperty<>();
    private final Map<String, ColumnType> columnTypes = new LinkedHashMap<>();

    /**
     * @param importer imports the workbench's own tables (catalog, addresses, …)
     * @param tables imports any file as a table of its own
     */
    public ImportViewModel(CsvImporter importer, GenericTableImporter tables, TaskRunner runner, Consumer<Throwable> onError) {
        this.importer = importer;
        this.tables = tables;
        this.runner = runner;
        this.onError = onError;
        tableName.addListener((obs, o, n) -> {
            if (ownTable.get()) {
                validate();
            }
        });
        idColumn.addListener((obs, o, n) -> {
            if (ownTable.get()) {
                validate();
            }
        });
    }

    /** The importable types, in the order a new workspace loads them. */
    public static List<DataTable> types() {
        return List.of(DataTable.PACKAGE_TYPES, DataTable.PRODUCTS, DataTable.ADDRESSES, DataTable.SHIPMENTS, DataTable.ADDRESS_LABELS);
    }

    /** The choices for mapping a source column: every canonical column, or ignore. */
    public List<String> targets() {
        List<String> t = new java.util.ArrayList<>();
        t.add(IGNORE);
        importer.columns(type.get()).stream().map(ColumnSpec::name).forEach(t::add);
        return t;
    }

    /** Reads the file's header and first rows and proposes a mapping. */
    public void loadPreview() {
        summary.set(null);
        if (path.get().isBlank()) {
            problem.set("Choose a CSV file first.");
            return;
        }
        Path file = Path.of(path.get().trim());
        if (ownTable.get()) {
            loadTablePreview(file);
            return;
        }
        tablePreview.set(null);
        DataTable table = type.get();
        runner.submit("Reading " + file.getFileName(), m -> importer.preview(file, table, ImportOptions.defaults()), p -> {
            mapping.clear();
            p.proposedMapping().forEach((source, canonical) -> mapping.put(source, canonical == null ? IGNORE : canonical));
            preview.set(p);
            validate();
        }, this::previewFailed);
    }

    private void loadTablePreview(Path file) {
        preview.set(null);
        if (tableName.get().isBlank()) {
            tableName.set(suggestedName(file));
        }
        runner.submit("Reading " + file.getFileName(), m -> tables.preview(new GenericTableImporter.Request(file, tableName.get(), null,
                Map.of(), null)), p -> {
                    columnTypes.clear();
                    p.columns().forEach(c -> columnTypes.put(c.header(), c.type()));
                    idColumn.set(ROW_NUMBER);
                    tablePreview.set(p);
                    validate();
                }, this::previewFailed);
    }

    /** A file that cannot be previewed: nothing to import, and the reason in a sentence. */
    private void previewFailed(Throwable e) {
        preview.set(null);
        tablePreview.set(null);
        canImport.set(false);
        problem.set(in.workbench.views.task.Failures.sentenceFor(e));
    }

    /** A table name from a file's name: {@code Returns 2026.csv} → {@code returns_2026}. */
    static String suggestedName(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return LabNames.columnNames(java.util.List.of(stem), java.util.Set.of()).get(0);
    }

    /** The types a column of a table of its own may have. */
    public static List<ColumnType> columnTypeChoices() {
        return GenericTableImporter.TYPES;
    }

    /** Sets the type a column is imported as (a table of its own). */
    public void setColumnType(String header, ColumnType columnType) {
        columnTypes.put(header, columnType);
        validate();
    }

    /** The type a column will be imported as: the inferred one unless the analyst changed it. */
    public ColumnType columnType(String header) {
        return columnTypes.get(header);
    }

    /**
     * What the sample says about a column with the type now chosen: the values the type was
     * inferred from, or how many sample rows that type would reject and why.
     */
    public String sampleNote(String header) {
        GenericTableImporter.Preview p = tablePreview.get();
        if (p == null) {
            return "";
        }
        GenericTableImporter.ColumnSample sample = p.samples().stream().filter(c -> c.header().equals(header)).findFirst().orElseThrow();
        ColumnType chosen = columnTypes.get(header);
        ColumnType inferred = p.inferred().get(header);
        GenericTableImporter.Misfits misfits = sample.misfits(chosen);
        String values = sample.examples().isEmpty() ? "every cell blank" : "e.g. " + String.join(", ", sample.examples());
        if (misfits.rows() > 0) {
            return String.format("%,d of %,d sample rows would be rejected: '%s' %s", misfits.rows(), p.sampleRows(),
                    misfits.firstValue(), misfits.reason());
        }
        String from = chosen == inferred ? String.format("inferred from %,d rows", p.sampleRows())
                : "inferred " + inferred.description() + ", every sample value fits " + chosen.description();
        return from + "; " + values;
    }

    /** Maps a source column to a canonical column (or {@link #IGNORE}). */
    public void map(String source, String target) {
        mapping.put(source, target);
        validate();
    }

    public Map<String, String> mapping() {
        return Map.copyOf(mapping);
    }

    private void validate() {
        if (ownTable.get()) {
            validateTable();
            return;
        }
        List<String> required = importer.columns(type.get()).stream().filter(ColumnSpec::required).map(ColumnSpec::name).toList();
        List<String> missing = required.stream().filter(r -> !mapping.containsValue(r)).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        mapping.values().stream().filter(v -> !v.equals(IGNORE)).forEach(v -> counts.merge(v, 1L, Long::sum));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            problem.set("Map a column to " + String.join(", ", missing) + " (required for " + type.get().importType() + ").");
        } else if (!twice.isEmpty()) {
            problem.set("Only one column may map to " + String.join(", ", twice) + ".");
        } else {
            problem.set("");
        }
        canImport.set(missing.isEmpty() && twice.isEmpty());
    }

    private void validateTable() {
        String sentence = "";
        try {
            LabNames.checkNewTableName(tableName.get());
        } catch (WorkbenchException e) {
            sentence = e.getMessage();
        }
        String id = idColumn.get();
        if (sentence.isEmpty() && id != null && !id.equals(ROW_NUMBER)) {
            ColumnType t = columnTypes.get(id);
            if (t != ColumnType.TEXT && t != ColumnType.INTEGER) {
                sentence = "The id column " + id + " is imported as " + t.description() + "; an id must be text or integer, "
                        + "so set its type or choose another id.";
            }
        }
        problem.set(sentence);
        canImport.set(sentence.isEmpty() && tablePreview.get() != null);
    }

    /** Runs the import in the background; {@code done} gets the summary on success. */
    public void runImport(Consumer<ImportSummary> done) {
        Path file = Path.of(path.get().trim());
        if (ownTable.get()) {
            runTableImport(file, done);
            return;
        }
        DataTable table = type.get();
        Map<String, String> explicit = new LinkedHashMap<>();
        mapping.forEach((source, target) -> {
            if (!target.equals(IGNORE)) {
                explicit.put(source, target);
            }
        });
        Character delimiter = preview.get() == null ? null : preview.get().delimiter();
        ImportOptions options = new ImportOptions(explicit, delimiter);
        startImport(file, m -> importer.importFile(file, table, options, m), done);
    }

    private void runTableImport(Path file, Consumer<ImportSummary> done) {
        GenericTableImporter.Preview p = tablePreview.get();
        String id = idColumn.get() == null || idColumn.get().equals(ROW_NUMBER) ? null : idColumn.get();
        GenericTableImporter.Request request = new GenericTableImporter.Request(file, tableName.get(), id, Map.copyOf(columnTypes),
                p.delimiter());
        startImport(file, m -> tables.importFile(request, m).summary(), done);
    }

    /** Starts {@code work} with the Import button off until it ends; the summary is shown and handed to {@code done}. */
    private void startImport(Path file, TaskRunner.Work<ImportSummary> work, Consumer<ImportSummary> done) {
        canImport.set(false);
        running.set(runner.submit("Importing " + file.getFileName(), work, s -> {
            summary.set(s);
            canImport.set(true);
            done.accept(s);
        }, e -> {
            canImport.set(true);
            onError.accept(e);
        }));
    }

    /** True when the file is imported as a table of its own rather than into one of the workbench's tables. */
    public BooleanProperty ownTableProperty() {
        return ownTable;
    }

    /** The name of the table of its own. */
    public StringProperty tableNameProperty() {
        return tableName;
    }

    /** The header of the id column, or {@link #ROW_NUMBER}. */
    public StringProperty idColumnProperty() {
        return idColumn;
    }

    /** The file as a table of its own would import it, or null. */
    public ObjectProperty<GenericTableImporter.Preview> tablePreviewProperty() {
        return tablePreview;
    }

    public StringProperty pathProperty() {
        return path;
    }

    public ObjectProperty<DataTable> typeProperty() {
        return type;
    }

    public ObjectProperty<ImportPreview> previewProperty() {
        return preview;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty canImportProperty() {
        return canImport;
    }

    public ObjectProperty<ImportSummary> summaryProperty() {
        return summary;
    }

    public ObjectProperty<RunningTask> runningProperty() {
        return running;
    }
}
