package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrispCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void generatesImportsTrainsAndScoresAWorkforceWorld() throws Exception {
        Path world = dir.resolve("world");
        String ws = dir.resolve("ws").toString();
        assertEquals(0, CommandLineTest.run("generate-sample", "-o", world.toString(), "--world", "workforce", "--people", "300", "-q").code());
        CommandLineTest.Run early = CommandLineTest.run("score", "-w", ws, "crisp", "-o", dir.resolve("r.csv").toString(), "-q");
        assertEquals(4, early.code(), early.err());
        for (String t : new String[] {"people", "contacts", "tests"}) {
            CommandLineTest.Run r = CommandLineTest.run("import", "-w", ws, "-t", t, world.resolve(t + ".csv").toString(), "-q");
            assertEquals(0, r.code(), r.err());
        }
        assertEquals(2, CommandLineTest.run("train", "-w", ws, "crisp", "--sweeps", "1", "-q").code());
        Path params = dir.resolve("params.json");
        CommandLineTest.Run train = CommandLineTest.run("train", "-w", ws, "crisp", "--em-iterations", "2", "--sweeps", "4", "--seed", "3",
                "--params-out", params.toString(), "--json", "-q");
        assertEquals(0, train.code(), train.err());
        JsonNode json = train.json();
        assertEquals("crisp", json.path("model").asText());
        for (String w : new String[] {"intercept", "duration_h", "close", "indoor"}) {
            assertTrue(json.path("weights").path(w).isNumber(), w);
        }
        assertTrue(json.path("p0").isNumber() && json.path("sweeps").asInt() > 4 && json.has("rhat_max"));
        assertEquals(json.path("weights"), new com.fasterxml.jackson.databind.ObjectMapper().readTree(params.toFile()).path("weights"));
        Path risk = dir.resolve("risk.csv");
        CommandLineTest.Run score = CommandLineTest.run("score", "-w", ws, "crisp", "-o", risk.toString(), "--sweeps", "4", "-q");
        assertEquals(0, score.code(), score.err());
        assertEquals("person_id,risk,p_s,p_e,p_i,p_r", Files.readAllLines(risk).get(0));
        assertEquals(301, Files.readAllLines(risk).size());
        assertTrue(Files.exists(dir.resolve("risk.csv.provenance.json")));
    }
}
