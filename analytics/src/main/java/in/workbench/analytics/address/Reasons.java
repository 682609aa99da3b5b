package in.workbench.analytics.address;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The problems an address can have, each with a plain-words sentence and the "fixed" version of
 * the address used to measure how much the problem costs: the score of the fixed address minus
 * the actual score is the problem's effect, so reasons rank by what fixing them would gain.
 * Stateless and thread-safe.
 */
final class Reasons {

    /** A problem found in an address, with the address as it would be without it. */
    record Candidate(String sentence, AddressParts fixed) {
    }

    private Reasons() {
    }

    static List<Candidate> of(AddressParts p) {
        List<Candidate> out = new ArrayList<>();
        if (p.landmarkOnly()) {
            out.add(new Candidate("landmark only: no house number, building or street", with(p, q -> copy(q, true, q.hasBuilding(), true,
                    q.hasLandmark(), q.pincode(), q.pincodeMalformed(), q.pincodeExists(), q.cityAgrees(), q.stateAgrees(),
                    q.localitySimilarity(), q.statedCity()))));
        } else if (!p.hasHouse()) {
            out.add(new Candidate("no house or flat number", with(p, q -> copy(q, true, q.hasBuilding(), q.hasStreet(), q.hasLandmark(),
                    q.pincode(), q.pincodeMalformed(), q.pincodeExists(), q.cityAgrees(), q.stateAgrees(), q.localitySimilarity(),
                    q.statedCity()))));
        }
        if (!p.landmarkOnly() && !p.hasBuilding() && !p.hasStreet()) {
            out.add(new Candidate("no building, street or road", with(p, q -> copy(q, q.hasHouse(), q.hasBuilding(), true, q.hasLandmark(),
                    q.pincode(), q.pincodeMalformed(), q.pincodeExists(), q.cityAgrees(), q.stateAgrees(), q.localitySimilarity(),
                    q.statedCity()))));
        }
        if (p.pincode() == null) {
            String sentence = p.pincodeMalformed() ? "pincode looks mistyped (not six digits)" : "no pincode";
            out.add(new Candidate(sentence, with(p, q -> copy(q, q.hasHouse(), q.hasBuilding(), q.hasStreet(), q.hasLandmark(), "000000",
                    false, true, null, null, 1.0, q.statedCity()))));
        } else if (!p.pincodeExists()) {
            out.add(new Candidate("pincode " + p.pincode() + " does not exist in the postal directory", with(p, q -> copy(q, q.hasHouse(),
                    q.hasBuilding(), q.hasStreet(), q.hasLandmark(), q.pincode(), false, true, null, null, 1.0, q.statedCity()))));
        } else {
            if (Boolean.FALSE.equals(p.cityAgrees())) {
                out.add(new Candidate("pincode " + p.pincode() + " is in " + p.pincodeDistrict() + ", address says " + p.statedCity(),
                        with(p, q -> copy(q, q.hasHouse(), q.hasBuilding(), q.hasStreet(), q.hasLandmark(), q.pincode(), false, true,
                                true, q.stateAgrees(), q.localitySimilarity(), q.statedCity()))));
            }
            if (Boolean.FALSE.equals(p.stateAgrees())) {
                out.add(new Candidate("pincode " + p.pincode() + " is in " + p.pincodeState().displayName() + ", address says "
                        + p.statedState().displayName(), with(p, q -> copy(q, q.hasHouse(), q.hasBuilding(), q.hasStreet(), q.hasLandmark(),
                        q.pincode(), false, true, q.cityAgrees(), true, q.localitySimilarity(), q.statedCity()))));
            }
            if (!p.localityMatches()) {
                out.add(new Candidate("locality is not one of the post offices of pincode " + p.pincode(), with(p, q -> copy(q, q.hasHouse(),
                        q.hasBuilding(), q.hasStreet(), q.hasLandmark(), q.pincode(), false, true, q.cityAgrees(), q.stateAgrees(), 1.0,
                        q.statedCity()))));
            }
        }
        if (p.statedCity() == null) {
            out.add(new Candidate("no city", with(p, q -> copy(q, q.hasHouse(), q.hasBuilding(), q.hasStreet(), q.hasLandmark(), q.pincode(),
                    q.pincodeMalformed(), q.pincodeExists(), q.cityAgrees() == null && q.pincodeExists() ? Boolean.TRUE : q.cityAgrees(),
                    q.stateAgrees(), q.localitySimilarity(), "city"))));
        }
        return out;
    }

    private static AddressParts with(AddressParts p, UnaryOperator<AddressParts> f) {
        return f.apply(p);
    }

    private static AddressParts copy(AddressParts q, boolean house, boolean building, boolean street, boolean landmark, String pincode,
            boolean malformed, boolean exists, Boolean cityAgrees, Boolean stateAgrees, double similarity, String city) {
        return new AddressParts(q.tokens(), q.length(), house, building, street, landmark, pincode, malformed, exists, q.pincodeState(),
                q.pincodeDistrict(), q.statedState(), city, cityAgrees, stateAgrees, similarity, q.matchedOffice(), q.devanagari(),
                q.digitShare());
    }
}
