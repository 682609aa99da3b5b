package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParser.Token;
import in.workbench.analytics.geo.IndianState;
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
        List<Token> tokens = AddressParser.tokens(t);
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
        boolean seenLocality = false;
        boolean seenCity = false;
        for (int c = 0; c < chunks.size(); c++) {
            int from = chunks.get(c)[0];
            int to = chunks.get(c)[1];
            while (to > from && labels[to - 1] == SegmentLabel.PINCODE) {
                to--;
            }
            if (to <= from) {
                continue;
            }
            if (isLandmark(keys, from, to)) {
                fill(labels, from, to, SegmentLabel.LANDMARK);
                continue;
            }
            int houseEnd = houseEnd(keys, from, to, c == 0);
            if (houseEnd > from) {
                fill(labels, from, houseEnd, SegmentLabel.HOUSE);
                from = houseEnd;
                if (from >= to) {
                    continue;
                }
            }
            if (any(keys, from, to, AddressParser::isBuildingWord) && !any(keys, from, to, AddressParser::isStreetWord)) {
                fill(labels, from, to, SegmentLabel.BUILDING);
                continue;
            }
            if (isSublocality(keys, from, to)) {
                fill(labels, from, to, SegmentLabel.SUBLOCALITY);
                continue;
            }
            if (any(keys, from, to, AddressParser::isStreetWord) || keys[from].equals("gali")) {
                fill(labels, from, to, SegmentLabel.STREET);
                continue;
            }
            String phrase = PostalDirectory.normalise(join(keys, from, to));
            boolean state = IndianState.byNormalisedName(phrase).isPresent() && (phrase.length() > 2 || c >= chunks.size() - 2);
            boolean city = parser.isCityOrDistrict(phrase);
            boolean office = pin != null && parser.isOfficeOf(phrase, pin) || parser.isOffice(phrase);
            boolean cityLater = false;
            for (int d = c + 1; d < chunks.size(); d++) {
                String later = PostalDirectory.normalise(join(keys, chunks.get(d)[0], chunks.get(d)[1]));
                cityLater |= parser.isCityOrDistrict(later);
            }
            if (state && (seenCity || !city)) {
                fill(labels, from, to, SegmentLabel.STATE);
            } else if (office && !seenLocality && !seenCity && (!city || cityLater)) {
                fill(labels, from, to, SegmentLabel.LOCALITY);
                seenLocality = true;
            } else if (city) {
                fill(labels, from, to, seenCity ? SegmentLabel.DISTRICT : SegmentLabel.CITY);
                seenCity = true;
            } else if (office) {
                fill(labels, from, to, SegmentLabel.LOCALITY);
                seenLocality = true;
            } else if (!seenLocality && !seenCity && cityLater && to - from <= 3 && !keys[from].matches("\\d.*")) {
                fill(labels, from, to, SegmentLabel.LOCALITY);
                seenLocality = true;
            }
        }
        double[] confidence = new double[n];
        Arrays.fill(confidence, 1);
        return new Segmentation(t, tokens, labels, confidence);
    }

    /** Token ranges [from, to) between commas, semicolons, pipes and spaced dashes. */
    static List<int[]> chunks(String text, List<Token> tokens) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            boolean cut = i == tokens.size();
            if (!cut) {
                String between = text.substring(tokens.get(i - 1).end(), tokens.get(i).start());
                cut = between.contains(",") || between.contains(";") || between.contains("|") || between.contains(" - ");
            }
            if (cut && i > start) {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        return out;
    }

    private static boolean isLandmark(String[] keys, int from, int to) {
        if (AddressParser.isLandmarkCue(keys[from]) && !keys[from].equals("landmark") || keys[from].equals("landmark")) {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (AddressFeatures.isDevanagari(keys[i]) || keys[i].equals("paas")) {
                return true;
            }
        }
        return false;
    }

    private static int houseEnd(String[] keys, int from, int to, boolean firstChunk) {
        String k = keys[from];
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
