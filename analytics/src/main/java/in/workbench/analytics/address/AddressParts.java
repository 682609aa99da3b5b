package in.workbench.analytics.address;

import in.workbench.analytics.geo.IndianState;

/**
 * What an address says about itself, as {@link AddressParser} reads it: which parts are present
 * and how its pincode, city, state and locality agree with the postal directory. Immutable; the
 * deliverability features and reasons are computed from it.
 *
 * @param tokens number of words
 * @param length characters
 * @param hasHouse a house or flat number ("Flat 302", "#12", "H.No. 4-56/A")
 * @param hasBuilding a building or society name ("… Apartments", "… Society")
 * @param hasStreet a street, cross, main road, gali or sector
 * @param hasLandmark a landmark cue ("near", "opp.", "behind", "के पास")
 * @param pincode the six-digit pincode found (text first, then the pincode column), or null
 * @param pincodeMalformed a number that looks like a mistyped pincode (five or seven digits)
 * @param pincodeExists the pincode is in the postal directory
 * @param pincodeState the state of the pincode's offices, or null
 * @param pincodeDistrict the (most common) district of the pincode's offices, or null
 * @param statedState the state the address (text or column) names, or null
 * @param statedCity the city or district the address names, as written, or null
 * @param cityAgrees true/false when both a city and a known pincode are present, else null
 * @param stateAgrees true/false when both a state and a known pincode are present, else null
 * @param localitySimilarity best similarity (0–1) of a phrase of the address to one of the pincode's offices
 * @param matchedOffice that office's name, or null
 * @param devanagari the address contains Devanagari
 * @param digitShare share of characters that are digits
 */
public record AddressParts(int tokens, int length, boolean hasHouse, boolean hasBuilding, boolean hasStreet, boolean hasLandmark,
        String pincode, boolean pincodeMalformed, boolean pincodeExists, IndianState pincodeState, String pincodeDistrict,
        IndianState statedState, String statedCity, Boolean cityAgrees, Boolean stateAgrees, double localitySimilarity,
        String matchedOffice, boolean devanagari, double digitShare) {

    /** A landmark is the only way to find the door: no house number, building or street. */
    public boolean landmarkOnly() {
        return hasLandmark && !hasHouse && !hasBuilding && !hasStreet;
    }

    /** The locality is one of the pincode's offices (allowing spelling variants). */
    public boolean localityMatches() {
        return localitySimilarity >= AddressParser.LOCALITY_MATCH;
    }
}
