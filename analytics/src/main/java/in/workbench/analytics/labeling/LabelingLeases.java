package in.workbench.analytics.labeling;

import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
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
 * (Cohen's kappa) is measured live on what the team does. The leases' SQL is in {@link LeaseStore}.
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
    private final LeaseStore store;
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
        this.store = new LeaseStore(workspace);
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
        return store.leaseNext(analyst, now, now.plus(ttl), CANDIDATES, id -> inAgreementSample(id, share), this::shuffled);
    }

    private List<String> shuffled(List<String> ids) {
        synchronized (shuffle) {
            Collections.shuffle(ids, shuffle);
        }
        return ids;
    }

    /**
     * Extends a lease the analyst still holds by the lease time from now (the analyst is still at
     * work on the queue).
     *
     * @return the renewed lease, or empty when it was lost meanwhile (it expired and another analyst took it)
     */
    public Optional<Lease> renew(Lease lease) {
        OffsetDateTime expires = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plus(ttl);
        return store.renew(lease.addressId(), lease.slot(), lease.analyst(), expires)
                ? Optional.of(new Lease(lease.addressId(), lease.slot(), lease.analyst(), expires)) : Optional.empty();
    }

    /** Gives the address back (after labelling it, or skipping it). */
    public void release(Lease lease) {
        store.release(lease.addressId(), lease.slot(), lease.analyst());
    }

    /** Cohen's kappa on the addresses that two analysts labelled (each analyst's newest label, the first two analysts). */
    public Agreement agreement() {
        Map<String, List<String>> byAddress = new LinkedHashMap<>();
        for (LabelStore.AnalystLabel l : new LabelStore(workspace).newestLabelPerAnalyst()) {
            byAddress.computeIfAbsent(l.addressId(), k -> new ArrayList<>()).add(l.label());
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
