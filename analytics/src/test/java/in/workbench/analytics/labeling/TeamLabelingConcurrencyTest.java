package in.workbench.analytics.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.PasswordSource;
import in.workbench.analytics.workspace.TestDatabases;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several analysts label one workspace at once, each with connections of their own (on the server,
 * a workspace of their own): afterwards every decision is there exactly once (decisions sent twice,
 * as after a lost connection, are not doubled), no address was leased to two analysts at once,
 * and kappa is computed on what they did.
 */
class TeamLabelingConcurrencyTest {

    static final int ADDRESSES = 400;
    static final int ANALYSTS = 4;
    static final long MILLIS = 2_500;
    static final String[] LABELS = {"deliverable", "undeliverable", "unsure"};

    @TempDir
    Path dir;

    static void addresses(Workspace ws) throws Exception {
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO addresses (address_id, address_text, city, state, pincode) VALUES (?, ?, 'Pune', 'Maharashtra', '411001')")) {
            for (int i = 0; i < ADDRESSES; i++) {
                ps.setString(1, String.format("A%04d", i));
                ps.setString(2, "Flat " + i + ", Koregaon Park, Pune");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("in.workbench.analytics.workspace.TestDatabases#kinds")
    void analystsLabelAtOnceWithoutLostDoubledOrDoublyLeasedAddresses(String kind) throws Exception {
        try (Workspace ws = TestDatabases.open(kind, dir)) {
            addresses(ws);
            ws.putSetting(LabelingLeases.SHARE_SETTING, "0.3");
            Map<String, String> held = new ConcurrentHashMap<>();
            AtomicLong doubleLeases = new AtomicLong();
            AtomicLong saved = new AtomicLong();
            AtomicLong resentAndRefused = new AtomicLong();
            List<Workspace> theirs = new ArrayList<>();
            for (int a = 0; a < ANALYSTS; a++) {
                theirs.add(kind.equals("h2") ? ws
                        : Workspace.openServer(ws.server().orElseThrow(), PasswordSource.NONE, dir.resolve("analyst" + a)));
            }
            long deadline = System.currentTimeMillis() + MILLIS;
            ExecutorService pool = Executors.newFixedThreadPool(ANALYSTS);
            List<Future<?>> work = new ArrayList<>();
            for (int a = 0; a < ANALYSTS; a++) {
                String analyst = "analyst" + a;
                long seed = a;
                Workspace mine = theirs.get(a);
                work.add(pool.submit(() -> {
                    try {
                        LabelingLeases leases = new LabelingLeases(mine, Clock.systemUTC(), Duration.ofMinutes(5));
                        LabelStore store = new LabelStore(mine);
                        Random random = new Random(seed);
                        while (System.currentTimeMillis() < deadline) {
                            var lease = leases.next(analyst);
                            if (lease.isEmpty()) {
                                break;
                            }
                            String key = lease.get().addressId() + "/" + lease.get().slot();
                            if (held.putIfAbsent(key, analyst) != null) {
                                doubleLeases.incrementAndGet();
                            }
                            // Mostly the address's "true" label, sometimes a different one: agreement is high but not perfect.
                            int truth = Math.floorMod(lease.get().addressId().hashCode(), LABELS.length);
                            String label = LABELS[random.nextDouble() < 0.85 ? truth : random.nextInt(LABELS.length)];
                            String receipt = UUID.randomUUID().toString();
                            store.decideOnce(receipt, List.of(lease.get().addressId()), label, null, analyst).orElseThrow();
                            saved.incrementAndGet();
                            if (random.nextDouble() < 0.2 && store.decideOnce(receipt, List.of(lease.get().addressId()), label, null,
                                    analyst).isEmpty()) {
                                resentAndRefused.incrementAndGet();
                            }
                            held.remove(key);
                            leases.release(lease.get());
                        }
                    } finally {
                        if (mine != ws) {
                            mine.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();

            assertEquals(0, doubleLeases.get(), "no address was leased to two analysts at once");
            assertTrue(saved.get() > 20, "the analysts got work done: " + saved.get());
            assertTrue(resentAndRefused.get() > 0, "some decisions were sent twice");
            assertEquals(saved.get(), count(ws, "SELECT COUNT(*) FROM labeling_decisions"), "every decision exactly once");
            assertEquals(saved.get(), count(ws, "SELECT COUNT(*) FROM address_labels"));
            assertEquals(saved.get(), count(ws, "SELECT COUNT(*) FROM label_outbox_receipts"));
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM (SELECT address_id, labeled_by FROM address_labels "
                    + "GROUP BY address_id, labeled_by HAVING COUNT(*) > 1) twice"), "no analyst labelled an address twice");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM (SELECT address_id FROM address_labels "
                    + "GROUP BY address_id HAVING COUNT(*) > 2) crowded"), "at most a second look, never a third");
            assertEquals(0, count(ws, "SELECT COUNT(*) FROM labeling_leases"), "every lease was given back");
            long second = count(ws, "SELECT COUNT(*) FROM (SELECT address_id FROM address_labels GROUP BY address_id "
                    + "HAVING COUNT(*) = 2) pairs");
            for (String id : secondLooks(ws)) {
                assertTrue(LabelingLeases.inAgreementSample(id, 0.3), id + " was sent to a second analyst outside the sample");
            }
            LabelingLeases.Agreement agreement = new LabelingLeases(ws, Clock.systemUTC(), Duration.ofMinutes(5)).agreement();
            assertEquals(second, agreement.overlap());
            if (second > 0) {
                assertTrue(agreement.kappa() > -1 && agreement.kappa() <= 1, "kappa " + agreement.kappa());
            }
        }
    }

    static List<String> secondLooks(Workspace ws) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT address_id FROM address_labels GROUP BY address_id HAVING COUNT(*) = 2")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Test
    void aLeaseExpiresAndIsThenHandedToAnotherAnalyst() throws Exception {
        try (Workspace ws = TestDatabases.open("h2", dir)) {
            addresses(ws);
            Instant t0 = Instant.parse("2026-12-03T10:00:00Z");
            LabelingLeases early = new LabelingLeases(ws, Clock.fixed(t0, ZoneOffset.UTC), Duration.ofMinutes(10));
            List<String> asha = new ArrayList<>();
            for (int i = 0; i < ADDRESSES; i++) {
                asha.add(early.next("Asha").orElseThrow().addressId());
            }
            assertTrue(early.next("Ravi").isEmpty(), "every address is leased to Asha for ten minutes");
            LabelingLeases later = new LabelingLeases(ws, Clock.fixed(t0.plus(Duration.ofMinutes(11)), ZoneOffset.UTC),
                    Duration.ofMinutes(10));
            LabelingLeases.Lease ravi = later.next("Ravi").orElseThrow();
            assertTrue(asha.contains(ravi.addressId()));
            assertEquals(OffsetDateTime.ofInstant(t0.plus(Duration.ofMinutes(21)), ZoneOffset.UTC), ravi.expiresAt());
        }
    }
}
