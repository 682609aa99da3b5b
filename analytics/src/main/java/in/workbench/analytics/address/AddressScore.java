package in.workbench.analytics.address;

import java.util.List;

/**
 * The deliverability of one address. Immutable.
 *
 * @param score calibrated probability that a shipment to the address is delivered (0–1)
 * @param flagged the score is below the model's flag threshold
 * @param reasons what lowers the score, in plain words, biggest effect first
 * @param parts how the address was read
 */
public record AddressScore(double score, boolean flagged, List<String> reasons, AddressParts parts) {
}
