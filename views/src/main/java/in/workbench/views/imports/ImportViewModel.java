package in.workbench.views.imports;

import in.workbench.analytics.imports.ColumnSpec;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportPreview;
import in.workbench.analytics.imports.ImportSummary;
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
 */
public final class ImportViewModel {

    /** The mapping choice meaning "do not load this column". */
    public static final String IGNORE = "(ignore)";

    private final CsvImporter importer;
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

    public ImportViewModel(CsvImporter importer, TaskRunner runner, Consumer<Throwable> onError) {
        this.importer = importer;
        this.runner = runner;
        this.onError = onError;
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
        DataTable table = type.get();
        runner.submit("Reading " + file.getFileName(), m -> importer.preview(file, table, ImportOptions.defaults()), p -> {
            mapping.clear();
            p.proposedMapping().forEach((source, canonical) -> mapping.put(source, canonical == null ? IGNORE : canonical));
            preview.set(p);
            validate();
        }, e -> {
            preview.set(null);
            canImport.set(false);
            problem.set(in.workbench.views.task.Failures.sentenceFor(e));
        });
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

    /** Runs the import in the background; {@code done} gets the summary on success. */
    public void runImport(Consumer<ImportSummary> done) {
        Path file = Path.of(path.get().trim());
        DataTable table = type.get();
        Map<String, String> explicit = new LinkedHashMap<>();
        mapping.forEach((source, target) -> {
            if (!target.equals(IGNORE)) {
                explicit.put(source, target);
            }
        });
        Character delimiter = preview.get() == null ? null : preview.get().delimiter();
        ImportOptions options = new ImportOptions(explicit, delimiter);
        canImport.set(false);
        running.set(runner.submit("Importing " + file.getFileName(), m -> importer.importFile(file, table, options, m), s -> {
            summary.set(s);
            canImport.set(true);
            done.accept(s);
        }, e -> {
            canImport.set(true);
            onError.accept(e);
        }));
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
