package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParser.Token;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Labels an address's tokens without any person's help, from the postal directory and simple
 * patterns, to train the segmenter before analysts have corrected anything: the address is cut at
 * commas and dashes into chunks; a six-digit number is the pincode; a chunk starting with a cue
 * word (near, opp., behind) or ending in "ke paas", or written in Devanagari, is a landmark; a
 * leading "Flat 302", "#12", "No. 4", "H.No. 4-56/A" is the house; a chunk with a building word
 * (Apartments, Society, CHS) is the building; "3rd Block", "Sector 12" a sublocality; a chunk with
 * a street word (Cross, Main, Road, Gali) the street; chunks that are state names, cities or
 * districts, or post offices of the directory are the state, city, district and locality.
 *
 * <p>Weak labels are noisy; the CRF trained on them generalises past the rules, and analysts'
 * corrections win over them. Thread-safe.
 */
public final class WeakLabeler {

    private static final Pattern HOUSE_NUMBER = Pattern.compile("(?i)#?\\d+[\\w/\\-]*|[a-z]?-?\\d+[\\w/\\-]*");
    private static final Pattern ORDINAL = Pattern.compile("(?i)\\d+(st|nd|rd|th)");

    private final AddressParser parser;

    public WeakLabeler(AddressParser parser) {
        this.parser = parser;
    }

    /** The weak segmentation of an address. */
    public Segmentation label(String text, String pincodeColumn) {
        String t = text == null ? "" : text;
        List<Token> tokens = Segmentation.tokensOf(t);
        int n = tokens.size();
        SegmentLabel[] labels = new SegmentLabel[n];
        Arrays.fill(labels, SegmentLabel.OTHER);
        String[] keys = tokens.stream().map(Token::key).toArray(String[]::new);
        List<int[]> chunks = chunks(t, tokens);
        String pin = pincodeColumn != null && AddressParser.looksLikePincode(pincodeColumn.trim()) ? pincodeColumn.trim() : null;
        for (int i = 0; i < n; i++) {
            if (AddressParser.looksLikePincode(keys[i])) {
                labels[i] = SegmentLabel.PINCODE;
                pin = keys[i];
            } else if (i + 1 < n && keys[i].matches("[1-9]\\d{2}") && keys[i + 1].matches("\\d{3}")) {
                labels[i] = SegmentLabel.PINCODE;
                labels[i + 1] = SegmentLabel.PINCODE;
                pin = keys[i] + keys[i + 1];
                i++;
            } else if (keys[i].matches("\\d{5}|\\d{7}") && i == n - 1) {
                labels[i] = SegmentLabel.PINCODE;
            }
        }
        Context ctx = new Context(keys, labels, pin, chunks);
        for (int c = 0; c < chunks.size(); c++) {
            int from = chunks.get(c)[0];
            int to = chunks.get(c)[1];
            while (to > from && labels[to - 1] == SegmentLabel.PINCODE) {
                to--;
            }
            ctx.chunk = c;
            int houseEnd = to > from ? houseEnd(keys, from, to, c == 0) : from;
            if (houseEnd > from) {
                fill(labels, from, houseEnd, SegmentLabel.HOUSE);
            }
            classify(ctx, houseEnd, to);
        }
        double[] confidence = new double[n];
        Arrays.fill(confidence, 1);
        return new Segmentation(t, tokens, labels, confidence);
    }

    /** What the labeler knows while walking an address left to right. */
    private static final class Context {
        final String[] keys;
        final SegmentLabel[] labels;
        final String pin;
        final List<int[]> chunks;
        int chunk;
        boolean seenLocality;
        boolean seenCity;

        Context(String[] keys, SegmentLabel[] labels, String pin, List<int[]> chunks) {
            this.keys = keys;
            this.labels = labels;
            this.pin = pin;
            this.chunks = chunks;
        }
    }

    private String phrase(Context ctx, int from, int to) {
        return AddressFeatures.normalise(join(ctx.keys, from, to));
    }

    private boolean pinOffice(Context ctx, int from, int to) {
        return ctx.pin != null && parser.isOfficeOf(phrase(ctx, from, to), ctx.pin);
    }

