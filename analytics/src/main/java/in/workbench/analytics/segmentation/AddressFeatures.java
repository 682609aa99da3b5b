package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParser.Token;
import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.PostalDirectory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribuo.Feature;

/**
 * The token features of the segmenter, chosen for how Indian addresses are written: word, shape,
 * digits, six-digit pincodes, cue words (near, opp., behind, ke paas), suffixes (nagar, layout,
 * colony, cross, main, road), membership of one-to-three-word phrases in the postal directory's
 * offices, districts and states (and the offices of the address's own pincode), the token's place
 * in its comma-separated chunk and in the address, and the same facts about its neighbours.
 *
 * <p>Stateless apart from the parser passed in; thread-safe.
 */
public final class AddressFeatures implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Words that end locality names; their presence is a feature of the token and of its chunk. */
    static final Set<String> LOCALITY_SUFFIXES = Set.of("nagar", "layout", "colony", "puram", "pura", "halli", "palya", "wadi",
            "ganj", "bagh", "pet", "peth", "abad", "garh", "pally", "nagaram", "vihar", "extension", "extn", "park");
    static final Set<String> HOUSE_CUES = Set.of("flat", "#", "h.no", "h.no.", "hno", "house", "no", "no.", "plot", "door", "d.no");

    /** The features of every token of an address, in token order. */
    public List<List<Feature>> of(AddressParser parser, String text, String pincode) {
        List<Token> tokens = AddressParser.tokens(text);
        int n = tokens.size();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = tokens.get(i).key();
        }
        String[] sepBefore = new String[n];
        for (int i = 0; i < n; i++) {
            String between = i == 0 ? "" : text.substring(tokens.get(i - 1).end(), tokens.get(i).start());
            sepBefore[i] = between.contains(",") || between.contains("|") || between.contains(";") ? ","
                    : between.contains("-") ? "-" : between.isEmpty() ? "" : " ";
        }
        int[] chunk = new int[n];
        int chunks = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && (sepBefore[i].equals(",") || sepBefore[i].equals("-"))) {
                chunks++;
            }
            chunk[i] = chunks;
        }
        chunks++;
        String pin = pincode;
        for (String k : keys) {
            if (AddressParser.looksLikePincode(k)) {
                pin = k;
            }
        }
        String[] gazetteer = new String[n];
        boolean[] office = new boolean[n];
        boolean[] pinOffice = new boolean[n];
        boolean[] district = new boolean[n];
        boolean[] state = new boolean[n];
        boolean[] cityAlias = new boolean[n];
        for (int i = 0; i < n; i++) {
            StringBuilder phrase = new StringBuilder();
            for (int len = 1; len <= 3 && i + len <= n; len++) {
                if (len > 1 && chunk[i + len - 1] != chunk[i]) {
                    break;
                }
                phrase.append(len == 1 ? "" : " ").append(keys[i + len - 1]);
                String p = PostalDirectory.normalise(phrase.toString());
                if (p.length() < 2 || Character.isDigit(p.charAt(0))) {
                    continue;
                }
                boolean isOffice = p.length() >= 3 && parser.isOffice(p);
                boolean isPinOffice = pin != null && parser.isOfficeOf(p, pin);
                boolean isDistrict = p.length() >= 3 && parser.isDistrict(p);
                boolean isCity = p.length() >= 3 && parser.isCityOrDistrict(p) && !isDistrict;
                boolean isState = IndianState.byNormalisedName(p).isPresent() && (p.length() > 2 || chunk[i] >= chunks - 3);
                for (int k = i; k < i + len; k++) {
                    office[k] |= isOffice;
                    pinOffice[k] |= isPinOffice;
                    district[k] |= isDistrict;
                    cityAlias[k] |= isCity;
                    state[k] |= isState;
                }
            }
        }
        boolean[] chunkBuilding = new boolean[chunks];
        boolean[] chunkStreet = new boolean[chunks];
        boolean[] chunkCue = new boolean[chunks];
        boolean[] chunkLocalitySuffix = new boolean[chunks];
        boolean[] chunkDigit = new boolean[chunks];
        int[] chunkStart = new int[chunks];
        int[] chunkLen = new int[chunks];
        for (int i = n - 1; i >= 0; i--) {
            chunkStart[chunk[i]] = i;
        }
        for (int i = 0; i < n; i++) {
            int c = chunk[i];
            chunkLen[c]++;
            chunkBuilding[c] |= AddressParser.isBuildingWord(keys[i]);
            chunkStreet[c] |= AddressParser.isStreetWord(keys[i]);
            chunkCue[c] |= AddressParser.isLandmarkCue(keys[i]) || isDevanagari(keys[i]);
            chunkLocalitySuffix[c] |= LOCALITY_SUFFIXES.contains(keys[i]) || endsWithLocalitySuffix(keys[i]);
            chunkDigit[c] |= keys[i].chars().anyMatch(Character::isDigit);
        }
        List<List<Feature>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Feature> f = new ArrayList<>(48);
            String k = keys[i];
            add(f, "bias");
            word(f, "w", k);
            add(f, "shape=" + shape(tokens.get(i).text()));
            add(f, "len=" + Math.min(k.length(), 8));
            tokenClass(f, "", k);
            if (k.length() >= 4 && Character.isLetter(k.charAt(0))) {
                add(f, "suf3=" + k.substring(k.length() - 3));
            }
            if (office[i]) {
                add(f, "office");
            }
            if (pinOffice[i]) {
                add(f, "pinoffice");
            }
            if (district[i]) {
                add(f, "district");
            }
            if (cityAlias[i]) {
                add(f, "cityalias");
            }
            if (state[i]) {
                add(f, "state");
            }
            if (Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                add(f, "cap");
            }
            int c = chunk[i];
            int fromEnd = chunks - 1 - c;
            add(f, "cfe=" + Math.min(fromEnd, 4));
            add(f, "cfs=" + Math.min(c, 4));
            add(f, "cpos=" + (i == chunkStart[c] ? "first" : i == chunkStart[c] + chunkLen[c] - 1 ? "last" : "mid"));
            add(f, "clen=" + Math.min(chunkLen[c], 4));
            add(f, "sep=" + sepBefore[i]);
            if (chunkBuilding[c]) {
                add(f, "c:bld");
            }
            if (chunkStreet[c]) {
                add(f, "c:str");
            }
            if (chunkCue[c]) {
                add(f, "c:cue");
            }
            if (chunkLocalitySuffix[c]) {
                add(f, "c:locsuf");
            }
            if (chunkDigit[c]) {
                add(f, "c:digit");
            }
            if (c > 0 && chunkCue[c - 1] && !chunkCue[c]) {
                add(f, "c:aftercue");
            }
            if (i == 0) {
                add(f, "first");
            }
            if (i == n - 1) {
                add(f, "last");
            }
            add(f, "rel=" + (n <= 1 ? 0 : (int) (4.0 * i / (n - 1))));
            for (int d : new int[] {-2, -1, 1, 2}) {
                int j = i + d;
                String tag = d < 0 ? "p" + (-d) : "n" + d;
                if (j < 0 || j >= n) {
                    add(f, tag + "=<none>");
                    continue;
                }
                if (Math.abs(d) == 1) {
                    word(f, tag, keys[j]);
                    add(f, tag + "shape=" + shape(tokens.get(j).text()));
                    add(f, tag + "same=" + (chunk[j] == c));
                    if (office[j]) {
                        add(f, tag + "office");
                    }
                    if (state[j]) {
                        add(f, tag + "state");
                    }
                    if (district[j] || cityAlias[j]) {
                        add(f, tag + "district");
                    }
                }
                tokenClass(f, tag, keys[j]);
            }
            out.add(f);
        }
        return out;
    }

    private static void tokenClass(List<Feature> f, String prefix, String k) {
        if (AddressParser.looksLikePincode(k)) {
            add(f, prefix + "pin6");
        }
        if (k.matches("\\d{3}")) {
            add(f, prefix + "d3");
        }
        if (k.matches("\\d{5}|\\d{7}")) {
            add(f, prefix + "badpin");
        }
        if (k.matches("\\d+(st|nd|rd|th)")) {
            add(f, prefix + "ordinal");
        }
        if (AddressParser.isBuildingWord(k)) {
            add(f, prefix + "bld");
        }
        if (AddressParser.isStreetWord(k)) {
            add(f, prefix + "str");
        }
        if (AddressParser.isLandmarkCue(k) || k.equals("ke")) {
            add(f, prefix + "cue");
        }
        if (HOUSE_CUES.contains(k) || k.startsWith("#")) {
            add(f, prefix + "housecue");
        }
        if (LOCALITY_SUFFIXES.contains(k) || endsWithLocalitySuffix(k)) {
            add(f, prefix + "locsuf");
        }
        if (isDevanagari(k)) {
            add(f, prefix + "deva");
        }
        if (k.equals("block") || k.equals("phase") || k.equals("stage") || k.equals("sector")) {
            add(f, prefix + "sub");
        }
    }

    private static boolean endsWithLocalitySuffix(String k) {
        if (k.length() < 7 || !Character.isLetter(k.charAt(0))) {
            return false;
        }
        for (String s : LOCALITY_SUFFIXES) {
            if (s.length() >= 4 && k.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    static boolean isDevanagari(String k) {
        for (int i = 0; i < k.length(); i++) {
            char ch = k.charAt(i);
            if (ch >= '\u0900' && ch <= '\u097F') {
                return true;
            }
        }
        return false;
    }

    private static void word(List<Feature> f, String tag, String k) {
        if (k.chars().anyMatch(Character::isDigit)) {
            return;
        }
        add(f, tag + "w=" + k);
    }

    /** Xx for "Shanti", dd for "12", #d for "#12", d/d for "45/3", X.x. for "H.No." (runs collapsed). */
    static String shape(String token) {
        StringBuilder sb = new StringBuilder();
        char last = 0;
        for (int i = 0; i < token.length() && sb.length() < 8; i++) {
            char ch = token.charAt(i);
            char s = Character.isDigit(ch) ? 'd' : Character.isUpperCase(ch) ? 'X' : Character.isLetter(ch) ? 'x' : ch;
            if (s != last) {
                sb.append(s);
                last = s;
            }
        }
        return sb.toString();
    }

    private static void add(List<Feature> f, String name) {
        f.add(new Feature(name, 1.0));
    }

    /** Distinct feature names of one address (tests use it). */
    static Set<String> names(List<List<Feature>> features) {
        Set<String> out = new HashSet<>();
        features.forEach(l -> l.forEach(x -> out.add(x.getName())));
        return out;
    }
}
