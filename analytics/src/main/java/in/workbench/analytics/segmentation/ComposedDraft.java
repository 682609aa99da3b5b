package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An address being written piece by piece for training, each piece with its label: the composers
 * append pieces with separators, and {@link #done} labels every token by the piece it starts in
 * (OTHER between pieces), after changing the casing of the whole text as people do. Not
 * thread-safe.
 */
final class ComposedDraft {

    private final StringBuilder text = new StringBuilder();
    private final List<int[]> ranges = new ArrayList<>();
    private final List<SegmentLabel> labels = new ArrayList<>();
    private final SplittableRandom random;
    /** The separator this address uses between most of its parts. */
    final String comma;

    ComposedDraft(SplittableRandom random, String comma) {
        this.random = random;
        this.comma = comma;
    }

    void add(SegmentLabel label, String piece) {
        add(label, piece, comma);
    }

    void add(SegmentLabel label, String piece, String separator) {
        if (piece.isBlank()) {
            return;
        }
        if (text.length() > 0) {
            text.append(separator);
        }
        ranges.add(new int[] {text.length(), text.length() + piece.length()});
        labels.add(label);
        text.append(piece);
    }

    /** The labelled address; upper case with probability {@code upper}, lower case with {@code lower}. */
    Segmentation done(double upper, double lower) {
        double r = random.nextDouble();
        String raw = text.toString();
        String t = r < upper ? raw.toUpperCase(Locale.ROOT) : r < upper + lower ? raw.toLowerCase(Locale.ROOT) : raw;
        List<AddressParser.Token> tokens = Segmentation.tokensOf(t);
        SegmentLabel[] l = new SegmentLabel[tokens.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = SegmentLabel.OTHER;
            int start = tokens.get(i).start();
            for (int k = 0; k < ranges.size(); k++) {
                if (start >= ranges.get(k)[0] && start < ranges.get(k)[1]) {
                    l[i] = labels.get(k);
                }
            }
        }
        return Segmentation.of(t, l);
    }
}
