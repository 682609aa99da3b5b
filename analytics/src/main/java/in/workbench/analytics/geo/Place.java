package in.workbench.analytics.geo;

/**
 * One post office or place of the India postal directory.
 *
 * @param pincode six-digit PIN code
 * @param officeName post office or place name, as the directory spells it
 * @param subDistrict taluk / tehsil, or empty
 * @param district district name
 * @param state the state or union territory
 * @param latitude approximate latitude (often a district centroid)
 * @param longitude approximate longitude
 * @param accuracy GeoNames accuracy, 1 coarse … 4 fine
 */
public record Place(String pincode, String officeName, String subDistrict, String district, IndianState state,
        double latitude, double longitude, int accuracy) {
}
