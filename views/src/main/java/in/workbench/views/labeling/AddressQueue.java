package in.workbench.views.labeling;

import in.workbench.analytics.labeling.LabelingLeases;
import in.workbench.analytics.labeling.LabelingQueue;
import in.workbench.views.task.ScreenUpdates;
import in.workbench.views.task.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The addresses waiting to be shown on the Labeling screen: refilled in the background before it
 * runs dry, never showing an address twice in a session (unless an undo brings it back). On a
 * team workspace it holds the leases of its addresses: renewed while the analyst works, each given
 * back once its address is labelled or skipped, all given back when the analyst leaves.
 *
 * <p>Used on the JavaFX thread only; database work goes through the task runner.
 */
public final class AddressQueue {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AddressQueue.class);

    /** Refill in the background when fewer than this many items are left. */
    static final int REFILL_BELOW = 15;
    /** On a team workspace: every queued address is held from the other analysts, so refill only when nearly empty. */
    static final int LEASED_REFILL_BELOW = 2;
    /** How long a lease holds an address; renewed when half of it has passed and the analyst is still at work. */
    public static final Duration LEASE_TIME = Duration.ofMinutes(10);
    private static final String REFILL = "refill";

    private final ScreenUpdates updates;
    private final TaskRunner runner;
    private final Consumer<Throwable> onFailure;
    private final Clock clock;
    private final Deque<LabelingQueue.Item> items = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, LabelingLeases.Lease> held = new LinkedHashMap<>();
    private LabelingLeases leases;
    private Supplier<QueueSource> source;
    private Runnable arrived = () -> {
    };
    private boolean refilling;
    /** The last refill found nothing new: no more refills until something may have changed (an undo, a retraining, a refresh). */
    private boolean exhausted;

    public AddressQueue(ScreenUpdates updates, TaskRunner runner, Consumer<Throwable> onFailure, Clock clock) {
        this.updates = updates;
        this.runner = runner;
        this.onFailure = onFailure;
        this.clock = clock;
    }

    /**
     * Starts over for another workspace: gives back the leases held on the previous one.
     *
     * @param leases the team workspace's leases, or null on a workspace folder
     * @param source the source with the models of the moment (asked at every refill)
     * @param arrived called when a refill brought items
     */
    public void open(LabelingLeases leases, Supplier<QueueSource> source, Runnable arrived) {
        leave();
        updates.forget(REFILL);
        this.leases = leases;
        this.source = source;
        this.arrived = arrived;
        items.clear();
        seen.clear();
        refilling = false;
        exhausted = false;
    }

    /** Adds items to the end of the queue, leaving out those already seen; returns how many were new. */
    public int add(List<QueueSource.Taken> taken) {
        int added = 0;
        for (QueueSource.Taken t : taken) {
            String id = t.item().address().id();
            if (seen.add(id)) {
                items.addLast(t.item());
                added++;
                if (t.lease() != null) {
                    held.put(id, t.lease());
                }
            } else if (t.lease() != null && !held.containsKey(id)) {
                giveBack(List.of(t.lease()));
            }
        }
        if (added == 0) {
            exhausted = true;
        }
        return added;
    }

    /** The next item to show (null when none is ready); refills in the background when few are left. */
    public LabelingQueue.Item next() {
        LabelingQueue.Item next = items.pollFirst();
        if (items.size() < (leases != null ? LEASED_REFILL_BELOW : REFILL_BELOW) && !exhausted) {
            refill();
        }
        return next;
    }

    /** Puts an item back in front (the address shown when an undo brings back an earlier one). */
    public void putBack(LabelingQueue.Item item) {
        items.addFirst(item);
    }

    /** Something changed that may bring new addresses (an undo, a retraining): refills may find some again. */
    public void mayHaveMore() {
        exhausted = false;
    }

    /** True while a refill is on its way. */
    public boolean refilling() {
        return refilling;
    }

    /** Items waiting after the one shown. */
    public int size() {
        return items.size();
    }

    private void refill() {
        if (refilling || source == null) {
            return;
        }
        QueueSource s = source.get();
        if (s == null) {
            return;
        }
        refilling = true;
        Set<String> exclude = new HashSet<>(seen);
        updates.read(REFILL, "Refilling the labeling queue", (ws, m) -> s.take(exclude, m), taken -> {
            refilling = false;
            add(taken);
            arrived.run();
        }, e -> {
            refilling = false;
            exhausted = true;
            onFailure.accept(e);
        });
    }

    /**
     * The address was labelled (its label committed) or skipped: its lease goes back, in the
     * background. Renews the other leases when half their time has passed: the analyst is at work.
     */
    public void done(String addressId) {
        LabelingLeases.Lease lease = held.remove(addressId);
        if (lease != null) {
            giveBack(List.of(lease));
        }
        renewIfDue();
    }

    /** Lease of an address shown or queued, if the queue holds one. */
    public Optional<LabelingLeases.Lease> lease(String addressId) {
        return Optional.ofNullable(held.get(addressId));
    }

    private void renewIfDue() {
        OffsetDateTime half = OffsetDateTime.now(clock).plus(LEASE_TIME.dividedBy(2));
        List<LabelingLeases.Lease> due = held.values().stream().filter(l -> l.expiresAt().isBefore(half)).toList();
        if (due.isEmpty() || leases == null) {
            return;
        }
        LabelingLeases l = leases;
        runner.submit(TaskRunner.Lane.QUICK, "Keeping your leased addresses", m -> {
            List<LabelingLeases.Lease> renewed = new ArrayList<>();
            for (LabelingLeases.Lease lease : due) {
                l.renew(lease).ifPresent(renewed::add);
            }
            return renewed;
        }, renewed -> {
            if (l != leases) {
                return;
            }
            Set<String> kept = new HashSet<>();
            for (LabelingLeases.Lease r : renewed) {
                kept.add(r.addressId());
                held.computeIfPresent(r.addressId(), (k, old) -> r);
            }
            for (LabelingLeases.Lease lost : due) {
                if (!kept.contains(lost.addressId()) && held.remove(lost.addressId()) != null) {
                    items.removeIf(it -> it.address().id().equals(lost.addressId()));
                }
            }
        }, e -> LOG.debug("leases not renewed; they are taken afresh at the next refresh", e));
    }

    /**
     * Gives back every lease of the addresses queued but not shown ({@code shown} keeps its own),
     * empties the queue and fetches afresh: others' new labels are taken into account.
     */
    public void refresh(String shown) {
        List<LabelingLeases.Lease> back = new ArrayList<>();
        held.entrySet().removeIf(e -> {
            if (!e.getKey().equals(shown)) {
                back.add(e.getValue());
                return true;
            }
            return false;
        });
        giveBack(back);
        for (LabelingQueue.Item it : items) {
            seen.remove(it.address().id());
        }
        items.clear();
        exhausted = false;
        updates.forget(REFILL);
        refilling = false;
        refill();
    }

    /** Gives back every lease held (the analyst leaves the workspace); the queue stays as it is. */
    public void leave() {
        giveBack(new ArrayList<>(held.values()));
        held.clear();
    }

    /** Gives back leases now, on the calling thread (the window is closing and will not wait for a worker). */
    public void leaveNow() {
        LabelingLeases l = leases;
        if (l != null) {
            for (LabelingLeases.Lease lease : held.values()) {
                try {
                    l.release(lease);
                } catch (RuntimeException e) {
                    // the lease expires by itself; closing must not fail on it
                }
            }
        }
        held.clear();
    }

    private void giveBack(List<LabelingLeases.Lease> back) {
        LabelingLeases l = leases;
        if (back.isEmpty() || l == null) {
            return;
        }
        runner.submit(TaskRunner.Lane.QUICK, "Giving addresses back to the team's queue", m -> {
            back.forEach(l::release);
            return back.size();
        }, n -> {
        }, e -> LOG.debug("leases not given back; they expire by themselves", e));
    }
}
