package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes training addresses with exact labels, from the postal directory's real places, in several
 * styles of how Indian addresses are written (metro flats and cross/main roads, north Indian
 * house/floor/khasra/gali, villages with at/post/tehsil/district, housing societies, door numbers
 * and salai/street in the south, Hindi in Latin letters and in Devanagari, courier forms with
 * c/o and phone numbers), with cue words attached to the part they introduce or close, varied
 * separators, casing and pincode forms. The segmenter trains on these beside the workspace's own
 * weakly labelled addresses, so that it learns what a cue word, a digit shape or a directory place
 * means rather than one generator's grammar (docs/decisions/0013).
 *
 * <p>Conventions: floors, wings, blocks of a building, khasra/killa and plot numbers are HOUSE;
 * "Village X", "At/Po X" are LOCALITY; "Tehsil X", "Taluka X", "Ward No. 5", "Sector 4",
 * "2nd Block" are SUBLOCALITY; "Distt. X" is DISTRICT; "PIN 560001" is PINCODE; "c/o Name",
 * "S/o Name" and phone numbers are OTHER.
 *
 * <p>Not thread-safe (one random source); deterministic for a seed.
 */
public final class AddressComposer {

    private static final List<String> NEAR = List.of("near", "Near", "NEAR", "nr", "Nr.", "opp", "Opp.", "opposite", "Opposite",
            "behind", "Behind", "beside", "Beside", "next to", "Next to", "adjacent to", "Adjacent to", "adj.", "Adj.", "towards",
            "Towards", "after", "After", "before", "in front of", "In front of", "close to", "Landmark:", "LM", "Landmark -",
            "facing", "back side of", "via", "above", "below", "inside", "besides");
    private static final List<String> POSTPOSITION = List.of("ke paas", "ke pass", "ke saamne", "ke samne", "ke peeche", "ke piche",
            "ke bagal mein", "ke bagal me", "ke andar", "ke upar", "ke niche", "ke nazdeek", "ke aage", "wali gali", "ki taraf", "ke pichhe");
    private static final List<String> DEVANAGARI_PLACES = List.of("मंदिर", "शिव मंदिर", "स्कूल", "सरकारी स्कूल", "बस स्टैंड", "डाकघर",
            "पानी की टंकी", "अस्पताल", "मस्जिद", "गुरुद्वारा", "पंचायत भवन", "रेलवे स्टेशन", "थाना", "बाज़ार", "चौराहा");
    private static final List<String> DEVANAGARI_POSTPOSITION = List.of("के सामने", "के पास", "के पीछे", "के बगल में", "के नज़दीक",
            "के आगे");
    private static final List<String> DEVANAGARI_HOUSE = List.of("मकान नं.", "मकान नंबर", "मकान न.", "घर नं.", "म.नं.");
    private static final List<String> LANDMARK_NAMES = List.of("ICICI Bank", "Axis Bank ATM", "Hotel Sagar", "Ganpati Mandir",
            "Durga Mandir", "Rama Temple", "Krishna Temple", "Govt. Girls School", "Kendriya Vidyalaya", "Police Chowki", "Fire Station",
            "Vegetable Market", "Fish Market", "Bus Stop", "Auto Stand", "Taxi Stand", "Railway Gate", "Flyover", "Water Tank",
            "Overhead Tank", "MedPlus", "Medical Store", "Civil Hospital", "Nursing Home", "Cinema Hall", "Community Hall",
            "Marriage Garden", "Kalyana Mandapam", "Sweet Shop", "Kirana Store", "Post Office", "Telephone Exchange", "Power House",
            "Dargah", "Church", "Masjid", "Gurdwara", "Jain Mandir", "Stadium", "Park", "Pond", "Canal Bridge", "Toll Plaza",
            "Mall", "Reliance Digital", "HP Petrol Pump", "Indian Oil Pump", "Gas Godown", "Anganwadi", "Panchayat Bhawan", "High School",
            "Degree College", "ITI", "Polytechnic", "Bank of Baroda", "PNB", "Union Bank", "Co-operative Bank", "Tehsil Office",
            "Collectorate", "Court", "Jail Road Crossing", "Clock Tower", "Ghanta Ghar", "Circle", "Chowk", "Naka", "Gate No 2");
    private static final List<String> BUILDING_FIRST = List.of("Shiv", "Ganga", "Jamuna", "Kaveri", "Narmada", "Lakshmi", "Padmavati",
            "Balaji", "Siddhi Vinayak", "Mangal", "Suraj", "Chandra", "Akash", "Prithvi", "Vasant", "Basant", "Gulmohar", "Ashoka", "Ajanta",
            "Ellora", "Everest", "Nilgiri", "Aravali", "Himalaya", "Sapphire", "Emerald", "Pearl", "Diamond", "Golden", "Silver", "Green Park",
            "Blue Bells", "Orchid", "Lotus", "Rose", "Jasmine", "Kamal", "Parijat", "Shree Sai", "Jai Hind", "Bharat", "Swastik", "Ekta",
            "Sangam", "Milan", "Sneh", "Prem", "Shubham", "Vaishnavi", "Mahalaxmi", "Venkatesh", "Tirupati", "Meenakshi", "Annapurna");
    private static final List<String> BUILDING_KIND = List.of("Apartments", "Apartment", "Apts", "Apt.", "Residency", "Society",
            "Soc.", "Co-op Hsg Soc", "CO-OP HSG SOC", "Co-operative Housing Society", "CHS", "CHS Ltd", "Hsg Soc", "Housing Society",
            "Towers", "Tower", "Enclave", "Heights", "Complex", "Niwas", "Nivas", "Sadan", "Bhavan", "Bhawan", "Villa", "Villas", "Mansion",
            "Plaza", "Arcade", "Kunj", "Niketan", "Dham", "Palace", "Court", "Gardens", "Homes", "Residence", "Chawl", "Building", "Bldg",
            "Bldg.", "Quarters", "Colony Qtrs", "Chambers", "House", "Manor", "Castle", "Estate");
    private static final List<String> ROAD_FIRST = List.of("MG", "M.G.", "Gandhi", "Subhash", "Patel", "Rajaji", "Kamaraj", "Anna",
            "Periyar", "Shivaji", "Tilak", "Netaji", "Rajiv Gandhi", "Indira", "Vivekananda", "Tagore", "Ashram", "Mission", "School",
            "Hospital", "Cross", "Main", "Jail", "Civil Lines", "Cantonment", "Old Airport", "New Link", "Outer Ring", "Service",
            "Bypass", "Highway", "Bank", "Church", "Mosque", "Temple", "Railway Station", "Bus Stand", "Fort", "Palace", "Lake", "River",
            "Beach", "Hill", "Park", "Market", "Bazar", "Mandi", "Factory", "Industrial", "Sadar", "Kutchery", "Dak Bungalow");
    private static final List<String> ROAD_KIND = List.of("Road", "Rd", "Rd.", "ROAD", "Street", "St.", "St", "Marg", "Path", "Lane",
            "Salai", "Veedhi", "Peth Road", "Nagar Main Road", "Main Road", "Cross Road", "Avenue", "Bypass Road", "Highway", "Galli", "Gali");
    private static final List<String> PERSON = List.of("Ramesh Kumar", "Suresh Babu", "Priya Sharma", "Neha Gupta", "Arjun Reddy",
            "Mohd Salim", "Abdul Kareem", "Harpreet Singh", "Manjula Devi", "Ravi Shankar", "Deepa Pillai", "Vikram Joshi", "Anita Roy",
            "Sanjay Mishra", "Pooja Kulkarni", "Imran Khan", "Lakshmi Narayanan", "Rekha", "Mr. Sharma", "Raju");

