package in.workbench.sample;

import in.workbench.analytics.geo.IndianState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The marketplace the sample imitates: categories and subcategories with their title styles,
 * physical properties and fragility, the package ladder, and the regional preferences planted in
 * the orders. Pure data; see TRUTH.md for what each number means. Immutable.
 */
final class Market {

    private Market() {
    }

    /** A package type of the ladder. */
    record Package(String name, int rank, double unitCost) {
    }

    static final List<Package> LADDER = List.of(
            new Package("polybag", 1, 4.00),
            new Package("padded_mailer", 2, 9.00),
            new Package("tfolder_box", 3, 16.00),
            new Package("carton_single", 4, 24.00),
            new Package("carton_double", 5, 38.00),
            new Package("carton_bubble", 6, 55.00));

    /**
     * A subcategory of the catalog.
     *
     * @param category top-level category
     * @param name subcategory
     * @param nouns what the product is called in titles
     * @param brands typical brands
     * @param materials plausible materials (first is the usual one)
     * @param colourful whether titles usually carry a colour
     * @param weight typical weight in grams (min, max)
     * @param price typical price in rupees (min, max)
     * @param fragility damage propensity on the logit scale (higher breaks more)
     * @param fragileShare share of its products flagged fragile
     * @param liquidShare share flagged liquid
     * @param popularity relative national order share
     * @param usualRank the package rank sellers usually pick (the historical policy)
     */
    record Subcategory(String category, String name, List<String> nouns, List<String> brands, List<String> materials,
            boolean colourful, int[] weight, int[] price, double fragility, double fragileShare, double liquidShare,
            double popularity, int usualRank) {
    }

    /**
     * The subcategories, from {@code subcategories.csv} beside this class: one a line, lists (title
     * nouns, brands, materials) separated by {@code ;}, weights in grams and prices in rupees as
     * ranges (min, max).
     */
    static final List<Subcategory> SUBCATEGORIES = readSubcategories();

