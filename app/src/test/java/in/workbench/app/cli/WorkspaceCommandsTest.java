package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workspace publish} and {@code workspace copy} on the command line: a folder published to
 * the test server and copied back reports the same rows and checksums both ways; a reader may copy
 * a team workspace for travel but not publish into it; a second publish needs {@code --replace}.
 */
class WorkspaceCommandsTest {

    @TempDir
    Path dir;
    String server;

    @BeforeEach
    void server() {
        String url = System.getenv("WORKBENCH_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("WORKBENCH_TEST_PG_REQUIRED"))) {
                fail("WORKBENCH_TEST_PG_REQUIRED is set but WORKBENCH_TEST_PG_URL is not.");
            }
            Assumptions.assumeTrue(false, "No PostgreSQL test server (WORKBENCH_TEST_PG_URL)");
        }
        System.setProperty("workbench.home", dir.resolve("home").toString());
        server = url + "?currentSchema=pub" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    @AfterEach
    void forgetHome() {
        System.clearProperty("workbench.home");
    }

    private static JsonNode lastLine(CommandLineTest.Run r) throws Exception {
        return new ObjectMapper().readTree(r.out().strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void aPublishedFolderCopiedBackHasTheSameRowsAndChecksums() throws Exception {
        Path local = dir.resolve("local");
        Path shipments = Files.writeString(dir.resolve("shipments.csv"), TeamWorkspaceCommandLineTest.CommandLineTestShipments.HEADER
                + "S1,2026-03-14,P1,A1,polybag,1,50,3,4,1,delivered\nS2,2026-03-15,P2,A2,polybag,1,50,3,,1,returned\n");
        assertEquals(0, CommandLineTest.run("import", "-w", local.toString(), "-t", "shipments", shipments.toString(), "-q").code());

        CommandLineTest.Run published = CommandLineTest.run("workspace", "publish", "-w", local.toString(), "--to", server, "--json", "-q");
        assertEquals(0, published.code(), published.err());
        JsonNode there = lastLine(published);
        assertEquals(2, there.get("tables").get("shipments").get("rows").asInt());
        assertTrue(published.out().contains("every table's rows and checksum match"), published.out());

        CommandLineTest.Run again = CommandLineTest.run("workspace", "publish", "-w", local.toString(), "--to", server, "-q");
        assertEquals(4, again.code(), again.err());
        assertTrue(again.err().contains("--replace") && !again.err().contains("Exception"), again.err());

        String reader = server.replace("wb_owner@", "wb_reader@");
        Path travel = dir.resolve("travel");
        CommandLineTest.Run copied = CommandLineTest.run("workspace", "copy", "-w", reader, "--to", travel.toString(), "--json", "-q");
        assertEquals(0, copied.code(), copied.err());
        JsonNode back = lastLine(copied);
        there.get("tables").fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("crisp_")) {
                assertEquals(e.getValue(), back.get("tables").get(e.getKey()), e.getKey());
            }
        });
        assertFalse(back.get("tables").has("crisp_people"), "a reader without the health grant copies no CRISP table");

        CommandLineTest.Run refused = CommandLineTest.run("workspace", "publish", "-w", travel.toString(), "--to", reader, "--replace", "-q");
        assertEquals(4, refused.code(), refused.err());
        assertTrue(refused.err().contains("owner right"), refused.err());
    }
}
