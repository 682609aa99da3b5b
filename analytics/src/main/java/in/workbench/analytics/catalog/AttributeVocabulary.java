package in.workbench.analytics.catalog;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and phrases that may name an attribute value in a title, each with the value it stands
 * for (its canonical name), a coarse family and where the entry came from. A phrase in a title is
 * only a <em>candidate</em>: the attribute model decides in context whether it names the value
 * ("Orange County" and "Gold Plated" do not).
 *
 * <p>Colours: the colour vocabulary (xkcd survey and CSS names, colors.csv) plus common retail
 * colour names and multi-word colours ("off white", "navy blue", "rose gold") and Hindi colour
 * words in Latin and Devanagari script ("laal", "neela", "हरा"), added deliberately and mapped to
 * their English value. Materials: common product materials plus the values the catalog uses.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class AttributeVocabulary implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String COLOUR_RESOURCE = "/in/workbench/analytics/catalog/colors.csv";

    /** One vocabulary entry. {@code hex} is set for colours only. */
    public record Entry(String phrase, String value, String family, String source, String hex) implements Serializable {
    }

    /** Retail colour names as sellers write them: name, family, hex (when colors.csv lacks it). */
    private static final String[][] RETAIL_COLOURS = {
        {"red", "red", null}, {"maroon", "red", null}, {"wine", "red", null}, {"pink", "pink", null}, {"peach", "orange", null},
        {"orange", "orange", null}, {"rust", "orange", null}, {"mustard", "yellow", null}, {"yellow", "yellow", null},
        {"gold", "yellow", null}, {"golden", "yellow", "#dbb40c"}, {"olive", "green", null}, {"green", "green", null},
        {"bottle green", "green", null}, {"teal", "blue", null}, {"turquoise", "blue", null}, {"sky blue", "blue", null},
        {"blue", "blue", null}, {"royal blue", "blue", null}, {"navy", "blue", null}, {"navy blue", "blue", null},
        {"lavender", "purple", null}, {"purple", "purple", null}, {"magenta", "pink", null}, {"brown", "brown", null},
        {"beige", "brown", null}, {"cream", "white", null}, {"off white", "white", null}, {"white", "white", null},
        {"silver", "grey", null}, {"grey", "grey", null}, {"gray", "grey", null}, {"black", "black", null},
        {"charcoal", "grey", null}, {"khaki", "brown", null}, {"coral", "orange", null}, {"mint", "green", null},
        {"ivory", "white", null}, {"violet", "purple", null}, {"indigo", "blue", null}, {"rose gold", "pink", "#b76e79"},
        {"multicolour", "multi", "#888888"}, {"multicolor", "multi", "#888888"}, {"multi colour", "multi", "#888888"},
    };

    /** Hindi colour words (Latin transliterations and Devanagari) and the English value each names. */
    private static final String[][] HINDI_COLOURS = {
        {"laal", "red"}, {"lal", "red"}, {"लाल", "red"}, {"neela", "blue"}, {"nila", "blue"}, {"नीला", "blue"},
        {"hara", "green"}, {"हरा", "green"}, {"peela", "yellow"}, {"pila", "yellow"}, {"पीला", "yellow"},
        {"kaala", "black"}, {"kala", "black"}, {"काला", "black"}, {"safed", "white"}, {"safaid", "white"},
        {"सफ़ेद", "white"}, {"सफेद", "white"}, {"gulabi", "pink"}, {"गुलाबी", "pink"}, {"narangi", "orange"},
        {"नारंगी", "orange"}, {"bhura", "brown"}, {"भूरा", "brown"}, {"baingani", "purple"}, {"बैंगनी", "purple"},
        {"sunehra", "gold"}, {"सुनहरा", "gold"}, {"aasmani", "sky blue"}, {"आसमानी", "sky blue"},
    };

    /** Common product materials; the catalog's own values are added to these. */
    private static final String[] MATERIALS = {"cotton", "silk", "wool", "woollen", "leather", "faux leather", "polyester", "nylon",
        "rayon", "viscose", "linen", "georgette", "chiffon", "satin", "velvet", "denim", "canvas", "acrylic", "pashmina",
        "plastic", "rubber", "silicone", "synthetic", "mesh", "pvc", "polycarbonate", "aluminium", "aluminum", "steel",
        "stainless steel", "iron", "copper", "brass", "glass", "ceramic", "melamine", "opalware", "porcelain", "wood", "wooden",
        "bamboo", "jute", "cotton blend", "wool blend", "english willow", "kashmir willow", "katan silk"};

    private final String attribute;
    private final Map<String, Entry> byPhrase;
    private final int maxTokens;

    private AttributeVocabulary(String attribute, Map<String, Entry> byPhrase) {
        this.attribute = attribute;
        this.byPhrase = Map.copyOf(byPhrase);
        this.maxTokens = byPhrase.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    /** The colour vocabulary: colors.csv plus retail and Hindi colour words. */
    public static AttributeVocabulary colours() {
        Map<String, Entry> map = new LinkedHashMap<>();
        Map<String, String[]> csv = readColourCsv();
        csv.forEach((name, row) -> map.put(name, new Entry(name, name, row[1], row[2], row[0])));
        for (String[] r : RETAIL_COLOURS) {
            String name = normalise(r[0]);
            String[] known = csv.get(name);
            String hex = r[2] != null ? r[2] : known != null ? known[0] : "#888888";
            map.put(name, new Entry(name, name, r[1], "retail", hex));
        }
        for (String[] h : HINDI_COLOURS) {
            Entry english = map.get(h[1]);
            map.put(normalise(h[0]), new Entry(normalise(h[0]), h[1], english.family(), "hindi", english.hex()));
        }
        return new AttributeVocabulary("color", map);
    }

    /** The material vocabulary: common materials plus the distinct values in {@code catalogValues}. */
    public static AttributeVocabulary materials(Collection<String> catalogValues) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (String m : MATERIALS) {
            map.put(m, new Entry(m, m, m.split(" ")[m.split(" ").length - 1], "common", null));
        }
        for (String v : catalogValues) {
            String n = normalise(v);
            if (!n.isEmpty() && n.length() <= 40 && !map.containsKey(n)) {
                map.put(n, new Entry(n, n, n.split(" ")[n.split(" ").length - 1], "catalog", null));
            }
        }
        return new AttributeVocabulary("material", map);
    }

    /** Every entry, ordered by phrase: what a saved model keeps of its vocabulary. */
    List<Entry> entries() {
        return byPhrase.values().stream().sorted(java.util.Comparator.comparing(Entry::phrase)).toList();
    }

    /** The vocabulary of {@link #entries()} saved with a model. */
    static AttributeVocabulary of(String attribute, List<Entry> entries) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.put(e.phrase(), e);
        }
        return new AttributeVocabulary(attribute, map);
    }

    /** Lower case, hyphens and repeated spaces folded: "Off-White" becomes "off white". */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        return TitleTokens.of(s).tokens().stream().map(TitleTokens.Token::text).reduce((a, b) -> a + " " + b).orElse("");
    }

    /** "color" or "material": the products column this vocabulary serves. */
    public String attribute() {
        return attribute;
    }

    /** The entry whose phrase or value is {@code text} (normalised), or null. */
    public Entry lookup(String text) {
        return byPhrase.get(normalise(text));
    }

    /** The family of a value ("maroon" → red), or the value itself when unknown. */
    public String familyOf(String value) {
        Entry e = lookup(value);
        return e == null ? normalise(value) : e.family();
    }

    /** Entries of the given source ("retail", "hindi", ...). */
    public List<Entry> entries(String source) {
        return byPhrase.values().stream().filter(e -> e.source().equals(source)).toList();
    }

    /** Every phrase of the vocabulary found in the title: longest match first, left to right, not overlapping. */
    public List<SpanCandidate> candidates(TitleTokens tokens) {
        List<SpanCandidate> out = new ArrayList<>();
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            SpanCandidate found = null;
            for (int len = Math.min(maxTokens, n - i); len >= 1 && found == null; len--) {
                StringBuilder b = new StringBuilder(tokens.textAt(i));
                for (int k = 1; k < len; k++) {
                    b.append(' ').append(tokens.textAt(i + k));
                }
                Entry e = byPhrase.get(b.toString());
                if (e != null) {
                    found = new SpanCandidate(i, i + len, tokens.tokens().get(i).start(), tokens.tokens().get(i + len - 1).end(), e);
                }
            }
            if (found != null) {
                out.add(found);
                i = found.lastToken();
            } else {
                i++;
            }
        }
        return out;
    }

    private static Map<String, String[]> readColourCsv() {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (InputStream in = AttributeVocabulary.class.getResourceAsStream(COLOUR_RESOURCE)) {
            if (in == null) {
                throw new WorkbenchException(Kind.OTHER, "The colour vocabulary is missing from the application; reinstall it.");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length >= 5) {
                    out.put(normalise(f[0]), new String[] {f[1], f[2], f[4]});
                }
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the colour vocabulary: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public String toString() {
        return attribute + " vocabulary (" + byPhrase.size() + " phrases)";
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).trim();
    }
}
