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
    private static boolean streetWord(String k) {
        return AddressParser.isStreetWord(k) || CueWords.of(k) == CueWords.Kind.STREET;
    }

    /** Cue words that open a place part even in the middle of a chunk written without commas. */
    private static final java.util.Set<String> PART_CUES = java.util.Set.of("distt", "dist", "dt", "district", "zila", "jila", "जिला", "ज़िला",
            "tehsil", "teh", "tah", "tahsil", "taluka", "tal", "taluk", "tq", "mandal", "तहसील", "village", "vill", "gram", "ग्राम", "गांव", "गाँव",
            "post", "po", "p.o", "पो", "पोस्ट", "mauza", "mohalla", "मोहल्ला");

    /** Postpositions that close a landmark ("Shiv Mandir ke paas", "मंदिर के सामने"). */
    private static final java.util.Set<String> CLOSING = java.util.Set.of("paas", "pas", "pass", "saamne", "samne", "samane", "saamane",
            "peeche", "piche", "pichhe", "bagal", "bagl", "nazdeek", "nazdik", "najdik", "aage", "taraf", "samip", "nikat", "andar", "upar", "niche", "पास", "सामने",
            "पीछे", "बगल", "नजदीक", "नज़दीक", "आगे", "तरफ", "समीप", "निकट");

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
            } else if (keys[i].length() == 7 && keys[i].charAt(3) == '-' && AddressParser.looksLikePincode(keys[i].replace("-", ""))) {
                labels[i] = SegmentLabel.PINCODE;
                pin = keys[i].replace("-", "");
            } else if (keys[i].matches("\\d{5}|\\d{7}") && (i == n - 1 || i > 0 && CueWords.of(keys[i - 1]) == CueWords.Kind.PINCODE
                    || i > 1 && CueWords.of(keys[i - 2]) == CueWords.Kind.PINCODE)) {
                labels[i] = SegmentLabel.PINCODE;
            }
        }
        for (int i = 1; i < n; i++) {
            if (labels[i] == SegmentLabel.PINCODE && labels[i - 1] != SegmentLabel.PINCODE) {
                for (int j = i - 1; j >= 0 && j >= i - 3 && (CueWords.of(keys[j]) == CueWords.Kind.PINCODE || keys[j].equals("no")
                        || keys[j].equals("code")); j--) {
                    labels[j] = SegmentLabel.PINCODE;
                }
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
            if (houseEnd == from && floorChunk(keys, from, to)) {
                houseEnd = to;
            }
            houseEnd = floorEnd(keys, houseEnd, to, true);
            if (houseEnd > from) {
                fill(labels, from, houseEnd, SegmentLabel.HOUSE);
            }
            classify(ctx, houseEnd, to);
        }
        int firstHouse = 0;
        while (firstHouse < n && labels[firstHouse] != SegmentLabel.HOUSE) {
            firstHouse++;
        }
        for (int i = 0; i < firstHouse && firstHouse < n; i++) {
            if (labels[i] == SegmentLabel.LOCALITY) {
                int j = i;
                while (j < firstHouse && labels[j] == SegmentLabel.LOCALITY) {
                    j++;
                }
                if (!parser.isOffice(phrase(ctx, i, j)) && !pinOffice(ctx, i, j)) {
                    fill(labels, i, j, SegmentLabel.OTHER);
                }
                i = j;
            }
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
        for (int j = from + 2; j < to; j++) {
            if (PART_CUES.contains(keys[j].replaceAll("[-:]+$", "")) && CueWords.of(keys[j - 1]) == null && j + 1 < to && CueWords.of(keys[j + 1]) == null
                    && !keys[j + 1].equals("office")) {
                classify(ctx, from, j);
                classify(ctx, j, to);
                return;
            }
        }
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
        for (int i = from + 1; i < to; i++) {
            if (CLOSING.contains(keys[i])) {
                int start = from;
                for (int s = from; s < i; s++) {
                    if (AddressParser.isStreetWord(keys[s]) || AddressParser.isBuildingWord(keys[s])) {
                        start = s + 1;
                        while (start < i - 1 && (keys[start].equals("no") || keys[start].equals("number")
                                || keys[start].chars().anyMatch(Character::isDigit))) {
                            start++;
                        }
                    }
                }
                int end = i + 1;
                while (end < to && (CueWords.of(keys[end]) == CueWords.Kind.LANDMARK_AFTER || (keys[end].equals("gali")
                        || keys[end].equals("गली")) && (keys[end - 1].equals("wali") || keys[end - 1].equals("वाली")))) {
                    end++;
                }
                classify(ctx, from, start);
                fill(labels, start, end, SegmentLabel.LANDMARK);
                classify(ctx, end, to);
                return;
            }
        }
        if (opening == CueWords.Kind.STREET && to - from <= 4 && any(keys, from + 1, to, k -> k.chars().anyMatch(Character::isDigit))) {
            fill(labels, from, to, SegmentLabel.STREET);
            return;
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
            if ((AddressParser.isBuildingWord(keys[i]) || CueWords.of(keys[i]) == CueWords.Kind.BUILDING) && i > from) {
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
                while (end < to && (AddressParser.isBuildingWord(keys[end]) || CueWords.of(keys[end]) == CueWords.Kind.BUILDING)) {
                    end++;
                }
                fill(labels, from, end, SegmentLabel.BUILDING);
                classify(ctx, end, to);
                return;
            }
        }
        for (int s = from; s < to; s++) {
            if (!streetWord(keys[s]) || keys[s].equals("sector")) {
                continue;
            }
            int start;
            int end;
            if (keys[s].equals("gali") || keys[s].equals("गली")) {
                start = s;
                end = Math.min(to - 1, s + (s + 1 < to && (keys[s + 1].startsWith("no") || keys[s + 1].startsWith("नं")) ? 2 : 1));
            } else {
                end = s + 1 < to && streetWord(keys[s + 1]) && !keys[s + 1].equals("sector") ? s + 1 : s;
                if (end > s) {
                    start = s > from && ORDINAL.matcher(keys[s - 1]).matches() ? s - 1 : s;
                } else if (keys[s].equals("cross") || keys[s].equals("main")) {
                    start = s > from && keys[s - 1].matches("\\d+(st|nd|rd|th)?") ? s - 1 : s;
                    if (s - 1 > from && keys[s - 1].length() == 1 && Character.isLetter(keys[s - 1].charAt(0))
                            && ORDINAL.matcher(keys[s - 2]).matches()) {
                        start = s - 2;
                    }
                } else {
                    start = s > from ? s - 1 : s;
                }
                if (end == to - 1 && s - from <= 4 && start > from && !any(keys, from, start, k -> CueWords.of(k) != null
                        || Character.isDigit(k.charAt(0)))) {
                    start = from;
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
            if (i + 1 < to && keys[i].length() == 1 && Character.isLetter(keys[i].charAt(0)) && keys[i + 1].chars().anyMatch(Character::isDigit)) {
                return i + 2;
            }
            return kind == CueWords.Kind.FLOOR && i > from + 1 ? i : from;
        }
        if (kind == null && from + 2 < to && (keys[from + 1].equals("no") || keys[from + 1].equals("number") || keys[from + 1].equals("num"))
                && keys[from + 2].chars().anyMatch(Character::isDigit) && Character.isLetter(k.charAt(0))) {
            return from + 3;
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
        return (ORDINAL.matcher(keys[from]).matches() || shortCode(keys[from])) && AREA_WORDS.contains(keys[from + 1])
                || AREA_WORDS.contains(keys[from]) && (keys[from + 1].matches("\\d+[a-z]?") || shortCode(keys[from + 1]));
    }

    private static final java.util.Set<String> AREA_WORDS = java.util.Set.of("block", "phase", "stage", "sector", "sec", "pocket", "blk");
    private static final Pattern SHORT_CODE = Pattern.compile("[a-z]|[ivx]{1,4}|\\d{1,3}[a-z]?");
    private static final Pattern ROMAN_ORDINAL = Pattern.compile("[ivx]{1,4}(st|nd|rd|th)");

    /** A one-letter, Roman or short number name of a block or phase ("C", "II", "4", "12A"). */
    private static boolean shortCode(String k) {
        return SHORT_CODE.matcher(k).matches();
    }

    /** A word of a floor: "floor", "GF", an ordinal (2nd, IInd) or its word (second, upper). */
    private static boolean floorWord(String k) {
        return CueWords.of(k) == CueWords.Kind.FLOOR || ORDINAL.matcher(k).matches() || ROMAN_ORDINAL.matcher(k).matches();
    }

    /** A chunk that is only a floor ("2nd Floor", "IInd Flr", "GF"): the house's, by the conventions. */
    private static boolean floorChunk(String[] keys, int from, int to) {
        if (to - from > 4 || from >= to) {
            return false;
        }
        boolean floor = false;
        for (int i = from; i < to; i++) {
            if (!floorWord(keys[i])) {
                return false;
            }
            floor |= CueWords.of(keys[i]) == CueWords.Kind.FLOOR && !ORDINAL.matcher(keys[i]).matches();
        }
        return floor;
    }

    /** Where a floor written right after the house number ends ("Flat 12 2nd Floor"); {@code at} when there is none. */
    private static int floorEnd(String[] keys, int at, int to, boolean afterHouse) {
        if (!afterHouse) {
            return at;
        }
        int end = at;
        while (end < to && end < at + 3 && floorWord(keys[end])) {
            end++;
        }
        return floorChunk(keys, at, end) ? end : at;
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
