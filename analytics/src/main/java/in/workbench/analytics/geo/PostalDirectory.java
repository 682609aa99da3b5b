package in.workbench.analytics.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;

/**
 * The India postal directory shipped with the product (GeoNames, CC BY 4.0): 155k post offices
 * with their pincode, district and state.
 *
 * <p>Loaded once per process from the bundled resource (about half a second) by {@link #load()}
 * and immutable afterwards, so that one instance is shared by every feature and thread. Lookups
 * by pincode, by normalised office or district name, and by state.
 */
public final class PostalDirectory {

    private static final String RESOURCE = "/in/workbench/analytics/geo/india-places.csv.gz";

    private static final Object BUNDLED_LOCK = new Object();
    /** The bundled directory once read; immutable, so sharing it across threads is safe. */
    private static volatile PostalDirectory bundled;

    private final List<Place> places;
    private final Map<String, List<Place>> byPincode;
    private final Map<String, List<Place>> byOfficeName;
    private final Map<String, List<Place>> byDistrict;
    private final Map<IndianState, List<Place>> byState;

    private PostalDirectory(List<Place> places) {
        this.places = List.copyOf(places);
        Map<String, List<Place>> pin = new HashMap<>();
        Map<String, List<Place>> office = new HashMap<>();
        Map<String, List<Place>> district = new HashMap<>();
        Map<IndianState, List<Place>> state = new LinkedHashMap<>();
        for (Place p : this.places) {
            pin.computeIfAbsent(p.pincode(), k -> new ArrayList<>()).add(p);
            office.computeIfAbsent(normalise(p.officeName()), k -> new ArrayList<>()).add(p);
            district.computeIfAbsent(normalise(p.district()), k -> new ArrayList<>()).add(p);
            state.computeIfAbsent(p.state(), k -> new ArrayList<>()).add(p);
        }
        this.byPincode = freeze(pin);
        this.byOfficeName = freeze(office);
        this.byDistrict = freeze(district);
        this.byState = Collections.unmodifiableMap(state);
    }

    private static <K> Map<K, List<Place>> freeze(Map<K, List<Place>> m) {
        Map<K, List<Place>> out = new HashMap<>(m.size() * 2);
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The directory bundled with the product: read on the first call (about half a second and
     * some 100 MB of heap) and the same instance for every later call on any thread, so a process
     * holds one copy however many features ask. A failed read is not remembered: the next call
     * tries again.
     */
    public static PostalDirectory load() {
        PostalDirectory d = bundled;
        if (d == null) {
            synchronized (BUNDLED_LOCK) {
                d = bundled;
                if (d == null) {
                    d = readBundled();
                    bundled = d;
                }
            }
        }
        return d;
    }

    private static PostalDirectory readBundled() {
        try (InputStream raw = PostalDirectory.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("The bundled postal directory " + RESOURCE + " is missing from the build");
            }
            return read(new GZIPInputStream(raw, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled postal directory", e);
        }
    }

    /** Reads a directory in the india-places.csv layout (used by tests with small directories). */
    public static PostalDirectory read(InputStream csv) throws IOException {
        List<Place> places = new ArrayList<>(160_000);
        try (CSVReader reader = new CSVReader(new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8)))) {
            String[] header = reader.readNext();
            if (header == null) {
                return new PostalDirectory(places);
            }
            String[] row;
            while ((row = reader.readNext()) != null) {
                if (row.length < 9) {
                    continue;
                }
                String[] cells = row;
                IndianState state = IndianState.resolve(cells[4])
                        .orElseThrow(() -> new IllegalStateException("Unknown state in postal directory: " + String.join(",", cells)));
                places.add(new Place(row[0], row[1], row[2], row[3], state, parse(row[6]), parse(row[7]),
                        row[8].isBlank() ? 1 : Integer.parseInt(row[8])));
            }
        } catch (CsvValidationException e) {
            throw new IOException("Malformed postal directory: " + e.getMessage(), e);
        }
        return new PostalDirectory(places);
    }

    private static double parse(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }

    /** Every place, in directory order. */
    public List<Place> places() {
        return places;
    }

    /** The offices of a six-digit pincode; empty when the pincode does not exist. */
    public List<Place> byPincode(String pincode) {
        return pincode == null ? List.of() : byPincode.getOrDefault(pincode.trim(), List.of());
    }

    /** True when the directory knows this pincode. */
    public boolean pincodeExists(String pincode) {
        return !byPincode(pincode).isEmpty();
    }

    /** Places whose office name matches {@code name} after {@link #normalise normalisation}. */
    public List<Place> byOfficeName(String name) {
        return name == null ? List.of() : byOfficeName.getOrDefault(normalise(name), List.of());
    }

    /** Places in the district called {@code name} (normalised match). */
    public List<Place> byDistrict(String name) {
        return name == null ? List.of() : byDistrict.getOrDefault(normalise(name), List.of());
    }

    /** Places in a state. */
    public List<Place> byState(IndianState state) {
        return byState.getOrDefault(state, List.of());
    }

    /** Every distinct pincode, sorted. */
    public Set<String> pincodes() {
        return Collections.unmodifiableSet(new TreeSet<>(byPincode.keySet()));
    }

    /** Every normalised office name (for token-membership features). */
    public Set<String> officeNames() {
        return byOfficeName.keySet();
    }

    /** Every normalised district name. */
    public Set<String> districtNames() {
        return byDistrict.keySet();
    }

    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * The form names are compared in: Unicode NFKC, lower case, punctuation to spaces, and the
     * directory's suffixes such as "S.O", "B.O", "H.O" and "(East)" kept as words.
     */
    public static String normalise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = NOT_LETTER_OR_DIGIT.matcher(n).replaceAll(" ").trim();
        return n;
    }
}
