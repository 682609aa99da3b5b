package in.workbench.analytics.segmentation;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Span-level precision, recall and F1 of predicted segmentations against reference ones: a
 * predicted segment counts only when a reference segment has the same label and exactly the same
 * tokens. OTHER is not a segment. Micro-averaged over all segments, with per-label F1.
 *
 * <p>Not thread-safe while counting; {@link #add} one pair at a time.
 */
public final class SpanF1 {

    private long truePositives;
    private long predicted;
    private long reference;
    private long addresses;
    private final Map<SegmentLabel, long[]> perLabel = new EnumMap<>(SegmentLabel.class);

    /** Counts one address. */
    public SpanF1 add(Segmentation predictedSegments, Segmentation referenceSegments) {
        Set<String> ref = spans(referenceSegments.segments());
        Set<String> pred = spans(predictedSegments.segments());
        for (Segment s : referenceSegments.segments()) {
            if (s.label() != SegmentLabel.OTHER) {
                perLabel.computeIfAbsent(s.label(), k -> new long[3])[2]++;
            }
        }
        for (Segment s : predictedSegments.segments()) {
            if (s.label() == SegmentLabel.OTHER) {
                continue;
            }
            long[] c = perLabel.computeIfAbsent(s.label(), k -> new long[3]);
            c[1]++;
            if (ref.contains(key(s))) {
                c[0]++;
                truePositives++;
            }
        }
        predicted += pred.size();
        reference += ref.size();
        addresses++;
        return this;
    }

    private static Set<String> spans(List<Segment> segments) {
        Set<String> out = new HashSet<>();
        for (Segment s : segments) {
            if (s.label() != SegmentLabel.OTHER) {
                out.add(key(s));
            }
        }
        return out;
    }

    private static String key(Segment s) {
        return s.label() + ":" + s.firstToken() + ":" + s.lastToken();
    }

    /** Addresses counted. */
    public long addresses() {
        return addresses;
    }

    public double precision() {
        return predicted == 0 ? 0 : truePositives / (double) predicted;
    }

    public double recall() {
        return reference == 0 ? 0 : truePositives / (double) reference;
    }

    /** Micro-averaged span F1 (0 when nothing was counted). */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** F1 per label that occurred. */
    public Map<SegmentLabel, Double> perLabelF1() {
        Map<SegmentLabel, Double> out = new EnumMap<>(SegmentLabel.class);
        perLabel.forEach((label, c) -> {
            double p = c[1] == 0 ? 0 : c[0] / (double) c[1];
            double r = c[2] == 0 ? 0 : c[0] / (double) c[2];
            out.put(label, p + r == 0 ? 0 : 2 * p * r / (p + r));
        });
        return out;
    }
}
