package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a team workspace ({@code -w postgresql://…}): the owner imports, a labeler
 * and a reader read, and a reader asking to import gets a sentence naming the missing right with
 * nothing changed. Needs the PostgreSQL test server ({@code .ci/postgres start}); skipped without it.
 */
class TeamWorkspaceCommandLineTest {

    @TempDir
    static Path dir;
    static String owner;
    static String labeler;
    static String reader;

    @BeforeAll
    static void serverAndWorkspace() throws Exception {
        String url = System.getenv("WORKBENCH_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("WORKBENCH_TEST_PG_REQUIRED"))) {
                fail("WORKBENCH_TEST_PG_REQUIRED is set but WORKBENCH_TEST_PG_URL is not.");
            }
            Assumptions.assumeTrue(false, "No PostgreSQL test server (WORKBENCH_TEST_PG_URL)");
        }
        System.setProperty("workbench.home", dir.resolve("home").toString());
        String schema = "cli" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        owner = url + "?currentSchema=" + schema;
        labeler = owner.replace("wb_owner@", "wb_labeler@");
        reader = owner.replace("wb_owner@", "wb_reader@");
        Path shipments = dir.resolve("shipments.csv");
        Files.writeString(shipments, CommandLineTestShipments.HEADER
                + "S1,2026-03-14,P1,A1,polybag,1,50,3,4,1,delivered\nS2,2026-03-15,P2,A2,polybag,1,50,3,,1,returned\n"
                + "S3,not-a-date,P2,A2,polybag,1,50,3,,1,returned\n");
        CommandLineTest.Run r = CommandLineTest.run("import", "-w", "jdbc:" + owner, "-t", "shipments", shipments.toString(), "--json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = new ObjectMapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(2, summary.get("imported").asInt());
        assertEquals(1, summary.get("rejected").asInt());
    }

    @AfterAll
    static void forgetHome() {
        System.clearProperty("workbench.home");
    }

    @Test
    void aReaderAndALabelerSeeWhatTheOwnerImported() throws Exception {
        for (String who : new String[] {reader, labeler}) {
            CommandLineTest.Run r = CommandLineTest.run("info", "-w", who, "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode info = new ObjectMapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(2, info.get("tables").get("shipments").asInt());
            assertTrue(info.get("workspace").asText().startsWith("postgresql://"), info.toString());
        }
    }

    @Test
    void aReaderWhoAsksToImportIsToldWhichRightIsMissingAndNothingChanges() throws Exception {
        Path more = dir.resolve("more.csv");
        Files.writeString(more, CommandLineTestShipments.HEADER + "S9,2026-03-16,P1,A1,polybag,1,50,3,4,1,delivered\n");
        CommandLineTest.Run r = CommandLineTest.run("import", "-w", reader, "-t", "shipments", more.toString(), "-q");
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("reader") && r.err().contains("owner right") && r.err().contains("nothing was changed"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        CommandLineTest.Run info = CommandLineTest.run("info", "-w", owner, "--json");
        assertTrue(info.out().contains("\"shipments\":2"), info.out());
    }

    @Test
    void anAddressWithAPasswordIsRefusedWithoutEchoingIt() {
        CommandLineTest.Run r = CommandLineTest.run("info", "-w", "postgresql://wb_owner:hunter2@127.0.0.1:1/db");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("password file"), r.err());
        assertFalse(r.err().contains("hunter2"), r.err());
    }

    /** The shipments header of shared/DATA-FORMATS.md. */
    static final class CommandLineTestShipments {
        static final String HEADER = "shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
                + "promised_days,delivered_days,attempts,status\n";
    }
}
