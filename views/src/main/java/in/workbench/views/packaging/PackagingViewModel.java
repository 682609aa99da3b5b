package in.workbench.views.packaging;

import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingModel;
import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.table.Paging;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
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
 * The Packaging screen's state and actions, without any JavaFX nodes: the damage aggregates for
 * the charts (grouped in the database), the trained model's comparison, the trade-off curve with
 * its named points (current policy, least damage at current cost, least cost at current damage),
 * the chosen plan and a page of the saved recommendation table. Opening the screen only reads: a
 * plan is written to the workspace only when the analyst applies an objective, meets a budget or
 * lets go of the chosen point. Every database read, training run and recomputation goes through
 * {@link ScreenUpdates}: a result is applied only if it is still the latest of its kind (aggregates,
 * plan, categories, page) for the workspace shown, so a slow answer, or one for a workspace switched
 * away mid-load, is dropped. Used on the JavaFX thread.
 */
public final class PackagingViewModel {

    /** Rows per page of the recommendation table. */
    public static final int PAGE = 200;

    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ScreenUpdates updates;
    private Workspace workspace;
    private volatile PackagingAnalysis analysis;
    /** The latest plan asked for; a save that is no longer the latest is skipped on its worker, before it writes. */
    private final AtomicLong planSequence = new AtomicLong();

    private final ObjectProperty<List<PackagingRepository.DamageCell>> byPackage = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<PackagingRepository.DamageCell>> byCategory = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<PackagingRepository.DamageCell>> heat = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<PackagingTrainer.Comparison> comparison = new SimpleObjectProperty<>();
    private final ObjectProperty<List<PackagingRecommender.CurvePoint>> curve = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<PackagingRecommender.Plan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<TradeOffPoints> namedPoints = new SimpleObjectProperty<>();
    private final ObjectProperty<PackagingObjective> objective = new SimpleObjectProperty<>(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST);
    private final StringProperty savedPlan = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty hasModel = new SimpleBooleanProperty();
    private final ObservableList<PackagingRepository.RecommendationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final Paging paging = new Paging(PAGE);
    private final StringProperty categoryFilter = new SimpleStringProperty();
    private final BooleanProperty changedOnly = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Double> returnHandling = new SimpleObjectProperty<>(PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);

    public PackagingViewModel(TaskRunner runner, Consumer<Throwable> onError) {
        this.runner = runner;
        this.onError = onError;
        this.updates = new ScreenUpdates(runner, () -> workspace, e -> {
            busy.set(false);
            message.set(in.workbench.views.task.Failures.sentenceFor(e));
            onError.accept(e);
        });
        categoryFilter.addListener((o, a, b) -> firstPage());
        changedOnly.addListener((o, a, b) -> firstPage());
    }

    /**
     * The named points of the trade-off screen, as the model sees them.
     *
     * @param current the current policy
     * @param leastDamage the least damage at no more total cost than now (the default objective)
     * @param leastCost the least total cost at no more damage than now
     */
    public record TradeOffPoints(PackagingRecommender.Totals current, PackagingRecommender.Totals leastDamage,
            PackagingRecommender.Totals leastCost) {
    }

    private record Charts(List<PackagingRepository.DamageCell> byPackage, List<PackagingRepository.DamageCell> byCategory,
            List<PackagingRepository.DamageCell> heat, String saved, boolean modelExists) {
    }

    private record Analysis(PackagingAnalysis analysis, List<PackagingRecommender.CurvePoint> curve, PackagingRecommender.Plan plan,
            TradeOffPoints points) {
    }

    /** Loads the charts and, when a model is trained, the comparison, the curve and the default plan. */
    public void setWorkspace(Workspace ws) {
        this.workspace = ws;
        this.analysis = null;
        hasModel.set(false);
        comparison.set(null);
        curve.set(List.of());
        plan.set(null);
        namedPoints.set(null);
        savedPlan.set("");
        rows.clear();
        paging.setTotal(0);
        reload();
    }

