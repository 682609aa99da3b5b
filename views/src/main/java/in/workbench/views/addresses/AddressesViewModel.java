package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressInsights;
import in.workbench.analytics.address.AddressParts;
import in.workbench.analytics.browse.ColumnInfo;
import in.workbench.analytics.browse.TableBrowser;
import in.workbench.analytics.browse.TableQuery;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.export.ExportResult;
import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.OpensFiltered;
import in.workbench.views.table.Paging;
import in.workbench.views.task.RunningTask;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The Addresses screen's state: one page of scored addresses from the
 * {@code address_deliverability} view (never the whole table), the filters (score band, state,
 * city, reason, search), the sort, the selected address's parts, post offices and shipments, and
 * the empty state with train-and-score when the workspace has no scores. Used on the JavaFX
 * thread; database work goes through the task runner.
 */
public final class AddressesViewModel implements OpensFiltered {

    /** Rows per page. */
    public static final int PAGE = 100;
    /** The visible columns, in order. */
    public static final List<String> COLUMNS = List.of("address_id", "score", "flagged", "reasons", "address_text", "city", "state",
            "pincode");
    /** Choices of the reason filter; the first means any. */
    public static final List<String> REASONS;

    static {
        List<String> r = new ArrayList<>();
        r.add("any reason");
        r.addAll(AddressInsights.REASON_FILTERS);
        REASONS = List.copyOf(r);
    }

    /** The selected address, as the detail pane shows it. */
    public record Detail(String addressId, String text, double score, boolean flagged, List<String> reasons, AddressParts parts,
            List<Place> offices, List<AddressInsights.Shipment> shipments) {
    }

    private final AddressesSession session;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ObservableList<List<Object>> rows = FXCollections.observableArrayList();
    private final ObservableList<String> states = FXCollections.observableArrayList();
    private final ObjectProperty<ScoreBand> band = new SimpleObjectProperty<>(ScoreBand.ALL);
    private final StringProperty state = new SimpleStringProperty();
    private final StringProperty city = new SimpleStringProperty();
    private final StringProperty reason = new SimpleStringProperty(REASONS.get(0));
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty sortColumn = new SimpleStringProperty("score");
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final Paging paging = new Paging(PAGE);
    private final BooleanProperty noScores = new SimpleBooleanProperty(false);
    private final BooleanProperty training = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<Detail> detail = new SimpleObjectProperty<>();
    private final ObjectProperty<RunningTask> task = new SimpleObjectProperty<>();
    private boolean loading;
    private long requests;

    public AddressesViewModel(AddressesSession session, TaskRunner runner, Consumer<Throwable> onError) {
        this.session = session;
        this.runner = runner;
        this.onError = onError;
        session.workspaceProperty().addListener((o, a, b) -> reset());
        session.revisionProperty().addListener((o, a, b) -> reload());
        band.addListener((o, a, b) -> firstPage());
        state.addListener((o, a, b) -> firstPage());
        city.addListener((o, a, b) -> firstPage());
        reason.addListener((o, a, b) -> firstPage());
        search.addListener((o, a, b) -> firstPage());
        sortColumn.addListener((o, a, b) -> firstPage());
        ascending.addListener((o, a, b) -> firstPage());
        if (session.workspaceProperty().get() != null) {
            reload();
        }
    }

    /** The state shared by the address screens. */
    public AddressesSession session() {
        return session;
    }

    public ObservableList<List<Object>> rows() {
        return rows;
    }

    /** States that have scored addresses, for the state filter. */
    public ObservableList<String> states() {
        return states;
    }

    public ObjectProperty<ScoreBand> bandProperty() {
        return band;
    }

    /** The state filter (display name), or null for all. */
    public StringProperty stateProperty() {
        return state;
    }

