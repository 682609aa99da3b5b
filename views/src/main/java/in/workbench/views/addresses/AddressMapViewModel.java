package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressInsights;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.TaskRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Map screen's state: the share of flagged addresses per state (for the choropleth) and per
 * city of the {@link #topCitiesProperty() top N} cities by address count (for the bar chart),
 * reloaded whenever scores or flags change. Used on the JavaFX thread.
 */
public final class AddressMapViewModel {

    private final AddressesSession session;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;
    private final ObjectProperty<List<AddressInsights.Share>> byState = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<AddressInsights.Share>> byCity = new SimpleObjectProperty<>(List.of());
    private final IntegerProperty topCities = new SimpleIntegerProperty(20);
    private final StringProperty message = new SimpleStringProperty("");
    private long requests;

    public AddressMapViewModel(AddressesSession session, TaskRunner runner, Consumer<Throwable> onError) {
        this.session = session;
        this.runner = runner;
        this.onError = onError;
        session.workspaceProperty().addListener((o, a, b) -> load());
        session.revisionProperty().addListener((o, a, b) -> load());
        topCities.addListener((o, a, b) -> load());
        load();
    }

    public AddressesSession session() {
        return session;
    }

    /** Flagged share per state, largest first. */
    public ObjectProperty<List<AddressInsights.Share>> byStateProperty() {
        return byState;
    }

    /** Flagged share of the largest cities, largest share first. */
    public ObjectProperty<List<AddressInsights.Share>> byCityProperty() {
        return byCity;
    }

    /** How many cities (by number of scored addresses) the bar chart shows. */
    public IntegerProperty topCitiesProperty() {
        return topCities;
    }

    /** Why the map is empty, or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The map's values: flagged share (0–1) by state display name. */
    public Map<String, Double> shareByState() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (AddressInsights.Share s : byState.get()) {
            out.put(s.name(), s.share());
        }
        return out;
    }

    /** The tooltip's extra line for a state. */
    public String detailsOf(String state) {
        return byState.get().stream().filter(s -> s.name().equals(state)).findFirst()
                .map(s -> String.format("%,d of %,d scored addresses flagged", s.flagged(), s.addresses())).orElse(null);
    }

    private record Shares(long scored, List<AddressInsights.Share> states, List<AddressInsights.Share> cities) {
    }

    /** Reads the shares again. */
    public void load() {
        Workspace ws = session.workspaceProperty().get();
        if (ws == null) {
            return;
        }
        int n = topCities.get();
        long request = ++requests;
        runner.submit(TaskRunner.Lane.QUICK, "Summarising flagged addresses", m -> {
            AddressInsights insights = new AddressInsights(ws);
            long scored = insights.scoredAddresses();
            return scored == 0 ? new Shares(0, List.of(), List.of()) : new Shares(scored, insights.flaggedShareByState(),
                    insights.flaggedShareByCity(n));
        }, s -> {
            if (session.workspaceProperty().get() != ws || request != requests) {
                return;
            }
            message.set(s.scored() == 0 ? "No address has a deliverability score yet. Train and score on the Addresses or Model screen." : "");
            byState.set(s.states());
            byCity.set(s.cities());
        }, onError);
    }
}