    private boolean cityAfter(Context ctx, int to) {
        for (int d = ctx.chunk + 1; d < ctx.chunks.size(); d++) {
            if (AddressFeatures.isCityName(parser, phrase(ctx, ctx.chunks.get(d)[0], ctx.chunks.get(d)[1]))) {
                return true;
            }
        }
        return false;
    }

    /** Labels the tokens [from, to) of one chunk: splits off landmarks, buildings, sublocalities and streets, then names places. */
    private void classify(Context ctx, int from, int to) {
        if (from >= to) {
            return;
        }
        String[] keys = ctx.keys;
        SegmentLabel[] labels = ctx.labels;
        CueWords.Kind opening = CueWords.of(keys[from]);
        if (opening != null && to - from >= 2 && !pinOffice(ctx, from, to)) {
            SegmentLabel introduced = switch (opening) {
                case DISTRICT -> SegmentLabel.DISTRICT;
                case LOCALITY -> SegmentLabel.LOCALITY;
                case SUBLOCALITY -> keys[from].equals("block") || keys[from].equals("phase") || keys[from].equals("stage")
                        || keys[from].equals("sector") ? null : SegmentLabel.SUBLOCALITY;
                case OTHER -> SegmentLabel.OTHER;
                case LANDMARK_BEFORE -> keys[from].equals("near") || keys[from].equals("opp") ? null : SegmentLabel.LANDMARK;
                default -> null;
            };
            if (introduced != null) {
                fill(labels, from, to, introduced);
                ctx.seenLocality |= introduced == SegmentLabel.LOCALITY;
                ctx.seenCity |= introduced == SegmentLabel.DISTRICT;
                return;
            }
        }
        CueWords.Kind closing = CueWords.of(keys[to - 1]);
        if (closing != null && to - from >= 2 && to - from <= 4 && !pinOffice(ctx, from, to)) {
            SegmentLabel closed = switch (closing) {
                case DISTRICT -> SegmentLabel.DISTRICT;
                case SUBLOCALITY -> keys[to - 1].equals("block") || keys[to - 1].equals("phase") || keys[to - 1].equals("sector")
                        ? null : SegmentLabel.SUBLOCALITY;
                case LOCALITY -> keys[to - 1].equals("village") || keys[to - 1].equals("gaon") ? SegmentLabel.LOCALITY : null;
                default -> null;
            };
            if (closed != null && !keys[from].chars().anyMatch(Character::isDigit)) {
                fill(labels, from, to, closed);
                ctx.seenLocality |= closed == SegmentLabel.LOCALITY;
                ctx.seenCity |= closed == SegmentLabel.DISTRICT;
                return;
            }
        }
        if (pinOffice(ctx, from, to)) {
            fill(labels, from, to, SegmentLabel.LOCALITY);
            ctx.seenLocality = true;
            return;
        }
        for (int i = from; i < to; i++) {
            if (AddressFeatures.isDevanagari(keys[i]) || keys[i].equals("paas")) {
                int start = from;
                for (int s = from; s < i; s++) {
                    if (AddressParser.isStreetWord(keys[s]) || AddressParser.isBuildingWord(keys[s])) {
                        start = s + 1;
                    }
                }
                classify(ctx, from, start);
                fill(labels, start, i + 1, SegmentLabel.LANDMARK);
                classify(ctx, i + 1, to);
                return;
            }
        }
        for (int i = from; i < to; i++) {
            if (AddressParser.isLandmarkCue(keys[i]) || keys[i].equals("landmark")) {
                classify(ctx, from, i);
                int end = to;
                boolean peeled = true;
                while (peeled) {
                    peeled = false;
                    for (int n = 3; n >= 1; n--) {
                        if (end - n <= i + 1) {
                            continue;
                        }
                        String tail = phrase(ctx, end - n, end);
                        if (pinOffice(ctx, end - n, end) || AddressFeatures.isCityName(parser, tail)
                                || AddressFeatures.isState(tail) && tail.length() > 2) {
                            end -= n;
                            peeled = true;
                            break;
                        }
                    }
                }
                fill(labels, i, end, SegmentLabel.LANDMARK);
                classify(ctx, end, to);
                return;
            }
        }
        for (int i = from; i + 1 < to; i++) {
            if (isSublocality(keys, i, i + 2)) {
                classify(ctx, from, i);
                fill(labels, i, i + 2, SegmentLabel.SUBLOCALITY);
                classify(ctx, i + 2, to);
                return;
            }
        }
        for (int i = from; i < to; i++) {
            if (AddressParser.isBuildingWord(keys[i]) && i > from) {
                for (int n = Math.min(4, i - from + 1); n >= 2; n--) {
                    if (pinOffice(ctx, i - n + 1, i + 1) || n >= 3 && parser.isOffice(phrase(ctx, i - n + 1, i + 1))) {
                        classify(ctx, from, i - n + 1);
                        fill(labels, i - n + 1, i + 1, SegmentLabel.LOCALITY);
                        ctx.seenLocality = true;
                        classify(ctx, i + 1, to);
                        return;
                    }
                }
                int end = i + 1;
                while (end < to && AddressParser.isBuildingWord(keys[end])) {
                    end++;
                }
                fill(labels, from, end, SegmentLabel.BUILDING);
                classify(ctx, end, to);
                return;
            }
        }
        for (int s = from; s < to; s++) {
            if (!AddressParser.isStreetWord(keys[s]) || keys[s].equals("sector")) {
                continue;
            }
            int start;
            int end;
            if (keys[s].equals("gali")) {
                start = s;
                end = Math.min(to - 1, s + (s + 1 < to && keys[s + 1].startsWith("no") ? 2 : 1));
            } else {
                end = s + 1 < to && AddressParser.isStreetWord(keys[s + 1]) && !keys[s + 1].equals("sector") ? s + 1 : s;
                if (end > s) {
                    start = s > from && ORDINAL.matcher(keys[s - 1]).matches() ? s - 1 : s;
                } else if (keys[s].equals("cross") || keys[s].equals("main")) {
                    start = s > from && keys[s - 1].matches("\\d+(st|nd|rd|th)?") ? s - 1 : s;
                } else {
                    start = s > from ? s - 1 : s;
                }
            }
            if (pinOffice(ctx, from, end + 1)) {
                fill(labels, from, end + 1, SegmentLabel.LOCALITY);
                ctx.seenLocality = true;
                classify(ctx, end + 1, to);
                return;
            }
            classify(ctx, from, start);
            fill(labels, start, end + 1, SegmentLabel.STREET);
            classify(ctx, end + 1, to);
            return;
        }
        if (place(ctx, from, to)) {
            return;
        }
        for (int n = Math.min(3, to - from - 1); n >= 1; n--) {
            String tail = phrase(ctx, to - n, to);
            if (AddressFeatures.isCityName(parser, tail) || AddressFeatures.isState(tail) && tail.length() > 2) {
                int split = to - n;
                placeOrLocality(ctx, from, split);
                place(ctx, split, to);
                return;
            }
        }
        for (int n = Math.min(3, to - from - 1); n >= 1; n--) {
            if (pinOffice(ctx, from, from + n) || parser.isOffice(phrase(ctx, from, from + n)) && n > 1) {
                fill(labels, from, from + n, SegmentLabel.LOCALITY);
                ctx.seenLocality = true;
                classify(ctx, from + n, to);
                return;
            }
        }
        placeOrLocality(ctx, from, to);
    }