    /** The city filter, or null for all. */
    public StringProperty cityProperty() {
        return city;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty sortColumnProperty() {
        return sortColumn;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    /** Rows the filters select. */
    public LongProperty totalProperty() {
        return paging.totalProperty();
    }

    /** Index of the page's first row. */
    public LongProperty offsetProperty() {
        return paging.offsetProperty();
    }

    /** True when the workspace has no scores yet: the screen shows its empty state. */
    public BooleanProperty noScoresProperty() {
        return noScores;
    }

    /** True while training and scoring run. */
    public BooleanProperty trainingProperty() {
        return training;
    }

    /** A sentence for the analyst (empty state, training outcome). */
    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<Detail> detailProperty() {
        return detail;
    }

    /** The running train-and-score task, for its progress and Cancel. */
    public ObjectProperty<RunningTask> taskProperty() {
        return task;
    }

    /**
     * Applies a drill-down from another screen: keys {@code state}, {@code city}, {@code reason},
     * {@code band} (a {@link ScoreBand} name) and {@code flagged} ("true"); other filters are cleared.
     */
    @Override
    public void applyFilter(Map<String, String> filter) {
        loading = true;
        try {
            String s = filter.get("state");
            state.set(s == null ? null : IndianState.resolve(s).map(IndianState::displayName).orElse(s));
            city.set(filter.get("city"));
            String r = filter.get("reason");
            reason.set(r == null ? REASONS.get(0) : r);
            ScoreBand b = ScoreBand.ALL;
            if ("true".equalsIgnoreCase(filter.get("flagged"))) {
                b = ScoreBand.FLAGGED;
            } else if (filter.containsKey("band")) {
                b = Arrays.stream(ScoreBand.values()).filter(x -> x.name().equalsIgnoreCase(filter.get("band"))).findFirst()
                        .orElse(ScoreBand.ALL);
            }
            band.set(b);
            search.set("");
        } finally {
            loading = false;
        }
        firstPage();
    }

    /** The query behind the list, for the page, the count and the export. */
    public TableQuery query() {
        TableQuery q = TableQuery.all(AddressInsights.VIEW).withSearch(search.get());
        if (band.get() != null && band.get().column() != null) {
            q = q.withFilter(band.get().column(), band.get().filter());
        }
        if (state.get() != null && !state.get().isBlank()) {
            q = q.withFilter("state", "=" + state.get());
        }
        if (city.get() != null && !city.get().isBlank()) {
            q = q.withFilter("city", "=" + city.get());
        }
        if (reason.get() != null && !reason.get().equals(REASONS.get(0))) {
            q = q.withFilter("reasons", reason.get());
        }
        String sort = sortColumn.get() == null ? "score" : sortColumn.get();
        return q.sortedBy(sort, ascending.get());
    }

    /** A plain description of the filters ("flagged · Gujarat · no pincode"). */
    public String filterDescription() {
        List<String> parts = new ArrayList<>();
        if (band.get() != ScoreBand.ALL) {
            parts.add(band.get().toString());
        }
        if (state.get() != null) {
            parts.add(state.get());
        }
        if (city.get() != null) {
            parts.add(city.get());
        }
        if (reason.get() != null && !reason.get().equals(REASONS.get(0))) {
            parts.add("reason: " + reason.get());
        }
        if (!search.get().isBlank()) {
            parts.add("“" + search.get() + "”");
        }
        return parts.isEmpty() ? "all scored addresses" : String.join(" · ", parts);
    }

    private void reset() {
        rows.clear();
        states.clear();
        detail.set(null);
        loading = true;
        try {
            band.set(ScoreBand.ALL);
            state.set(null);
            city.set(null);
            reason.set(REASONS.get(0));
            search.set("");
        } finally {
            loading = false;
        }
        reload();
    }

    private void firstPage() {
        if (loading) {
            return;
        }
        paging.first();
        reload();
    }

    /** Next page, if there is one. */
    public void nextPage() {
        paging.next(this::reload);
    }

    /** Previous page, if there is one. */
    public void previousPage() {
        paging.previous(this::reload);
    }

    private record Page(long scored, long total, List<List<Object>> rows, List<String> states) {
    }

    /** Reads the current page again (after a filter change, training or a new workspace). */
    public void reload() {
        Workspace ws = session.workspaceProperty().get();
        if (ws == null) {
            return;
        }
        if (loading) {
            return;
        }
        TableQuery q = query();
        long off = paging.offset();
        long request = ++requests;
        // A page read, so in the quick-read lane: it never waits behind a training or another screen's long analysis.
        runner.submit(TaskRunner.Lane.QUICK, "Reading addresses", m -> {
            AddressInsights insights = new AddressInsights(ws);
            long scored = insights.scoredAddresses();
            if (scored == 0) {
                return new Page(0, 0, List.of(), List.of());
            }
            TableBrowser browser = new TableBrowser(ws);
            if (lowestScoresFirst(q)) {
                // The screen's first view (nothing filtered, lowest scores first) reads its rows through the scores' index.
                List<String> st = insights.flaggedShareByState().stream().map(AddressInsights.Share::name).sorted().toList();
                return new Page(scored, browser.count(q), insights.lowestScores(off, PAGE), st);
            }
            List<ColumnInfo> cols = browser.columns(AddressInsights.VIEW);
            List<List<Object>> page = browser.page(q, off, PAGE);
            List<List<Object>> visible = new ArrayList<>(page.size());
            for (List<Object> row : page) {
                List<Object> v = new ArrayList<>(COLUMNS.size());
                for (String c : COLUMNS) {
                    int i = indexOf(cols, c);
                    v.add(i < 0 ? null : row.get(i));
                }
                visible.add(v);
            }
            List<String> st = insights.flaggedShareByState().stream().map(AddressInsights.Share::name).sorted().toList();
            return new Page(scored, browser.count(q), visible, st);
        }, p -> {
            if (session.workspaceProperty().get() != ws || request != requests) {
                return;
            }
            noScores.set(p.scored() == 0);
            message.set(p.scored() == 0 ? "No address of this workspace has a deliverability score yet. Train the model and score "
                    + "every address here (in the background; you can keep working), or run `workbench train` and "
                    + "`workbench score` on the command line." : "");
            paging.setTotal(p.total());
            rows.setAll(p.rows());
            if (!p.states().equals(states)) {
                states.setAll(p.states());
            }
        }, onError);
    }

    /** Whether the query lists every scored address, lowest score first: what {@link AddressInsights#lowestScores} reads. */
    private static boolean lowestScoresFirst(TableQuery q) {
        return q.columnFilters().values().stream().allMatch(v -> v == null || v.isBlank()) && (q.search() == null || q.search().isBlank())
                && "score".equals(q.sortColumn()) && q.ascending();
    }

    private static int indexOf(List<ColumnInfo> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Shows one row's address in the detail pane: its parts, its pincode's offices and its shipments. */
    public void select(List<Object> row) {
        if (row == null) {
            detail.set(null);
            return;
        }
        Workspace ws = session.workspaceProperty().get();
        String id = String.valueOf(row.get(0));
        double score = ((Number) row.get(1)).doubleValue();
        boolean flagged = Boolean.TRUE.equals(row.get(2));
        String reasons = row.get(3) == null ? "" : row.get(3).toString();
        runner.submit("Reading address " + id, m -> {
            AddressInsights insights = new AddressInsights(ws);
            AddressInsights.AddressRecord a = insights.address(id).orElseThrow(() -> new in.workbench.analytics.WorkbenchException(
                    in.workbench.analytics.WorkbenchException.Kind.INPUT_UNUSABLE, "Address " + id + " is no longer in the workspace."));
            AddressParts parts = session.parser().parse(a.text(), a.city(), a.state(), a.pincode());
            List<Place> offices = parts.pincode() == null ? List.of() : session.parser().directory().byPincode(parts.pincode());
            return new Detail(id, a.text(), score, flagged, reasons.isBlank() ? List.of() : List.of(reasons.split("; ")), parts, offices,
                    insights.shipments(id, 50));
        }, detail::set, onError);
    }

    /**
     * Trains the model, saves it and scores every address, in the background with progress and
     * Cancel; a workspace without labels gets the sentence saying what to import first.
     */
    public void trainAndScore() {
        Workspace ws = session.workspaceProperty().get();
        if (ws == null || training.get()) {
            return;
        }
        training.set(true);
        message.set("Training the deliverability model and scoring every address…");
        task.set(runner.submit("Training and scoring deliverability", m -> session.trainAndScore(ws, m), t -> {
            training.set(false);
            message.set(String.format("Trained %s (cross-validated AUC %.3f) and scored %,d addresses; %,d flagged.", t.report().chosen(),
                    t.report().auc(), t.scores().addresses(), t.scores().flagged()));
            session.modelTrained(t.model());
        }, e -> {
            training.set(false);
            AddressesSession.trainingFailed(e, message, onError);
        }));
        RunningTask t = task.get();
        if (t != null) {
            t.runningProperty().addListener((o, was, running) -> {
                if (!running) {
                    training.set(false);
                }
            });
            if (!t.runningProperty().get()) {
                training.set(false);
            }
        }
    }

    /** Writes exactly the filtered rows as CSV with provenance (background). */
    public void export(Path file, Consumer<ExportResult> done) {
        Workspace ws = session.workspaceProperty().get();
        TableQuery q = query();
        runner.submit("Exporting " + file.getFileName(), m -> new CsvExporter(ws).export(q, file, m), done, onError);
    }

    /** Where the table stands: the page's first row, the matching rows, the range shown. */
    public Paging paging() {
        return paging;
    }
}
