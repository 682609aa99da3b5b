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
 * The token features of the segmenter, chosen to carry over to addresses written by other hands:
 * the class of a cue word rather than only the word ({@link CueWords}: opens a landmark, closes
 * one, introduces a house, a village, a tehsil, a district, a pincode, or no address part), the
 * nearest cue class to the left and to the right in the same comma-separated chunk, the digit
 * shape (a pincode the directory knows, a mistyped five or seven digits, a phone number, an
 * ordinal, a house number with a slash), membership of one-to-three-word phrases in the postal
 * directory's offices, districts, city names and states (and the offices of the address's own
 * pincode), the token's place in its chunk and in the address, and the same facts about its
 * neighbours. The word itself is a feature too, for words seen in training.
 *
 * <p>Features are handed to a {@link Sink} as names, so training (Tribuo features) and the compiled
 * scorer (feature ids) read exactly the same ones. Stateless apart from the parser passed in;
 * thread-safe.
 */
public final class AddressFeatures implements Serializable {

    private static final long serialVersionUID = 2L;
    /** Words that end locality names; their presence is a feature of the token and of its chunk. */
    static final Set<String> LOCALITY_SUFFIXES = Set.of("nagar", "layout", "colony", "puram", "pura", "halli", "palya", "wadi",
            "ganj", "bagh", "pet", "peth", "abad", "garh", "pally", "nagaram", "vihar", "extension", "extn", "park", "pur", "gaon",
            "palli", "patti", "kuppam", "wada", "khurd", "kalan", "basti");

    /** Receives the features of an address, token by token. */
    public interface Sink {
        void add(int token, String feature);
    }