    private void reload() {
        if (workspace == null) {
            return;
        }
        busy.set(true);
        double handling = returnHandling.get();
        PackagingObjective chosen = objective.get();
        // The charts are a quick read of the aggregates; the model's analysis (damage for every product and
        // package, two plans, the curve) is long work, so it never holds a quick-read thread other screens need.
        updates.read("charts", "Reading packaging damage", (ws, m) -> {
            PackagingRepository repo = new PackagingRepository(ws);
            return new Charts(repo.damageByPackage(), repo.damageByCategory(), repo.damageByCategoryAndPackage(), savedSentence(repo),
                    PackagingModel.exists(ws.modelsDir()));
        }, c -> {
            byPackage.set(c.byPackage());
            byCategory.set(c.byCategory());
            heat.set(c.heat());
            savedPlan.set(c.saved());
            if (!c.modelExists()) {
                message.set(c.byPackage().isEmpty() ? "This workspace has no shipments yet. Import package_types.csv, catalog.csv and "
                        + "shipments.csv first." : "No packaging damage model yet. Press Train to learn damage from the shipments.");
            }
        });
        updates.longWork("analysis", "Summarising packaging damage", (ws, m) -> {
            if (!PackagingModel.exists(ws.modelsDir())) {
                return Optional.<Analysis>empty();
            }
            PackagingAnalysis a = PackagingAnalysis.prepare(ws, PackagingModel.load(ws.modelsDir()), handling);
            PackagingRecommender.Plan leastDamage = a.plan(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, null, null);
            PackagingRecommender.Plan leastCost = a.plan(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE, null, null);
            PackagingRecommender.Plan p = chosen == PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE ? leastCost : leastDamage;
            return Optional.of(new Analysis(a, a.recommender().curve(CURVE_POINTS), p,
                    new TradeOffPoints(leastDamage.current(), leastDamage.recommended(), leastCost.recommended())));
        }, found -> {
            busy.set(false);
            analysis = found.map(Analysis::analysis).orElse(null);
            hasModel.set(found.isPresent());
            found.ifPresent(an -> {
                comparison.set(an.analysis().model().comparison());
                namedPoints.set(an.points());
                curve.set(an.curve());
                plan.set(an.plan());
                message.set(planSentence(an.plan()));
                loadCategories();
                firstPage();
            });
        });
    }

    /** Points on the trade-off curve. */
    static final int CURVE_POINTS = 40;

    /** Which plan the saved recommendation table holds, in a sentence. */
    static String savedSentence(PackagingRepository repo) {
        return repo.savedPlan().map(p -> "The table holds the plan saved for " + PackagingObjective.of(p.objective()).description() + " ("
                + p.objective() + ") at " + p.plannedAt().toLocalDateTime().withNano(0).toString().replace('T', ' ') + " UTC.")
                .orElse("No plan saved yet: choose an objective and press Save plan to fill the table.");
    }

    /** Trains both damage models in the background, then reloads everything. */
    public void train(long seed) {
        if (workspace == null) {
            return;
        }
        busy.set(true);
        message.set("Training the packaging damage models…");
        updates.longWork("train", "Training the packaging damage model",
                (ws, m) -> new PackagingTrainer().trainAndSave(ws, PackagingTrainer.Options.defaults(seed), m), r -> {
                    busy.set(false);
                    reload();
                });
    }

    /** Computes the plan for the chosen objective in the background, saves it and reloads the table. */
    public void applyObjective() {
        PackagingAnalysis a = analysis;
        PackagingObjective o = objective.get();
        if (a == null || o == null) {
            return;
        }
        long seq = planSequence.incrementAndGet();
        runSaved("Planning for " + o.id(), () -> a.plan(o, null, null), seq, a);
    }

    /**
     * Recomputes the plan with the least total cost at a damage budget (a point of the curve) in the
     * background; only the latest request is applied. With {@code save}, the plan is also written to
     * packaging_recommendations and the table reloads.
     */
    public void chooseDamage(double damageBudget, boolean save) {
        PackagingAnalysis a = analysis;
        if (a == null) {
            return;
        }
        long seq = planSequence.incrementAndGet();
        if (save) {
            runSaved("Saving the recommendation", () -> a.recommender().forBudget(damageBudget), seq, a);
            return;
        }
        updates.read("plan", "Recomputing the recommendation", (ws, m) -> a.recommender().forBudget(damageBudget), p -> {
            plan.set(p);
            message.set(planSentence(p));
        });
    }

