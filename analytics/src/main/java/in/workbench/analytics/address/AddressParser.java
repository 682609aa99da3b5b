package in.workbench.analytics.address;

import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an Indian address typed by a customer: finds its parts with patterns and cue words that
 * fit how Indian addresses are written, and checks its pincode, city, state and locality against
 * the postal directory, with fuzzy matching for spelling variants (Bangalore/Bengaluru,
 * Malleshwaram/Malleswaram). Shared by the deliverability model and the segmentation work.
 *
 * <p>Immutable after construction and thread-safe. Any text is accepted: blank, emoji, Devanagari
 * or very long input parses without error.
 */
public final class AddressParser {

    /** Similarity at or above which a phrase counts as the pincode's office name. */
    public static final double LOCALITY_MATCH = 0.72;
    /** Longest text read; the rest of a pathological input is ignored. */
    static final int MAX_CHARS = 1_000;

    private static final Pattern HOUSE = Pattern.compile(
            "(?i)(\\bflat\\b|\\bh\\.?\\s?no\\b|\\bhouse\\s+no\\b|\\bno\\.\\s*\\d|#\\s?\\d|\\bplot\\b|\\bdoor\\s+no\\b|^\\s*\\d+[/\\-]?\\w*\\b)");
    private static final Set<String> BUILDING = Set.of("apartments", "apartment", "apts", "apt", "residency", "society", "towers", "tower",
            "enclave", "heights", "complex", "niwas", "nivas", "sadan", "chs", "arcade", "villa", "villas", "bhavan", "bhawan", "mansion",
            "residence", "homes", "habitat", "block");
    private static final Set<String> STREET = Set.of("cross", "main", "road", "rd", "rd.", "street", "st", "st.", "marg", "lane", "gali",
            "sector", "path", "avenue");
    private static final Set<String> LANDMARK = Set.of("near", "nr", "nr.", "opp", "opp.", "opposite", "behind", "beside", "next",
            "paas", "सामने", "पास", "पीछे", "landmark");
    /** Old and colloquial city names, mapped to the directory's district spelling (normalised). */
    static final Map<String, String> CITY_ALIASES = Map.ofEntries(
            Map.entry("bangalore", "bengaluru"), Map.entry("blr", "bengaluru"), Map.entry("bengaluru", "bengaluru"),
            Map.entry("bombay", "mumbai"), Map.entry("calcutta", "kolkata"), Map.entry("madras", "chennai"),
            Map.entry("gurgaon", "gurugram"), Map.entry("mysore", "mysuru"), Map.entry("poona", "pune"),
            Map.entry("cochin", "ernakulam"), Map.entry("kochi", "ernakulam"), Map.entry("hyd", "hyderabad"),
            Map.entry("amdavad", "ahmedabad"), Map.entry("baroda", "vadodara"), Map.entry("trivandrum", "thiruvananthapuram"),
            Map.entry("new delhi", "delhi"), Map.entry("delhi", "delhi"), Map.entry("vizag", "visakhapatnam"),
            Map.entry("pondicherry", "puducherry"), Map.entry("benares", "varanasi"), Map.entry("banaras", "varanasi"));

    private final PostalDirectory directory;
    /** What the directory says of each pincode, indexed by the pincode's number less 100,000: one array read a lookup. */
    private final Pincode[] byNumber = new Pincode[900_000];
    /** Pincodes that are not six digits from 100000 (none in the shipped directory; kept for other directories). */
    private final Map<String, Pincode> otherPincodes = new HashMap<>();
    private final Set<String> districts = new HashSet<>();
    private final Set<String> officeKeys = new HashSet<>();
    /** Normalised spellings of the city and state columns, which repeat across a workspace (bounded). */
    private final Map<String, String> canonicalCities = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<IndianState>> resolvedStates = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 50_000;
    /** Building, street and landmark words: one lookup a token, bits 1, 2 and 4. */
    private static final Map<String, Integer> CUES = cues();

