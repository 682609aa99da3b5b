package in.workbench.analytics.geo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * India's states and union territories, with the spellings the postal directory, the SVG map and
 * customers use for them.
 *
 * <p>The postal directory (GeoNames) and the map (svg-maps) differ: the directory says
 * "Chattisgarh", "Pondicherry" and one merged "Dadra and Nagar Haveli and Daman and Diu"; the map
 * has two paths for the last and no Ladakh (Leh and Kargil sit under Jammu and Kashmir in both).
 * This enum is the one explicit mapping between them. Immutable and thread-safe.
 */
public enum IndianState {
    ANDAMAN_NICOBAR("Andaman and Nicobar Islands", "Andaman & Nicobar Islands", List.of("an"), "AN", "andaman", "andaman and nicobar", "a&n islands"),
    ANDHRA_PRADESH("Andhra Pradesh", "Andhra Pradesh", List.of("ap"), "AP", "andhra"),
    ARUNACHAL_PRADESH("Arunachal Pradesh", "Arunachal Pradesh", List.of("ar"), "AR", "arunachal"),
    ASSAM("Assam", "Assam", List.of("as"), "AS"),
    BIHAR("Bihar", "Bihar", List.of("br"), "BR"),
    CHANDIGARH("Chandigarh", "Chandigarh", List.of("ch"), "CH"),
    CHHATTISGARH("Chhattisgarh", "Chattisgarh", List.of("ct"), "CG", "chattisgarh", "chhatisgarh", "chhattisgad"),
    DADRA_DAMAN_DIU("Dadra and Nagar Haveli and Daman and Diu", "Dadra and Nagar Haveli and Daman and Diu", List.of("dn", "dd"), "DH",
            "dadra and nagar haveli", "daman and diu", "daman", "diu", "silvassa", "dnh", "dnhdd"),
    DELHI("Delhi", "Delhi", List.of("dl"), "DL", "new delhi", "nct of delhi", "nct delhi", "dilli"),
    GOA("Goa", "Goa", List.of("ga"), "GA"),
    GUJARAT("Gujarat", "Gujarat", List.of("gj"), "GJ", "gujrat"),
    HARYANA("Haryana", "Haryana", List.of("hr"), "HR"),
    HIMACHAL_PRADESH("Himachal Pradesh", "Himachal Pradesh", List.of("hp"), "HP", "himachal"),
    JAMMU_KASHMIR("Jammu and Kashmir", "Jammu & Kashmir", List.of("jk"), "JK", "j&k", "jammu kashmir", "jammu", "kashmir", "ladakh"),
    JHARKHAND("Jharkhand", "Jharkhand", List.of("jh"), "JH"),
    KARNATAKA("Karnataka", "Karnataka", List.of("ka"), "KA", "karnatak"),
    KERALA("Kerala", "Kerala", List.of("kl"), "KL", "keralam"),
    LAKSHADWEEP("Lakshadweep", "Lakshadweep", List.of("ld"), "LD"),
    MADHYA_PRADESH("Madhya Pradesh", "Madhya Pradesh", List.of("mp"), "MP"),
    MAHARASHTRA("Maharashtra", "Maharashtra", List.of("mh"), "MH", "maharastra", "maharashtr"),
    MANIPUR("Manipur", "Manipur", List.of("mn"), "MN"),
    MEGHALAYA("Meghalaya", "Meghalaya", List.of("ml"), "ML"),
    MIZORAM("Mizoram", "Mizoram", List.of("mz"), "MZ"),
    NAGALAND("Nagaland", "Nagaland", List.of("nl"), "NL"),
    ODISHA("Odisha", "Odisha", List.of("or"), "OD", "orissa"),
    PUDUCHERRY("Puducherry", "Pondicherry", List.of("py"), "PY", "pondicherry", "pondy"),
    PUNJAB("Punjab", "Punjab", List.of("pb"), "PB"),
    RAJASTHAN("Rajasthan", "Rajasthan", List.of("rj"), "RJ"),
    SIKKIM("Sikkim", "Sikkim", List.of("sk"), "SK"),
    TAMIL_NADU("Tamil Nadu", "Tamil Nadu", List.of("tn"), "TN", "tamilnadu", "tamizh nadu"),
    TELANGANA("Telangana", "Telangana", List.of("tg"), "TS", "telengana", "tg"),
    TRIPURA("Tripura", "Tripura", List.of("tr"), "TR"),
    UTTAR_PRADESH("Uttar Pradesh", "Uttar Pradesh", List.of("up"), "UP"),
    UTTARAKHAND("Uttarakhand", "Uttarakhand", List.of("ut"), "UK", "uttaranchal", "uttrakhand"),
    WEST_BENGAL("West Bengal", "West Bengal", List.of("wb"), "WB", "bengal", "paschim banga");

    private final String displayName;
    private final String directoryName;
    private final List<String> svgIds;
    private final String code;
    private final List<String> aliases;

    private static final Map<String, IndianState> LOOKUP = new HashMap<>();
    private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[.\\-_,]");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    static {
        for (IndianState s : values()) {
            LOOKUP.put(key(s.displayName), s);
            LOOKUP.put(key(s.directoryName), s);
            LOOKUP.put(key(s.code), s);
            for (String a : s.aliases) {
                LOOKUP.put(key(a), s);
            }
        }
    }

    IndianState(String displayName, String directoryName, List<String> svgIds, String code, String... aliases) {
        this.displayName = displayName;
        this.directoryName = directoryName;
        this.svgIds = svgIds;
        this.code = code;
        this.aliases = List.of(aliases);
    }

    /** The current official name, as shown in the product. */
    public String displayName() {
        return displayName;
    }

    /** The name as the postal directory (GeoNames) spells it. */
    public String directoryName() {
        return directoryName;
    }

    /** The {@code id}s of this state's paths in india-states.svg (two for Dadra/Daman/Diu). */
    public List<String> svgIds() {
        return svgIds;
    }

    /** The vehicle-registration style two-letter code customers often type (KA, TN, MH…). */
    public String code() {
        return code;
    }

    /**
     * Resolves a state as typed by a customer, the directory or the map: any case, "&amp;" or
     * "and", common old spellings and two-letter codes. Empty when nothing matches.
     */
    public static Optional<IndianState> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(LOOKUP.get(key(text)));
    }

    /**
     * Looks a state up by an already normalised phrase (lower case, single spaces, no
     * punctuation), without normalising again: for hot loops over address tokens.
     */
    public static Optional<IndianState> byNormalisedName(String phrase) {
        return Optional.ofNullable(LOOKUP.get(phrase));
    }

    /** The state whose SVG path has this id. */
    public static Optional<IndianState> bySvgId(String svgId) {
        for (IndianState s : values()) {
            if (s.svgIds.contains(svgId)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    static String key(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        n = SPACES.matcher(PUNCTUATION.matcher(n.replace("&", " and ")).replaceAll(" ")).replaceAll(" ").trim();
        return n;
    }
}
