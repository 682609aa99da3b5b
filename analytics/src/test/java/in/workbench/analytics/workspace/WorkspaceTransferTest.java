package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.catalog.CatalogProposal;
import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.labeling.LabelStore;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing a workspace folder to a server and copying it back: every table arrives with the
 * same rows and checksum (H2 → PostgreSQL → H2), the copy carries the models with who trained
 * them, and a target is changed all at once or not at all.
 */
class WorkspaceTransferTest {

    @TempDir
    Path dir;

    private Workspace localWithData(String name, int shipments) throws Exception {
        Workspace ws = Workspace.open(dir.resolve(name));
        StringBuilder csv = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
                + "promised_days,delivered_days,attempts,status\n");
        for (int i = 1; i <= shipments; i++) {
            csv.append("S").append(i).append(",2026-03-").append(10 + i % 18).append(",P").append(i % 7).append(",A").append(i % 11)
                    .append(",polybag,1,").append(40 + i % 9).append(".50,3,4,1,").append("delivered").append('\n');
        }
        Path f = Files.writeString(dir.resolve(name + "-shipments.csv"), csv);
        new CsvImporter(ws).importFile(f, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        new LabelStore(ws).decide(List.of("A1", "A2"), "undeliverable", "LOCALITY=near the temple", "Asha");
        CatalogStore catalog = new CatalogStore(ws);
        catalog.replaceProposals(Set.of(CatalogProposal.MISSING), List.of(new CatalogProposal(0, "P1", CatalogProposal.MISSING, "color",
                null, "red", 0.875, "title", "red in the title")));
        catalog.decide(catalog.openFlags(CatalogStore.FlagFilter.all(), 0, 1).get(0), "accept", "red", "asha");
        try (Connection c = ws.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO crisp_people (person_id, site) VALUES ('W1', 'Bhiwandi ₹ दिल्ली')");
        }
        ws.putSetting("labeling.second_analyst_share", "0.25");
        Files.write(ws.modelsDir().resolve("toy.tribuo.pb"), new byte[] {0, 1, 2, (byte) 255, 42});
        ws.modelsDir();
        return ws;
    }

    private static Map<String, WorkspaceTransfer.TableCheck> byTable(WorkspaceTransfer.Result r) {
        return r.tables().stream().collect(Collectors.toMap(WorkspaceTransfer.TableCheck::table, t -> t));
    }

    @Test
    void aFolderPublishedToTheServerAndCopiedBackHasEveryRowAndChecksum() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        Path back = dir.resolve("travel");
        WorkspaceTransfer.Result published;
        WorkspaceTransfer.Result copied;
        Map<String, String> original;
        try (Workspace local = localWithData("local", 1_200)) {
            published = WorkspaceTransfer.publish(local, address, PasswordSource.NONE, false, ProgressMonitor.NONE);
            original = published.tables().stream().collect(Collectors.toMap(WorkspaceTransfer.TableCheck::table,
                    t -> WorkspaceTransfer.checksum(local, t.table()).checksum()));
        }
        assertEquals(1_200, byTable(published).get("shipments").rows());
        assertTrue(byTable(published).containsKey("model_files") && byTable(published).containsKey("crisp_people"), published.toString());
        try (Workspace server = Workspace.openServer(address, PasswordSource.NONE, dir.resolve("owner-cache"))) {
            assertEquals("0.25", server.setting("labeling.second_analyst_share").orElseThrow());
            assertEquals(1_200L, server.rowCounts().get("shipments"));
            assertTrue(Files.exists(server.modelsDir().resolve("toy.tribuo.pb")), "the model reached the server and its analysts");
            copied = WorkspaceTransfer.copyToFolder(server, back, false, ProgressMonitor.NONE);
        }
        for (WorkspaceTransfer.TableCheck t : copied.tables()) {
            assertEquals(original.get(t.table()), t.checksum(), t.table() + " is the same after H2 → PostgreSQL → H2");
            assertEquals(byTable(published).get(t.table()).rows(), t.rows(), t.table());
        }
        try (Workspace travel = Workspace.open(back)) {
            assertEquals(List.of((byte) 0, (byte) 1, (byte) 2, (byte) 255, (byte) 42), toList(Files.readAllBytes(
                    travel.modelsDir().resolve("toy.tribuo.pb"))));
            assertEquals(System.getProperty("user.name"), travel.models().provenance("toy.tribuo.pb").orElseThrow().trainedBy());
            CatalogStore catalog = new CatalogStore(travel);
            catalog.replaceProposals(Set.of(CatalogProposal.CONFLICT), List.of(new CatalogProposal(0, "P2", CatalogProposal.CONFLICT,
                    "color", "blue", "green", 0.5, "title", "")));
            assertEquals(1, catalog.openFlags(CatalogStore.FlagFilter.all(), 0, 5).size(), "new rows get new ids after the copy");
        }
    }

    @Test
    void aTargetWithDataIsReplacedOnlyWhenAskedAndACancelledCopyChangesNothing() throws Exception {
        ServerAddress address = TestDatabases.freshServerSchema();
        Map<String, String> first;
        try (Workspace small = localWithData("small", 10)) {
            WorkspaceTransfer.publish(small, address, PasswordSource.NONE, false, ProgressMonitor.NONE);
        }
        try (Workspace server = Workspace.openServer(address, PasswordSource.NONE, dir.resolve("cache"))) {
            first = Map.of("shipments", WorkspaceTransfer.checksum(server, "shipments").checksum(),
                    "address_labels", WorkspaceTransfer.checksum(server, "address_labels").checksum());
        }
        try (Workspace big = localWithData("big", 3_000)) {
            WorkbenchException refused = assertThrows(WorkbenchException.class,
                    () -> WorkspaceTransfer.publish(big, address, PasswordSource.NONE, false, ProgressMonitor.NONE));
            assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, refused.kind());
            assertTrue(refused.getMessage().contains("--replace"), refused.getMessage());
            ProgressMonitor cancelMidway = new ProgressMonitor() {
                private long seen;

                @Override
                public void update(long done, long total, String message) {
                    seen = done;
                }

                @Override
                public boolean isCancelled() {
                    return seen >= 2_000;
                }
            };
            assertThrows(CancelledException.class, () -> WorkspaceTransfer.publish(big, address, PasswordSource.NONE, true, cancelMidway));
        }
        try (Workspace server = Workspace.openServer(address, PasswordSource.NONE, dir.resolve("cache"))) {
            assertEquals(first.get("shipments"), WorkspaceTransfer.checksum(server, "shipments").checksum());
            assertEquals(first.get("address_labels"), WorkspaceTransfer.checksum(server, "address_labels").checksum());
            assertEquals(10L, server.rowCounts().get("shipments"));
        }
    }

    @Test
    void aCopyToANewFolderThatFailsLeavesNoFolderBehind() throws Exception {
        Path target = dir.resolve("never");
        try (Workspace local = localWithData("src", 5); Connection c = local.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE odd_table (id INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\", "
                    + "\"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'x', 1, TRUE)");
            WorkbenchException e = assertThrows(WorkbenchException.class,
                    () -> WorkspaceTransfer.copyToFolder(local, target, false, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("different schemas"), e.getMessage());
            s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"installed_rank\" = 999");
        }
        assertFalse(Files.exists(target), "nothing is left of a copy that failed");
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }
}
