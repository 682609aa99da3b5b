package in.workbench.analytics.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.AddressFixture;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingTest {

    static PostalDirectory directory;
    static AddressParser parser;

    @BeforeAll
    static void load() {
        directory = PostalDirectory.load();
        parser = new AddressParser(directory);
    }

    /** The workspace the tests work in; {@link LabelingOnPostgresTest} puts it on the PostgreSQL test server. */
    Workspace open(Path dir, String name) {
        return Workspace.open(dir.resolve(name));
    }

    static long count(Workspace ws, String sql) throws Exception {
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aDecisionIsSavedAtOnceAndUndoneAsAWholeGroup(@TempDir Path dir) throws Exception {
        try (Workspace ws = open(dir, "ws")) {
            AddressFixture.load(ws, dir, directory, 20, 5, List.of());
            LabelStore store = new LabelStore(ws);
            LabelStore.Decision d = store.decide(List.of("A0001", "A0002", "A0003"), "undeliverable", "LOCALITY=x", "Asha");
            assertEquals(3, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone AND labeled_by = 'Asha'"));
            assertEquals(1, count(ws, "SELECT COUNT(*) FROM address_labels WHERE segments IS NOT NULL"), "segments go with the shown address only");
            store.decide(List.of("A0004"), "deliverable", null, "Asha");
            assertEquals(4, store.progress("Asha").labelledAddresses());
            store.undo(d.id());
            assertEquals(1, store.progress("Asha").labelledAddresses());
            assertEquals(3, count(ws, "SELECT COUNT(*) FROM address_labels WHERE undone"), "undone labels are kept, marked");
            assertEquals(1, store.recentDecisions("Asha", 10).size());
            assertTrue(store.currentLabel("A0001").isEmpty());
            assertEquals("deliverable", store.currentLabel("A0004").orElseThrow());
        }
    }

    @Test
    void exportedLabelsMergeIntoAnotherWorkspaceWithKappaAndDisagreements(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("address_labels.csv");
        try (Workspace other = open(dir, "other")) {
            AddressFixture.load(other, dir, directory, 20, 5, List.of());
            LabelStore s = new LabelStore(other);
            s.decide(List.of("A0001"), "deliverable", null, "Ravi");
            s.decide(List.of("A0002"), "undeliverable", null, "Ravi");
            s.decide(List.of("A0003"), "deliverable", null, "Ravi");
            s.decide(List.of("A0004"), "unsure", null, "Ravi");
            assertEquals(4, s.exportCsv(file));
        }
        Files.writeString(file, Files.readString(file) + "NOT-HERE,deliverable,,Ravi,2026-01-02T00:00:00Z\n", StandardCharsets.UTF_8);
        try (Workspace ws = open(dir, "ws")) {
            AddressFixture.load(ws, dir, directory, 20, 5, List.of());
            LabelStore s = new LabelStore(ws);
            s.decide(List.of("A0001"), "deliverable", null, "Asha");
            s.decide(List.of("A0002"), "deliverable", null, "Asha");
            s.decide(List.of("A0003"), "deliverable", null, "Asha");
            LabelMerge.Result r = new LabelMerge(ws).merge(file, ProgressMonitor.NONE);
            assertEquals(3, r.agreement().overlap());
            assertEquals(2, r.agreement().agreeing());
            assertEquals(List.of("A0002"), r.agreement().disagreements().stream().map(LabelMerge.Disagreement::addressId).toList());
            assertEquals(1, r.agreement().unknownAddresses());
            assertTrue(r.agreement().sentence().contains("for addresses this workspace does not hold; they are kept"),
                    r.agreement().sentence());
            assertEquals(5, r.imported().imported(), "every row of the file is kept, the unknown address's too");
            assertEquals(1, r.imported().unresolved());
            assertEquals(8, count(ws, "SELECT COUNT(*) FROM address_labels WHERE NOT undone"));
        }
    }

    @Test
    void kappaIsOneForPerfectAgreementAndZeroForChance() {
        assertEquals(1.0, LabelMerge.kappa(List.of(new String[] {"deliverable", "deliverable"}, new String[] {"unsure", "unsure"})), 1e-9);
        assertEquals(0.0, LabelMerge.kappa(List.of(new String[] {"deliverable", "deliverable"}, new String[] {"deliverable", "unsure"},
                new String[] {"unsure", "deliverable"}, new String[] {"unsure", "unsure"})), 1e-9);
        assertTrue(Double.isNaN(LabelMerge.kappa(List.of())));
    }

    @Test
    void theQueueGroupsNearDuplicatesAndSkipsLabelledAddresses(@TempDir Path dir) throws Exception {
        try (Workspace ws = open(dir, "ws")) {
            AddressFixture.load(ws, dir, directory, 40, 9, List.of(
                    "D1,C1,\"Flat 101, Shanti Apartments, Malleswaram, Bangalore 560003\",,,560003",
                    "D2,C2,\"flat 102, shanti apartments, malleswaram, bangalore 560003\",,,560003",
                    "X1,C3,x,,,"));
            new LabelStore(ws).decide(List.of("A0000"), "deliverable", null, "Asha");
            List<LabelingQueue.Item> q = new LabelingQueue(ws, parser).build(null, null, 100, Set.of(), ProgressMonitor.NONE);
            Set<String> shown = new HashSet<>();
            q.forEach(it -> shown.addAll(it.addressIds()));
            assertFalse(shown.contains("A0000"), "labelled addresses are not queued");
            assertTrue(shown.contains("X1"), "a one-character address is queued like any other");
            LabelingQueue.Item dup = q.stream().filter(it -> it.addressIds().contains("D1")).findFirst().orElseThrow();
            assertEquals(Set.of("D1", "D2"), Set.copyOf(dup.addressIds()), "near-duplicates are one item");
            assertEquals(shown.size(), q.stream().mapToInt(it -> it.addressIds().size()).sum(), "no address twice");
            List<LabelingQueue.Item> rest = new LabelingQueue(ws, parser).build(null, null, 100, shown, ProgressMonitor.NONE);
            assertTrue(rest.isEmpty(), "nothing left once every address is excluded");
        }
    }
    @Test
    void aDecisionSentWithAReceiptIsFoundByItToBeUndone(@TempDir Path dir) throws Exception {
        try (Workspace ws = open(dir, "receipt")) {
            AddressFixture.load(ws, dir, directory, 5, 1, List.of());
            LabelStore store = new LabelStore(ws);
            long id = store.decideOnce("r-7", List.of("A0001"), "unsure", null, "Asha").orElseThrow().id();
            assertEquals(java.util.Optional.of(id), store.decisionWithReceipt("r-7"));
            assertTrue(store.decisionWithReceipt("r-8").isEmpty(), "a receipt the workspace never got");
            store.undo(store.decisionWithReceipt("r-7").orElseThrow());
            assertEquals(0, store.progress("Asha").labelledAddresses());
        }
    }

    @Test
    void aLeaseRenewedByItsHolderOutlivesItsFirstExpiryAndALostOneIsNotRenewed(@TempDir Path dir) throws Exception {
        try (Workspace ws = open(dir, "renew")) {
            AddressFixture.load(ws, dir, directory, 3, 1, List.of());
            java.time.Instant t0 = java.time.Instant.parse("2026-03-14T10:00:00Z");
            java.time.Clock early = java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC);
            java.time.Clock later = java.time.Clock.fixed(t0.plusSeconds(240), java.time.ZoneOffset.UTC);
            java.time.Clock past = java.time.Clock.fixed(t0.plusSeconds(400), java.time.ZoneOffset.UTC);
            java.time.Duration ttl = java.time.Duration.ofMinutes(5);
            LabelingLeases asha = new LabelingLeases(ws, early, ttl);
            LabelingLeases.Lease lease = asha.next("Asha").orElseThrow();
            LabelingLeases.Lease renewed = new LabelingLeases(ws, later, ttl).renew(lease).orElseThrow();
            assertEquals(lease.expiresAt().plusSeconds(240).toInstant(), renewed.expiresAt().toInstant());
            Set<String> ravisAddresses = new HashSet<>();
            LabelingLeases ravi = new LabelingLeases(ws, past, ttl);
            ravi.next("Ravi").ifPresent(l -> ravisAddresses.add(l.addressId()));
            ravi.next("Ravi").ifPresent(l -> ravisAddresses.add(l.addressId()));
            assertFalse(ravisAddresses.contains(lease.addressId()), "past the first expiry the renewed lease still holds");
            new LabelingLeases(ws, past, ttl).release(renewed);
            assertTrue(asha.renew(lease).isEmpty(), "a lease given back is not renewed");
        }
    }
}
