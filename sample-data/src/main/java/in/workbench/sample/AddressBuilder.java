package in.workbench.sample;

import in.workbench.analytics.geo.IndianState;
import in.workbench.analytics.geo.Place;
import in.workbench.analytics.geo.PostalDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds one customer address the way customers really type it, together with its hidden
 * completeness attributes, its true delivery probability and its gold segmentation. The formula
 * for the delivery probability is documented in TRUTH.md. Not thread-safe (shares the caller's
 * random source).
 */
final class AddressBuilder {

    /** One segment of the gold segmentation: a label and the exact text it covers. */
    record Segment(String label, String text) {
    }

    /** A generated address with everything the truth files record about it. */
    record Generated(String text, String city, String state, String pincode, List<Segment> segments, String style,
            boolean hasHouse, boolean hasBuilding, boolean hasStreet, boolean hasLandmark, boolean hasLocality, boolean hasCity,
            String pincodeStatus, boolean rural, boolean devanagari, double pDeliver, Place place) {

        boolean landmarkOnly() {
            return hasLandmark && !hasHouse && !hasBuilding && !hasStreet;
        }
    }

    private final SplittableRandom random;
    private final PostalDirectory directory;
    private final List<String> allPincodes;

    AddressBuilder(SplittableRandom random, PostalDirectory directory) {
        this.random = random;
        this.directory = directory;
        this.allPincodes = List.copyOf(directory.pincodes());
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The delivery probability of an address from its hidden attributes (TRUTH.md, section Addresses). */
    static double pDeliver(boolean house, boolean building, boolean street, boolean locality, boolean city, boolean landmarkOnly,
            String pincodeStatus, boolean rural) {
        double z = 1.9 + 0.7 * b(house) + 0.35 * b(building) + 0.3 * b(street) + 0.4 * b(locality) + 0.2 * b(city)
                - 1.3 * b(landmarkOnly) - 0.5 * b(rural);
        z -= switch (pincodeStatus) {
            case "missing" -> 1.2;
            case "mistyped" -> 1.0;
            case "contradicts" -> 1.6;
            default -> 0.0;
        };
        return 1 / (1 + Math.exp(-z));
    }

    private static int b(boolean x) {
        return x ? 1 : 0;
    }

    Generated build(Place place, Market.City bigCity) {
        double r = random.nextDouble();
        String style = r < 0.50 ? "complete" : r < 0.75 ? "partial" : r < 0.90 ? "landmark" : "minimal";
        boolean rural = bigCity == null;
        boolean house = chance(switch (style) { case "complete" -> 0.97; case "partial" -> 0.6; case "landmark" -> 0.0; default -> 0.3; });
        boolean building = chance(switch (style) {
            case "complete" -> rural ? 0.3 : 0.75;
            case "partial" -> 0.4;
            case "landmark" -> 0.0;
            default -> 0.1;
        });
        boolean street = chance(switch (style) { case "complete" -> 0.8; case "partial" -> 0.5; case "landmark" -> 0.0; default -> 0.1; });
        boolean landmark = style.equals("landmark") || chance(switch (style) { case "complete" -> 0.35; case "partial" -> 0.4; default -> 0.0; });
        boolean locality = chance(switch (style) { case "complete" -> 0.97; case "partial" -> 0.8; case "landmark" -> 0.6; default -> 0.5; });
        boolean city = chance(0.95);
        double pr = random.nextDouble();
        String pincodeStatus = pr < 0.80 ? "correct" : pr < 0.88 ? "missing" : pr < 0.94 ? "mistyped" : "contradicts";
        boolean devanagari = chance(0.03);

        String pincode = switch (pincodeStatus) {
            case "correct" -> place.pincode();
            case "missing" -> "";
            case "mistyped" -> mistype(place.pincode());
            default -> contradicting(place);
        };
        String cityText = bigCity != null ? pick(bigCity.spellings()) : place.district();
        String stateText = chance(0.6) ? place.state().displayName() : place.state().code();

        List<Segment> parts = new ArrayList<>();
        if (house) {
            parts.add(new Segment("HOUSE", houseNumber()));
        }
        if (building) {
            String name = pick(Market.BUILDING_NAMES) + " " + pick(Market.BUILDING_SUFFIXES);
            parts.add(new Segment("BUILDING", chance(0.15) ? name.replace("Apartments", "Apts") : name));
        }
        if (street) {
            parts.add(new Segment("STREET", street()));
        }
        if (landmark) {
            parts.add(new Segment("LANDMARK", landmark(devanagari)));
        }
        if (locality) {
            if (!rural && chance(0.3)) {
                parts.add(new Segment("SUBLOCALITY", chance(0.5) ? ordinal(1 + random.nextInt(9)) + " Block" : "Sector " + (1 + random.nextInt(60))));
            }
            parts.add(new Segment("LOCALITY", officeName(place)));
        }
        if (city) {
            parts.add(new Segment("CITY", cityText));
        }
        if (!rural && chance(0.1) && !place.district().equalsIgnoreCase(cityText)) {
            parts.add(new Segment("DISTRICT", place.district()));
        }
        if (chance(0.45)) {
            parts.add(new Segment("STATE", stateText));
        }
        if (!pincode.isEmpty()) {
            String shown = chance(0.1) ? pincode.substring(0, 3) + " " + pincode.substring(3) : pincode;
            if (pincode.length() != 6) {
                shown = pincode;
            }
            parts.add(new Segment("PINCODE", shown));
        }
        if (parts.isEmpty()) {
            parts.add(new Segment("LOCALITY", officeName(place)));
            locality = true;
        }
        String casing = random.nextDouble() < 0.12 ? "lower" : random.nextDouble() < 0.06 ? "upper" : "as-is";
        List<Segment> cased = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            Segment s = parts.get(i);
            String t = switch (casing) {
                case "lower" -> s.text().toLowerCase(Locale.ROOT);
                case "upper" -> s.text().toUpperCase(Locale.ROOT);
                default -> s.text();
            };
            if (i > 0) {
                boolean pinDash = s.label().equals("PINCODE") && chance(0.3);
                text.append(pinDash ? " - " : chance(0.85) ? ", " : " ");
            }
            text.append(t);
            cased.add(new Segment(s.label(), t));
        }
        boolean landmarkOnly = landmark && !house && !building && !street;
        double p = pDeliver(house, building, street, locality, city, landmarkOnly, pincodeStatus, rural);
        String cityColumn = chance(0.8) ? cityText : "";
        String stateColumn = chance(0.7) ? (chance(0.06) ? misspell(place.state().displayName()) : place.state().displayName()) : "";
        String pinColumn = pincode.isEmpty() ? "" : pincode;
        return new Generated(text.toString(), cityColumn, stateColumn, pinColumn, cased, style, house, building, street, landmark,
                locality, city, pincodeStatus, rural, devanagari, p, place);
    }

