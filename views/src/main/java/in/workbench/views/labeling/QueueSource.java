package in.workbench.views.labeling;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.labeling.LabelingLeases;
import in.workbench.analytics.labeling.LabelingQueue;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the next addresses to label come from, with the models of the moment: on a workspace
 * folder the addresses the models are least sure of ({@link LabelingQueue}); on a team workspace
 * addresses leased to this analyst ({@link LabelingLeases}), so no two analysts label one address
 * at once, except the share sent on purpose to a second analyst to measure agreement.
 *
 * <p>Immutable; its methods block on the database and run on a worker.
 */
public final class QueueSource {

    /** Items fetched per refill on a workspace folder. */
    static final int QUEUE_SIZE = 60;
    /** Addresses leased per refill on a team workspace (few: each is held from the others until labelled or given back). */
    static final int LEASED = 6;

    /** An item to label, and the lease that holds it on a team workspace (null on a workspace folder). */
    public record Taken(LabelingQueue.Item item, LabelingLeases.Lease lease) {
    }

    private final Workspace workspace;
    private final AddressParser parser;
    private final DeliverabilityModel deliverability;
    private final SegmentationModel segmenter;
    private final LabelingLeases leases;
    private final String analyst;

    /** @param leases the team workspace's leases, or null on a workspace folder */
    public QueueSource(Workspace workspace, AddressParser parser, DeliverabilityModel deliverability, SegmentationModel segmenter,
            LabelingLeases leases, String analyst) {
        this.workspace = workspace;
        this.parser = parser;
        this.deliverability = deliverability;
        this.segmenter = segmenter;
        this.leases = leases;
        this.analyst = analyst;
    }

    /** The next items, leaving out the addresses in {@code exclude} (seen in this session). */
    public List<Taken> take(Set<String> exclude, ProgressMonitor monitor) {
        if (leases == null) {
            return new LabelingQueue(workspace, parser).build(deliverability, segmenter, QUEUE_SIZE, exclude, monitor).stream()
                    .map(i -> new Taken(i, null)).toList();
        }
        List<Taken> out = new ArrayList<>();
        LabelingQueue queue = new LabelingQueue(workspace, parser);
        for (int i = 0; i < LEASED; i++) {
            monitor.checkCancelled();
            Optional<LabelingLeases.Lease> lease = leases.next(analyst);
            if (lease.isEmpty()) {
                break;
            }
            String why = lease.get().slot() == 2 ? "a second look: another analyst labelled it, agreement is measured on it"
                    : "leased to you: no other analyst gets it while you hold it";
            Optional<LabelingQueue.Item> item = queue.itemFor(List.of(lease.get().addressId()), deliverability, segmenter, why);
            if (item.isPresent()) {
                out.add(new Taken(item.get(), lease.get()));
            } else {
                leases.release(lease.get());
            }
        }
        return out;
    }

    /** The item for addresses decided earlier, to decide again after an undo; empty when they are gone. */
    public Optional<LabelingQueue.Item> again(List<String> addressIds, String why) {
        return new LabelingQueue(workspace, parser).itemFor(addressIds, deliverability, segmenter, why);
    }

    /** True on a team workspace, where addresses are leased. */
    public boolean leased() {
        return leases != null;
    }
}