    private void placeOrLocality(Context ctx, int from, int to) {
        if (from >= to || place(ctx, from, to)) {
            return;
        }
        if (!ctx.seenLocality && !ctx.seenCity && to - from <= 3 && !ctx.keys[from].matches("\\d.*")) {
            fill(ctx.labels, from, to, SegmentLabel.LOCALITY);
            ctx.seenLocality = true;
        }
    }

    /** Labels the range as a state, locality, city or district when the directory knows it; false otherwise. */
    private boolean place(Context ctx, int from, int to) {
        String phrase = phrase(ctx, from, to);
        boolean state = AddressFeatures.isState(phrase) && (phrase.length() > 2 || ctx.chunk >= ctx.chunks.size() - 2);
        boolean city = AddressFeatures.isCityName(parser, phrase);
        boolean office = pinOffice(ctx, from, to) || parser.isOffice(phrase);
        boolean cityLater = cityAfter(ctx, to);
        if (state && (ctx.seenCity || !city)) {
            fill(ctx.labels, from, to, SegmentLabel.STATE);
        } else if (office && !ctx.seenLocality && !ctx.seenCity && (!city || cityLater)) {
            fill(ctx.labels, from, to, SegmentLabel.LOCALITY);
            ctx.seenLocality = true;
        } else if (city) {
            fill(ctx.labels, from, to, ctx.seenCity ? SegmentLabel.DISTRICT : SegmentLabel.CITY);
            ctx.seenCity = true;
        } else if (office) {
            fill(ctx.labels, from, to, SegmentLabel.LOCALITY);
            ctx.seenLocality = true;
        } else {
            return false;
        }
        return true;
    }

