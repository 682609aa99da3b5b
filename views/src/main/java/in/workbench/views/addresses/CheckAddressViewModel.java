package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressScore;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.views.task.Failures;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Check an address screen's state: the address being typed and its score, flag, reasons and
 * parts. Each {@link #check()} scores the current text on a background executor; results arrive
 * on the JavaFX executor and only the latest request's result is applied, so a slow result never
 * overwrites a newer one (the view debounces typing before calling {@code check}). Used on the
 * JavaFX thread.
 */
public final class CheckAddressViewModel {

    private final AddressesSession session;
    private final Executor background;
    private final Executor fx;
    private final AtomicLong latest = new AtomicLong();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("");
    private final StringProperty pincode = new SimpleStringProperty("");
    private final ObjectProperty<AddressScore> result = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    /**
     * @param background where scoring runs (one daemon thread in the window)
     * @param fx where results are applied ({@code Platform::runLater} in the window)
     */
    public CheckAddressViewModel(AddressesSession session, Executor background, Executor fx) {
        this.session = session;
        this.background = background;
        this.fx = fx;
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
        long id = latest.incrementAndGet();
        DeliverabilityModel model = session.modelProperty().get();
        if (model == null) {
            result.set(null);
            String problem = session.modelProblemProperty().get();
            message.set(problem == null || problem.isEmpty() ? "Loading the deliverability model…" : problem);
            return;
        }
        String t = text.get();
        if (t == null || t.isBlank()) {
            if (blank(city.get()) && blank(pincode.get())) {
                result.set(null);
                message.set("Type or paste an address to see its score and what to fix.");
                return;
            }
        }
        DeliverabilityModel.Input input = new DeliverabilityModel.Input(t, empty(city.get()), empty(state.get()), empty(pincode.get()));
        background.execute(() -> {
            AddressScore s;
            try {
                s = model.score(session.parser(), input);
            } catch (RuntimeException e) {
                String sentence = Failures.sentenceFor(e);
                fx.execute(() -> {
                    if (latest.get() == id) {
                        result.set(null);
                        message.set(sentence);
                    }
                });
                return;
            }
            fx.execute(() -> {
                if (latest.get() == id) {
                    result.set(s);
                    message.set("");
                }
            });
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String empty(String s) {
        return blank(s) ? null : s;
    }
}