    private static List<Subcategory> readSubcategories() {
        try (InputStream in = Market.class.getResourceAsStream("subcategories.csv")) {
            if (in == null) {
                throw new IllegalStateException("subcategories.csv is missing from the sample-data jar");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
            return lines.stream().map(Market::subcategory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read subcategories.csv", e);
        }
    }

    private static Subcategory subcategory(String line) {
        String[] f = line.split(",", -1);
        return new Subcategory(f[0], f[1], List.of(f[2].split(";")), List.of(f[3].split(";")), List.of(f[4].split(";")),
                Boolean.parseBoolean(f[5]), new int[] {Integer.parseInt(f[6]), Integer.parseInt(f[7])},
                new int[] {Integer.parseInt(f[8]), Integer.parseInt(f[9])}, Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                Double.parseDouble(f[12]), Double.parseDouble(f[13]), Integer.parseInt(f[14]));
    }

    /** Retail colours the catalog uses; names are entries of the colour vocabulary (colors.csv). */
    static final List<String> COLOURS = List.of("red", "maroon", "wine", "pink", "peach", "orange", "rust", "mustard", "yellow",
            "gold", "olive", "green", "bottle green", "teal", "turquoise", "sky blue", "blue", "royal blue", "navy", "lavender",
            "purple", "magenta", "brown", "beige", "cream", "off white", "white", "silver", "grey", "black");

    /**
     * Regional preferences: state → subcategory → lift on the order share (1 = national taste).
     * These are the effects the regional report must recover (TRUTH.md).
     */
    static final Map<IndianState, Map<String, Double>> REGIONAL_LIFT = Map.ofEntries(
            Map.entry(IndianState.GUJARAT, Map.of("Bandhani Sarees", 6.0, "Pickles", 1.6)),
            Map.entry(IndianState.RAJASTHAN, Map.of("Bandhani Sarees", 4.0)),
            Map.entry(IndianState.KARNATAKA, Map.of("Mysore Silk Sarees", 6.0)),
            Map.entry(IndianState.TAMIL_NADU, Map.of("Kanjeevaram Sarees", 6.0)),
            Map.entry(IndianState.ANDHRA_PRADESH, Map.of("Kanjeevaram Sarees", 2.0, "Pickles", 2.0)),
            Map.entry(IndianState.UTTAR_PRADESH, Map.of("Banarasi Sarees", 5.0)),
            Map.entry(IndianState.BIHAR, Map.of("Banarasi Sarees", 2.5)),
            Map.entry(IndianState.MAHARASHTRA, Map.of("Paithani Sarees", 5.0)),
            Map.entry(IndianState.WEST_BENGAL, Map.of("Cotton Sarees", 3.5)),
            Map.entry(IndianState.HIMACHAL_PRADESH, Map.of("Woollen Shawls", 5.0, "Sweaters", 4.0, "Thermals", 4.0)),
            Map.entry(IndianState.UTTARAKHAND, Map.of("Woollen Shawls", 4.0, "Sweaters", 4.0, "Thermals", 4.0)),
            Map.entry(IndianState.JAMMU_KASHMIR, Map.of("Woollen Shawls", 6.0, "Sweaters", 4.0, "Thermals", 5.0)),
            Map.entry(IndianState.SIKKIM, Map.of("Sweaters", 4.0, "Thermals", 4.0)),
            Map.entry(IndianState.ARUNACHAL_PRADESH, Map.of("Sweaters", 3.0, "Thermals", 3.0, "Raincoats", 2.5)),
            Map.entry(IndianState.KERALA, Map.of("Raincoats", 5.0, "Umbrellas", 5.0, "Hair Oil", 2.0)),
            Map.entry(IndianState.ASSAM, Map.of("Raincoats", 3.0, "Umbrellas", 3.0)),
            Map.entry(IndianState.MEGHALAYA, Map.of("Raincoats", 4.0, "Umbrellas", 4.0)),
            Map.entry(IndianState.GOA, Map.of("Raincoats", 3.0, "Umbrellas", 3.0)),
            Map.entry(IndianState.PUNJAB, Map.of("Cricket Bats", 2.0, "Sweaters", 1.8)));

    /**
     * Big cities and the share of addresses drawn from each (the rest spread over every place of
     * the directory). District names as the directory spells them.
     */
    static final List<City> BIG_CITIES = List.of(
            new City("Bengaluru", List.of("Bangalore", "Bengaluru", "Blr"), "Bengaluru", IndianState.KARNATAKA, 0.10),
            new City("Mumbai", List.of("Mumbai", "Bombay"), "Mumbai", IndianState.MAHARASHTRA, 0.10),
            new City("Delhi", List.of("Delhi", "New Delhi"), "South Delhi", IndianState.DELHI, 0.09),
            new City("Chennai", List.of("Chennai", "Madras"), "Chennai", IndianState.TAMIL_NADU, 0.06),
            new City("Hyderabad", List.of("Hyderabad", "Hyd"), "Hyderabad", IndianState.TELANGANA, 0.06),
            new City("Kolkata", List.of("Kolkata", "Calcutta"), "Kolkata", IndianState.WEST_BENGAL, 0.05),
            new City("Pune", List.of("Pune", "Poona"), "Pune", IndianState.MAHARASHTRA, 0.05),
            new City("Ahmedabad", List.of("Ahmedabad", "Amdavad"), "Ahmedabad", IndianState.GUJARAT, 0.04),
            new City("Jaipur", List.of("Jaipur"), "Jaipur", IndianState.RAJASTHAN, 0.03),
            new City("Lucknow", List.of("Lucknow"), "Lucknow", IndianState.UTTAR_PRADESH, 0.03),
            new City("Mysuru", List.of("Mysore", "Mysuru"), "Mysuru", IndianState.KARNATAKA, 0.015),
            new City("Kochi", List.of("Kochi", "Cochin", "Ernakulam"), "Ernakulam", IndianState.KERALA, 0.02),
            new City("Surat", List.of("Surat"), "Surat", IndianState.GUJARAT, 0.02));

    /** A big city: its display name, the spellings customers use, its directory district. */
    record City(String name, List<String> spellings, String district, IndianState state, double share) {
    }

    /** Landmarks customers navigate by. */
    static final List<String> LANDMARKS = List.of("Orion Mall", "SBI", "Hanuman Mandir", "Government School", "Bus Stand",
            "Railway Station", "Apollo Pharmacy", "Big Bazaar", "Reliance Fresh", "Ganesh Temple", "Masjid", "Church",
            "Water Tank", "Petrol Pump", "Post Office", "Police Station", "HDFC Bank ATM", "Sai Baba Mandir", "Gurudwara",
            "Primary Health Centre", "Panchayat Office", "D-Mart", "Metro Station", "Kali Bari", "Jain Temple");

    static final List<String> BUILDING_NAMES = List.of("Shanti", "Sai Krupa", "Prestige", "Sobha", "Brigade", "Lodha", "Godrej",
            "Ganga", "Yamuna", "Laxmi", "Shree Ganesh", "Om", "Sunrise", "Green Valley", "Royal", "Ashirwad", "Krishna", "Silver Oak",
            "Palm Grove", "Mahavir", "Tulsi", "Anand", "Gokul", "Vrindavan", "Shivam");
    static final List<String> BUILDING_SUFFIXES = List.of("Apartments", "Residency", "Society", "Towers", "Enclave", "Heights",
            "Complex", "Niwas", "Sadan", "CHS", "Arcade", "Villa");
    static final List<String> STREETS = List.of("MG Road", "Station Road", "Main Road", "Church Street", "Nehru Road",
            "Gandhi Road", "Temple Street", "Market Road", "Link Road", "Ring Road", "College Road", "Tilak Marg", "Ambedkar Road");
}