    /** The least total cost within a damage budget (expected damaged shipments); saves the plan and reloads the table. */
    public void meetBudget(double budget) {
        PackagingAnalysis a = analysis;
        if (a == null) {
            return;
        }
        long seq = planSequence.incrementAndGet();
        runSaved("Finding the plan for the damage budget", () -> a.plan(null, budget, null), seq, a);
    }

    private record Saved(PackagingRecommender.Plan plan, String sentence) {
    }

    private void runSaved(String title, java.util.function.Supplier<PackagingRecommender.Plan> planner, long seq, PackagingAnalysis a) {
        updates.longWork("plan", title, (ws, m) -> {
            PackagingRecommender.Plan p = planner.get();
            if (seq != planSequence.get()) {
                return null;
            }
            a.save(p);
            return new Saved(p, savedSentence(new PackagingRepository(ws)));
        }, r -> {
            if (r != null) {
                plan.set(r.plan());
                savedPlan.set(r.sentence());
                message.set(planSentence(r.plan()));
                loadCategories();
                firstPage();
            }
        });
    }

    static String planSentence(PackagingRecommender.Plan p) {
        StringBuilder s = new StringBuilder(p.summary());
        if (!p.budgetMet()) {
            s.append(" The damage budget cannot be reached; this is the closest reachable plan.");
        }
        if (p.objective() != PackagingObjective.WEIGHTED && !Double.isNaN(p.solver().relativeGap())) {
            s.append(String.format(Locale.ROOT, " Solver: within %.2g %% of the optimum.", 100 * p.solver().relativeGap()));
        }
        return s.toString();
    }

    private void loadCategories() {
        updates.read("categories", "Listing categories", (ws, m) -> new PackagingRepository(ws).recommendationCategories(), cs -> {
            String keep = categoryFilter.get();
            categories.setAll(cs);
            if (keep != null && !cs.contains(keep)) {
                categoryFilter.set(null);
            }
        });
    }

    /** Reloads the table from its first page (after a filter change). */
    public void firstPage() {
        paging.first();
        refreshRows();
    }

    public void nextPage() {
        paging.next(this::refreshRows);
    }

    public void previousPage() {
        paging.previous(this::refreshRows);
    }

    private record Page(List<PackagingRepository.RecommendationRow> rows, long total) {
    }

    /** Reads the current page of the recommendation table with the filters. */
    public void refreshRows() {
        if (workspace == null || !hasModel.get()) {
            return;
        }
        String category = categoryFilter.get();
        boolean changed = changedOnly.get();
        String text = search.get();
        int from = Math.toIntExact(paging.offset());
        updates.read("page", "Reading recommendations", (ws, m) -> {
            PackagingRepository repo = new PackagingRepository(ws);
            return new Page(repo.recommendations(category, changed, text, from, PAGE), repo.countRecommendations(category, changed, text));
        }, page -> {
            rows.setAll(page.rows());
            paging.setTotal(page.total());
        });
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
            PackagingRecommender.writeRows(all, file);
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

    /** The current policy and the two named plans (null before a model is trained). */
    public ObjectProperty<TradeOffPoints> namedPointsProperty() {
        return namedPoints;
    }

    /** The objective Save plan uses. */
    public ObjectProperty<PackagingObjective> objectiveProperty() {
        return objective;
    }

    /** Which plan the saved table holds, in a sentence. */
    public StringProperty savedPlanProperty() {
        return savedPlan;
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
        return paging.totalProperty();
    }

    public LongProperty offsetProperty() {
        return paging.offsetProperty();
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

    /** Where the table stands: the page's first row, the matching rows, the range shown. */
    public Paging paging() {
        return paging;
    }
}
