package in.workbench.analytics.segmentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classes of the cue words Indian addresses use, in English, Hindi in Latin letters and
 * Devanagari: a word that opens a landmark (near, opp., adjacent to, towards), a postposition
 * that closes one (ke paas, के सामने), a word that introduces a house (flat, H.No., Qr., makaan
 * no, khasra, floor), a locality (village, at/po), a sub-locality (tehsil, taluka, ward, sector),
 * a district (Distt.), a pincode (PIN), or a part that is no address at all (c/o, contact). The
 * segmenter's features use the class, not the word, so a cue it never saw in training behaves like
 * the others of its class. Immutable and thread-safe.
 */
public final class CueWords {

    /** What a cue word announces. */
    public enum Kind {
        LANDMARK_BEFORE, LANDMARK_AFTER, HOUSE, FLOOR, LOCALITY, SUBLOCALITY, DISTRICT, PINCODE, OTHER, BUILDING, STREET
    }

    private static final Map<String, Kind> WORDS = build();

    private CueWords() {
    }

    private static Map<String, Kind> build() {
        Map<String, Kind> m = new HashMap<>();
        put(m, Kind.LANDMARK_BEFORE, List.of("near", "nr", "nearby", "opp", "opposite", "opst", "behind", "beside", "besides", "next",
                "adjacent", "adj", "towards", "toward", "after", "before", "front", "facing", "landmark", "lm", "close", "via", "above",
                "below", "inside", "beyond", "past", "around", "adjoining", "adjcent", "oppo", "opos", "bhd", "corner", "nxt", "samip", "समीप",
                "निकट", "नज़दीक"));
        put(m, Kind.LANDMARK_AFTER, List.of("ke", "paas", "pass", "saamne", "samne", "samane", "peeche", "piche", "pichhe", "bagal",
                "nazdeek", "najdik", "aage", "wali", "waali", "taraf", "andar", "upar", "niche", "mein", "के", "पास", "सामने", "पीछे", "बगल",
                "में", "नजदीक", "आगे", "वाली", "की", "तरफ", "wala", "wale", "ki", "se", "saamane", "bagl", "pichhe", "nazdik",
                "paas.", "के.", "वाले", "वाला", "से"));
        put(m, Kind.HOUSE, List.of("flat", "h.no", "hno", "h", "house", "no", "plot", "door", "d.no", "qr", "qtr", "qtrs", "quarter",
                "qr.no", "makaan", "makan", "ghar", "m.no", "room", "rm", "khasra", "kh", "kh.no", "killa", "mustatil", "site", "shop",
                "wing", "unit", "number", "मकान", "नं", "नंबर", "न", "घर", "म.नं", "rz", "wz", "survey", "sy", "s.no", "sno", "gat", "cts",
                "khewat", "khata", "khatauni", "dag", "patta", "f.no", "p.no", "plot.no", "flat.no", "h.n", "khet", "प्लॉट", "फ्लैट", "खसरा", "कमरा",
                "dwelling", "premises", "bungalow", "no:", "nos", "num", "kothi", "gala", "stall"));
        put(m, Kind.FLOOR, List.of("floor", "flr", "fl", "gf", "g/f", "f/f", "s/f", "t/f", "basement", "ground", "first", "second",
                "third", "top", "gr", "upper", "lower", "ugf", "lgf", "ff", "sf", "tf", "mezzanine", "terrace", "manzil", "manjil",
                "मंजिल", "मंज़िल", "तल", "fourth", "fifth", "pehli", "dusri", "doosri", "teesri", "tisri", "chauthi", "bhutal", "भूतल",
                "पहली", "दूसरी", "तीसरी"));
        put(m, Kind.LOCALITY, List.of("village", "vill", "vil", "gram", "grama", "at/po", "at/post", "at", "po", "p.o", "post", "mauza",
                "mouza", "vpo", "गाँव", "ग्राम", "mohalla", "mohala", "muhalla", "mohalla.", "पोस्ट", "गांव", "मोहल्ला", "gaam", "graam",
                "vill.po", "vil.po", "p.o.", "post.office", "ग्राम.", "पो"));
        put(m, Kind.SUBLOCALITY, List.of("tehsil", "teh", "taluka", "tal", "taluk", "tq", "mandal", "ward", "sector", "sec", "block",
                "phase", "stage", "pocket", "ps", "thana", "tahsil", "circle", "hobli", "tk", "tahasil", "tehsil.", "तहसील", "तह", "वार्ड",
                "सेक्टर", "ब्लॉक", "थाना", "mandalam", "sub-division", "subdivision"));
        put(m, Kind.DISTRICT, List.of("distt", "dist", "district", "zila", "zilla", "jilla", "dt", "dis", "जिला", "ज़िला", "jila", "dst", "distric", "dists", "जनपद", "janpad"));
        put(m, Kind.PINCODE, List.of("pin", "pincode", "code", "pin-code", "zip", "पिन", "पिनकोड", "postal", "pin.code", "pc"));
        put(m, Kind.OTHER, List.of("c/o", "s/o", "w/o", "d/o", "attn", "care", "mob", "mobile", "ph", "phone", "contact", "tel", "m",
                "cell", "call", "+91", "email", "mr", "mrs", "ms", "shri", "smt", "name", "attention", "whatsapp", "alt", "landline",
                "mob.no", "ph.no", "son", "wife", "daughter", "deliver", "recipient", "customer", "kumari", "श्री", "श्रीमती",
                "मोबाइल", "फोन"));
        put(m, Kind.BUILDING, List.of("apartments", "apartment", "apts", "apt", "residency", "society", "soc", "hsg", "co-op",
                "co-operative", "cooperative", "chs", "ltd", "towers", "tower", "enclave", "heights", "complex", "niwas", "nivas", "sadan",
                "bhavan", "bhawan", "villa", "villas", "mansion", "plaza", "arcade", "kunj", "niketan", "dham", "palace", "gardens",
                "homes", "residence", "chawl", "building", "bldg", "chambers", "manor", "estate", "housing", "habitat", "mahal", "kutir",
                "nilayam", "illam", "sadanam", "flats", "residences", "cghs", "socy", "appartment", "apartmnt", "aprtment", "bhawan.", "भवन",
                "अपार्टमेंट", "सोसाइटी", "निवास", "centre", "center"));
        put(m, Kind.STREET, List.of("road", "rd", "street", "st", "marg", "path", "lane", "salai", "veedhi", "gali", "galli", "cross",
                "main", "avenue", "highway", "bypass", "गली", "rasta", "sadak", "सड़क", "रोड", "मार्ग", "ave", "nh", "sh", "link",
                "ring", "theru", "bylane", "gully", "veethi", "salai.", "रास्ता"));
        return Map.copyOf(m);
    }

    private static void put(Map<String, Kind> m, Kind kind, List<String> words) {
        words.forEach(w -> m.putIfAbsent(w, kind));
    }

    /** The class of a token key (lower case, trailing dots dropped), or null when it is no cue word. */
    public static Kind of(String key) {
        Kind k = WORDS.get(key);
        if (k == null && key.endsWith(".")) {
            k = WORDS.get(key.substring(0, key.length() - 1));
        }
        if (k == null && key.length() > 1 && (key.endsWith("-") || key.endsWith(":"))) {
            return of(key.substring(0, key.length() - 1));
        }
        if (k == null && key.indexOf('.') > 0) {
            k = WORDS.get(key.replace(".", ""));
        }
        return k;
    }
}
