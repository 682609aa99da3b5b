package in.workbench.analytics.segmentation;

import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A second training-address writer, written apart from {@link AddressComposer} so the segmenter
 * does not learn one hand's habits: every person, building, shop, temple and road name is
 * invented from syllables (the model cannot remember names and has to read cue words, digit
 * shapes, positions and the postal directory's places), and the pieces come in orders, separators
 * and cue forms the first writer lacks: cue words glued to their part ("Dist.Pune", "Vill-Rampur"),
 * after it ("Haveli Taluka", "Salem Dt."), in brackets ("(T.N.)", "(Dist. Nashik)"), state codes with
 * dots, pincodes before the state or written "411-001", floors in Roman numerals and short forms
 * (IInd Floor, UGF), land records (survey, gat, khasra, killa numbers), Hyderabad-style house
 * numbers (12-3-456/A), Hindi postpositions in Latin letters and Devanagari with Devanagari cue
 * words, names and phones before or after the address, "India" at the end.
 *
 * <p>Conventions as {@link AddressComposer}'s. Not thread-safe (one random source); deterministic
 * for a seed.
 */
public final class VariedAddressComposer {

    private static final String[] ONSET = {"ra", "ma", "shi", "va", "ku", "la", "na", "pa", "dee", "san", "ja", "kri", "go", "man", "vi",
        "ya", "su", "ha", "bha", "de", "ka", "ta", "ni", "pre", "che", "tha", "mo", "ru", "se", "vee", "a", "i", "u", "o", "jo", "lo",
        "ga", "bo", "da", "sa", "vai", "kau", "thi", "mee", "pu", "dha", "ne", "ro", "chi", "gu"};
    private static final String[] CODA = {"", "", "", "n", "m", "r", "l", "sh", "t", "k", "th", "v", "nd", "ng", "y"};
    private static final List<String> LANDMARK_KIND = List.of("Mandir", "Temple", "Masjid", "Church", "Gurudwara", "School", "Vidyalaya",
            "College", "Hospital", "Clinic", "Dispensary", "Bank", "ATM", "Petrol Pump", "Bus Stand", "Bus Stop", "Chowk", "Circle",
            "Market", "Bazaar", "Hall", "Talkies", "Theatre", "Hotel", "Dhaba", "Bakery", "Sweets", "Medicals", "Stores", "Kirana",
            "Water Tank", "Well", "Talab", "Park", "Ground", "Maidan", "Post Office", "Police Station", "Thana", "Railway Crossing",
            "Phatak", "Bridge", "Pulia", "Godown", "Mill", "Factory", "Office", "Dharamshala", "Ashram", "Math", "Tower", "Statue");
    private static final List<String> BEFORE = List.of("Near", "near", "Nr.", "NR", "Opp.", "Opp", "OPP.", "Opposite", "Behind", "Bhd.",
            "Beside", "Next to", "Adjacent to", "Adj.", "Adjoining", "Towards", "After", "Before", "In front of", "Infront of", "Close to",
            "Near by", "Nearby", "Corner of", "Back of", "Landmark", "Landmark:", "L/M", "LM:", "Opposite to", "Right side of",
            "Left of", "Above", "Just behind", "Walking distance from");
    private static final List<String> AFTER = List.of("ke paas", "ke pas", "ke saamne", "ke samne", "ke peeche", "ke pichhe", "ke bagal mein",
            "ke nazdik", "ke aage", "ke upar", "ke andar", "ke piche wali gali", "se aage", "ki taraf", "wali gali", "ke samip", "ke nikat");
    private static final List<String> DEVA_LANDMARK = List.of("मंदिर", "हनुमान मंदिर", "प्राथमिक विद्यालय", "सरकारी अस्पताल", "पुराना बस अड्डा",
            "पुलिस चौकी", "दुर्गा मंदिर", "जामा मस्जिद", "पानी टंकी", "पंचायत घर", "बड़ा तालाब", "सब्जी मंडी", "रेलवे फाटक", "डाकखाना");
    private static final List<String> DEVA_AFTER = List.of("के पास", "के सामने", "के पीछे", "के बगल में", "के नजदीक", "के निकट", "के समीप",
            "से आगे", "वाली गली");
    private static final List<String> BUILDING_KIND = List.of("Apartment", "Apartments", "Apts.", "Appartment", "Residency", "Residences",
            "Heights", "Towers", "Tower", "Enclave", "Complex", "Co-op. Hsg. Society", "Co.Op.Hsg.Soc.", "CHS Ltd.", "Housing Society",
            "Society", "Soc.", "Nagar Society", "Niwas", "Nivas", "Sadan", "Bhavan", "Bhawan", "Mahal", "Kutir", "Nilayam", "Illam",
            "Villa", "Mansion", "Plaza", "Arcade", "Kunj", "Dham", "Palace", "Chawl", "Building", "Bldg.", "Flats", "Block Flats",
            "CGHS", "Apartment Complex", "Garden", "Gardens", "Manor", "Court", "Square", "Greens", "Park View", "Residential Complex");
    private static final List<String> ROAD_KIND = List.of("Road", "Rd.", "RD", "Marg", "Street", "St.", "Lane", "Path", "Salai", "Veedhi",
            "Theru", "Rasta", "Sadak", "Avenue", "Main Road", "Link Road", "Ring Road", "Cross Road", "Station Road", "Bazar Road", "Highway",
            "Bypass", "Gali", "Galli", "Bylane", "Peth");
    private static final List<String> FLOOR = List.of("Ground Floor", "Gr. Floor", "Grd Flr", "GF", "G.F.", "UGF", "LGF", "Upper Ground Floor",
            "Lower Ground Floor", "1st Floor", "Ist Floor", "IInd Floor", "IIIrd Floor", "2nd Flr", "3rd Flr.", "4th Floor", "5th floor",
            "First Floor", "Second floor", "Third Floor", "Top Floor", "Terrace Floor", "Basement", "F.F.", "S.F.", "T.F.", "FF", "SF", "TF",
            "Mezzanine Floor", "10th Floor", "14th Floor");
    private static final List<String> OLD_NAMES = List.of("Bombay", "Calcutta", "Madras", "Poona", "Bangalore", "Blr", "Kovai", "Amdavad",
            "Baroda", "Trivandrum", "Cochin", "Calicut", "Mysore", "Mangalore", "Belgaum", "Trichy", "Tanjore", "Vizag", "Benares",
            "Allahabad", "Gurgaon", "Simla", "Ooty", "Pondy", "Hyd", "Secunderabad", "Cawnpore", "Quilon", "Tuticorin");
    private static final List<String> DEVA_STATES = List.of("उत्तर प्रदेश", "बिहार", "राजस्थान", "मध्य प्रदेश", "हरियाणा", "दिल्ली", "झारखंड",
            "उत्तराखंड", "छत्तीसगढ़", "हिमाचल प्रदेश", "महाराष्ट्र", "गुजरात", "पंजाब");

    /** The ending of an ordinal by its last digit. */
    private static final String[] ORDINAL_ENDINGS = {"th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"};

    private final SplittableRandom random;
    private final Dice dice;
    private final List<Place> places;

    /** A writer drawing places from the directory, deterministic for the seed. */
    public VariedAddressComposer(PostalDirectory directory, long seed) {
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.dice = new Dice(random);
        this.places = directory.places();
    }

    /** Composes {@code n} addresses with their exact segmentation. */
    public List<AddressComposer.Composed> compose(int n) {
        return Stream.generate(this::next).limit(n).collect(Collectors.toCollection(ArrayList::new));
    }

    /** An invented word of two or three syllables, capitalised. */
    private String name() {
        StringBuilder sb = new StringBuilder();
        int syllables = 2 + (dice.chance(0.4) ? 1 : 0);
        for (int i = 0; i < syllables; i++) {
            sb.append(ONSET[random.nextInt(ONSET.length)]);
            if (i == syllables - 1 || dice.chance(0.3)) {
                sb.append(CODA[random.nextInt(CODA.length)]);
            }
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    private String names(int max) {
        StringBuilder sb = new StringBuilder(name());
        int more = random.nextInt(max);
        for (int i = 0; i < more; i++) {
            sb.append(' ').append(name());
        }
        return sb.toString();
    }

    private String separator() {
        double r = random.nextDouble();
        return r < 0.4 ? ", " : r < 0.52 ? " " : r < 0.62 ? "," : r < 0.7 ? " - " : r < 0.77 ? ". " : r < 0.83 ? " , " : r < 0.88 ? "; "
                : r < 0.93 ? "  " : r < 0.97 ? " / " : "\n";
    }

    private AddressComposer.Composed next() {
        Place place = dice.pick(places);
        ComposedDraft d = new ComposedDraft(random, separator());
        if (dice.chance(0.12)) {
            person(d);
        }
        switch (random.nextInt(7)) {
            case 0 -> flat(d, place);
            case 1 -> landRecord(d, place);
            case 2 -> rural(d, place);
            case 3 -> hyderabad(d, place);
            case 4 -> hinglish(d, place);
            case 5 -> devanagari(d, place);
            default -> shop(d, place);
        }
        sometimes(d, 0.08, SegmentLabel.OTHER, () -> dice.pick(List.of("India", "INDIA", "Bharat")));
        if (dice.chance(0.1)) {
            phone(d);
        }
        String pin = place.pincode();
        return new AddressComposer.Composed(d.done(0.25, 0.12), dice.chance(0.5) ? pin : "");
    }

    private void person(ComposedDraft d) {
        String who = names(2);
        d.add(SegmentLabel.OTHER, switch (random.nextInt(7)) {
            case 0 -> "Name: " + who;
            case 1 -> who + " S/O " + name();
            case 2 -> "C/O. " + who;
            case 3 -> "Mr. " + who;
            case 4 -> "Smt. " + who;
            case 5 -> "Attn " + who;
            default -> who;
        });
    }

    private void phone(ComposedDraft d) {
        String digits = (6 + random.nextInt(4)) + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
        d.add(SegmentLabel.OTHER, dice.pick(List.of("Mob-", "Mob.No. ", "(M) ", "Mobile No: ", "Ph.", "Cell ", "Whatsapp ", "Contact No. ", "+91-",
                "Tel: 0")) + digits);
    }

    /** "1st", "22nd", "13th": the ending follows the last digit, except from 10 to 19 ({@code n} is positive). */
    private static String ordinal(int n) {
        return n + (n / 10 % 10 == 1 ? "th" : ORDINAL_ENDINGS[n % 10]);
    }

    /**
     * With probability {@code p}, the part {@code part} writes as {@code label}; the part draws
     * from the random source only when it is written.
     */
    private void sometimes(ComposedDraft d, double p, SegmentLabel label, Supplier<String> part) {
        if (dice.chance(p)) {
            d.add(label, part.get());
        }
    }

    private String landmark() {
        String thing = dice.chance(0.7) ? names(1) + " " + dice.pick(LANDMARK_KIND) : dice.pick(LANDMARK_KIND);
        double r = random.nextDouble();
        if (r < 0.75) {
            return dice.pick(BEFORE) + " " + thing;
        }
        if (r < 0.9) {
            return thing + " " + dice.pick(AFTER);
        }
        return "(" + dice.pick(BEFORE) + " " + thing + ")";
    }

    private String building() {
        return dice.chance(0.85) ? names(1) + " " + dice.pick(BUILDING_KIND) : dice.pick(BUILDING_KIND) + " No. " + dice.num(12);
    }

    private String road() {
        double r = random.nextDouble();
        if (r < 0.6) {
            return names(1) + " " + dice.pick(ROAD_KIND);
        }
        if (r < 0.8) {
            return ordinal(dice.num(18)) + " " + dice.pick(List.of("Cross", "Main", "Cross Road", "Main Road", "Street", "Lane", "Avenue"));
        }
        return dice.pick(List.of("Road No. ", "Street No. ", "Lane No. ", "Gali No. ", "Gali No.", "Gali-", "Rd No ", "Cross No ")) + dice.num(30);
    }

    private String sublocality(Place p) {
        double r = random.nextDouble();
        if (r < 0.2) {
            return dice.pick(List.of("Sector ", "Sector-", "Sec.", "Sec-", "SECTOR ")) + dice.num(90) + (dice.chance(0.2) ? String.valueOf((char) ('A' + random.nextInt(4))) : "");
        }
        if (r < 0.35) {
            return dice.chance(0.5) ? (char) ('A' + random.nextInt(8)) + " Block" : dice.pick(List.of("Block ", "Block-", "Blk ")) + (char) ('A' + random.nextInt(8));
        }
        if (r < 0.5) {
            return dice.pick(List.of("Phase ", "Phase-", "Stage ", "Pocket ", "Extension ")) + dice.pick(List.of("I", "II", "III", "1", "2", "3", "IV"));
        }
        if (r < 0.62) {
            return ordinal(dice.num(8)) + " " + dice.pick(List.of("Phase", "Stage", "Block", "Sector"));
        }
        if (r < 0.75) {
            return dice.pick(List.of("Ward No. ", "Ward ", "Ward No-", "W.No. ")) + dice.num(70);
        }
        String sub = p.subDistrict().isBlank() ? name() : p.subDistrict();
        return dice.chance(0.5) ? dice.pick(List.of("Tehsil ", "Teh.", "Tahsil ", "Taluka ", "Tal.", "Taluk ", "Tq.", "Mandal ", "Hobli ", "Block "))
                + sub : sub + dice.pick(List.of(" Tehsil", " Taluka", " Taluk", " Mandal", " Tq.", " Tal.", " Block"));
    }

    private static String plainDistrict(Place p) {
        return AddressComposer.district(p.district());
    }

    private static String office(Place p) {
        return p.officeName().replaceAll("\\s+[SBHG]\\.?O\\.?$", "").replaceAll("\\s*\\(.*\\)$", "").trim();
    }

    private String city(Place p) {
        if (dice.chance(0.12)) {
            return dice.pick(OLD_NAMES);
        }
        return plainDistrict(p);
    }

    private String district(Place p) {
        String dist = plainDistrict(p);
        double r = random.nextDouble();
        if (r < 0.55) {
            return dice.pick(List.of("Dist. ", "Distt. ", "Dist.", "Distt.", "Dist-", "DIST ", "District ", "District: ", "Dt. ", "Zila ", "Jila ",
                    "Dist: ")) + dist;
        }
        if (r < 0.85) {
            return dist + dice.pick(List.of(" Dist.", " Distt.", " District", " Dt.", " Dist", " Zila"));
        }
        return "(" + dice.pick(List.of("Dist. ", "Distt. ", "District ", "Dt. ")) + dist + ")";
    }

    private String state(Place p) {
        IndianState s = p.state();
        double r = random.nextDouble();
        String name;
        if (r < 0.5) {
            name = s.displayName();
        } else if (r < 0.7) {
            name = s.code();
        } else if (r < 0.85) {
            name = String.join(".", s.code().split("")) + ".";
        } else {
            name = s.displayName().toUpperCase(Locale.ROOT);
        }
        return dice.chance(0.2) ? "(" + name + ")" : name;
    }

    private String pin(Place p) {
        String pin = p.pincode();
        double r = random.nextDouble();
        String shown = r < 0.8 ? pin : r < 0.88 ? pin.substring(0, 3) + " " + pin.substring(3) : r < 0.94 ? pin.substring(0, 3) + "-"
                + pin.substring(3) : pin.substring(0, 5);
        double c = random.nextDouble();
        return c < 0.6 ? shown : dice.pick(List.of("PIN-", "Pin:", "PIN : ", "Pin Code ", "Pincode-", "PINCODE: ", "Pin No. ", "Postal Code ", "P.C. "))
                + shown;
    }

    /** What comes before a pincode: a dash glues it only when it starts with a digit ("Pune-411001"). */
    private String pinSeparator(String pin) {
        return dice.pick(Character.isDigit(pin.charAt(0)) ? List.of(" - ", "-", " ", ", ", ",") : List.of(" - ", " ", ", ", ","));
    }

    /** The place parts in one of several orders: locality, sub-locality, city, district, state, pincode. */
    private void tail(ComposedDraft d, Place p, boolean locality, boolean district) {
        if (locality) {
            d.add(SegmentLabel.LOCALITY, office(p) + (dice.chance(0.1) ? dice.pick(List.of(" Colony", " Nagar", " Extension", " Gaon", " Basti")) : ""),
                    separator());
        }
        if (dice.chance(0.15)) {
            d.add(SegmentLabel.SUBLOCALITY, sublocality(p), separator());
        }
        boolean city = dice.chance(0.85);
        String pin = pin(p);
        double order = random.nextDouble();
        if (city) {
            if (order < 0.25) {
                d.add(SegmentLabel.CITY, city(p), separator());
                d.add(SegmentLabel.PINCODE, pin, pinSeparator(pin));
                if (district) {
                    d.add(SegmentLabel.DISTRICT, district(p), separator());
                }
                if (dice.chance(0.7)) {
                    d.add(SegmentLabel.STATE, state(p), separator());
                }
                return;
            }
            d.add(SegmentLabel.CITY, city(p), separator());
        }
        if (district) {
            d.add(SegmentLabel.DISTRICT, district(p), separator());
        }
        boolean state = dice.chance(0.65);
        if (order > 0.85 && state) {
            d.add(SegmentLabel.PINCODE, pin, separator());
            d.add(SegmentLabel.STATE, state(p), separator());
            return;
        }
        if (state) {
            d.add(SegmentLabel.STATE, state(p), separator());
        }
        if (dice.chance(0.9)) {
            d.add(SegmentLabel.PINCODE, pin, dice.chance(0.15) ? ": " : pinSeparator(pin));
        }
    }

    private void flat(ComposedDraft d, Place p) {
        String unit = dice.pick(List.of("Flat No. ", "Flat No.", "Flat ", "FLAT-", "Apt ", "Unit ", "F.No. ", "Door No. ", "#", "No.", ""))
                + (dice.chance(0.5) ? (char) ('A' + random.nextInt(6)) + dice.pick(List.of("-", "/", "", " ")) : "") + dice.num(1800);
        double r = random.nextDouble();
        d.add(SegmentLabel.HOUSE, r < 0.55 ? unit : r < 0.8 ? unit + dice.pick(List.of(", ", " ", " - ")) + dice.pick(FLOOR) : dice.pick(FLOOR) + ", " + unit);
        sometimes(d, 0.3, SegmentLabel.HOUSE, () -> dice.pick(List.of("Wing ", "Tower ", "Block ")) + (char) ('A' + random.nextInt(6)));
        d.add(SegmentLabel.BUILDING, building());
        sometimes(d, 0.5, SegmentLabel.STREET, this::road);
        sometimes(d, 0.35, SegmentLabel.LANDMARK, this::landmark);
        sometimes(d, 0.35, SegmentLabel.SUBLOCALITY, () -> sublocality(p));
        tail(d, p, dice.chance(0.85), dice.chance(0.08));
    }

    private void landRecord(ComposedDraft d, Place p) {
        String record = dice.pick(List.of("Khasra No. ", "KH. NO. ", "Kh.No.", "Khasra-", "Killa No. ", "Killa ", "Survey No. ", "Sy. No. ",
                "S.No.", "Gat No. ", "Gat ", "CTS No. ", "Plot No. ", "Plot-", "P.No. ", "Khewat No. ", "Dag No. "))
                + dice.num(900) + (dice.chance(0.6) ? "/" + dice.num(40) : "") + (dice.chance(0.3) ? "/" + dice.num(9) : "") + (dice.chance(0.15) ? dice.pick(List.of("A", "B", "/1A")) : "");
        double r = random.nextDouble();
        d.add(SegmentLabel.HOUSE, r < 0.5 ? record : r < 0.75 ? record + dice.pick(List.of(", ", " ")) + dice.pick(FLOOR) : dice.pick(List.of("H.No. ", "House No ",
                "Makan No. ")) + dice.num(300) + ", " + record);
        sometimes(d, 0.4, SegmentLabel.STREET, this::road);
        sometimes(d, 0.4, SegmentLabel.LANDMARK, this::landmark);
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.LOCALITY, dice.pick(List.of("Village ", "Vill.", "Vill-", "Gram ", "Mauza ")) + office(p));
            tail(d, p, false, dice.chance(0.5));
        } else {
            tail(d, p, true, dice.chance(0.15));
        }
    }

    private void rural(ComposedDraft d, Place p) {
        sometimes(d, 0.4, SegmentLabel.HOUSE, () -> dice.pick(List.of("H.No.", "H No. ", "Ghar No. ", "Makan No ", "House-", "#")) + dice.num(400));
        sometimes(d, 0.2, SegmentLabel.LANDMARK, this::landmark);
        String office = office(p);
        double r = random.nextDouble();
        if (r < 0.3) {
            d.add(SegmentLabel.LOCALITY, dice.pick(List.of("At-", "At/Po-", "At & Post ", "At Po. ", "AT-", "At:")) + office);
        } else if (r < 0.55) {
            d.add(SegmentLabel.LOCALITY, dice.pick(List.of("Vill.", "Vill-", "Village: ", "VILL ", "Gram-", "Mohalla ", "Mauza-")) + office);
            sometimes(d, 0.5, SegmentLabel.LOCALITY, () -> dice.pick(List.of("Post-", "PO-", "P.O.", "Post Office ", "Po: ", "Via ")) + office(dice.pick(places)));
        } else if (r < 0.7) {
            d.add(SegmentLabel.LOCALITY, office + dice.pick(List.of(" Village", " Gaon", " Post", " (Vill.)", " P.O.")));
        } else {
            d.add(SegmentLabel.LOCALITY, office);
        }
        String sub = p.subDistrict().isBlank() ? name() : p.subDistrict();
        if (dice.chance(0.7)) {
            d.add(SegmentLabel.SUBLOCALITY, dice.chance(0.55) ? dice.pick(List.of("Tehsil-", "Teh.", "Tah. ", "Taluka-", "Tal.", "Tq.", "Taluk: ", "Mandal-",
                    "PS-", "P.S. ", "Thana ", "Block-")) + sub : sub + dice.pick(List.of(" Tehsil", " Taluka", " Tq.", " Mandal", " Block", " Thana")));
        }
        d.add(SegmentLabel.DISTRICT, district(p));
        sometimes(d, 0.6, SegmentLabel.STATE, () -> state(p));
        if (dice.chance(0.85)) {
            String pin = pin(p);
            d.add(SegmentLabel.PINCODE, pin, pinSeparator(pin));
        }
    }

    private void hyderabad(ComposedDraft d, Place p) {
        d.add(SegmentLabel.HOUSE, dice.pick(List.of("H.No. ", "H.No.", "D.No. ", "Door No: ", "# ", "No. ", "")) + dice.num(20) + "-" + dice.num(12) + "-" + dice.num(900)
                + (dice.chance(0.4) ? "/" + dice.pick(List.of("A", "B", "1", "2/A", "C")) : ""));
        sometimes(d, 0.3, SegmentLabel.BUILDING, this::building);
        sometimes(d, 0.6, SegmentLabel.STREET, this::road);
        sometimes(d, 0.3, SegmentLabel.LANDMARK, this::landmark);
        tail(d, p, true, dice.chance(0.1));
    }

    private void hinglish(ComposedDraft d, Place p) {
        if (dice.chance(0.8)) {
            d.add(SegmentLabel.HOUSE, dice.pick(List.of("makan no. ", "makaan num ", "ghar number ", "H.no ", "mkn no ", "kothi no. ")) + dice.num(700)
                    + (dice.chance(0.3) ? " " + dice.pick(List.of("pehli manzil", "dusri manzil", "first floor", "upar wala")) : ""));
        }
        sometimes(d, 0.5, SegmentLabel.STREET, () -> dice.pick(List.of("gali no. ", "gali ", "galli number ", "gali no-")) + dice.num(25));
        if (dice.chance(0.85)) {
            String thing = dice.chance(0.7) ? names(1) + " " + dice.pick(LANDMARK_KIND) : dice.pick(LANDMARK_KIND);
            d.add(SegmentLabel.LANDMARK, thing + " " + dice.pick(AFTER));
        }
        if (dice.chance(0.3)) {
            d.add(SegmentLabel.LOCALITY, dice.pick(List.of("mohalla ", "Mohalla ", "Basti ")) + names(1));
            tail(d, p, false, dice.chance(0.3));
        } else {
            tail(d, p, true, dice.chance(0.2));
        }
    }

    private void devanagari(ComposedDraft d, Place p) {
        if (dice.chance(0.75)) {
            d.add(SegmentLabel.HOUSE, dice.pick(List.of("मकान नं. ", "मकान नंबर ", "म.नं. ", "घर नं ", "प्लॉट नं. ", "खसरा नं. ")) + dice.num(500)
                    + (dice.chance(0.2) ? ", " + dice.pick(List.of("दूसरी मंजिल", "पहली मंजिल", "भूतल")) : ""));
        }
        sometimes(d, 0.4, SegmentLabel.STREET, () -> dice.pick(List.of("गली नं. ", "गली नंबर ", "गली ")) + dice.num(20));
        sometimes(d, 0.8, SegmentLabel.LANDMARK, () -> dice.pick(DEVA_LANDMARK) + " " + dice.pick(DEVA_AFTER));
        if (dice.chance(0.4)) {
            d.add(SegmentLabel.LOCALITY, dice.pick(List.of("ग्राम ", "गांव ", "मोहल्ला ", "ग्राम- ")) + office(p));
            sometimes(d, 0.5, SegmentLabel.LOCALITY, () -> dice.pick(List.of("पोस्ट ", "पो. ")) + office(p));
            sometimes(d, 0.5, SegmentLabel.SUBLOCALITY, () -> "तहसील " + (p.subDistrict().isBlank() ? name() : p.subDistrict()));
            d.add(SegmentLabel.DISTRICT, dice.pick(List.of("जिला ", "जिला- ", "ज़िला ")) + plainDistrict(p));
            sometimes(d, 0.5, SegmentLabel.STATE, () -> dice.chance(0.5) ? dice.pick(DEVA_STATES) : p.state().displayName());
            sometimes(d, 0.8, SegmentLabel.PINCODE, () -> dice.pick(List.of("", "", "पिन ", "पिन- ", "पिनकोड ")) + p.pincode());
        } else {
            tail(d, p, true, dice.chance(0.2));
        }
    }

    private void shop(ComposedDraft d, Place p) {
        d.add(SegmentLabel.HOUSE, dice.pick(List.of("Shop No. ", "Shop No.", "Shop-", "Godown No. ", "Office No. ", "Room No. ", "Gala No. ", "Stall "))
                + dice.num(150) + (dice.chance(0.3) ? ", " + dice.pick(FLOOR) : ""));
        if (dice.chance(0.55)) {
            d.add(SegmentLabel.BUILDING, names(1) + " " + dice.pick(List.of("Complex", "Market", "Shopping Centre", "Plaza", "Arcade", "Chambers",
                    "Trade Centre", "Commercial Complex", "Mall", "House", "Bhavan")));
        }
        sometimes(d, 0.6, SegmentLabel.STREET, this::road);
        sometimes(d, 0.4, SegmentLabel.LANDMARK, this::landmark);
        tail(d, p, dice.chance(0.8), dice.chance(0.1));
    }
}
