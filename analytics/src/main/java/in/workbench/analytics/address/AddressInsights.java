package in.workbench.analytics.address;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries behind the address screens, in one place: whether scores exist, flagged shares by
 * state and by city, one address as imported, and its shipments. Reads the
 * {@code address_deliverability} view (scores joined to addresses). Thread-safe: every call uses
 * its own connection.
 */
public final class AddressInsights {

    /** The view the Addresses screen pages and the Data browser exports. */
    public static final String VIEW = "address_deliverability";

    /** The problems an address can be filtered by, as the phrases the reasons contain. */
    public static final List<String> REASON_FILTERS = List.of("landmark only", "no house or flat number", "no building, street or road",
            "no pincode", "pincode looks mistyped", "does not exist in the postal directory", "address says",
            "locality is not one of the post offices", "no city");

    private final Workspace workspace;

    public AddressInsights(Workspace workspace) {
        this.workspace = workspace;
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
        return single("SELECT COUNT(*) FROM address_scores");
    }

    /** How many addresses are flagged now. */
    public long flaggedAddresses() {
        return single("SELECT COUNT(*) FROM address_scores WHERE flagged");
    }

    /** Flagged share per state (the directory's state of the pincode, else the state written), largest share first. */
    public List<Share> flaggedShareByState() {
        return shares("SELECT state_name, COUNT(*), SUM(CASE WHEN flagged THEN 1 ELSE 0 END) FROM address_scores "
                + "WHERE state_name IS NOT NULL GROUP BY state_name ORDER BY 3 * 1.0 / COUNT(*) DESC, 1", -1);
    }

    /**
     * Flagged share of the {@code topN} cities with the most scored addresses, largest share first:
     * big cities, where a share means something, rather than villages with three addresses.
     */
    public List<Share> flaggedShareByCity(int topN) {
        List<Share> top = shares("SELECT city_name, COUNT(*), SUM(CASE WHEN flagged THEN 1 ELSE 0 END) FROM address_scores "
                + "WHERE city_name IS NOT NULL GROUP BY city_name ORDER BY 2 DESC, 1 LIMIT ?", topN);
        List<Share> sorted = new ArrayList<>(top);
        sorted.sort(java.util.Comparator.comparingDouble(Share::share).reversed().thenComparing(Share::name));
        return sorted;
    }

    /** One address as imported, if it exists. */
    public Optional<AddressRecord> address(String addressId) {
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement("SELECT address_id, customer_id, address_text, city, state, pincode "
                        + "FROM addresses WHERE address_id = ?")) {
            ps.setString(1, addressId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new AddressRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read address " + addressId, e);
        }
    }

    /** The shipments to an address, newest first (at most {@code limit}). */
    public List<Shipment> shipments(String addressId, int limit) {
        List<Shipment> out = new ArrayList<>();
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement("SELECT shipment_id, order_date, product_id, package_type, status, attempts, "
                        + "delivered_days FROM shipments WHERE address_id = ? ORDER BY order_date DESC, shipment_id LIMIT ?")) {
            ps.setString(1, addressId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Shipment(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7)));
                }
            }
        } catch (SQLException e) {
            throw failure("read the shipments of address " + addressId, e);
        }
        return out;
    }

    private List<Share> shares(String sql, int limit) {
        List<Share> out = new ArrayList<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (limit >= 0) {
                ps.setInt(1, limit);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Share(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("summarise the flagged addresses", e);
        }
        return out;
    }

    private long single(String sql) {
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count the scored addresses", e);
        }
    }

    private static WorkbenchException failure(String what, SQLException e) {
        return new WorkbenchException(Kind.OTHER, "Could not " + what + ": " + e.getMessage(), e);
    }
}
