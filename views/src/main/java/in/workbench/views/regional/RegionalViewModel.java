package in.workbench.views.regional;

import in.workbench.analytics.regional.DeliverySpeed;
import in.workbench.analytics.regional.RankingPreview;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.regional.RegionalPreferences;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.shell.OpensFiltered;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Regional screen's state: the subcategory shown on the map and its lift per state, the
 * chosen state's top subcategories, products and delivery speed, the states where the
 * subcategory over-indexes, and the ranking preview with its three weights. Loads the aggregates
 * once per workspace in the background (building them once for an older workspace); selections
 * then work from that snapshot, and only the latest ranking or product answer is applied.
 * Used on the JavaFX thread.
 */
public final class RegionalViewModel implements OpensFiltered {

    /** Rows in the state's lists. */
    public static final int TOP = 10;
    /** Rows of the ranking preview. */
    public static final int RANKED = 30;

    private final TaskRunner runner;
    private final RegionalAggregates aggregates;
    private final Consumer<Throwable> onError;
    private Workspace workspace;
    private RegionalPreferences preferences;
    private DeliverySpeed speed;
    private final ScreenUpdates updates;
    private boolean loading;

    private final ObservableList<String> subcategories = FXCollections.observableArrayList();
    private final ObservableList<String> states = FXCollections.observableArrayList();
    private final StringProperty subcategory = new SimpleStringProperty();
    private final StringProperty state = new SimpleStringProperty();
    private final ObjectProperty<Map<String, Double>> liftByState = new SimpleObjectProperty<>(Map.of());
    private final ObservableList<RegionalPreferences.Lift> stateSubcategories = FXCollections.observableArrayList();
    private final ObservableList<RegionalPreferences.ProductOrders> stateProducts = FXCollections.observableArrayList();
    private final ObservableList<RegionalPreferences.Lift> overIndexing = FXCollections.observableArrayList();
    private final ObservableList<DeliverySpeed.Speed> stateDelivery = FXCollections.observableArrayList();
    private final ObservableList<DeliverySpeed.Speed> deliveryByState = FXCollections.observableArrayList();
    private final StringProperty explanation = new SimpleStringProperty("");
    private final StringProperty stateSummary = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("saree");
    private final DoubleProperty textWeight = new SimpleDoubleProperty(1);
    private final DoubleProperty popularityWeight = new SimpleDoubleProperty(1);
    private final DoubleProperty speedWeight = new SimpleDoubleProperty(0.5);
    private final ObservableList<RankingPreview.Ranked> ranking = FXCollections.observableArrayList();

    public RegionalViewModel(TaskRunner runner, RegionalAggregates aggregates, Consumer<Throwable> onError) {
        this.runner = runner;
        this.aggregates = aggregates;
        this.onError = onError;
        this.updates = new ScreenUpdates(runner, () -> workspace, onError);
        subcategory.addListener((obs, o, n) -> showSubcategory());
        state.addListener((obs, o, n) -> {
            showState();
            rank();
        });
        query.addListener((obs, o, n) -> rank());
        textWeight.addListener((obs, o, n) -> rank());
        popularityWeight.addListener((obs, o, n) -> rank());
        speedWeight.addListener((obs, o, n) -> rank());
    }

    private record Snapshot(RegionalPreferences preferences, DeliverySpeed speed) {
    }

    /**
     * Reads the workspace's aggregates in the background: a quick read when they are built (every workspace an import
     * made), so that it never waits behind another screen's long analysis at start-up; long work that builds them
     * first when they are not.
     */
    public void load(Workspace ws) {
        this.workspace = ws;
        updates.read("aggregates", "Reading regional preferences", (w, m) -> aggregates.isBuilt(w)
                ? java.util.Optional.of(snapshot(w)) : java.util.Optional.<Snapshot>empty(),
                built -> built.ifPresentOrElse(this::show, this::buildThenShow));
    }

    private void buildThenShow() {
        updates.longWork("aggregates", "Building regional preferences", (w, m) -> {
            aggregates.ensureBuilt(w, m);
            return snapshot(w);
        }, this::show);
    }

    private static Snapshot snapshot(Workspace w) {
        return new Snapshot(RegionalPreferences.load(w), DeliverySpeed.load(w));
    }

    private void show(Snapshot s) {
        loading = true;
        preferences = s.preferences();
        speed = s.speed();
        subcategories.setAll(preferences.subcategories());
        states.setAll(preferences.states());
        deliveryByState.setAll(speed.byState().stream().filter(x -> x.timed() > 0).toList());
        StringBuilder text = new StringBuilder(preferences.unknownExplanation());
        if (!preferences.statesWithoutOrders().isEmpty()) {
            text.append(" No orders at all from ").append(String.join(", ", preferences.statesWithoutOrders()))
                    .append(": grey on the map, never guessed.");
        }
        text.append(" Lift = the state's share of orders shrunk toward the national share (empirical-Bayes beta prior, so a state"
                + " with few orders stays near 1), over the national share; 90 % interval in brackets.");
        explanation.set(text.toString());
        if (subcategory.get() == null || !subcategories.contains(subcategory.get())) {
            subcategory.set(mostRegional());
        }
        if (state.get() == null || !states.contains(state.get())) {
            state.set(states.stream().max(Comparator.comparingLong(preferences::ordersOf)).orElse(null));
        }
        loading = false;
        showSubcategory();
        showState();
        rank();
    }