    static String officeName(Place place) {
        return place.officeName().replaceAll("\\s+[SBHG]\\.?O\\.?$", "").replaceAll("\\s*\\(.*\\)$", "").trim();
    }

    private String houseNumber() {
        int n = 1 + random.nextInt(450);
        return switch (random.nextInt(6)) {
            case 0 -> "Flat " + (100 * (1 + random.nextInt(12)) + 1 + random.nextInt(8));
            case 1 -> "#" + n;
            case 2 -> "H.No. " + (1 + random.nextInt(20)) + "-" + n + (chance(0.3) ? "/A" : "");
            case 3 -> "No. " + n;
            case 4 -> "House No " + n;
            default -> n + "/" + (1 + random.nextInt(9));
        };
    }

    private String street() {
        return switch (random.nextInt(4)) {
            case 0 -> ordinal(1 + random.nextInt(18)) + " Cross";
            case 1 -> ordinal(1 + random.nextInt(14)) + " Main";
            case 2 -> "Gali No. " + (1 + random.nextInt(12));
            default -> pick(Market.STREETS);
        };
    }

    private String landmark(boolean devanagari) {
        if (devanagari) {
            return pick(List.of("मंदिर के पास", "स्कूल के सामने", "बस स्टैंड के पीछे", "डाकघर के पास"));
        }
        String cue = pick(List.of("near", "Near", "opp.", "Opp", "behind", "beside", "next to", "Nr.", "near", "opposite"));
        String where = pick(Market.LANDMARKS);
        if (chance(0.1)) {
            return where + " ke paas";
        }
        return cue + " " + where;
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private String mistype(String pincode) {
        if (chance(0.3)) {
            return pincode.substring(0, 5);
        }
        char[] c = pincode.toCharArray();
        int i = 1 + random.nextInt(5);
        c[i] = (char) ('0' + (c[i] - '0' + 1 + random.nextInt(9)) % 10);
        return new String(c);
    }

    private String contradicting(Place place) {
        while (true) {
            String other = pick(allPincodes);
            List<Place> offices = directory.byPincode(other);
            if (!offices.isEmpty() && !offices.get(0).district().equals(place.district())) {
                return other;
            }
        }
    }

    private String misspell(String state) {
        if (state.length() < 5) {
            return state;
        }
        int i = 2 + random.nextInt(state.length() - 3);
        return state.substring(0, i) + state.substring(i + 1);
    }

    /** States customers write; used to make sure every state and territory appears. */
    static List<IndianState> states() {
        return List.of(IndianState.values());
    }
}
