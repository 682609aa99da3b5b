package in.workbench.sample;

import in.workbench.analytics.geo.IndianState;
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

    static final List<Subcategory> SUBCATEGORIES = List.of(
            sub("Clothing", "Bandhani Sarees", List.of("Bandhani Saree", "Bandhej Saree", "Bandhani Georgette Saree"),
                    List.of("Jaipur Kala", "Gujarat Handloom", "Rangrez"), List.of("georgette", "cotton", "silk"), true,
                    300, 700, 799, 3499, -1.2, 0, 0, 1.0, 1),
            sub("Clothing", "Mysore Silk Sarees", List.of("Mysore Silk Saree", "Pure Crepe Mysore Silk Saree"),
                    List.of("KSIC", "Mysore Weaves", "Silk Mark"), List.of("silk"), true, 400, 700, 2999, 12999, -1.0, 0, 0, 0.8, 2),
            sub("Clothing", "Kanjeevaram Sarees", List.of("Kanjeevaram Silk Saree", "Kanchipuram Pattu Saree"),
                    List.of("Nalli", "Pothys", "Kanchi Weaves"), List.of("silk"), true, 500, 900, 3999, 24999, -1.0, 0, 0, 0.9, 2),
            sub("Clothing", "Banarasi Sarees", List.of("Banarasi Silk Saree", "Banarasi Katan Saree"),
                    List.of("Varanasi Weaves", "Kashi Silk"), List.of("silk", "katan silk"), true, 450, 800, 1999, 14999, -1.0, 0, 0, 0.9, 2),
            sub("Clothing", "Paithani Sarees", List.of("Paithani Silk Saree", "Yeola Paithani Saree"),
                    List.of("Yeola Handloom", "Paithani House"), List.of("silk"), true, 500, 800, 3499, 19999, -1.0, 0, 0, 0.6, 2),
            sub("Clothing", "Cotton Sarees", List.of("Cotton Saree", "Handloom Cotton Saree", "Tant Saree"),
                    List.of("Biswa Bangla", "Fabindia", "Handloom House"), List.of("cotton"), true, 300, 600, 499, 1999, -1.3, 0, 0, 1.4, 1),
            sub("Clothing", "Kurtas", List.of("Kurta", "Straight Kurta", "Anarkali Kurta", "Printed Kurti"),
                    List.of("Biba", "W", "Aurelia", "Libas"), List.of("cotton", "rayon", "polyester"), true, 200, 400, 399, 2499,
                    -1.6, 0, 0, 2.2, 1),
            sub("Clothing", "Woollen Shawls", List.of("Woollen Shawl", "Pashmina Shawl", "Kullu Shawl"),
                    List.of("Kullu Weavers", "Kashmir Loom", "Himalayan Wool"), List.of("wool", "pashmina"), true, 300, 600, 699, 8999,
                    -1.5, 0, 0, 0.6, 1),
            sub("Clothing", "Sweaters", List.of("Woollen Sweater", "Cardigan", "Pullover Sweater"),
                    List.of("Monte Carlo", "Duke", "Cantabil"), List.of("wool", "acrylic"), true, 350, 700, 799, 3999, -1.5, 0, 0, 0.7, 1),
            sub("Clothing", "Thermals", List.of("Thermal Set", "Thermal Top", "Thermal Inner Wear"),
                    List.of("Lux Cottswool", "Dollar Thermals", "Jockey"), List.of("cotton blend", "wool blend"), true, 250, 450, 399, 1499,
                    -1.6, 0, 0, 0.5, 1),
            sub("Clothing", "Raincoats", List.of("Raincoat", "Rain Suit", "Waterproof Rain Jacket"),
                    List.of("Zeel", "Wildcraft", "Duckback"), List.of("pvc", "polyester", "nylon"), true, 300, 700, 499, 2999, -1.5, 0, 0, 0.7, 1),
            sub("Home & Kitchen", "Umbrellas", List.of("Umbrella", "3 Fold Umbrella", "Auto Open Umbrella"),
                    List.of("Popy", "Citizen", "John's"), List.of("polyester", "nylon"), true, 250, 500, 249, 999, -0.9, 0.05, 0, 0.8, 1),
            sub("Footwear", "Running Shoes", List.of("Running Shoes", "Sports Shoes", "Walking Shoes"),
                    List.of("Campus", "Sparx", "Asian", "Red Tape"), List.of("mesh", "synthetic"), true, 600, 1000, 699, 3999,
                    -1.3, 0, 0, 1.6, 3),
            sub("Footwear", "Sandals", List.of("Sandals", "Kolhapuri Chappal", "Flip Flops"),
                    List.of("Bata", "Paragon", "Kolhapuri Crafts"), List.of("leather", "rubber"), true, 300, 700, 299, 1999, -1.5, 0, 0, 1.1, 1),
            sub("Electronics", "Phone Cases", List.of("Back Cover", "Phone Case", "Silicone Case"),
                    List.of("Spigen", "Amazon Basics", "Elv"), List.of("silicone", "polycarbonate", "leather"), true, 50, 150, 149, 999,
                    -1.8, 0, 0, 1.8, 1),
            sub("Electronics", "Chargers", List.of("Fast Charger", "USB-C Charger", "Wall Adapter"),
                    List.of("boAt", "Portronics", "Ambrane", "Mi"), List.of("plastic"), true, 100, 250, 399, 1999, -0.6, 0.2, 0, 1.3, 2),
            sub("Electronics", "Earphones", List.of("Wired Earphones", "Bluetooth Earbuds", "Neckband"),
                    List.of("boAt", "Noise", "JBL", "realme"), List.of("plastic"), true, 80, 250, 499, 3999, -0.4, 0.4, 0, 1.5, 2),
            sub("Electronics", "Smart Watches", List.of("Smart Watch", "Fitness Band"),
                    List.of("Noise", "Fire-Boltt", "boAt", "Amazfit"), List.of("aluminium", "plastic"), true, 150, 350, 1499, 6999,
                    0.3, 0.8, 0, 1.0, 3),
            sub("Home & Kitchen", "Pressure Cookers", List.of("Pressure Cooker", "Inner Lid Pressure Cooker"),
                    List.of("Prestige", "Hawkins", "Pigeon"), List.of("aluminium", "stainless steel"), false, 1800, 4000, 1199, 3999,
                    -0.2, 0.1, 0, 0.9, 3),
            sub("Home & Kitchen", "Glass Tumblers", List.of("Glass Tumbler Set", "Drinking Glasses", "Juice Glass Set"),
                    List.of("Borosil", "Treo", "Cello"), List.of("glass"), true, 800, 2000, 299, 1499, 1.6, 1.0, 0, 0.8, 4),
            sub("Home & Kitchen", "Dinner Sets", List.of("Ceramic Dinner Set", "Melamine Dinner Set", "Opalware Dinner Set"),
                    List.of("Larah", "Cello", "La Opala"), List.of("ceramic", "opalware", "melamine"), true, 2500, 6000, 999, 6999,
                    1.8, 0.9, 0, 0.6, 5),
            sub("Home & Kitchen", "Tiffin Boxes", List.of("Steel Tiffin Box", "Insulated Lunch Box"),
                    List.of("Milton", "Cello", "Signoraware"), List.of("stainless steel", "plastic"), true, 400, 1200, 299, 1499,
                    -0.9, 0, 0, 0.9, 2),
            sub("Beauty", "Hair Oil", List.of("Hair Oil", "Coconut Hair Oil", "Ayurvedic Hair Oil"),
                    List.of("Parachute", "Dabur", "Indulekha", "Kesh King"), List.of("glass bottle", "plastic bottle"), false, 200, 600, 99, 599,
                    0.9, 0.3, 1.0, 1.2, 2),
            sub("Beauty", "Perfumes", List.of("Eau de Parfum", "Perfume", "Attar"),
                    List.of("Fogg", "Wild Stone", "Bella Vita", "Ajmal"), List.of("glass bottle"), false, 150, 400, 299, 2999, 1.3, 0.9, 1.0,
                    0.9, 3),
            sub("Bags", "Backpacks", List.of("Laptop Backpack", "School Bag", "Travel Backpack"),
                    List.of("Wildcraft", "Skybags", "American Tourister", "Safari"), List.of("polyester", "nylon"), true, 500, 1100, 699, 3499,
                    -1.6, 0, 0, 1.2, 1),
            sub("Bags", "Handbags", List.of("Handbag", "Sling Bag", "Tote Bag"),
                    List.of("Lavie", "Caprese", "Baggit"), List.of("faux leather", "canvas"), true, 400, 900, 599, 3999, -1.4, 0, 0, 1.1, 1),
            sub("Grocery", "Pickles", List.of("Mango Pickle", "Lemon Pickle", "Mixed Pickle"),
                    List.of("Mother's Recipe", "Priya", "Nilon's"), List.of("glass jar", "plastic jar"), false, 300, 1000, 99, 499, 1.0, 0.6,
                    0.5, 0.9, 2),
            sub("Sports", "Cricket Bats", List.of("Kashmir Willow Cricket Bat", "English Willow Cricket Bat", "Tennis Ball Cricket Bat"),
                    List.of("SG", "SS", "MRF", "Kookaburra"), List.of("kashmir willow", "english willow"), false, 1000, 1400, 799, 6999,
                    -0.3, 0.1, 0, 0.7, 3));

    private static Subcategory sub(String category, String name, List<String> nouns, List<String> brands, List<String> materials,
            boolean colourful, int wMin, int wMax, int pMin, int pMax, double fragility, double fragileShare, double liquidShare,
            double popularity, int usualRank) {
        return new Subcategory(category, name, nouns, brands, materials, colourful, new int[] {wMin, wMax}, new int[] {pMin, pMax},
                fragility, fragileShare, liquidShare, popularity, usualRank);
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