    private final SplittableRandom random;
    private final Dice dice;
    private final List<Place> places;

    /** A composer drawing places from the directory, deterministic for the seed. */
    public AddressComposer(PostalDirectory directory, long seed) {
        this.random = new SplittableRandom(seed);
        this.dice = new Dice(random);
        this.places = directory.places();
    }

    private ComposedDraft draft() {
        double r = random.nextDouble();
        return new ComposedDraft(random, r < 0.55 ? ", " : r < 0.7 ? " " : r < 0.8 ? "," : r < 0.88 ? " , " : r < 0.94 ? "; " : "\n");
    }

    /** One composed address with its exact segmentation, and the pincode column a form would hold ("" when none). */
    public record Composed(Segmentation segmentation, String pincodeColumn) {
    }

    /** Composes {@code n} addresses. */
    public List<Composed> compose(int n) {
        return Stream.generate(this::next).limit(n).collect(Collectors.toCollection(ArrayList::new));
    }

    private Composed next() {
        Place place = dice.pick(places);
        ComposedDraft d = draft();
        if (dice.chance(0.08)) {
            d.add(SegmentLabel.OTHER, dice.pick(List.of("c/o ", "C/O ", "C/o. ", "S/o ", "W/o ", "D/o ", "Attn: ", "care of ")) + dice.pick(PERSON));
        }
        switch (random.nextInt(8)) {
            case 0 -> metro(d, place);
            case 1 -> north(d, place);
            case 2 -> village(d, place);
            case 3 -> society(d, place);
            case 4 -> south(d, place);
            case 5 -> hindi(d, place);
            case 6 -> devanagari(d, place);
            default -> plain(d, place);
        }
        String pin = pincode(d, place);
        if (dice.chance(0.1)) {
            d.add(SegmentLabel.OTHER, dice.pick(List.of("Mob ", "Mob. ", "Mobile: ", "Ph ", "Ph: ", "Contact ", "Tel. ", "Phone ", "+91 ", "M: "))
                    + (6 + random.nextInt(4)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000)));
        }
        return new Composed(d.done(0.2, 0.12), pin.length() == 6 && dice.chance(0.4) ? pin : "");
    }

    private void metro(ComposedDraft d, Place p) {
        if (dice.chance(0.85)) {
            d.add(SegmentLabel.HOUSE, house());
        }
        if (dice.chance(0.4)) {
            d.add(SegmentLabel.BUILDING, building());
        }
        if (dice.chance(0.7)) {
            d.add(SegmentLabel.STREET, ordinal(dice.num(20)) + " " + dice.pick(List.of("Cross", "Main", "Cross Road", "Main Road", "A Cross", "B Main")));
        }
        if (dice.chance(0.4)) {
            d.add(SegmentLabel.STREET, dice.chance(0.5) ? ordinal(dice.num(15)) + " Main" : street());
        }
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.LANDMARK, landmark());
        }
        if (dice.chance(0.4)) {
            d.add(SegmentLabel.SUBLOCALITY, sublocality());
        }
        places(d, p, true);
    }

    private void north(ComposedDraft d, Place p) {
        String plot = dice.pick(List.of("H.No. ", "H No ", "House No. ", "Plot No. ", "Plot ", "KH NO ", "Khasra No. ", "KHASRA NO-", "Kh. No. ",
                "Killa No ", "KILLA NO. ", "Mustatil No ", "RZ-", "WZ-", "A-", "B-", "C-", "D-", "E-", "F-", "H-"))
                + dice.num(400) + (dice.chance(0.5) ? "/" + dice.num(30) : "") + (dice.chance(0.25) ? "/" + dice.num(9) : "");
        String floor = dice.pick(List.of("Ground Floor", "GF", "G/F", "Gr. Floor", "1st Floor", "First Floor", "2nd Floor", "2ND FLOOR",
                "Second Floor", "3rd Floor", "Third Floor", "Top Floor", "F/F", "S/F", "T/F", "Basement", "4th floor", "1st Flr"));
        double r = random.nextDouble();
        d.add(SegmentLabel.HOUSE, r < 0.35 ? plot : r < 0.6 ? plot + ", " + floor : r < 0.8 ? floor + ", " + plot : plot + " " + floor);
        if (dice.chance(0.6)) {
            d.add(SegmentLabel.STREET, dice.pick(List.of("Gali No. ", "Gali No ", "GALI NO-", "Gali ", "Street No. ", "Lane No. ")) + dice.num(25));
        }
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.SUBLOCALITY, dice.pick(List.of("Block ", "Block-", "Pocket ", "Ward No. ", "Ward No ", "Sector ", "Sector-",
                    "Phase ")) + (dice.chance(0.5) ? String.valueOf(dice.num(60)) : String.valueOf((char) ('A' + random.nextInt(8)))));
        }
        if (dice.chance(0.35)) {
            d.add(SegmentLabel.LANDMARK, landmark());
        }
        places(d, p, true);
    }

    private void village(ComposedDraft d, Place p) {
        if (dice.chance(0.35)) {
            d.add(SegmentLabel.HOUSE, dice.pick(List.of("H.No. ", "House No ", "Ghar No ", "Door No. ", "")) + dice.num(250));
        }
        if (dice.chance(0.2)) {
            d.add(SegmentLabel.LANDMARK, landmark());
        }
        String office = office(p);
        d.add(SegmentLabel.LOCALITY, dice.pick(List.of("Village ", "Vill. ", "Vill ", "VILL- ", "Gram ", "Grama ", "At/Po ", "At/Post ",
                "AT & PO ", "At Post ", "At. ", "Post ", "PO ", "P.O. ", "Po. ", "Mauza ", "")) + office);
        if (dice.chance(0.4)) {
            d.add(SegmentLabel.LOCALITY, dice.pick(List.of("Post ", "PO ", "P.O. ", "Via ")) + office);
        }
        if (!p.subDistrict().isBlank() && dice.chance(0.6)) {
            d.add(SegmentLabel.SUBLOCALITY, dice.pick(List.of("Tehsil ", "Teh. ", "Taluka ", "Tal. ", "Taluk ", "Tq. ", "Block ", "Mandal ",
                    "PS ", "Thana ")) + p.subDistrict());
        }
        d.add(SegmentLabel.DISTRICT, dice.pick(List.of("Distt. ", "Dist. ", "Dist ", "District ", "Distt ", "Zila ", "Jilla ", "DT. ", ""))
                + district(p.district()) + (dice.chance(0.15) ? " District" : ""));
        if (dice.chance(0.6)) {
            d.add(SegmentLabel.STATE, state(p));
        }
    }

    private void society(ComposedDraft d, Place p) {
        String wing = dice.pick(List.of("Flat No. ", "Flat ", "Room No. ", "Rm ", "Block ", "Wing ", "", "", "")) + (dice.chance(0.5)
                ? (char) ('A' + random.nextInt(6)) + dice.pick(List.of("-", "/", " ", "-")) + dice.num(1500) : String.valueOf(dice.num(1500)));
        d.add(SegmentLabel.HOUSE, dice.chance(0.2) ? wing + ", " + ordinal(dice.num(20)) + " Floor" : wing);
        d.add(SegmentLabel.BUILDING, building());
        if (dice.chance(0.5)) {
            d.add(SegmentLabel.LANDMARK, landmark());
        }
        if (dice.chance(0.4)) {
            d.add(SegmentLabel.STREET, street());
        }
        places(d, p, true);
    }

    private void south(ComposedDraft d, Place p) {
        d.add(SegmentLabel.HOUSE, dice.pick(List.of("Door No. ", "D.No. ", "D.No.", "No. ", "No:", "New No. ", "Old No. ", "#", "# ")) + dice.num(99)
                + (dice.chance(0.6) ? "-" + dice.num(300) : "") + (dice.chance(0.3) ? "/" + (char) ('A' + random.nextInt(4)) : ""));
        if (dice.chance(0.6)) {
            d.add(SegmentLabel.STREET, street());
        }
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.LANDMARK, landmark());
        }
        places(d, p, true);
    }

    private void hindi(ComposedDraft d, Place p) {
        if (dice.chance(0.8)) {
            d.add(SegmentLabel.HOUSE, dice.pick(List.of("makaan no ", "makan no. ", "makaan number ", "ghar no ", "m.no. ", "h no ")) + dice.num(600),
                    " ");
        }
        if (dice.chance(0.6)) {
            d.add(SegmentLabel.STREET, dice.pick(List.of("gali ", "gali no ", "galli no. ", "gali number ")) + dice.num(20));
        }
        if (dice.chance(0.8)) {
            d.add(SegmentLabel.LANDMARK, dice.pick(LANDMARK_NAMES) + " " + dice.pick(POSTPOSITION));
        }
        places(d, p, false);
    }

    private void devanagari(ComposedDraft d, Place p) {
        if (dice.chance(0.7)) {
            d.add(SegmentLabel.HOUSE, dice.pick(DEVANAGARI_HOUSE) + " " + dice.num(300));
        }
        if (dice.chance(0.85)) {
            d.add(SegmentLabel.LANDMARK, dice.pick(DEVANAGARI_PLACES) + " " + dice.pick(DEVANAGARI_POSTPOSITION));
        }
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.STREET, "गली नं. " + dice.num(20));
        }
        places(d, p, false);
    }

    private void plain(ComposedDraft d, Place p) {
        if (dice.chance(0.6)) {
            d.add(SegmentLabel.HOUSE, house());
        }
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.STREET, street());
        }
        if (dice.chance(0.2)) {
            d.add(SegmentLabel.LANDMARK, landmark());
        }
        places(d, p, false);
    }

    /** Locality, city or district, state, in one of the orders people use. */
    private void places(ComposedDraft d, Place p, boolean maybeSubLocality) {
        if (maybeSubLocality && dice.chance(0.15)) {
            d.add(SegmentLabel.SUBLOCALITY, sublocality());
        }
        if (dice.chance(0.88)) {
            d.add(SegmentLabel.LOCALITY, office(p) + (dice.chance(0.08) ? dice.pick(List.of(" Colony", " Extension", " Layout", " East", " West")) : ""));
        }
        String city = city(p);
        if (dice.chance(0.9)) {
            d.add(SegmentLabel.CITY, city);
        }
        if (dice.chance(0.15)) {
            d.add(SegmentLabel.DISTRICT, dice.pick(List.of("Distt. ", "Dist. ", "District ", "Dt. ")) + district(p.district()));
        }
        if (dice.chance(0.5)) {
            d.add(SegmentLabel.STATE, state(p));
        }
    }

    private String pincode(ComposedDraft d, Place p) {
        double r = random.nextDouble();
        String pin = r < 0.78 ? p.pincode() : r < 0.86 ? "" : r < 0.92 ? p.pincode().substring(0, 5) : p.pincode() + random.nextInt(10);
        if (pin.isEmpty()) {
            return pin;
        }
        String shown = pin.length() == 6 && dice.chance(0.1) ? pin.substring(0, 3) + " " + pin.substring(3) : pin;
        double c = random.nextDouble();
        String cue = c < 0.75 ? "" : dice.pick(List.of("PIN ", "Pin ", "PIN:", "PIN: ", "Pin-", "PIN-", "Pincode ", "Pincode: ", "Pin Code - ",
                "P.O. Box "));
        double s = random.nextDouble();
        d.add(SegmentLabel.PINCODE, cue + shown, s < 0.5 ? d.comma : s < 0.7 ? " - " : s < 0.85 ? " " : "-");
        return pin;
    }

    private String house() {
        double r = random.nextDouble();
        int n = dice.num(500);
        if (r < 0.15) {
            return "#" + n + (dice.chance(0.3) ? "/" + dice.num(9) : "");
        }
        if (r < 0.3) {
            return dice.pick(List.of("No. ", "No ", "NO.", "No:")) + n;
        }
        if (r < 0.45) {
            return dice.pick(List.of("Flat ", "Flat No. ", "Flat No ", "FLAT-")) + (100 * dice.num(15) + dice.num(9));
        }
        if (r < 0.6) {
            return dice.pick(List.of("H.No. ", "H.No.", "H No ", "HNo ", "House No. ", "House No ")) + n + (dice.chance(0.3) ? "-" + dice.num(99) : "");
        }
        if (r < 0.7) {
            return dice.pick(List.of("Qr. No. ", "Qr. ", "Qtr ", "Qtr. No. ", "Quarter No ")) + n + (dice.chance(0.4) ? "/" + (char) ('A' + random.nextInt(5)) : "");
        }
        if (r < 0.8) {
            return n + "/" + dice.num(20) + (dice.chance(0.2) ? ", " + ordinal(dice.num(5)) + " Floor" : "");
        }
        if (r < 0.9) {
            return dice.pick(List.of("Plot No. ", "Plot ", "Site No. ", "Shop No. ", "Shop ")) + n;
        }
        return n + dice.pick(List.of("", "A", "-B", "/1", " A"));
    }

    private String building() {
        return dice.pick(BUILDING_FIRST) + " " + dice.pick(BUILDING_KIND);
    }

    private String street() {
        return dice.pick(ROAD_FIRST) + " " + dice.pick(ROAD_KIND);
    }

    private String landmark() {
        return dice.pick(NEAR) + " " + dice.pick(LANDMARK_NAMES);
    }

    private String sublocality() {
        return switch (random.nextInt(5)) {
            case 0 -> ordinal(dice.num(9)) + " " + dice.pick(List.of("Block", "Stage", "Phase", "Sector"));
            case 1 -> dice.pick(List.of("Sector ", "Sector-", "Sec ", "Sec. ")) + dice.num(80);
            case 2 -> dice.pick(List.of("Block ", "Pocket ", "Phase ", "Stage ")) + (dice.chance(0.5) ? String.valueOf(dice.num(9))
                    : String.valueOf((char) ('A' + random.nextInt(8))));
            case 3 -> dice.pick(List.of("Ward No. ", "Ward ")) + dice.num(60);
            default -> dice.pick(List.of("Phase ", "Stage ")) + dice.pick(List.of("I", "II", "III", "1", "2"));
        };
    }

    private String city(Place p) {
        String district = district(p.district());
        String key = PostalDirectory.normalise(district);
        for (String[] alias : ALIASES) {
            if (alias[1].equals(key) && dice.chance(0.35)) {
                return alias[0];
            }
        }
        return district;
    }

    /** Old and short names of cities, with the directory's district (normalised) they stand for. */
    private static final List<String[]> ALIASES = List.of(new String[] {"Bombay", "mumbai"}, new String[] {"Calcutta", "kolkata"},
            new String[] {"Poona", "pune"}, new String[] {"Kovai", "coimbatore"}, new String[] {"Amdavad", "ahmedabad"},
            new String[] {"Blr", "bangalore"}, new String[] {"Bengaluru", "bangalore"}, new String[] {"Madras", "chennai"},
            new String[] {"Baroda", "vadodara"}, new String[] {"Trivandrum", "thiruvananthapuram"}, new String[] {"Vizag", "visakhapatnam"},
            new String[] {"Gurgaon", "gurgaon"}, new String[] {"Mysore", "mysore"}, new String[] {"Cochin", "ernakulam"},
            new String[] {"Banaras", "varanasi"}, new String[] {"Hyd", "hyderabad"}, new String[] {"Calicut", "kozhikode"},
            new String[] {"Tanjore", "thanjavur"}, new String[] {"Trichy", "tiruchirappalli"}, new String[] {"Mangalore", "dakshina kannada"});

    private String state(Place p) {
        double r = random.nextDouble();
        return r < 0.6 ? p.state().displayName() : r < 0.8 ? p.state().code() : p.state().displayName().toUpperCase(Locale.ROOT);
    }

    /** A district as people write it: without the directory's bracketed state ("Bilaspur(CGH)" is "Bilaspur"). */
    static String district(String name) {
        return name.replaceAll("\\s*\\(.*\\)$", "").trim();
    }

    private static String office(Place p) {
        return p.officeName().replaceAll("\\s+[SBHG]\\.?O\\.?$", "").replaceAll("\\s*\\(.*\\)$", "").trim();
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