    /** One pincode of the directory: its offices, the state and district most of them are in, and all their districts. */
    private static final class Pincode {
        final List<String> offices;
        final IndianState state;
        final String district;
        final Set<String> districts;
        /** Built on first use: most workspaces use a fraction of the directory's 19,000 pincodes. */
        volatile OfficeMatcher matcher;

        Pincode(List<String> offices, IndianState state, String district, Set<String> districts) {
            this.offices = List.copyOf(offices);
            this.state = state;
            this.district = district;
            this.districts = Set.copyOf(districts);
        }

        OfficeMatcher matcher() {
            OfficeMatcher m = matcher;
            if (m == null) {
                m = new OfficeMatcher(offices);
                matcher = m;
            }
            return m;
        }
    }

    public AddressParser(PostalDirectory directory) {
        this.directory = directory;
        Map<String, List<String>> officesByPincode = new HashMap<>();
        Map<String, Set<String>> districtsByPincode = new HashMap<>();
        Map<String, Map<String, Integer>> districtCounts = new HashMap<>();
        Map<String, Map<IndianState, Integer>> stateCounts = new HashMap<>();
        for (Place p : directory.places()) {
            officesByPincode.computeIfAbsent(p.pincode(), k -> new ArrayList<>()).add(officeKey(p.officeName()));
            districtCounts.computeIfAbsent(p.pincode(), k -> new HashMap<>()).merge(p.district(), 1, Integer::sum);
            stateCounts.computeIfAbsent(p.pincode(), k -> new HashMap<>()).merge(p.state(), 1, Integer::sum);
            districtsByPincode.computeIfAbsent(p.pincode(), k -> new HashSet<>()).add(PostalDirectory.normalise(p.district()));
            districts.add(PostalDirectory.normalise(p.district()));
            officeKeys.add(officeKey(p.officeName()));
        }
        officesByPincode.forEach((pin, offices) -> {
            Pincode info = new Pincode(offices,
                    stateCounts.get(pin).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(),
                    districtCounts.get(pin).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(),
                    districtsByPincode.get(pin));
            int n = number(pin);
            if (n >= 0) {
                byNumber[n] = info;
            } else {
                otherPincodes.put(pin, info);
            }
        });
    }

    private static Map<String, Integer> cues() {
        Map<String, Integer> m = new HashMap<>();
        BUILDING.forEach(w -> m.merge(w, 1, (a, b) -> a | b));
        STREET.forEach(w -> m.merge(w, 2, (a, b) -> a | b));
        LANDMARK.forEach(w -> m.merge(w, 4, (a, b) -> a | b));
        return Map.copyOf(m);
    }

    /** A six-digit pincode from 100000 as its index into {@link #byNumber}, else -1. */
    private static int number(String pin) {
        if (pin == null || pin.length() != 6 || pin.charAt(0) < '1' || pin.charAt(0) > '9') {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < 6; i++) {
            char c = pin.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n - 100_000;
    }

    /** The directory's pincode, or null when it has none by that code. */
    private Pincode pincode(String pin) {
        int n = number(pin);
        return n >= 0 ? byNumber[n] : pin == null ? null : otherPincodes.get(pin);
    }

    /** A word of an address with its place in the text (characters {@code start} to {@code end}, exclusive). */
    public record Token(String text, int start, int end) {

        /** The word in lower case without trailing dots and commas, as the parser compares it. */
        public String key() {
            String lower = text.toLowerCase(Locale.ROOT);
            int end = lower.length();
            while (end > 0 && (lower.charAt(end - 1) == '.' || lower.charAt(end - 1) == ',')) {
                end--;
            }
            return end == lower.length() ? lower : lower.substring(0, end);
        }
    }

    /**
     * Splits an address into the words the parser reads, keeping their offsets so that a segment is
     * always an exact substring of the text. Devanagari words are words too. The first
     * {@link #MAX_CHARS} characters are read.
     */
    public static List<Token> tokens(String text) {
        return tokens(text, MAX_CHARS);
    }

    /** The words of the first {@code maxChars} characters of the text (all of it when it is shorter), as {@link #tokens(String)}. */
    public static List<Token> tokens(String text, int maxChars) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String t = text.length() > maxChars ? text.substring(0, maxChars) : text;
        TextScan.words(t, (start, end) -> out.add(new Token(t.substring(start, end), start, end)));
        return out;
    }

