package in.workbench.sample.independent;

import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.address.AddressParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A second address writer, written apart from the sample generator ({@code in.workbench.sample})
 * and from the segmenter's training composer, with its own vocabulary, styles, spellings, noise
 * and delivery formula. It exists only to measure: no model, rule or weak labeler of the product
 * is trained or tuned on what it writes (docs/decisions/0013). Each address comes with its gold
 * segmentation (every token labelled, OTHER for words that are no address part) and its true
 * per-shipment delivery probability; {@link #shipments} draws shipment outcomes from it.
 *
 * <p>Not thread-safe (one random source); deterministic for a seed.
 */
public final class IndependentAddressWriter {

    /** One written address. */
    public record Written(String id, String text, String pincodeColumn, Segmentation gold, double pDeliver, String style) {
    }

    /** One shipment's outcome: {@code delivered}, {@code damaged}, {@code returned} or {@code undeliverable}. */
    public record Shipment(String addressId, String status) {

        /** True for the outcomes that reached the customer. */
        public boolean reached() {
            return !status.equals("undeliverable");
        }
    }

    private static final List<String> PEOPLE = List.of("Sandeep Patil", "Meenakshi Iyer", "Rafiq Ahmed", "Gurpreet Kaur",
            "Anil Deshmukh", "Latha Raman", "Biswajit Das", "Kavya Menon", "Harish Chauhan", "Sunita Yadav", "Joseph Varghese",
            "Pradeep Nair", "Farida Begum", "Tenzin Norbu", "Rohit Saxena");
    private static final List<String> LANDMARK_PLACES = List.of("SBI ATM", "Apollo Pharmacy", "Royal Marriage Hall", "DAV Public School",
            "Kumar Bakery", "Shiv Mandir", "Jama Masjid", "Old Water Tank", "Petrol Pump", "Gram Panchayat Office", "Railway Crossing",
            "Canara Bank", "Big Bazaar", "Govt Hospital", "Idgah Maidan", "Primary Health Centre", "Reliance Fresh", "St. Mary's Church",
            "Bus Depot", "Milk Dairy", "Cold Storage", "Sabzi Mandi", "Kali Bari", "Gurudwara Sahib", "Electricity Office");
    private static final List<String> SOCIETY_NAMES = List.of("Trimurti", "Gokuldham", "Sai Darshan", "Om Shanti", "Navjivan",
            "Ganesh Krupa", "Jal Vayu", "Sunrise", "Harmony", "Panchsheel", "Vrindavan", "Kailash", "Anmol", "Sahyadri", "Neelkanth");
    private static final List<String> SOCIETY_KINDS = List.of("CO-OP HSG SOC", "Co-op Housing Society", "CHS Ltd", "Hsg. Soc.",
            "Apartment", "Enclave", "Nagar Society", "Residency", "Towers", "Complex", "Niketan", "Kunj");
    private static final List<String> ROAD_NAMES = List.of("Tilak", "Gandhi", "Nehru", "Ambedkar", "Station", "Court", "Mill",
            "Temple", "Bazaar", "College", "Hospital", "Link", "Ring", "Canal", "Market", "Lake");
    private static final List<String> ROAD_KINDS = List.of("Road", "Rd.", "Marg", "Street", "Lane", "Path", "Chowk Road");
    private static final List<String> DEVANAGARI_LANDMARKS = List.of("मंदिर के सामने", "स्कूल के पास", "पानी की टंकी के पीछे",
            "बस अड्डा के पास", "मस्जिद के सामने");
    /** Old and short city names as customers write them, with the district the directory uses. */
    private static final List<String[]> OLD_NAMES = List.of(new String[] {"Bombay", "Mumbai"}, new String[] {"Calcutta", "Kolkata"},
            new String[] {"Poona", "Pune"}, new String[] {"Kovai", "Coimbatore"}, new String[] {"Amdavad", "Ahmedabad"},
            new String[] {"Blr", "Bangalore"}, new String[] {"Madras", "Chennai"}, new String[] {"Baroda", "Vadodara"});

    private final SplittableRandom random;
    private final List<Place> places;
    private final List<String> pincodes;
    private int written;

    public IndependentAddressWriter(PostalDirectory directory, long seed) {
        this.random = new SplittableRandom(seed);
        this.places = directory.places();
        this.pincodes = List.copyOf(directory.pincodes());
    }

    /** Writes {@code n} addresses. */
    public List<Written> write(int n) {
        List<Written> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** Draws 1–5 shipments per address from its true delivery probability. */
    public List<Shipment> shipments(List<Written> addresses) {
        List<Shipment> out = new ArrayList<>();
        for (Written w : addresses) {
            int k = 1 + (random.nextDouble() < 0.45 ? 0 : random.nextInt(5));
            for (int s = 0; s < k; s++) {
                String status;
                if (random.nextDouble() < w.pDeliver()) {
                    double r = random.nextDouble();
                    status = r < 0.9 ? "delivered" : r < 0.95 ? "damaged" : "returned";
                } else {
                    status = "undeliverable";
                }
                out.add(new Shipment(w.id(), status));
            }
        }
        return out;
    }

    /** Text pieces with their labels, joined with separators into the address. */
    private final class Draft {
        final StringBuilder text = new StringBuilder();
        final List<int[]> ranges = new ArrayList<>();
        final List<SegmentLabel> labels = new ArrayList<>();

        void add(SegmentLabel label, String piece, String separator) {
            if (text.length() > 0) {
                text.append(separator);
            }
            ranges.add(new int[] {text.length(), text.length() + piece.length()});
            labels.add(label);
            text.append(piece);
        }

        /** The gold labels of the draft's tokens, put on {@code t}: the draft with only case and spaces changed. */
        Segmentation gold(String t) {
            List<AddressParser.Token> tokens = Segmentation.tokensOf(text.toString());
            SegmentLabel[] l = new SegmentLabel[tokens.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = SegmentLabel.OTHER;
                int start = tokens.get(i).start();
                for (int r = 0; r < ranges.size(); r++) {
                    if (start >= ranges.get(r)[0] && start < ranges.get(r)[1]) {
                        l[i] = labels.get(r);
                    }
                }
            }
            return Segmentation.of(t, l);
        }
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Written next() {
        Place place = pick(places);
        String id = "IW" + (++written);
        String style = pick(List.of("courier", "rural", "hinglish", "society", "floors", "devanagari", "careof", "oldcity"));
        Draft d = new Draft();
        boolean houseId = false;
        boolean landmark = false;
        boolean street = false;
        boolean building = false;
        boolean phone = false;
        boolean careOf = false;
        String locality = office(place);
        switch (style) {
            case "courier" -> {
                if (chance(0.8)) {
                    d.add(SegmentLabel.HOUSE, pick(List.of("Qr. ", "Qtr ", "QTR NO ", "Quarter No. ")) + (1 + random.nextInt(900))
                            + (chance(0.4) ? "/" + (char) ('A' + random.nextInt(4)) : ""), "");
                    houseId = true;
                }
                if (chance(0.6)) {
                    d.add(SegmentLabel.SUBLOCALITY, pick(List.of("Sector ", "Sec-", "Block ")) + (1 + random.nextInt(40)), ", ");
                }
                if (chance(0.5)) {
                    d.add(SegmentLabel.STREET, pick(ROAD_NAMES) + " " + pick(ROAD_KINDS), ", ");
                    street = true;
                }
                d.add(SegmentLabel.LOCALITY, locality, ", ");
                d.add(SegmentLabel.CITY, place.district(), ", ");
                if (chance(0.6)) {
                    d.add(SegmentLabel.STATE, place.state().displayName(), ", ");
                }
            }
            case "rural" -> {
                if (chance(0.5)) {
                    d.add(SegmentLabel.HOUSE, pick(List.of("H No ", "Ghar No. ", "Door No ")) + (1 + random.nextInt(300)), "");
                    houseId = true;
                }
                d.add(SegmentLabel.LOCALITY, pick(List.of("At/Po ", "AT & PO ", "Village ", "Vill. ", "Gram ")) + locality, ", ");
                if (!place.subDistrict().isBlank() && chance(0.7)) {
                    d.add(SegmentLabel.SUBLOCALITY, pick(List.of("Tehsil ", "Taluka ", "Tq. ", "Mandal ")) + place.subDistrict(), ", ");
                }
                d.add(SegmentLabel.DISTRICT, pick(List.of("Distt. ", "Dist. ", "District ", "Zilla ")) + place.district(), ", ");
                if (chance(0.7)) {
                    d.add(SegmentLabel.STATE, place.state().displayName(), " (") ;
                    d.text.append(chance(0.5) ? ")" : "");
                }
            }
            case "hinglish" -> {
                if (chance(0.8)) {
                    d.add(SegmentLabel.HOUSE, pick(List.of("makaan no ", "makan no. ", "ghar no ")) + (1 + random.nextInt(500)), "");
                    houseId = true;
                }
                if (chance(0.7)) {
                    d.add(SegmentLabel.STREET, pick(List.of("gali ", "gali no ", "galli ")) + (1 + random.nextInt(20)), " ");
                    street = true;
                }
                if (chance(0.7)) {
                    d.add(SegmentLabel.LANDMARK, pick(LANDMARK_PLACES) + pick(List.of(" ke paas", " ke saamne", " ke peeche", " ke bagal mein")),
                            " ");
                    landmark = true;
                }
                d.add(SegmentLabel.LOCALITY, locality, " ");
                d.add(SegmentLabel.CITY, place.district(), " ");
            }
            case "society" -> {
                d.add(SegmentLabel.HOUSE, pick(List.of("B-", "A/", "Flat ", "C-wing ", "Room No. ")) + (101 + random.nextInt(1200)), "");
                houseId = true;
                d.add(SegmentLabel.BUILDING, pick(SOCIETY_NAMES) + " " + pick(SOCIETY_KINDS), ", ");
                building = true;
                if (chance(0.6)) {
                    d.add(SegmentLabel.LANDMARK, pick(List.of("ADJACENT TO ", "Adj. ", "Towards ", "After ", "Beside ", "Opp. ", "Behind "))
                            + pick(LANDMARK_PLACES), ", ");
                    landmark = true;
                }
                d.add(SegmentLabel.LOCALITY, locality, ", ");
                d.add(SegmentLabel.CITY, place.district(), ", ");
            }
            case "floors" -> {
                String floor = pick(List.of("2ND FLOOR", "G/F", "Ground Floor", "1st Flr", "3RD FLOOR", "F/F", "Top Floor"));
                String plot = pick(List.of("KH NO ", "KHASRA NO-", "KILLA NO ", "Plot No. ", "H.No. ")) + (1 + random.nextInt(90)) + "/"
                        + (1 + random.nextInt(20)) + (chance(0.4) ? "/" + (1 + random.nextInt(9)) : "");
                d.add(SegmentLabel.HOUSE, chance(0.5) ? floor + ", " + plot : plot + ", " + floor, "");
                houseId = true;
                if (chance(0.6)) {
                    d.add(SegmentLabel.STREET, "GALI NO " + (1 + random.nextInt(15)), ", ");
                    street = true;
                }
                if (chance(0.3)) {
                    d.add(SegmentLabel.OTHER, "WARD NO. " + (1 + random.nextInt(60)), ", ");
                }
                d.add(SegmentLabel.LOCALITY, locality, ", ");
                d.add(SegmentLabel.CITY, place.district(), ", ");
            }
            case "devanagari" -> {
                if (chance(0.7)) {
                    d.add(SegmentLabel.HOUSE, "मकान नं. " + (1 + random.nextInt(200)), "");
                    houseId = true;
                }
                if (chance(0.8)) {
                    d.add(SegmentLabel.LANDMARK, pick(DEVANAGARI_LANDMARKS), ", ");
                    landmark = true;
                }
                d.add(SegmentLabel.LOCALITY, locality, ", ");
                d.add(SegmentLabel.CITY, place.district(), ", ");
            }
            case "careof" -> {
                d.add(SegmentLabel.OTHER, pick(List.of("c/o ", "C/O ", "S/o ", "W/o ")) + pick(PEOPLE), "");
                careOf = true;
                if (chance(0.7)) {
                    d.add(SegmentLabel.HOUSE, pick(List.of("H ", "Hno ", "D.No. ")) + (1 + random.nextInt(99)) + "-" + (1 + random.nextInt(300)),
                            ", ");
                    houseId = true;
                }
                if (chance(0.5)) {
                    d.add(SegmentLabel.LANDMARK, pick(List.of("Opp. ", "Near ", "Adj. ")) + pick(LANDMARK_PLACES), ", ");
                    landmark = true;
                }
                d.add(SegmentLabel.LOCALITY, locality, ", ");
                d.add(SegmentLabel.CITY, place.district(), ", ");
            }
            default -> {
                String[] old = pick(OLD_NAMES);
                if (chance(0.7)) {
                    d.add(SegmentLabel.HOUSE, (1 + random.nextInt(400)) + pick(List.of("", "/B", "-A")), "");
                    houseId = true;
                }
                if (chance(0.5)) {
                    d.add(SegmentLabel.STREET, pick(ROAD_NAMES) + " " + pick(ROAD_KINDS), ", ");
                    street = true;
                }
                d.add(SegmentLabel.LOCALITY, locality, ", ");
                d.add(SegmentLabel.CITY, old[0], ", ");
            }
        }
        String pinStatus = pincodeStatus();
        String pin = switch (pinStatus) {
            case "ok" -> place.pincode();
            case "mistyped" -> chance(0.5) ? place.pincode().substring(0, 5) : place.pincode() + random.nextInt(10);
            case "wrong" -> pick(pincodes);
            default -> "";
        };
        if (!pin.isEmpty()) {
            String shown = chance(0.2) ? pick(List.of("PIN ", "Pin-", "PIN: ", "Pincode ")) + pin : pin;
            d.add(SegmentLabel.PINCODE, shown, pick(List.of(", ", " - ", " ", "-")));
        }
        if (chance(0.15)) {
            d.add(SegmentLabel.OTHER, pick(List.of("Contact ", "Mob. ", "Ph ")) + (9_000_000_000L + random.nextInt(999_999_999)), ", ");
            phone = true;
        }
        String text = noise(d.text.toString());
        boolean rural = style.equals("rural");
        double z = 1.2 + 0.9 * b(houseId) + 0.3 * b(street) + 0.4 * b(building) + 0.15 * b(landmark) + 0.3 * b(phone) - 0.2 * b(careOf)
                - 0.6 * b(rural) - 0.5 * b(landmark && !houseId) + switch (pinStatus) {
                    case "ok" -> 0.3;
                    case "mistyped" -> -0.9;
                    case "wrong" -> -1.4;
                    default -> -1.1;
                };
        double p = 1 / (1 + Math.exp(-z));
        return new Written(id, text, pinStatus.equals("ok") && chance(0.5) ? pin : "", d.gold(text), p, style);
    }

    private String pincodeStatus() {
        double r = random.nextDouble();
        return r < 0.74 ? "ok" : r < 0.84 ? "missing" : r < 0.93 ? "mistyped" : "wrong";
    }

    /** Case changes and doubled spaces that do not move any word across a label boundary. */
    private String noise(String text) {
        double r = random.nextDouble();
        String t = r < 0.25 ? text.toUpperCase(Locale.ROOT) : r < 0.35 ? text.toLowerCase(Locale.ROOT) : text;
        if (chance(0.2)) {
            t = t.replace(", ", ",  ");
        }
        if (chance(0.1)) {
            t = t.replace(", ", " ,");
        }
        return t;
    }

    /** The office name as people write it: without the directory's S.O/B.O suffix and bracketed notes. */
    private static String office(Place place) {
        return place.officeName().replaceAll("\\s+[SBHG]\\.?O\\.?$", "").replaceAll("\\s*\\(.*\\)$", "").trim();
    }

    private static int b(boolean x) {
        return x ? 1 : 0;
    }
}
