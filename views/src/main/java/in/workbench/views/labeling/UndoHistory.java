package in.workbench.views.labeling;

import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.labeling.LabelingQueue;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Backspace on the Labeling screen: the analyst's decisions, newest first — this session's (with
 * the segments as the analyst left them), then, once those are undone, the analyst's decisions of
 * earlier sessions from the workspace. One way for both: {@link #undoNewest} undoes the decision
 * and returns what to show to decide again.
 *
 * <p>{@link #record}, {@link #forget} and {@link #takeNewest} on the JavaFX thread;
 * {@link #undoNewest} on the label writer's worker.
 */
public final class UndoHistory {

    /** A decision of this session: its receipt id, the item as decided (with corrected segments), and whether they were corrected. */
    public record Decided(String receiptId, LabelingQueue.Item item, boolean edited, String label) {
    }

    /**
     * What an undo did.
     *
     * @param item what to decide again; empty when the addresses left the workspace
     * @param edited whether the item carries the analyst's corrected segments
     * @param when when an earlier session's decision was made ("12 Mar 14:05"); null for this session's
     */
    public record Undone(Optional<LabelingQueue.Item> item, boolean edited, String label, int addresses, String when) {

        /** What the screen says. */
        public String sentence() {
            String what = "the " + label + " label of " + addresses + (addresses == 1 ? " address" : " addresses");
            String from = when == null ? "Undone: " : "Undone from " + when + ": ";
            return item.isPresent() ? from + what + ". Decide it again."
                    : from + "the " + label + " label; its addresses are no longer in the workspace.";
        }
    }

    private final Deque<Decided> session = new ArrayDeque<>();

    /** Remembers a decision the analyst just made. */
    public void record(Decided d) {
        session.push(d);
    }

    /** Forgets a decision whose save failed (there is nothing to undo). */
    public void forget(String receiptId) {
        session.removeIf(d -> d.receiptId().equals(receiptId));
    }

    /** Starts a new session (another workspace). */
    public void clear() {
        session.clear();
    }

    /** The newest decision of this session, taken off the history; empty when this session has none left. */
    public Optional<Decided> takeNewest() {
        return Optional.ofNullable(session.poll());
    }

    /**
     * Undoes {@code mine} (a decision of this session, as taken by {@link #takeNewest}), or when
     * empty the analyst's newest decision of an earlier session. Runs on the writer's worker, after
     * every decision queued before it was written.
     *
     * @return what was undone; empty when the analyst has no decision left to undo
     */
    public static Optional<Undone> undoNewest(Optional<Decided> mine, LabelSink sink, LabelStore store, QueueSource source,
            String analyst) {
        if (mine.isPresent()) {
            Decided d = mine.get();
            sink.undo(d.receiptId());
            return Optional.of(new Undone(Optional.of(d.item()), d.edited(), d.label(), d.item().addressIds().size(), null));
        }
        List<LabelStore.Decision> earlier = store.recentDecisions(analyst, 1);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        LabelStore.Decision d = earlier.get(0);
        String when = d.at() == null ? "an earlier session"
                : d.at().atZoneSameInstant(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("d MMM HH:mm"));
        Optional<LabelingQueue.Item> item = source.again(d.addressIds(), "decided " + when + ", undone to decide again");
        store.undo(d.id());
        return Optional.of(new Undone(item, false, d.label(), d.addressIds().size(), when));
    }
}
