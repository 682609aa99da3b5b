package in.workbench.views.packaging;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingModel;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.TaskRunner;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Packaging screen's state and actions, without any JavaFX nodes: the damage aggregates for
 * the charts (grouped in the database), the trained model's comparison, the trade-off curve, the
 * chosen plan and a page of the recommendation table. Every database read, training run and
 * recomputation goes through the {@link TaskRunner}; when the chosen point moves quickly, only the
 * latest result is applied. Used on the JavaFX thread.
 */
public final class PackagingViewModel {

    /** Rows per page of the recommendation table. */
    public static final int PAGE = 200;

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private Workspace workspace;
    private volatile PackagingAnalysis analysis;
    private final AtomicLong planSequence = new AtomicLong();
    private final AtomicLong rowSequence = new AtomicLong();

    private final ObjectProperty<List<PackagingRepository.DamageCell>> byPackage = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<PackagingRepository.DamageCell>> byCategory = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<PackagingRepository.DamageCell>> heat = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<PackagingTrainer.Comparison> comparison = new SimpleObjectProperty<>();
    private final ObjectProperty<List<PackagingRecommender.CurvePoint>> curve = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<PackagingRecommender.Plan> plan = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty hasModel = new SimpleBooleanProperty();
    private final ObservableList<PackagingRepository.RecommendationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final LongProperty totalRows = new SimpleLongProperty();
    private final IntegerProperty offset = new SimpleIntegerProperty();
    private final StringProperty categoryFilter = new SimpleStringProperty();
    private final BooleanProperty changedOnly = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Double> returnHandling = new SimpleObjectProperty<>(PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);

    public PackagingViewModel(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner;
        this.onError = onError;
        categoryFilter.addListener((o, a, b) -> firstPage());
        changedOnly.addListener((o, a, b) -> firstPage());
    }

    private record Aggregates(List<PackagingRepository.DamageCell> byPackage, List<PackagingRepository.DamageCell> byCategory,
            List<PackagingRepository.DamageCell> heat, PackagingAnalysis analysis, List<PackagingRecommender.CurvePoint> curve,
            PackagingRecommender.Plan plan) {
    }

    /** Loads the charts and, when a model is trained, the comparison, the curve and the default plan. */
    public void setWorkspace(Workspace ws) {
        this.workspace = ws;
        this.analysis = null;
        hasModel.set(false);
        comparison.set(null);
        curve.set(List.of());
        plan.set(null);
        rows.clear();
        totalRows.set(0);
        reload();
    }

    private void reload() {
        reload(false);
    }