    /** A word that names a building or society ("apartments", "society", "chs", …); {@code word} in lower case. */
    public static boolean isBuildingWord(String word) {
        return BUILDING.contains(word);
    }

    /** A word that names a street ("cross", "main", "road", "gali", "sector", …); lower case. */
    public static boolean isStreetWord(String word) {
        return STREET.contains(word);
    }

    /** A landmark cue ("near", "opp.", "behind", "paas", "पास", …); lower case. */
    public static boolean isLandmarkCue(String word) {
        return LANDMARK.contains(word);
    }

    /** A six-digit number that could be a pincode (first digit 1–9). */
    public static boolean looksLikePincode(String word) {
        return word.length() == 6 && word.charAt(0) != '0' && word.chars().allMatch(Character::isDigit);
    }

    /** True when the normalised phrase is a district of the directory or a known city name (Bangalore, Bombay, …). */
    public boolean isCityOrDistrict(String normalisedPhrase) {
        return districts.contains(normalisedPhrase) || CITY_ALIASES.containsKey(normalisedPhrase);
    }

    /** True when the normalised phrase is a district of the directory. */
    public boolean isDistrict(String normalisedPhrase) {
        return districts.contains(normalisedPhrase);
    }

    /** True when the normalised phrase is a post-office name of the directory (without S.O/B.O). */
    public boolean isOffice(String normalisedPhrase) {
        return officeKeys.contains(normalisedPhrase);
    }

    /** True when the normalised phrase is one of the offices of this pincode. */
    public boolean isOfficeOf(String normalisedPhrase, String pincode) {
        Pincode p = pincode(pincode);
        return p != null && p.offices.contains(normalisedPhrase);
    }

    /** Bigram similarity (0–1) of two strings, as the parser matches spelling variants. */
    public static double similarity(String a, String b) {
        return Similarity.dice(a, b);
    }

    /** The postal directory the parser checks against. */
    public PostalDirectory directory() {
        return directory;
    }

    /** An office name without the directory's "S.O"/"B.O" suffixes and brackets, normalised. */
    static String officeKey(String office) {
        return PostalDirectory.normalise(office.replaceAll("\\s+[SBHG]\\.?O\\.?$", "").replaceAll("\\(.*\\)", ""));
    }