    /** Token ranges [from, to) between commas, semicolons, pipes and spaced dashes. */
    static List<int[]> chunks(String text, List<Token> tokens) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            boolean cut = i == tokens.size();
            if (!cut) {
                String between = text.substring(tokens.get(i - 1).end(), tokens.get(i).start());
                cut = between.contains(",") || between.contains(";") || between.contains("|") || between.contains(" - ")
                        || between.contains("(") || between.contains(")") || between.contains("\n") || between.contains(" / ");
            }
            if (cut && i > start) {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        return out;
    }

    private static int houseEnd(String[] keys, int from, int to, boolean firstChunk) {
        String k = keys[from];
        CueWords.Kind kind = CueWords.of(k);
        if ((kind == CueWords.Kind.HOUSE || kind == CueWords.Kind.FLOOR) && !k.equals("house") && !k.equals("h")) {
            int i = from;
            while (i < to && (CueWords.of(keys[i]) == CueWords.Kind.HOUSE || CueWords.of(keys[i]) == CueWords.Kind.FLOOR)) {
                i++;
            }
            if (i < to && keys[i].chars().anyMatch(Character::isDigit)) {
                return i + 1;
            }
            return kind == CueWords.Kind.FLOOR && i > from + 1 ? i : from;
        }
        if (k.equals("flat") || k.equals("plot") || k.equals("door")) {
            int i = from + 1;
            if (i < to && keys[i].equals("no")) {
                i++;
            }
            return i < to && HOUSE_NUMBER.matcher(keys[i]).matches() ? i + 1 : from;
        }
        if (k.equals("house") && from + 2 < to + 1 && from + 1 < to && keys[from + 1].startsWith("no")) {
            return from + 2 < to && HOUSE_NUMBER.matcher(keys[from + 2]).matches() ? from + 3 : from;
        }
        if (k.equals("h.no") || k.equals("hno") || k.equals("no") || k.equals("d.no")) {
            return from + 1 < to && HOUSE_NUMBER.matcher(keys[from + 1]).matches() ? from + 2 : from;
        }
        if (k.startsWith("#") && k.length() > 1) {
            return from + 1;
        }
        if (k.equals("#") && from + 1 < to) {
            return from + 2;
        }
        if (firstChunk && HOUSE_NUMBER.matcher(k).matches() && !ORDINAL.matcher(k).matches() && k.chars().anyMatch(Character::isDigit)) {
            return from + 1;
        }
        return from;
    }

    private static boolean isSublocality(String[] keys, int from, int to) {
        if (to - from != 2) {
            return false;
        }
        return ORDINAL.matcher(keys[from]).matches() && (keys[from + 1].equals("block") || keys[from + 1].equals("phase")
                || keys[from + 1].equals("stage")) || keys[from].equals("sector") && keys[from + 1].matches("\\d+");
    }

    private static boolean any(String[] keys, int from, int to, java.util.function.Predicate<String> p) {
        for (int i = from; i < to; i++) {
            if (p.test(keys[i])) {
                return true;
            }
        }
        return false;
    }

    private static String join(String[] keys, int from, int to) {
        return String.join(" ", Arrays.asList(keys).subList(from, to));
    }

    private static void fill(SegmentLabel[] labels, int from, int to, SegmentLabel label) {
        for (int i = from; i < to; i++) {
            labels[i] = label;
        }
    }
}