    /** The features of every token of an address as Tribuo features, in token order. */
    public List<List<Feature>> of(AddressParser parser, String text, List<Token> tokens, String pincode) {
        List<List<Feature>> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(new ArrayList<>(48));
        }
        of(parser, text, tokens, pincode, (i, name) -> out.get(i).add(new Feature(name, 1.0)));
        return out;
    }

    /** The features of the tokens of an address (the first {@code tokens.size()} of {@link Segmentation#tokensOf}). */
    public void of(AddressParser parser, String text, List<Token> tokens, String pincode, Sink sink) {
        int n = tokens.size();
        String[] keys = new String[n];
        CueWords.Kind[] cue = new CueWords.Kind[n];
        String[] digit = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = tokens.get(i).key();
            cue[i] = CueWords.of(keys[i]);
            digit[i] = digitClass(keys[i], parser);
        }
        String[] sepBefore = new String[n];
        int[] chunk = new int[n];
        boolean[] inParen = new boolean[n];
        int chunks = 0;
        int depth = 0;
        for (int i = 0; i < n; i++) {
            String sep = "";
            for (int c = i == 0 ? 0 : tokens.get(i - 1).end(); c < tokens.get(i).start(); c++) {
                char ch = text.charAt(c);
                depth += ch == '(' || ch == '[' ? 1 : ch == ')' || ch == ']' ? (depth > 0 ? -1 : 0) : 0;
            }
            inParen[i] = depth > 0;
            if (i > 0) {
                int from = tokens.get(i - 1).end();
                int to = tokens.get(i).start();
                boolean comma = false;
                boolean dash = false;
                boolean paren = false;
                boolean space = false;
                for (int c = from; c < to; c++) {
                    char ch = text.charAt(c);
                    comma |= ch == ',' || ch == '|' || ch == ';' || ch == '\n';
                    dash |= ch == '-';
                    paren |= ch == '(' || ch == ')';
                    space |= ch == ' ';
                }
                sep = comma ? "," : dash ? "-" : paren ? "(" : space ? " " : to > from ? "." : "";
                if (comma || dash && space || paren) {
                    chunks++;
                }
            }
            sepBefore[i] = sep;
            chunk[i] = chunks;
        }
        chunks++;
        String pin = pincode == null ? null : pincode.trim();
        for (String k : keys) {
            if (AddressParser.looksLikePincode(k)) {
                pin = k;
            }
        }
        boolean[] office = new boolean[n];
        boolean[] officeStart = new boolean[n];
        boolean[] pinOffice = new boolean[n];
        boolean[] district = new boolean[n];
        boolean[] state = new boolean[n];
        boolean[] cityAlias = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (digit[i] != null || cue[i] != null && cue[i] != CueWords.Kind.STREET && cue[i] != CueWords.Kind.BUILDING) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            for (int len = 1; len <= 3 && i + len <= n; len++) {
                if (len > 1 && (chunk[i + len - 1] != chunk[i] || digit[i + len - 1] != null)) {
                    break;
                }
                phrase.append(len == 1 ? "" : " ").append(keys[i + len - 1]);
                String p = normalise(phrase.toString());
                if (p.length() < 2) {
                    continue;
                }
                boolean isOffice = p.length() >= 3 && parser.isOffice(p);
                boolean isPinOffice = pin != null && parser.isOfficeOf(p, pin);
                boolean isDistrict = p.length() >= 3 && parser.isDistrict(p);
                boolean isCity = p.length() >= 3 && isCityName(parser, p) && !isDistrict;
                boolean isState = (p.length() > 2 && !initials(p) || chunk[i] >= chunks - 3) && isState(p);
                officeStart[i] |= isOffice || isPinOffice;
                for (int k = i; k < i + len; k++) {
                    office[k] |= isOffice;
                    pinOffice[k] |= isPinOffice;
                    district[k] |= isDistrict;
                    cityAlias[k] |= isCity;
                    state[k] |= isState;
                }
            }
        }
        int[] chunkStart = new int[chunks];
        int[] chunkLen = new int[chunks];
        int[] chunkFlags = new int[chunks];
        for (int i = n - 1; i >= 0; i--) {
            chunkStart[chunk[i]] = i;
        }
        for (int i = 0; i < n; i++) {
            int c = chunk[i];
            chunkLen[c]++;
            if (cue[i] != null) {
                chunkFlags[c] |= 1 << cue[i].ordinal();
            }
            if (digit[i] != null) {
                chunkFlags[c] |= 1 << 20;
            }
            if (isDevanagari(keys[i])) {
                chunkFlags[c] |= 1 << 21;
            }
            if (office[i] || pinOffice[i]) {
                chunkFlags[c] |= 1 << 22;
            }
        }
        String[] leftCue = new String[n];
        String[] rightCue = new String[n];
        for (int i = 0; i < n; i++) {
            leftCue[i] = "none";
            for (int j = i - 1; j >= 0 && chunk[j] == chunk[i]; j--) {
                if (cue[j] != null) {
                    leftCue[i] = cue[j].name() + (i - j == 1 ? "1" : "");
                    break;
                }
            }
            rightCue[i] = "none";
            for (int j = i + 1; j < n && chunk[j] == chunk[i]; j++) {
                if (cue[j] != null) {
                    rightCue[i] = cue[j].name() + (j - i == 1 ? "1" : "");
                    break;
                }
            }
        }
        boolean seenPin = false;
        for (int i = 0; i < n; i++) {
            String k = keys[i];
            sink.add(i, "bias");
            if (digit[i] == null) {
                sink.add(i, "w=" + k);
            } else {
                sink.add(i, "d=" + digit[i]);
            }
            sink.add(i, "shape=" + shape(tokens.get(i).text()));
            sink.add(i, "len=" + Math.min(k.length(), 8));
            sink.add(i, "k=" + (cue[i] == null ? "none" : cue[i].name()));
            sink.add(i, "lc=" + leftCue[i]);
            sink.add(i, "rc=" + rightCue[i]);
            if (k.length() >= 4 && Character.isLetter(k.charAt(0))) {
                sink.add(i, "suf3=" + k.substring(k.length() - 3));
                if (endsWithLocalitySuffix(k)) {
                    sink.add(i, "locsuf");
                }
            }
            if (office[i]) {
                sink.add(i, "office");
            }
            if (officeStart[i]) {
                sink.add(i, "officestart");
            }
            if (pinOffice[i]) {
                sink.add(i, "pinoffice");
            }
            if (district[i]) {
                sink.add(i, "district");
            }
            if (cityAlias[i]) {
                sink.add(i, "cityalias");
            }
            if (state[i]) {
                sink.add(i, "state");
            }
            if (isDevanagari(k)) {
                sink.add(i, "deva");
            }
            if (seenPin) {
                sink.add(i, "afterpin");
            }
            if (inParen[i]) {
                sink.add(i, "paren");
            }
            if (digit[i] != null && digit[i].startsWith("pin")) {
                seenPin = true;
            }
            int c = chunk[i];
            sink.add(i, "cfe=" + Math.min(chunks - 1 - c, 4));
            sink.add(i, "cfs=" + Math.min(c, 4));
            sink.add(i, "cpos=" + (i == chunkStart[c] ? "first" : i == chunkStart[c] + chunkLen[c] - 1 ? "last" : "mid"));
            sink.add(i, "clen=" + Math.min(chunkLen[c], 5));
            sink.add(i, "sep=" + sepBefore[i]);
            int flags = chunkFlags[c];
            for (CueWords.Kind kind : CueWords.Kind.values()) {
                if ((flags & 1 << kind.ordinal()) != 0) {
                    sink.add(i, "c:" + kind.name());
                }
            }
            if ((flags & 1 << 20) != 0) {
                sink.add(i, "c:digit");
            }
            if ((flags & 1 << 21) != 0) {
                sink.add(i, "c:deva");
            }
            if ((flags & 1 << 22) != 0) {
                sink.add(i, "c:office");
            }
            if (i == 0) {
                sink.add(i, "first");
            }
            if (i == n - 1) {
                sink.add(i, "last");
            }
            sink.add(i, "rel=" + (n <= 1 ? 0 : (int) (4.0 * i / (n - 1))));
            for (int d = -2; d <= 2; d++) {
                int j = i + d;
                if (d == 0) {
                    continue;
                }
                String tag = d < 0 ? "p" + (-d) : "n" + d;
                if (j < 0 || j >= n) {
                    sink.add(i, tag + "=<none>");
                    continue;
                }
                sink.add(i, tag + "k=" + (cue[j] == null ? "none" : cue[j].name()));
                if (digit[j] != null) {
                    sink.add(i, tag + "d=" + digit[j]);
                }
                if (Math.abs(d) == 1) {
                    if (digit[j] == null) {
                        sink.add(i, tag + "w=" + keys[j]);
                    }
                    sink.add(i, tag + "same=" + (chunk[j] == c));
                    if (office[j] || pinOffice[j]) {
                        sink.add(i, tag + "office");
                    }
                    if (state[j]) {
                        sink.add(i, tag + "state");
                    }
                    if (district[j] || cityAlias[j]) {
                        sink.add(i, tag + "district");
                    }
                }
            }
        }
    }

    /**
     * The digit shape of a token, or null when it has no digit: {@code pin6ok} (a pincode the
     * directory knows), {@code pin6} (six digits it does not), {@code d5}/{@code d7} (a mistyped
     * pincode), {@code phone}, {@code ord} (3rd), {@code slash} (45/3), {@code dash} (4-56),
     * {@code mixed} (12A), {@code dN} for other numbers.
     */
    static String digitClass(String k, AddressParser parser) {
        int digits = 0;
        boolean slash = false;
        boolean dash = false;
        boolean letter = false;
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '/') {
                slash = true;
            } else if (c == '-') {
                dash = true;
            } else if (Character.isLetter(c)) {
                letter = true;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (digits == k.length()) {
            if (digits == 6 && k.charAt(0) != '0') {
                return parser.directory().pincodeExists(k) ? "pin6ok" : "pin6";
            }
            if (digits == 5 || digits == 7) {
                return "d" + digits;
            }
            if (digits >= 10) {
                return "phone";
            }
            return "d" + Math.min(digits, 4);
        }
        if (letter && !slash && !dash && k.length() - digits == 2 && (k.endsWith("st") || k.endsWith("nd") || k.endsWith("rd")
                || k.endsWith("th"))) {
            return "ord";
        }
        if (dash && !letter && !slash && digits == 6 && k.length() == 7 && k.charAt(3) == '-' && k.charAt(0) != '0') {
            return "pin3-3";
        }
        return slash ? "slash" : dash ? "dash" : letter ? "mixed" : "dother";
    }

    /**
     * {@link PostalDirectory#normalise} without its Unicode normalisation and regular expression
     * when the phrase is plain ASCII (nearly every phrase; the same result, several times faster).
     */
    static String normalise(String phrase) {
        int n = phrase.length();
        StringBuilder sb = null;
        boolean gap = false;
        for (int i = 0; i < n; i++) {
            char c = phrase.charAt(i);
            if (c >= 128) {
                return PostalDirectory.normalise(phrase);
            }
            boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
            if (sb == null) {
                if (keep && !(c >= 'A' && c <= 'Z') && !gap) {
                    continue;
                }
                sb = new StringBuilder(n);
                for (int k = 0; k < i; k++) {
                    sb.append(phrase.charAt(k));
                }
            }
            if (keep) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                gap = true;
            }
        }
        return sb == null ? phrase : sb.toString();
    }

    /** Old and short names of cities people still write, beyond the parser's list (normalised). */
    static final Set<String> OLD_CITY_NAMES = Set.of("kovai", "bombay", "calcutta", "poona", "amdavad", "blr", "madras", "bangalore",
            "baroda", "trivandrum", "cochin", "calicut", "cawnpore", "simla", "ooty", "ootacamund", "trichy", "tanjore", "benares",
            "banaras", "vizag", "pondy", "pondicherry", "mangalore", "belgaum", "gulbarga", "bellary", "mysore", "hubli", "gurgaon",
            "allahabad", "secunderabad", "kolkatta", "bengaluru", "hyd", "new delhi", "delhi", "ahmadabad", "vadodra", "jubbulpore",
            "bhubneshwar", "vizianagram", "kanchi", "tuticorin", "quilon", "alleppey", "palghat", "cannanore", "baroda city",
            "navi mumbai", "noida", "greater noida", "ghaziabad", "faridabad", "howrah", "thane", "chandigarh");

    /** A city or district by the directory, the parser's aliases or an old or short name. */
    static boolean isCityName(AddressParser parser, String normalised) {
        return parser.isCityOrDistrict(normalised) || OLD_CITY_NAMES.contains(normalised);
    }

    /** States in Devanagari, normalised as phrases are. */
    private static final Set<String> DEVANAGARI_STATES = java.util.stream.Stream.of("उत्तर प्रदेश", "बिहार", "राजस्थान", "मध्य प्रदेश",
            "हरियाणा", "दिल्ली", "झारखंड", "झारखण्ड", "उत्तराखंड", "उत्तराखण्ड", "छत्तीसगढ़", "हिमाचल प्रदेश", "महाराष्ट्र", "गुजरात", "पंजाब",
            "पश्चिम बंगाल", "ओडिशा", "असम", "कर्नाटक", "तमिलनाडु", "केरल", "तेलंगाना", "आंध्र प्रदेश", "गोवा").map(PostalDirectory::normalise)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A state by name, code or alias, also written with dots between its letters ("T.N.", "U. P.") or in Devanagari. */
    static boolean isState(String normalised) {
        if (IndianState.byNormalisedName(normalised).isPresent() || DEVANAGARI_STATES.contains(normalised)) {
            return true;
        }
        return initials(normalised) && IndianState.byNormalisedName(normalised.replace(" ", "")).isPresent();
    }

    /** Single letters separated by spaces ("t n" from "T.N."). */
    private static boolean initials(String normalised) {
        int n = normalised.length();
        if (n < 3 || n > 5) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            boolean space = normalised.charAt(i) == ' ';
            if (space != (i % 2 == 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithLocalitySuffix(String k) {
        for (String s : LOCALITY_SUFFIXES) {
            if (k.endsWith(s)) {
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

    /** Distinct feature names of one address (tests use it). */
    static Set<String> names(List<List<Feature>> features) {
        Set<String> out = new HashSet<>();
        features.forEach(l -> l.forEach(x -> out.add(x.getName())));
        return out;
    }
}
