package in.workbench.analytics.address;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed address into the named numeric features the deliverability model reads: which
 * parts are present, how the pincode agrees with the postal directory, length and token
 * statistics, and word unigrams from a vocabulary learned at training time. Immutable and
 * thread-safe; serialised with the model so scoring uses exactly the training features.
 */
public final class DeliverabilityFeatures implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The structural features, in a fixed order. */
    public static final List<String> STRUCTURE = List.of("has_house", "has_building", "has_street", "has_landmark", "landmark_only",
            "pincode_present", "pincode_malformed", "pincode_unknown", "state_disagrees", "city_disagrees", "locality_matches",
            "locality_similarity", "city_present", "state_present", "log_tokens", "log_length", "digit_share", "devanagari");

    private static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("has_house", "house or flat number"), java.util.Map.entry("has_building", "building or society"),
            java.util.Map.entry("has_street", "street, cross or road"), java.util.Map.entry("has_landmark", "landmark cue (near, opp., …)"),
            java.util.Map.entry("landmark_only", "landmark only"), java.util.Map.entry("pincode_present", "pincode present"),
            java.util.Map.entry("pincode_malformed", "pincode mistyped"), java.util.Map.entry("pincode_unknown", "pincode not in the directory"),
            java.util.Map.entry("state_disagrees", "pincode in another state"),
            java.util.Map.entry("city_disagrees", "pincode in another district"),
            java.util.Map.entry("locality_matches", "locality is an office of the pincode"),
            java.util.Map.entry("locality_similarity", "locality's similarity to the pincode's offices"),
            java.util.Map.entry("city_present", "city named"), java.util.Map.entry("state_present", "state named"),
            java.util.Map.entry("log_tokens", "number of words"), java.util.Map.entry("log_length", "length"),
            java.util.Map.entry("digit_share", "share of digits"), java.util.Map.entry("devanagari", "Devanagari script"));

    private final List<String> vocabulary;

    public DeliverabilityFeatures(List<String> vocabulary) {
        this.vocabulary = List.copyOf(vocabulary);
    }

    /** Learns the word vocabulary: words used in at least {@code minCount} training addresses, most frequent first. */
    public static DeliverabilityFeatures learn(Iterable<String> texts, int minCount, int maxWords) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : texts) {
            for (String w : words(t)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> vocab = counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxWords).map(Map.Entry::getKey).sorted().toList();
        return new DeliverabilityFeatures(vocab);
    }

    /** The distinct words (two or more letters) of an address in lower case, in order of first appearance. */
    static java.util.Set<String> words(String text) {
        if (text == null) {
            return new java.util.LinkedHashSet<>();
        }
        return TextScan.words(text.length() > AddressParser.MAX_CHARS ? text.substring(0, AddressParser.MAX_CHARS) : text);
    }

    /** A feature's name in an analyst's words: "house or flat number", "word “nagar”"; unknown names as they are. */
    public static String describe(String feature) {
        if (feature.startsWith("w=")) {
            return "word “" + feature.substring(2) + "”";
        }
        return DESCRIPTIONS.getOrDefault(feature, feature);
    }

    public List<String> vocabulary() {
        return vocabulary;
    }

    /** The non-zero features of an address as parallel name and value lists. */
    public Named of(AddressParts p, String text) {
        double[] structure = structure(p);
        List<String> names = new ArrayList<>(STRUCTURE.size() + 16);
        List<Double> values = new ArrayList<>(STRUCTURE.size() + 16);
        for (int i = 0; i < structure.length; i++) {
            if (structure[i] != 0) {
                names.add(STRUCTURE.get(i));
                values.add(structure[i]);
            }
        }
        for (String w : words(text)) {
            int i = java.util.Collections.binarySearch(vocabulary, w);
            if (i >= 0) {
                names.add("w=" + w);
                values.add(1.0);
            }
        }
        return new Named(names.toArray(String[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The structural features of an address in {@link #STRUCTURE} order; 0 means the feature is
     * absent (the models never see a zero: for the trees an absent feature is "missing").
     */
    public static double[] structure(AddressParts p) {
        return new double[] {
            flag(p.hasHouse()),
            flag(p.hasBuilding()),
            flag(p.hasStreet()),
            flag(p.hasLandmark()),
            flag(p.landmarkOnly()),
            flag(p.pincode() != null),
            flag(p.pincodeMalformed()),
            flag(p.pincode() != null && !p.pincodeExists()),
            flag(Boolean.FALSE.equals(p.stateAgrees())),
            flag(Boolean.FALSE.equals(p.cityAgrees())),
            flag(p.localityMatches()),
            p.localitySimilarity(),
            flag(p.statedCity() != null),
            flag(p.statedState() != null),
            Math.log1p(p.tokens()),
            Math.log1p(p.length()),
            p.digitShare(),
            flag(p.devanagari()),
        };
    }

    private static double flag(boolean on) {
        return on ? 1.0 : 0.0;
    }

    /** Feature names with their values. */
    public record Named(String[] names, double[] values) {
    }
}