    /**
     * Parses an address.
     *
     * @param text the address as typed (may be null or blank)
     * @param city the city column, or null
     * @param state the state column, or null
     * @param pincodeColumn the pincode column, or null
     */
    public AddressParts parse(String text, String city, String state, String pincodeColumn) {
        String t = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String lower = t.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        TextScan.words(lower, (start, end) -> {
            int keep = end;
            while (keep > start && (lower.charAt(keep - 1) == '.' || lower.charAt(keep - 1) == ',')) {
                keep--;
            }
            tokens.add(lower.substring(start, keep));
        });
        boolean building = false;
        boolean street = false;
        boolean landmark = false;
        for (String tok : tokens) {
            Integer cue = CUES.get(tok);
            if (cue != null) {
                building |= (cue & 1) != 0;
                street |= (cue & 2) != 0;
                landmark |= (cue & 4) != 0;
            }
        }
        landmark |= t.contains("के पास") || lower.contains("ke paas");
        boolean house = TextScan.mayHaveHouseNumber(t, lower) && HOUSE.matcher(t).find();

        String pincode = TextScan.lastPincode(t);
        boolean malformed = false;
        if (pincode == null) {
            String col = pincodeColumn == null ? "" : withoutWhitespace(pincodeColumn);
            if (col.length() == 6 && allDigits(col) && col.charAt(0) != '0') {
                pincode = col;
            } else {
                malformed = TextScan.hasFiveOrSevenDigits(t) || (!col.isEmpty() && allDigits(col));
            }
        }
        if (pincode != null && house && pincodeIsTheOnlyNumber(t, pincode)) {
            house = HOUSE.matcher(t.replace(pincode, "")).find();
        }
        Pincode info = pincode(pincode);
        boolean exists = info != null;
        IndianState pinState = exists ? info.state : null;
        String pinDistrict = exists ? info.district : null;

        IndianState statedState = resolveState(state);
        if (statedState == null) {
            statedState = findState(tokens);
        }
        String statedCity = city != null && !city.isBlank() ? city.trim() : findCity(tokens);
        Boolean cityAgrees = null;
        if (exists && statedCity != null) {
            cityAgrees = cityAgrees(statedCity, info);
        }
        Boolean stateAgrees = exists && statedState != null ? statedState == pinState : null;

        OfficeMatcher.Match office = exists ? info.matcher().best(tokens) : OfficeMatcher.Match.NONE;
        int digits = 0;
        boolean devanagari = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            }
            if (c >= '\u0900' && c <= '\u097F') {
                devanagari = true;
            }
        }
        return new AddressParts(tokens.size(), t.length(), house, building, street, landmark, pincode, malformed, exists, pinState,
                pinDistrict, statedState, statedCity, cityAgrees, stateAgrees, office.similarity(), office.office(), devanagari,
                t.isEmpty() ? 0 : digits / (double) t.length());
    }

    /** The state the state column names ({@link IndianState#resolve}), remembered per spelling. */
    private IndianState resolveState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        java.util.Optional<IndianState> s = resolvedStates.get(state);
        if (s == null) {
            s = IndianState.resolve(state);
            if (resolvedStates.size() < CACHE_LIMIT) {
                resolvedStates.put(state, s);
            }
        }
        return s.orElse(null);
    }

    /** A city as the directory's districts are spelt: normalised, old names mapped to new; remembered per spelling. */
    private String canonicalCity(String city) {
        String c = canonicalCities.get(city);
        if (c == null) {
            String n = PostalDirectory.normalise(city);
            c = CITY_ALIASES.getOrDefault(n, n);
            if (canonicalCities.size() < CACHE_LIMIT) {
                canonicalCities.put(city, c);
            }
        }
        return c;
    }

    private static boolean pincodeIsTheOnlyNumber(String t, String pincode) {
        String rest = t.replace(pincode, "");
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isDigit(rest.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String withoutWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static IndianState findState(List<String> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            StringBuilder phrase = new StringBuilder();
            for (int n = 0; n < 4 && i + n < tokens.size(); n++) {
                phrase.append(n == 0 ? "" : " ").append(tokens.get(i + n));
                String p = phrase.toString();
                if (p.length() < 2 || p.length() == 2 && n == 0 && !p.equals(p.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                var s = IndianState.byNormalisedName(p);
                if (s.isPresent() && (p.length() > 2 || i == tokens.size() - 1 || i >= tokens.size() - 3)) {
                    return s.get();
                }
            }
        }
        return null;
    }

    private String findCity(List<String> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String one = tokens.get(i);
            String two = i + 1 < tokens.size() ? one + " " + tokens.get(i + 1) : null;
            if (two != null && (CITY_ALIASES.containsKey(two) || districts.contains(two))) {
                return two;
            }
            if (one.length() >= 3 && !Character.isDigit(one.charAt(0)) && (CITY_ALIASES.containsKey(one) || districts.contains(one))) {
                return one;
            }
        }
        return null;
    }

    private boolean cityAgrees(String city, Pincode pincode) {
        String canonical = canonicalCity(city);
        for (String d : pincode.districts) {
            if (d.equals(canonical) || d.contains(canonical) || canonical.contains(d) || Similarity.dice(d, canonical) >= 0.8) {
                return true;
            }
        }
        for (String office : pincode.offices) {
            if (office.equals(canonical) || Similarity.dice(office, canonical) >= 0.85) {
                return true;
            }
        }
        return false;
    }
}
