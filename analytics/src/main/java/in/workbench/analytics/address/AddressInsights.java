package in.workbench.analytics.address;

import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the address screens ask of a workspace: whether scores exist, flagged shares by state and
 * by city, one address as imported, and its shipments; the SQL is in {@link AddressStore}.
 * Thread-safe: every call uses its own connection.
 */
public final class AddressInsights {

    /** The view the Addresses screen pages and the Data browser exports. */
    public static final String VIEW = "address_deliverability";

    /** The problems an address can be filtered by, as the phrases the reasons contain. */
    public static final List<String> REASON_FILTERS = List.of("landmark only", "no house or flat number", "no building, street or road",
            "no pincode", "pincode looks mistyped", "does not exist in the postal directory", "address says",
            "locality is not one of the post offices", "no city");

    private final AddressStore store;

    public AddressInsights(Workspace workspace) {
        this.store = new AddressStore(workspace);
    }

    /** Addresses and flagged addresses of one state or city. */
    public record Share(String name, long addresses, long flagged) {

        /** Flagged share, 0–1. */
        public double share() {
            return addresses == 0 ? 0 : flagged / (double) addresses;
        }
    }

    /** One address as imported. */
    public record AddressRecord(String id, String customerId, String text, String city, String state, String pincode) {
    }

    /** One shipment to an address. */
    public record Shipment(String id, java.time.LocalDate orderDate, String productId, String packageType, String status,
            Integer attempts, Integer deliveredDays) {
    }

    /** How many addresses have a score. */
    public long scoredAddresses() {
        return store.scoredAddresses();
    }

    /** How many addresses are flagged now. */
    public long flaggedAddresses() {
        return store.flaggedAddresses();
    }

    /**
     * One page of the scored addresses as {@link #VIEW} lists them sorted by score, lowest first (ties by id): the
     * Addresses screen's first view. Each row holds address_id, score, flagged, reasons, address_text, city, state and
     * pincode. The same rows as paging the view sorted so, without sorting every score.
     */
    public List<List<Object>> lowestScores(long offset, int limit) {
        return store.lowestScores(offset, limit);
    }

    /** Flagged share per state (the directory's state of the pincode, else the state written), largest share first. */
    public List<Share> flaggedShareByState() {
        return store.sharesByState();
    }

    /**
     * Flagged share of the {@code topN} cities with the most scored addresses, largest share first:
     * big cities, where a share means something, rather than villages with three addresses.
     */
    public List<Share> flaggedShareByCity(int topN) {
        List<Share> sorted = new ArrayList<>(store.sharesOfLargestCities(topN));
        sorted.sort(Comparator.comparingDouble(Share::share).reversed().thenComparing(Share::name));
        return sorted;
    }

    /** One address as imported, if it exists. */
    public Optional<AddressRecord> address(String addressId) {
        return store.address(addressId);
    }

    /** The shipments to an address, newest first (at most {@code limit}). */
    public List<Shipment> shipments(String addressId, int limit) {
        return store.shipments(addressId, limit);
    }
}