    /** The subcategory whose strongest state lift is highest: the most regional taste, shown first. */
    private String mostRegional() {
        return subcategories.stream().max(Comparator.comparingDouble(sub -> preferences.liftByState(sub).values().stream()
                .mapToDouble(Double::doubleValue).max().orElse(0))).orElse(null);
    }

    private void showSubcategory() {
        if (preferences == null || loading) {
            return;
        }
        String sub = subcategory.get();
        liftByState.set(sub == null ? Map.of() : preferences.liftByState(sub));
        overIndexing.setAll(sub == null ? List.of() : preferences.overIndexingStates(sub));
    }

    private void showState() {
        if (preferences == null || loading) {
            return;
        }
        String st = state.get();
        if (st == null) {
            stateSubcategories.clear();
            stateProducts.clear();
            stateDelivery.clear();
            stateSummary.set("");
            return;
        }
        stateSubcategories.setAll(preferences.topSubcategories(st, TOP));
        stateDelivery.setAll(speed.ofState(st));
        DeliverySpeed.Speed total = speed.byState().stream().filter(x -> x.state().equals(st)).findFirst().orElse(null);
        stateSummary.set(preferences.ordersOf(st) == 0 ? st + " has no orders."
                : String.format("%s: %,d orders%s.", st, preferences.ordersOf(st), total == null || total.timed() == 0 ? ""
                        : String.format("; %.1f days promised, %.1f actual, %.0f %% late", total.meanPromised(), total.meanActual(),
                                100 * total.lateShare())));
        RegionalPreferences prefs = preferences;
        updates.read("products", "Reading " + st + "'s top products", (w, m) -> prefs.topProducts(st, TOP), stateProducts::setAll);
    }

    private void rank() {
        if (preferences == null || loading || state.get() == null) {
            return;
        }
        String q = query.get();
        String st = state.get();
        RankingPreview.Weights w = new RankingPreview.Weights(textWeight.get(), popularityWeight.get(), speedWeight.get());
        RegionalPreferences prefs = preferences;
        DeliverySpeed sp = speed;
        updates.read("ranking", "Ranking '" + q + "' for " + st, (ws, m) -> new RankingPreview(ws).rank(q, st, w, prefs, sp, RANKED),
                ranking::setAll);
    }

    /** Opens on what another screen asked for: {@code state} and/or {@code subcategory}. */
    @Override
    public void applyFilter(Map<String, String> filter) {
        String sub = filter.get("subcategory");
        if (sub != null && !sub.isBlank()) {
            subcategory.set(sub);
        }
        String st = filter.get("state");
        if (st != null && !st.isBlank()) {
            state.set(st);
        }
    }

    /** The map's hover text for a state: its lift with interval and orders, or why it has none. */
    public String details(String st) {
        if (preferences == null) {
            return "";
        }
        if (preferences.ordersOf(st) == 0) {
            return st + ": no orders";
        }
        RegionalPreferences.Lift l = subcategory.get() == null ? null : preferences.lift(st, subcategory.get());
        if (l == null) {
            return st + ": " + String.format("%,d orders", preferences.ordersOf(st));
        }
        return String.format("%s · %s%nlift %.2f [%.2f–%.2f]%n%,d of %,d orders (%.1f %%; nationally %.1f %%)", st, l.subcategory(),
                l.lift(), l.liftLow(), l.liftHigh(), l.orders(), l.stateOrders(), 100 * l.share(), 100 * l.nationalShare());
    }

    public ObservableList<String> subcategories() {
        return subcategories;
    }

    public ObservableList<String> states() {
        return states;
    }

    public StringProperty subcategoryProperty() {
        return subcategory;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public ObjectProperty<Map<String, Double>> liftByStateProperty() {
        return liftByState;
    }

    public ObservableList<RegionalPreferences.Lift> stateSubcategories() {
        return stateSubcategories;
    }

    public ObservableList<RegionalPreferences.ProductOrders> stateProducts() {
        return stateProducts;
    }

    public ObservableList<RegionalPreferences.Lift> overIndexing() {
        return overIndexing;
    }

    public ObservableList<DeliverySpeed.Speed> stateDelivery() {
        return stateDelivery;
    }

    public ObservableList<DeliverySpeed.Speed> deliveryByState() {
        return deliveryByState;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    public StringProperty stateSummaryProperty() {
        return stateSummary;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public DoubleProperty textWeightProperty() {
        return textWeight;
    }

    public DoubleProperty popularityWeightProperty() {
        return popularityWeight;
    }

    public DoubleProperty speedWeightProperty() {
        return speedWeight;
    }

    public ObservableList<RankingPreview.Ranked> ranking() {
        return ranking;
    }
}
