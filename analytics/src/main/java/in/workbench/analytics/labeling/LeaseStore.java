package in.workbench.analytics.labeling;

import in.workbench.analytics.labeling.LabelingLeases.Lease;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The labeling queue's leases ({@code labeling_leases}) on a team workspace: the primary key (address, slot) lets one
 * analyst at a time hold an address, across machines. {@link LabelingLeases} decides which addresses to offer; the SQL
 * and the database's arbitration are here. Portable between H2 and PostgreSQL.
 *
 * <p>Thread-safe: every call takes its own connection.
 */
final class LeaseStore {

    private final Workspace workspace;

    LeaseStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Leases {@code analyst} the first address it can, on one connection: first for a second look (slot 2) among up to
     * {@code candidates × 8} addresses that exactly one other analyst labelled and {@code secondLook} accepts, else
     * (slot 1) among up to {@code candidates} unlabelled addresses nobody holds; each list is tried in the order
     * {@code order} gives it. An expired lease is taken over.
     *
     * @return the lease, or empty when every candidate was taken meanwhile or there is none
     */
    Optional<Lease> leaseNext(String analyst, OffsetDateTime now, OffsetDateTime expires, int candidates, Predicate<String> secondLook,
            UnaryOperator<List<String>> order) {
        try (Connection c = workspace.connection()) {
            List<String> second = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT address_id FROM address_labels WHERE NOT undone "
                    + "GROUP BY address_id HAVING COUNT(DISTINCT labeled_by) = 1 AND MAX(labeled_by) <> ? "
                    + "ORDER BY address_id FETCH FIRST " + (candidates * 8) + " ROWS ONLY")) {
                ps.setString(1, analyst);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (secondLook.test(rs.getString(1))) {
                            second.add(rs.getString(1));
                        }
                    }
                }
            }
            Optional<Lease> lease = firstLease(c, order.apply(second), 2, analyst, now, expires);
            if (lease.isPresent()) {
                return lease;
            }
            List<String> first = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.address_id FROM addresses a WHERE NOT EXISTS "
                    + "(SELECT 1 FROM address_labels l WHERE l.address_id = a.address_id AND NOT l.undone) AND NOT EXISTS "
                    + "(SELECT 1 FROM labeling_leases x WHERE x.address_id = a.address_id AND x.slot = 1 AND x.expires_at > ?) "
                    + "ORDER BY a.address_id FETCH FIRST " + candidates + " ROWS ONLY")) {
                ps.setObject(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        first.add(rs.getString(1));
                    }
                }
            }
            return firstLease(c, order.apply(first), 1, analyst, now, expires);
        } catch (SQLException e) {
            throw Sql.failure("Could not take the next address from the labeling queue", e);
        }
    }

    private static Optional<Lease> firstLease(Connection c, List<String> ids, int slot, String analyst, OffsetDateTime now,
            OffsetDateTime expires) throws SQLException {
        for (String id : ids) {
            if (tryLease(c, id, slot, analyst, now, expires)) {
                return Optional.of(new Lease(id, slot, analyst, expires));
            }
        }
        return Optional.empty();
    }

    /** Takes the lease if nobody holds it (an expired lease is taken over); false when another analyst was quicker. */
    private static boolean tryLease(Connection c, String addressId, int slot, String analyst, OffsetDateTime now, OffsetDateTime expires)
            throws SQLException {
        try {
            return Sql.computeInTransaction(c, tx -> {
                Sql.update(tx, "DELETE FROM labeling_leases WHERE address_id = ? AND slot = ? AND expires_at <= ?", addressId, slot, now);
                Sql.update(tx, "INSERT INTO labeling_leases (address_id, slot, analyst, leased_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                        addressId, slot, analyst, now, expires);
                // Holding the lease, look at the labels with a fresh snapshot: slot 1 only while nobody has
                // labelled the address, slot 2 only while exactly one other analyst has. An analyst who
                // labelled it and gave it back while this insert waited on their lease is seen here.
                try (PreparedStatement check = tx.prepareStatement("SELECT COUNT(DISTINCT labeled_by), "
                        + "COALESCE(SUM(CASE WHEN labeled_by = ? THEN 1 ELSE 0 END), 0) FROM address_labels WHERE address_id = ? AND NOT undone")) {
                    check.setString(1, analyst);
                    check.setString(2, addressId);
                    try (ResultSet rs = check.executeQuery()) {
                        rs.next();
                        long labellers = rs.getLong(1);
                        long mine = rs.getLong(2);
                        boolean open = slot == 1 ? labellers == 0 : labellers == 1 && mine == 0;
                        if (!open) {
                            tx.rollback();
                            return false;
                        }
                    }
                }
                return true;
            });
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Moves the expiry of a lease {@code analyst} still holds; false when it was lost meanwhile. */
    boolean renew(String addressId, int slot, String analyst, OffsetDateTime expires) {
        try (Connection c = workspace.connection()) {
            return Sql.update(c, "UPDATE labeling_leases SET expires_at = ? WHERE address_id = ? AND slot = ? AND analyst = ?", expires,
                    addressId, slot, analyst) == 1;
        } catch (SQLException e) {
            throw Sql.failure("Could not keep the addresses leased to you", e);
        }
    }

    /** Gives a lease back. */
    void release(String addressId, int slot, String analyst) {
        try (Connection c = workspace.connection()) {
            Sql.update(c, "DELETE FROM labeling_leases WHERE address_id = ? AND slot = ? AND analyst = ?", addressId, slot, analyst);
        } catch (SQLException e) {
            throw Sql.failure("Could not give the address back to the labeling queue", e);
        }
    }
}
