package in.workbench.views.labeling;

import in.workbench.analytics.segmentation.SegmentLabel;
import java.util.EnumMap;
import java.util.Map;

/** The colour of each segment label on screen (light backgrounds that keep dark text readable). Immutable. */
final class SegmentColours {

    private static final Map<SegmentLabel, String> COLOURS = new EnumMap<>(Map.ofEntries(
            Map.entry(SegmentLabel.HOUSE, "#f9d5a7"), Map.entry(SegmentLabel.BUILDING, "#f6b8c8"), Map.entry(SegmentLabel.STREET, "#c9e4a7"),
            Map.entry(SegmentLabel.LANDMARK, "#f3e38b"), Map.entry(SegmentLabel.LOCALITY, "#a9d6f5"),
            Map.entry(SegmentLabel.SUBLOCALITY, "#cfe6f7"), Map.entry(SegmentLabel.CITY, "#c7b9f0"), Map.entry(SegmentLabel.DISTRICT, "#ddd2f7"),
            Map.entry(SegmentLabel.STATE, "#b9e8dc"), Map.entry(SegmentLabel.PINCODE, "#e8c4a2"), Map.entry(SegmentLabel.OTHER, "#e4e4e4")));

    private SegmentColours() {
    }

    static String of(SegmentLabel label) {
        return COLOURS.get(label);
    }
}