    /** @param saveDefaultPlan after an explicit training only: opening or refreshing the screen never writes */
    private void reload(boolean saveDefaultPlan) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        busy.set(true);
        double handling = returnHandling.get();
        runner.submit("Summarising packaging damage", m -> {
            PackagingRepository repo = new PackagingRepository(ws);
            PackagingAnalysis a = null;
            List<PackagingRecommender.CurvePoint> c = List.of();
            PackagingRecommender.Plan p = null;
            if (PackagingModel.exists(ws.modelsDir())) {
                a = PackagingAnalysis.prepare(ws, PackagingModel.load(ws.modelsDir()), handling);
                // Opening a screen never writes (a plan made on the command line stays); a training the analyst started does.
                p = a.plan(null, null);
                c = curveOf(a, p);
                if (saveDefaultPlan) {
                    a.save(p);
                }
            }
            return new Aggregates(repo.damageByPackage(), repo.damageByCategory(), repo.damageByCategoryAndPackage(), a, c, p);
        }, agg -> {
            busy.set(false);
            byPackage.set(agg.byPackage());
            byCategory.set(agg.byCategory());
            heat.set(agg.heat());
            analysis = agg.analysis();
            hasModel.set(agg.analysis() != null);
            if (agg.analysis() != null) {
                comparison.set(agg.analysis().model().comparison());
                curve.set(agg.curve());
                plan.set(agg.plan());
                message.set(planSentence(agg.plan()));
                loadCategories();
                firstPage();
            } else {
                message.set(agg.byPackage().isEmpty() ? "This workspace has no shipments yet. Import package_types.csv, catalog.csv and "
                        + "shipments.csv first." : "No packaging damage model yet. Press Train to learn damage from the shipments.");
            }
        }, e -> {
            busy.set(false);
            message.set(in.workbench.views.task.Failures.sentenceFor(e));
            onError.accept(e);
        });
    }

    /** The curve from λ = 0 up to well past the λ that meets the default budget. */
    static List<PackagingRecommender.CurvePoint> curveOf(PackagingAnalysis a, PackagingRecommender.Plan p) {
        double max = Math.max(100, p.lambda() * 50);
        return a.recommender().curve(60, max);
    }

    /** Trains both damage models in the background, then reloads everything. */
    public void train(long seed) {
        Workspace ws = workspace;
        if (ws == null) {
            return;
        }
        busy.set(true);
        message.set("Training the packaging damage models…");
        runner.submit("Training the packaging damage model", m -> new PackagingTrainer().trainAndSave(ws, PackagingTrainer.Options.defaults(seed), m),
                r -> {
                    busy.set(false);
                    reload(true);
                }, e -> {
                    busy.set(false);
                    message.set(in.workbench.views.task.Failures.sentenceFor(e));
                    onError.accept(e);
                });
    }

    /**
     * Recomputes the plan at λ in the background; only the latest request is applied. With
     * {@code save}, the plan is also written to packaging_recommendations and the table reloads.
     */
    public void chooseLambda(double lambda, boolean save) {
        PackagingAnalysis a = analysis;
        if (a == null) {
            return;
        }
        long seq = planSequence.incrementAndGet();
        runner.submit("Recomputing the recommendation", m -> {
            PackagingRecommender.Plan p = a.recommender().atLambda(lambda);
            if (save && seq == planSequence.get()) {
                a.save(p);
            }
            return p;
        }, p -> {
            if (seq == planSequence.get()) {
                plan.set(p);
                message.set(planSentence(p));
                if (save) {
                    firstPage();
                }
            }
        }, onError);
    }

    /** Finds λ for a damage budget (expected damaged shipments), saves the plan and reloads the table. */
    public void meetBudget(double budget) {
        PackagingAnalysis a = analysis;
        if (a == null) {
            return;
        }
        long seq = planSequence.incrementAndGet();
        runner.submit("Finding the trade-off for the damage budget", m -> {
            PackagingRecommender.Plan p = a.plan(budget, null);
            a.save(p);
            return p;
        }, p -> {
            if (seq == planSequence.get()) {
                plan.set(p);
                message.set(planSentence(p));
                firstPage();
            }
        }, onError);
    }

    static String planSentence(PackagingRecommender.Plan p) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "λ = %.3g: %,d of %,d products change package. Expected damaged "
                + "shipments %,.0f (now %,.0f; %,d recorded), packaging + shipping ₹%,.0f (now ₹%,.0f).", p.lambda(), p.changed(),
                p.choices().size(), p.recommended().expectedDamaged(), p.current().expectedDamaged(), p.actualDamaged(),
                p.recommended().packagingAndShippingInr(), p.current().packagingAndShippingInr()));
        if (!p.budgetMet()) {
            s.append(" The damage budget cannot be met even in the sturdiest packages.");
        }
        return s.toString();
    }

    private void loadCategories() {
        Workspace ws = workspace;
        runner.submit("Listing categories", m -> new PackagingRepository(ws).recommendationCategories(), cs -> {
            String keep = categoryFilter.get();
            categories.setAll(cs);
            if (keep != null && !cs.contains(keep)) {
                categoryFilter.set(null);
            }
        }, onError);
    }

    /** Reloads the table from its first page (after a filter change). */
    public void firstPage() {
        offset.set(0);
        refreshRows();
    }

    public void nextPage() {
        if (offset.get() + PAGE < totalRows.get()) {
            offset.set(offset.get() + PAGE);
            refreshRows();
        }
    }

    public void previousPage() {
        if (offset.get() > 0) {
            offset.set(Math.max(0, offset.get() - PAGE));
            refreshRows();
        }
    }

    private record Page(List<PackagingRepository.RecommendationRow> rows, long total) {
    }

    /** Reads the current page of the recommendation table with the filters. */
    public void refreshRows() {
        Workspace ws = workspace;
        if (ws == null || !hasModel.get()) {
            return;
        }
        String category = categoryFilter.get();
        boolean changed = changedOnly.get();
        String text = search.get();
        int from = offset.get();
        long seq = rowSequence.incrementAndGet();
        runner.submit("Reading recommendations", m -> {
            PackagingRepository repo = new PackagingRepository(ws);
            return new Page(repo.recommendations(category, changed, text, from, PAGE), repo.countRecommendations(category, changed, text));
        }, page -> {
            if (seq == rowSequence.get()) {
                rows.setAll(page.rows());
                totalRows.set(page.total());
            }
        }, onError);
    }

    /** Exports every recommendation matching the filters (not only the page shown) as the CLI's CSV. */
    public void export(Path file, Consumer<Long> done) {
        Workspace ws = workspace;
        String category = categoryFilter.get();
        boolean changed = changedOnly.get();
        String text = search.get();
        runner.submit("Exporting recommendations", m -> {
            List<PackagingRepository.RecommendationRow> all = new PackagingRepository(ws).recommendations(category, changed, text, 0,
                    Integer.MAX_VALUE);
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
                out.writeNext(new String[] {"product_id", "current_package", "recommended_package", "p_damage_current", "p_damage_recommended",
                    "ship_cost_delta_inr"}, false);
                for (PackagingRepository.RecommendationRow r : all) {
                    out.writeNext(new String[] {r.productId(), r.currentPackage() == null ? "" : r.currentPackage(), r.recommendedPackage(),
                        r.pDamageCurrent() == null ? "" : String.format(Locale.ROOT, "%.6f", r.pDamageCurrent()),
                        String.format(Locale.ROOT, "%.6f", r.pDamageRecommended()),
                        r.shipCostDeltaInr() == null ? "" : String.format(Locale.ROOT, "%.2f", r.shipCostDeltaInr())}, false);
                }
            }
            return (long) all.size();
        }, done, onError);
    }

    public ObjectProperty<List<PackagingRepository.DamageCell>> byPackageProperty() {
        return byPackage;
    }

    public ObjectProperty<List<PackagingRepository.DamageCell>> byCategoryProperty() {
        return byCategory;
    }

    public ObjectProperty<List<PackagingRepository.DamageCell>> heatProperty() {
        return heat;
    }

    public ObjectProperty<PackagingTrainer.Comparison> comparisonProperty() {
        return comparison;
    }

    public ObjectProperty<List<PackagingRecommender.CurvePoint>> curveProperty() {
        return curve;
    }

    public ObjectProperty<PackagingRecommender.Plan> planProperty() {
        return plan;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty hasModelProperty() {
        return hasModel;
    }

    public ObservableList<PackagingRepository.RecommendationRow> rows() {
        return rows;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public LongProperty totalRowsProperty() {
        return totalRows;
    }

    public IntegerProperty offsetProperty() {
        return offset;
    }

    public StringProperty categoryFilterProperty() {
        return categoryFilter;
    }

    public BooleanProperty changedOnlyProperty() {
        return changedOnly;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The ladder's package names, least robust first (empty before a model is trained). */
    public List<String> ladder() {
        PackagingAnalysis a = analysis;
        return a == null ? List.of() : a.model().ladder().names();
    }
}
