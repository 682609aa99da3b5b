package in.workbench.views.catalog;

import in.workbench.analytics.catalog.CatalogProposal;
import in.workbench.analytics.catalog.CatalogReview;
import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.OpensFiltered;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Review queue's state: the open flags (proposed backfills and contradictions) at or above the
 * confidence threshold, most confident first, one page from the database at a time; the precision
 * to expect at the threshold; and the decisions (accept, reject, edit), each saved the moment it is
 * made, with the corrections CSV export.
 *
 * <p>Used on the JavaFX thread; database work goes through the {@link TaskRunner}.
 */
public final class ReviewViewModel implements OpensFiltered {

    public static final int PAGE_SIZE = 200;

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final Supplier<String> analyst;
    private Workspace workspace;
    private final StringProperty kind = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.5);
    private final ObservableList<CatalogProposal> rows = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final ObjectProperty<CatalogProposal> selected = new SimpleObjectProperty<>();
    private final StringProperty expectedPrecision = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ScreenUpdates updates;

    public ReviewViewModel(TaskRunner runner, Consumer<Throwable> onError, Supplier<String> analyst) {
        this.runner = runner;
        this.onError = onError;
        this.analyst = analyst;
        this.updates = new ScreenUpdates(runner, () -> workspace, onError);
    }

    public void setWorkspace(Workspace ws) {
        this.workspace = ws;
        refresh();
    }

    /** Applies a filter such as {"category": "Footwear", "kind": "conflict"}. */
    @Override
    public void applyFilter(Map<String, String> filter) {
        category.set(filter.getOrDefault("category", ""));
        kind.set(filter.getOrDefault("kind", ""));
        refresh();
    }

    private CatalogStore.FlagFilter filter() {
        return new CatalogStore.FlagFilter(kind.get(), category.get(), null, threshold.get());
    }

    /** Reloads the first page of the queue and the expected precision at the threshold. */
    public void refresh() {
        CatalogStore.FlagFilter f = filter();
        double t = threshold.get();
        updates.read("queue", "Reading the review queue", (ws, m) -> {
            CatalogStore store = new CatalogStore(ws);
            return new Object[] {store.countFlags(f), store.openFlags(f, 0, PAGE_SIZE), new CatalogReview(ws).expectedPrecision(t)};
        }, r -> {
            total.set((Long) r[0]);
            @SuppressWarnings("unchecked")
            List<CatalogProposal> page = (List<CatalogProposal>) r[1];
            rows.setAll(page);
            @SuppressWarnings("unchecked")
            Map<String, Double> p = (Map<String, Double>) r[2];
            expectedPrecision.set(describe(t, p));
            status.set(String.format(Locale.ROOT, "%,d open flags at confidence ≥ %.2f%s", total.get(), t,
                    total.get() > PAGE_SIZE ? " (the " + PAGE_SIZE + " most confident shown)" : ""));
            if (!rows.isEmpty() && (selected.get() == null || !rows.contains(selected.get()))) {
                selected.set(rows.get(0));
            }
        });
    }

    static String describe(double t, Map<String, Double> p) {
        if (p.isEmpty()) {
            return "No held-out estimate yet: train the catalog models.";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Expected precision at ≥ %.2f: ", t));
        int i = 0;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            b.append(i++ == 0 ? "" : " · ").append(e.getKey()).append(String.format(Locale.ROOT, " %.2f", e.getValue()));
        }
        return b.toString();
    }

    /** Accepts the proposed value of {@code p}. */
    public void accept(CatalogProposal p) {
        decide(p, "accept", p.proposedValue());
    }

    /** Rejects {@code p}: the current value stays. */
    public void reject(CatalogProposal p) {
        decide(p, "reject", p.currentValue());
    }

    /** Records {@code value} as the correct value of {@code p}'s attribute. */
    public void edit(CatalogProposal p, String value) {
        if (value == null || value.isBlank()) {
            status.set("Type a value to save an edit.");
            return;
        }
        decide(p, "edit", value.trim());
    }

    private void decide(CatalogProposal p, String decision, String value) {
        Workspace ws = workspace;
        if (ws == null || p == null) {
            return;
        }
        int index = rows.indexOf(p);
        String who = analyst.get();
        runner.submit("Saving the decision", m -> new CatalogStore(ws).decide(p, decision, value, who), d -> {
            rows.remove(p);
            total.set(Math.max(0, total.get() - 1));
            selected.set(rows.isEmpty() ? null : rows.get(Math.min(Math.max(index, 0), rows.size() - 1)));
            status.set(String.format(Locale.ROOT, "Saved: %s %s of %s (%s → %s). %,d open flags left.", decision, p.attribute(),
                    p.productId(), blank(p.currentValue()), blank(value), total.get()));
        }, onError);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? "blank" : s;
    }

    /** Accepts every open flag at or above the threshold (matching the kind and category filter). */
    public void acceptAllAboveThreshold() {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        CatalogStore.FlagFilter f = filter();
        String who = analyst.get();
        runner.submit("Accepting flags", m -> new CatalogStore(ws).acceptAll(f, who), n -> {
            refresh();
            status.set(String.format(Locale.ROOT, "Accepted %,d flags at confidence ≥ %.2f.", n, f.minConfidence()));
        }, onError);
    }

    /** Writes the corrections CSV. */
    public void exportCorrections(Path file, Consumer<Integer> done) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        runner.submit("Exporting corrections", m -> new CatalogReview(ws).exportCorrections(file), n -> {
            status.set(String.format(Locale.ROOT, "Wrote %,d corrections to %s.", n, file));
            done.accept(n);
        }, onError);
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ObservableList<CatalogProposal> rows() {
        return rows;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<CatalogProposal> selectedProperty() {
        return selected;
    }

    public StringProperty expectedPrecisionProperty() {
        return expectedPrecision;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
