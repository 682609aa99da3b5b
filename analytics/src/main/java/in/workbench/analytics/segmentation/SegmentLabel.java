package in.workbench.analytics.segmentation;

import java.util.Locale;
import java.util.Optional;

/** The parts an address is split into (the labels of address_labels.csv's {@code segments}). */
public enum SegmentLabel {
    HOUSE, BUILDING, STREET, LANDMARK, LOCALITY, SUBLOCALITY, CITY, DISTRICT, STATE, PINCODE, OTHER;

    /** The label named {@code name} (case-insensitive), if any. */
    public static Optional<SegmentLabel> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The next label in order, wrapping around (the labeling screen cycles a span's label with it). */
    public SegmentLabel next() {
        return values()[(ordinal() + 1) % values().length];
    }

    /** The previous label in order, wrapping around. */
    public SegmentLabel previous() {
        return values()[(ordinal() + values().length - 1) % values().length];
    }
}
