package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The apartment buildings and societies found across a workspace's addresses (the BUILDING
 * segments of {@code address_segments}), with customer and address counts per building and
 * locality: the list an operations team uses to set up pickup points. Spelling variants are
 * grouped: names are compared by a normalised key (case, punctuation and abbreviations such as
 * Apts/Apt/Apartment, Soc, Hts, Twrs removed), then keys within one locality that are near
 * (bigram similarity ≥ {@value #SIMILAR}) join the most common one. A building's locality is its
 * pincode when the address has one, else its locality segment. Written into the {@code buildings}
 * table (one transaction, through {@link SegmentationStore}), which the Data browser shows and exports. Thread-safe.
 */
public final class BuildingsReport {

    /** Keys at least this similar, in the same locality, are one building. */
    static final double SIMILAR = 0.85;
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("apts", "apartments"),
            Map.entry("apt", "apartments"), Map.entry("apartment", "apartments"), Map.entry("appartments", "apartments"),
            Map.entry("appts", "apartments"), Map.entry("soc", "society"), Map.entry("hts", "heights"), Map.entry("twrs", "towers"),
            Map.entry("tower", "towers"), Map.entry("twr", "towers"), Map.entry("resi", "residency"), Map.entry("res", "residency"),
            Map.entry("cplx", "complex"), Map.entry("nivas", "niwas"), Map.entry("bhawan", "bhavan"), Map.entry("villas", "villa"));

    private final SegmentationStore store;

    public BuildingsReport(Workspace workspace) {
        this.store = new SegmentationStore(workspace);
    }

    /** One building of the report. */
    public record Building(String key, String name, List<String> variants, String locality, String city, String pincode, long addresses,
            long customers) {
    }

    /** The normalised key of a building name: lower case, letters and digits, abbreviations spelt out. */
    public static String key(String name) {
        String n = PostalDirectory.normalise(name == null ? "" : name);
        StringBuilder sb = new StringBuilder();
        for (String w : n.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(ABBREVIATIONS.getOrDefault(w, w));
        }
        return sb.toString();
    }

    /** The report as last built: the {@code limit} buildings with the most addresses, then by name and locality. */
    public List<Building> largest(int limit) {
        return store.largestBuildings(limit);
    }

    /** Builds the report from the workspace's segments and writes the {@code buildings} table; returns the buildings, most addresses first. */
    public List<Building> build(ProgressMonitor monitor) {
        record Mention(String addressId, String customerId, String name, String locality, String city, String pincode) {
        }
        Map<String, List<Mention>> byPlace = new LinkedHashMap<>();
        long[] rows = {0};
        store.addressesWithBuildings(a -> {
            Segmentation seg = Segmentation.parse(a.text(), a.segments());
            List<String> names = seg.texts(SegmentLabel.BUILDING);
            if (names.isEmpty()) {
                return;
            }
            List<String> pins = seg.texts(SegmentLabel.PINCODE);
            String pin = pins.isEmpty() ? a.pincode() : pins.get(0).replaceAll("\\s", "");
            pin = pin != null && AddressParser.looksLikePincode(pin.trim()) ? pin.trim() : null;
            List<String> localities = seg.texts(SegmentLabel.LOCALITY);
            String locality = localities.isEmpty() ? "" : localities.get(0);
            List<String> cities = seg.texts(SegmentLabel.CITY);
            String city = cities.isEmpty() ? a.city() : cities.get(0);
            String place = pin != null ? pin : PostalDirectory.normalise(locality);
            if (place.isEmpty()) {
                place = "(no locality or pincode) " + (city == null ? "" : PostalDirectory.normalise(city));
            }
            byPlace.computeIfAbsent(place, k -> new ArrayList<>()).add(new Mention(a.addressId(), a.customerId(), names.get(0), locality,
                    city, pin));
            if (++rows[0] % 5_000 == 0) {
                monitor.checkCancelled();
                monitor.update(rows[0], -1, String.format("%,d building mentions read", rows[0]));
            }
        });
        List<Building> out = new ArrayList<>();
        for (Map.Entry<String, List<Mention>> place : byPlace.entrySet()) {
            Map<String, List<Mention>> byKey = new HashMap<>();
            for (Mention m : place.getValue()) {
                String k = key(m.name());
                if (!k.isEmpty()) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(m);
                }
            }
            List<String> keys = new ArrayList<>(byKey.keySet());
            keys.sort(Comparator.comparingInt((String k) -> -byKey.get(k).size()).thenComparing(k -> k));
            Map<String, String> root = new HashMap<>();
            List<String> roots = new ArrayList<>();
            for (String k : keys) {
                String into = null;
                for (String r : roots) {
                    if (AddressParser.similarity(k, r) >= SIMILAR) {
                        into = r;
                        break;
                    }
                }
                if (into == null) {
                    roots.add(k);
                    into = k;
                }
                root.put(k, into);
            }
            for (String r : roots) {
                List<Mention> all = new ArrayList<>();
                keys.stream().filter(k -> root.get(k).equals(r)).forEach(k -> all.addAll(byKey.get(k)));
                Map<String, Integer> spellings = new TreeMap<>();
                Set<String> ids = new HashSet<>();
                Set<String> customers = new HashSet<>();
                Map<String, Integer> localityNames = new HashMap<>();
                Map<String, Integer> cityNames = new HashMap<>();
                for (Mention m : all) {
                    spellings.merge(m.name(), 1, Integer::sum);
                    ids.add(m.addressId());
                    customers.add(m.customerId() == null ? "address:" + m.addressId() : m.customerId());
                    if (!m.locality().isEmpty()) {
                        localityNames.merge(m.locality(), 1, Integer::sum);
                    }
                    if (m.city() != null && !m.city().isBlank()) {
                        cityNames.merge(m.city(), 1, Integer::sum);
                    }
                }
                String name = displayName(spellings);
                String locality = localityNames.isEmpty() ? place.getKey() : mostCommon(localityNames)
                        + (all.get(0).pincode() != null ? " " + all.get(0).pincode() : "");
                List<String> variants = spellings.keySet().stream().sorted(Comparator.comparingInt((String v) -> -spellings.get(v))).toList();
                out.add(new Building(r, name, variants, locality, cityNames.isEmpty() ? null : mostCommon(cityNames), all.get(0).pincode(),
                        ids.size(), customers.size()));
            }
        }
        out.sort(Comparator.comparingLong((Building b) -> -b.addresses()).thenComparing(Building::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Building::locality));
        store.replaceBuildings(out);
        return out;
    }

    /** The most common spelling, preferring one written in mixed case over ALL CAPS or all lower case. */
    private static String displayName(Map<String, Integer> spellings) {
        Map<String, Integer> mixed = new TreeMap<>();
        spellings.forEach((k, v) -> {
            if (!k.equals(k.toUpperCase(java.util.Locale.ROOT)) && !k.equals(k.toLowerCase(java.util.Locale.ROOT))) {
                mixed.put(k, v);
            }
        });
        return mostCommon(mixed.isEmpty() ? spellings : mixed);
    }

    private static String mostCommon(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                Comparator.reverseOrder()))).orElseThrow().getKey();
    }
}
