package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressScore;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.views.task.Failures;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Check an address screen's state: the address being typed and its score, flag, reasons and
 * parts. Each {@link #check()} scores the current text in the task runner's quick lane through
 * {@link ScreenUpdates}: only the latest request's result is applied, so a slow result never
 * overwrites a newer one (the view debounces typing before calling {@code check}). Used on the
 * JavaFX thread.
 */
public final class CheckAddressViewModel {

    private final AddressesSession session;
    private static final String SCORE = "score";
    private final ScreenUpdates updates;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty pincode = new SimpleStringProperty("");
    private final ObjectProperty<AddressScore> result = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    /** @param runner runs the scoring (its quick lane) */
    public CheckAddressViewModel(AddressesSession session, TaskRunner runner) {
        this.session = session;
        this.updates = new ScreenUpdates(runner, () -> session.workspaceProperty().get(), e -> showProblem(Failures.sentenceFor(e)));
        session.modelProperty().addListener((o, a, b) -> check());
        session.modelProblemProperty().addListener((o, a, b) -> check());
    }

    public AddressesSession session() {
        return session;
    }

    /** The address as typed or pasted. */
    public StringProperty textProperty() {
        return text;
    }

    /** The optional city field. */
    public StringProperty cityProperty() {
        return city;
    }

    /** The optional state field. */
    public StringProperty stateProperty() {
        return state;
    }

    /** The optional pincode field. */
    public StringProperty pincodeProperty() {
        return pincode;
    }

    /** The latest score, or null (no model, nothing typed). */
    public ObjectProperty<AddressScore> resultProperty() {
        return result;
    }

    /** What to do when no score can be shown. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Scores what is typed now, off the JavaFX thread; earlier pending results are dropped. */
    public void check() {
        DeliverabilityModel model = session.modelProperty().get();
        if (model == null) {
            updates.forget(SCORE);
            String problem = session.modelProblemProperty().get();
            showProblem(problem == null || problem.isEmpty() ? "Loading the deliverability model…" : problem);
            return;
        }
        String t = text.get();
        if ((t == null || t.isBlank()) && blank(city.get()) && blank(pincode.get())) {
            updates.forget(SCORE);
            showProblem("Type or paste an address to see its score and what to fix.");
            return;
        }
        DeliverabilityModel.Input input = new DeliverabilityModel.Input(t, empty(city.get()), empty(state.get()), empty(pincode.get()));
        updates.read(SCORE, "Checking the address", (ws, m) -> model.score(session.parser(), input), s -> {
            result.set(s);
            message.set("");
        });
    }

    private void showProblem(String sentence) {
        result.set(null);
        message.set(sentence);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String empty(String s) {
        return blank(s) ? null : s;
    }
}
