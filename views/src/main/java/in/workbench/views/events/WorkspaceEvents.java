package in.workbench.views.events;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The window's workspace events: screens subscribe to the kinds they show and the feature that
 * changed the workspace publishes. Subscribers are called in the order they subscribed, on the
 * publisher's thread; screens publish from their task callbacks, so that is the JavaFX thread.
 * A subscriber that fails does not stop the others (its failure goes to the error handler).
 *
 * <p>Used on the JavaFX thread only (not thread-safe). One instance per window, built by the app.
 */
public final class WorkspaceEvents {

    private final Map<WorkspaceEvent.Kind, List<Consumer<WorkspaceEvent>>> subscribers = new EnumMap<>(WorkspaceEvent.Kind.class);
    private final Consumer<Throwable> onFailure;

    /** @param onFailure where a failing subscriber's exception goes (the error dialog) */
    public WorkspaceEvents(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
    }

    /** Calls {@code subscriber} on every later event of one of {@code kinds}. */
    public void subscribe(Consumer<WorkspaceEvent> subscriber, WorkspaceEvent.Kind... kinds) {
        for (WorkspaceEvent.Kind k : kinds) {
            subscribers.computeIfAbsent(k, x -> new ArrayList<>()).add(subscriber);
        }
    }

    /** Tells every subscriber of the event's kind. */
    public void publish(WorkspaceEvent event) {
        for (Consumer<WorkspaceEvent> s : List.copyOf(subscribers.getOrDefault(event.kind(), List.of()))) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }

    /** Events nobody listens to: for view models built without a window (tests, tools). */
    public static WorkspaceEvents none() {
        return new WorkspaceEvents(e -> {
        });
    }
}
