package in.workbench.analytics.labeling;

import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * The shared labeling queue of a team workspace: hands each analyst the next address as a lease
 * that expires, so that no address is handed to two analysts at the same time (the primary key of
 * {@code labeling_leases} guarantees it, across machines), except a configurable share of the
 * labelled addresses (default 10 %) deliberately sent to a second analyst, so that agreement
 * (Cohen's kappa) is measured live on what the team does.
 *
 * <p>Thread-safe: every call takes its own connection; the database arbitrates between analysts.
 */
public final class LabelingLeases {

    /** The share of labelled addresses sent to a second analyst when the workspace sets none. */
    public static final double DEFAULT_SECOND_SHARE = 0.10;
    /** The workspace setting holding the share (0–1). */
    public static final String SHARE_SETTING = "labeling.second_analyst_share";
    private static final int CANDIDATES = 64;

    private final Workspace workspace;
    private final Clock clock;
    private final Duration ttl;
    private final Random shuffle = new Random();

    /** One address handed to one analyst until {@code expiresAt}; slot 2 is the agreement sample's second look. */
    public record Lease(String addressId, int slot, String analyst, OffsetDateTime expiresAt) {
    }

    /** Agreement on the addresses two analysts labelled. */
    public record Agreement(long overlap, long agreeing, double kappa) {
    }

    public LabelingLeases(Workspace workspace, Clock clock, Duration ttl) {
        this.workspace = workspace;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The share of labelled addresses that go to a second analyst (workspace setting, default 10 %). */
    public double share() {
        return workspace.setting(SHARE_SETTING).map(Double::parseDouble).orElse(DEFAULT_SECOND_SHARE);
    }

    /** Whether an address belongs to the agreement sample: a fixed pseudo-random share, the same on every machine. */
    static boolean inAgreementSample(String addressId, double share) {
        CRC32 crc = new CRC32();
        crc.update(addressId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 10_000 < Math.round(share * 10_000);
    }

    /** The next address for {@code analyst}: a second look from the agreement sample first, else an unlabelled one. */
    public Optional<Lease> next(String analyst) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        double share = share();
        try (Connection c = workspace.connection()) {
            List<String> second = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT address_id FROM address_labels WHERE NOT undone "
                    + "GROUP BY address_id HAVING COUNT(DISTINCT labeled_by) = 1 AND MAX(labeled_by) <> ? "
                    + "ORDER BY address_id FETCH FIRST " + (CANDIDATES * 8) + " ROWS ONLY")) {
                ps.setString(1, analyst);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (inAgreementSample(rs.getString(1), share)) {
                            second.add(rs.getString(1));
                        }
                    }
                }
            }
            for (String id : shuffled(second)) {
                Optional<Lease> lease = tryLease(c, id, 2, analyst, now);
                if (lease.isPresent()) {
                    return lease;
                }
            }
            List<String> first = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.address_id FROM addresses a WHERE NOT EXISTS "
                    + "(SELECT 1 FROM address_labels l WHERE l.address_id = a.address_id AND NOT l.undone) AND NOT EXISTS "
                    + "(SELECT 1 FROM labeling_leases x WHERE x.address_id = a.address_id AND x.slot = 1 AND x.expires_at > ?) "
                    + "ORDER BY a.address_id FETCH FIRST " + CANDIDATES + " ROWS ONLY")) {
                ps.setObject(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        first.add(rs.getString(1));
                    }
                }
            }
            for (String id : shuffled(first)) {
                Optional<Lease> lease = tryLease(c, id, 1, analyst, now);
                if (lease.isPresent()) {
                    return lease;
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("Could not take the next address from the labeling queue", e);
        }
    }

    private List<String> shuffled(List<String> ids) {
        synchronized (shuffle) {
            Collections.shuffle(ids, shuffle);
        }
        return ids;
    }

    /** Takes the lease if nobody holds it (an expired lease is taken over); false when another analyst was quicker. */
    private Optional<Lease> tryLease(Connection c, String addressId, int slot, String analyst, OffsetDateTime now) throws SQLException {
        OffsetDateTime expires = now.plus(ttl);
        try {
            int inserted = Sql.computeInTransaction(c, tx -> {
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
                            return 0;
                        }
                    }
                }
                return 1;
            });
            return inserted == 1 ? Optional.of(new Lease(addressId, slot, analyst, expires)) : Optional.empty();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Extends a lease the analyst still holds by the lease time from now (the analyst is still at
     * work on the queue).
     *
     * @return the renewed lease, or empty when it was lost meanwhile (it expired and another analyst took it)
     */
    public Optional<Lease> renew(Lease lease) {
        OffsetDateTime expires = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(ttl);
        try (Connection c = workspace.connection()) {
            int renewed = Sql.update(c, "UPDATE labeling_leases SET expires_at = ? WHERE address_id = ? AND slot = ? AND analyst = ?",
                    expires, lease.addressId(), lease.slot(), lease.analyst());
            return renewed == 1 ? Optional.of(new Lease(lease.addressId(), lease.slot(), lease.analyst(), expires))
                    : Optional.empty();
        } catch (SQLException e) {
            throw Sql.failure("Could not keep the addresses leased to you", e);
        }
    }

    /** Gives the address back (after labelling it, or skipping it). */
    public void release(Lease lease) {
        try (Connection c = workspace.connection()) {
            Sql.update(c, "DELETE FROM labeling_leases WHERE address_id = ? AND slot = ? AND analyst = ?", lease.addressId(), lease.slot(),
                    lease.analyst());
        } catch (SQLException e) {
            throw Sql.failure("Could not give the address back to the labeling queue", e);
        }
    }

    /** Cohen's kappa on the addresses that two analysts labelled (each analyst's newest label, the first two analysts). */
    public Agreement agreement() {
        Map<String, List<String>> byAddress = new LinkedHashMap<>();
        try (Connection c = workspace.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT address_id, labeled_by, label FROM (SELECT address_id, labeled_by, label, ROW_NUMBER() OVER (PARTITION BY "
                        + "address_id, labeled_by ORDER BY labeled_at DESC, label_id DESC) AS rn FROM address_labels WHERE NOT undone) "
                        + "newest WHERE rn = 1 ORDER BY address_id, labeled_by");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byAddress.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not measure the analysts' agreement", e);
        }
        List<String[]> pairs = new ArrayList<>();
        for (List<String> labels : byAddress.values()) {
            if (labels.size() >= 2) {
                pairs.add(new String[] {labels.get(0), labels.get(1)});
            }
        }
        long agreeing = pairs.stream().filter(p -> p[0].equals(p[1])).count();
        return new Agreement(pairs.size(), agreeing, LabelMerge.kappa(pairs));
    }
}
