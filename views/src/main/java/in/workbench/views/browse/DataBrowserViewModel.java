package in.workbench.views.browse;

import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.browse.TableBrowser;
import in.workbench.analytics.browse.TableQuery;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.export.ExportResult;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.table.Paging;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The data browser's state: which table, its columns, the current page of rows fetched from the
 * database, the total count, filters, search and sort. Every change re-queries in the background
 * and only the latest answer is applied. Used on the JavaFX thread.
 */
public final class DataBrowserViewModel {

    /** Rows per page. */
    public static final int PAGE_SIZE = 200;

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private TableBrowser browser;
    private Workspace workspace;
    private final ScreenUpdates updates;

    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final StringProperty table = new SimpleStringProperty();
    private final ObservableList<ColumnInfo> columns = FXCollections.observableArrayList();
    private final ObservableList<List<Object>> rows = FXCollections.observableArrayList();
    private final Paging paging = new Paging(PAGE_SIZE);
    private final StringProperty search = new SimpleStringProperty("");
    private final Map<String, String> filters = new LinkedHashMap<>();
    private String sortColumn;
    private boolean ascending = true;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<List<Object>> selected = new SimpleObjectProperty<>();
    private final StringProperty details = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public DataBrowserViewModel(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner;
        this.onError = onError;
        this.updates = new ScreenUpdates(runner, () -> workspace, onError);
        table.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                loadColumns();
            }
        });
        selected.addListener((obs, old, now) -> details.set(describe(now)));
    }

    /** Points the browser at a workspace and shows its first table. */
    public void setWorkspace(Workspace ws) {
        this.workspace = ws;
        this.browser = new TableBrowser(ws);
        runner.submit("Reading tables", m -> browser.tables(), list -> {
            tables.setAll(list);
            String first = list.contains("products") ? "products" : list.isEmpty() ? null : list.get(0);
            if (table.get() != null && list.contains(table.get())) {
                loadColumns();
            } else {
                table.set(first);
            }
        }, onError);
    }

    /** Shows a table with one filter set (e.g. rejected rows of one import run). */
    public void show(String tableName, String filterColumn, String filterValue) {
        show(tableName, filterColumn == null ? Map.of() : Map.of(filterColumn, filterValue));
    }

    /**
     * Shows a table or view with the given column filters (the browser's filter syntax), as a
     * chart's drill-down does. Filters on columns the table lacks are dropped.
     */
    public void show(String tableName, Map<String, String> columnFilters) {
        filters.clear();
        columnFilters.forEach((column, value) -> filters.put(column.toLowerCase(java.util.Locale.ROOT), value));
        sortColumn = null;
        search.set("");
        if (tableName.equals(table.get())) {
            loadColumns();
        } else {
            table.set(tableName);
        }
    }

    private void loadColumns() {
        if (browser == null || table.get() == null) {
            return;
        }
        String t = table.get();
        runner.submit("Reading " + t, m -> browser.columns(t), cols -> {
            if (!t.equals(table.get())) {
                return;
            }
            filters.keySet().retainAll(cols.stream().map(ColumnInfo::name).toList());
            columns.setAll(cols);
            paging.first();
            refresh();
        }, onError);
    }

    /** The query the screen shows now. */
    public TableQuery query() {
        return new TableQuery(table.get(), filters, search.get(), sortColumn, ascending);
    }

    /** Re-reads the count and the current page; earlier answers still on their way are dropped. */
    public void refresh() {
        if (browser == null || table.get() == null) {
            return;
        }
        TableBrowser b = browser;
        TableQuery q = query();
        long from = paging.offset();
        loading.set(true);
        updates.read("page", "Loading " + q.table(), (ws, m) -> new Page(b.count(q), b.page(q, from, PAGE_SIZE)), page -> {
            loading.set(false);
            paging.setTotal(page.count);
            selected.set(null);
            rows.setAll(page.rows);
            status.set(page.count == 0 ? "No rows" + (filters.isEmpty() && search.get().isBlank() ? "" : " match the filters")
                    : "Rows " + paging.rangeText().get());
        }, e -> {
            loading.set(false);
            onError.accept(e);
        });
    }

    private record Page(long count, List<List<Object>> rows) {
    }

    public void setFilter(String column, String text) {
        if (text == null || text.isBlank()) {
            filters.remove(column);
        } else {
            filters.put(column, text);
        }
        paging.first();
        refresh();
    }

    public Map<String, String> filters() {
        return Map.copyOf(filters);
    }

    public void setSearch(String text) {
        search.set(text == null ? "" : text);
        paging.first();
        refresh();
    }

    public void sortBy(String column, boolean asc) {
        sortColumn = column;
        ascending = asc;
        paging.first();
        refresh();
    }

    public void nextPage() {
        paging.next(this::refresh);
    }

    public void previousPage() {
        paging.previous(this::refresh);
    }

    /** Exports exactly the rows the filters show. */
    public void export(Path file, Consumer<ExportResult> done) {
        TableQuery q = query();
        runner.submit("Exporting " + q.table(), m -> new CsvExporter(workspace).export(q, file, m), done, onError);
    }

    private String describe(List<Object> row) {
        if (row == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            b.append(columns.get(i).name()).append(": ").append(CsvExporter.format(row.get(i))).append('\n');
        }
        return b.toString();
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public ObservableList<ColumnInfo> columns() {
        return columns;
    }

    public ObservableList<List<Object>> rows() {
        return rows;
    }

    public LongProperty totalProperty() {
        return paging.totalProperty();
    }

    public LongProperty offsetProperty() {
        return paging.offsetProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<List<Object>> selectedProperty() {
        return selected;
    }

    public StringProperty detailsProperty() {
        return details;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Where the table stands: the page's first row, the matching rows, the range shown. */
    public Paging paging() {
        return paging;
    }
}
