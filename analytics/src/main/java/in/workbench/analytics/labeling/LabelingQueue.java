package in.workbench.analytics.labeling;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScore;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.segmentation.WeakLabeler;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what the analyst labels next: the unlabelled addresses the models are least sure of
 * (deliverability score nearest 0.5, and the segmenter's lowest token confidence), with
 * near-duplicates grouped (same text once digits, case and punctuation are ignored, same pincode:
 * one decision labels the group) and mixed across pincodes so one locality does not fill the queue.
 * Only a bounded sample of candidates is scored, so building the queue takes about the same time
 * on any workspace size.
 *
 * <p>Stateless; thread-safe. Built in the background; the screen keeps labelling the previous
 * queue meanwhile.
 */
public final class LabelingQueue {

    /** Candidates scored per build at most. */
    static final int SAMPLE = 1_500;
    /** A pincode appears at most once among this many consecutive queue items. */
    static final int DIVERSITY_WINDOW = 12;

    private final Workspace workspace;
    private final AddressParser parser;

    public LabelingQueue(Workspace workspace, AddressParser parser) {
        this.workspace = workspace;
        this.parser = parser;
    }

    /** An address as the screen shows it. */
    public record Address(String id, String customerId, String text, String city, String state, String pincode) {
    }

    /**
     * One item of the queue.
     *
     * @param address the address shown
     * @param duplicates its near-duplicates, labelled with it in one decision
     * @param deliverability the model's delivery probability, or NaN without a model
     * @param segmentation the model's segmentation (weak labels without a model)
     * @param why a short phrase: why this address is in the queue
     */
    public record Item(Address address, List<Address> duplicates, double deliverability, Segmentation segmentation, double priority,
            String why) {

        /** The ids the decision applies to: the address first, then its duplicates. */
        public List<String> addressIds() {
            List<String> ids = new ArrayList<>();
            ids.add(address.id());
            duplicates.forEach(d -> ids.add(d.id()));
            return ids;
        }
    }

    /** The near-duplicate key: letters only, lower case, with the pincode. */
    static String duplicateKey(Address a) {
        String letters = PostalDirectory.normalise(a.text() == null ? "" : a.text()).replaceAll("[\\d\\s]+", " ").trim();
        return letters + "|" + (a.pincode() == null ? "" : a.pincode().trim());
    }

    /**
     * Builds a queue of at most {@code size} items, leaving out the addresses in {@code exclude}
     * (those decided or skipped in this session).
     */
    public List<Item> build(DeliverabilityModel deliverability, SegmentationModel segmenter, int size, Set<String> exclude,
            ProgressMonitor monitor) {
        List<Address> unlabelled = new ArrayList<>();
        new LabelStore(workspace).eachUnlabelledAddress(a -> {
            if (!exclude.contains(a.id())) {
                unlabelled.add(a);
            }
        });
        Map<String, List<Address>> groups = new LinkedHashMap<>();
        for (Address a : unlabelled) {
            groups.computeIfAbsent(duplicateKey(a), k -> new ArrayList<>()).add(a);
        }
        List<List<Address>> all = new ArrayList<>(groups.values());
        all.sort(Comparator.comparingLong((List<Address> g) -> mix(g.get(0).id())));
        List<List<Address>> sample = all.subList(0, Math.min(SAMPLE, all.size()));
        monitor.update(0, 2, "scoring " + sample.size() + " candidate addresses");
        double[] p = new double[sample.size()];
        java.util.Arrays.fill(p, Double.NaN);
        if (deliverability != null && !sample.isEmpty()) {
            List<DeliverabilityModel.Input> inputs = sample.stream().map(g -> g.get(0))
                    .map(a -> new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode())).toList();
            List<AddressScore> scores = deliverability.scoreAll(parser, inputs);
            for (int i = 0; i < p.length; i++) {
                p[i] = scores.get(i).score();
            }
        }
        monitor.checkCancelled();
        WeakLabeler weak = new WeakLabeler(parser);
        List<Item> items = new ArrayList<>(sample.size());
        for (int i = 0; i < sample.size(); i++) {
            Address a = sample.get(i).get(0);
            Segmentation seg = segmenter != null ? segmenter.segment(parser, a.text(), a.pincode()) : weak.label(a.text(), a.pincode());
            double minConfidence = seg.segments().stream().mapToDouble(x -> x.confidence()).min().orElse(1);
            double dUnsure = Double.isNaN(p[i]) ? 0.5 : 1 - Math.abs(2 * p[i] - 1);
            double sUnsure = segmenter == null ? 0.5 : 1 - minConfidence;
            double priority = 0.6 * dUnsure + 0.4 * sUnsure;
            String why = Double.isNaN(p[i]) ? (segmenter == null ? "no model yet: a varied sample" : String.format(java.util.Locale.ROOT,
                    "segmenter unsure (lowest span confidence %.0f%%)", 100 * minConfidence))
                    : String.format(java.util.Locale.ROOT, "deliverability %.0f%%, lowest span confidence %.0f%%", 100 * p[i],
                            100 * minConfidence);
            items.add(new Item(a, List.copyOf(sample.get(i).subList(1, sample.get(i).size())), p[i], seg, priority, why));
        }
        items.sort(Comparator.comparingDouble((Item it) -> -it.priority()).thenComparing(it -> it.address().id()));
        monitor.update(2, 2, "done");
        return diversify(items, size);
    }

    /**
     * The item for addresses decided together earlier (an undone decision from another session):
     * the first address shown with the others as its duplicates, scored and segmented afresh.
     * Addresses deleted from the workspace since are left out; empty when none is left.
     */
    public java.util.Optional<Item> itemFor(List<String> addressIds, DeliverabilityModel deliverability, SegmentationModel segmenter,
            String why) {
        List<Address> found = new LabelStore(workspace).addresses(addressIds);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        Address a = found.get(0);
        double p = deliverability == null ? Double.NaN
                : deliverability.score(parser, new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode())).score();
        Segmentation seg = segmenter != null ? segmenter.segment(parser, a.text(), a.pincode())
                : new WeakLabeler(parser).label(a.text(), a.pincode());
        return java.util.Optional.of(new Item(a, List.copyOf(found.subList(1, found.size())), p, seg, 1.0, why));
    }

    /** Takes items in priority order but defers one whose pincode appeared among the last few taken. */
    static List<Item> diversify(List<Item> byPriority, int size) {
        List<Item> out = new ArrayList<>();
        Deque<Item> deferred = new ArrayDeque<>();
        Deque<String> recent = new ArrayDeque<>();
        Map<String, Integer> inWindow = new HashMap<>();
        for (Item it : byPriority) {
            if (out.size() >= size) {
                break;
            }
            String place = place(it);
            if (!place.isEmpty() && inWindow.getOrDefault(place, 0) > 0) {
                deferred.add(it);
                continue;
            }
            out.add(it);
            recent.addLast(place);
            inWindow.merge(place, 1, Integer::sum);
            if (recent.size() > DIVERSITY_WINDOW) {
                inWindow.merge(recent.removeFirst(), -1, Integer::sum);
            }
        }
        while (out.size() < size && !deferred.isEmpty()) {
            out.add(deferred.removeFirst());
        }
        return out;
    }

    private static String place(Item it) {
        String pin = it.address().pincode();
        return pin == null ? "" : pin.trim();
    }

    private static long mix(String id) {
        long h = id.hashCode() * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
