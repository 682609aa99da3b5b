package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParser.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An address split into labelled parts: the address's tokens with one label each; consecutive
 * tokens with the same label form a {@link Segment}. Written and read in the
 * {@code LABEL=text | LABEL=text} form of address_labels.csv.
 *
 * <p>Immutable and thread-safe; the editing methods return new instances.
 */
public final class Segmentation {

    /** The separator of the segments form. */
    public static final String SEPARATOR = " | ";

    private final String text;
    private final List<Token> tokens;
    private final SegmentLabel[] labels;
    private final double[] confidence;

    Segmentation(String text, List<Token> tokens, SegmentLabel[] labels, double[] confidence) {
        this.text = text == null ? "" : text;
        this.tokens = List.copyOf(tokens);
        this.labels = labels.clone();
        this.confidence = confidence.clone();
    }

    /**
     * The tokens a segmentation labels: every word of the whole text ({@link AddressParser#tokens},
     * however long the text), and a dash between a letter and a digit separates two words
     * ("Pune-411001", "Sec-12", "PIN-560001"), whose sides are often different parts.
     */
    public static List<Token> tokensOf(String text) {
        List<Token> words = AddressParser.tokens(text, Integer.MAX_VALUE);
        List<Token> out = new ArrayList<>(words.size() + 2);
        for (Token w : words) {
            String t = w.text();
            int from = 0;
            for (int i = 1; i + 1 < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '-' && Character.isLetter(t.charAt(i - 1)) && t.charAt(i + 1) >= '0' && t.charAt(i + 1) <= '9') {
                    splitGluedCue(w, from, i, out);
                    from = i + 1;
                }
            }
            splitGluedCue(w, from, t.length(), out);
        }
        return out;
    }

    /**
     * Adds the part [from, to) of word {@code w}, split after a cue word glued to what it
     * introduces by a dot or a dash ("Distt.Coimbatore", "Vill-Rampur", "P.O.Kalyan", "H.No.12"):
     * the longest such prefix of at least two letters that {@link CueWords} knows becomes its own
     * token, and the rest is read the same way.
     */
    private static void splitGluedCue(Token w, int from, int to, List<Token> out) {
        String t = w.text();
        while (true) {
            int cut = -1;
            int letters = 0;
            for (int i = from; i + 1 < to; i++) {
                char c = t.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    continue;
                }
                if ((c == '.' || c == '-') && letters >= 2 && Character.isLetterOrDigit(t.charAt(i + 1)) && !Character.isDigit(t.charAt(from))
                        && CueWords.of(t.substring(from, i).toLowerCase(java.util.Locale.ROOT)) != null) {
                    cut = i + 1;
                } else if (c != '.' && c != '-') {
                    break;
                }
            }
            if (cut < 0) {
                out.add(from == 0 && to == t.length() ? w : new Token(t.substring(from, to), w.start() + from, w.start() + to));
                return;
            }
            out.add(new Token(t.substring(from, cut), w.start() + from, w.start() + cut));
            from = cut;
        }
    }

    /** A segmentation of {@code text} with the given label per token, fully confident. */
    public static Segmentation of(String text, SegmentLabel[] labels) {
        List<Token> tokens = tokensOf(text);
        if (tokens.size() != labels.length) {
            throw new IllegalArgumentException("one label per token: " + tokens.size() + " tokens, " + labels.length + " labels");
        }
        double[] c = new double[labels.length];
        Arrays.fill(c, 1);
        return new Segmentation(text, tokens, labels, c);
    }

    /**
     * Reads the {@code LABEL=text | …} form against the address it describes: each segment's text
     * is found in the address in order (case-insensitively if needed) and its tokens get its label;
     * tokens no segment covers are OTHER. Unknown labels and texts not found are skipped.
     */
    public static Segmentation parse(String address, String segments) {
        String text = address == null ? "" : address;
        List<Token> tokens = tokensOf(text);
        SegmentLabel[] labels = new SegmentLabel[tokens.size()];
        Arrays.fill(labels, SegmentLabel.OTHER);
        String lower = text.toLowerCase(Locale.ROOT);
        int cursor = 0;
        for (String[] pair : pairs(segments)) {
            var label = SegmentLabel.of(pair[0]);
            String part = pair[1];
            if (label.isEmpty() || part.isEmpty()) {
                continue;
            }
            int at = text.indexOf(part, cursor);
            if (at < 0) {
                at = lower.indexOf(part.toLowerCase(Locale.ROOT), cursor);
            }
            if (at < 0) {
                at = lower.indexOf(part.toLowerCase(Locale.ROOT));
                if (at < 0) {
                    continue;
                }
            } else {
                cursor = at + part.length();
            }
            int end = at + part.length();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() >= at && t.start() < end) {
                    labels[i] = label.get();
                }
            }
        }
        double[] c = new double[labels.length];
        Arrays.fill(c, 1);
        return new Segmentation(text, tokens, labels, c);
    }

    /** Splits the segments form into label/text pairs (texts may themselves contain "=" but not " | "). */
    static List<String[]> pairs(String segments) {
        List<String[]> out = new ArrayList<>();
        if (segments == null || segments.isBlank()) {
            return out;
        }
        for (String piece : segments.split("\\s\\|\\s|\\|")) {
            int eq = piece.indexOf('=');
            if (eq > 0) {
                out.add(new String[] {piece.substring(0, eq).trim(), piece.substring(eq + 1).trim()});
            }
        }
        return out;
    }

    /** The address text. */
    public String text() {
        return text;
    }

    /** The address's tokens. */
    public List<Token> tokens() {
        return tokens;
    }

    /** The label of token {@code i}. */
    public SegmentLabel label(int i) {
        return labels[i];
    }

    /** A copy of the labels, one per token. */
    public SegmentLabel[] labels() {
        return labels.clone();
    }

    /** The segments in order, OTHER included; each with the lowest token confidence inside it. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            int j = i;
            double min = confidence[i];
            while (j + 1 < labels.length && labels[j + 1] == labels[i]) {
                j++;
                min = Math.min(min, confidence[j]);
            }
            out.add(new Segment(labels[i], text.substring(tokens.get(i).start(), tokens.get(j).end()), i, j, min));
            i = j + 1;
        }
        return out;
    }

    /** The mean token confidence (1 for an empty address). */
    public double meanConfidence() {
        return confidence.length == 0 ? 1 : Arrays.stream(confidence).average().orElse(1);
    }

    /** The segments form, {@code HOUSE=12 | BUILDING=Shanti Apartments | …}, without OTHER parts. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments()) {
            if (s.label() != SegmentLabel.OTHER) {
                sb.append(sb.length() == 0 ? "" : SEPARATOR).append(s.label()).append('=').append(s.text().replace("|", "/"));
            }
        }
        return sb.toString();
    }

    /** The texts of the segments with this label. */
    public List<String> texts(SegmentLabel label) {
        return segments().stream().filter(s -> s.label() == label).map(Segment::text).toList();
    }

    /** This segmentation with every token of segment {@code index} relabelled. */
    public Segmentation relabel(int index, SegmentLabel label) {
        Segment s = segments().get(index);
        SegmentLabel[] l = labels.clone();
        double[] c = confidence.clone();
        for (int i = s.firstToken(); i <= s.lastToken(); i++) {
            l[i] = label;
            c[i] = 1;
        }
        return new Segmentation(text, tokens, l, c);
    }

    /**
     * This segmentation with segment {@code index} grown by one token to the right (taken from the
     * next segment) when {@code grow}, or shrunk by its last token (given to the next segment, or
     * OTHER at the end) otherwise. Segment boundaries move without the mouse this way.
     */
    public Segmentation moveRightEdge(int index, boolean grow) {
        Segment s = segments().get(index);
        SegmentLabel[] l = labels.clone();
        double[] c = confidence.clone();
        if (grow) {
            if (s.lastToken() + 1 >= l.length) {
                return this;
            }
            l[s.lastToken() + 1] = s.label();
            c[s.lastToken() + 1] = 1;
        } else {
            if (s.firstToken() == s.lastToken()) {
                return this;
            }
            int last = s.lastToken();
            l[last] = last + 1 < l.length ? l[last + 1] : SegmentLabel.OTHER;
            c[last] = 1;
        }
        return new Segmentation(text, tokens, l, c);
    }

    @Override
    public String toString() {
        return format();
    }
}
