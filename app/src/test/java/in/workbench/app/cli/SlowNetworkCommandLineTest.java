package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlowNetworkCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void importTrainAndPredictSlowNetworkFromTheCommandLine() throws Exception {
        Path world = dir.resolve("world");
        String ws = dir.resolve("ws").toString();
        CommandLineTest.Run g = CommandLineTest.run("generate-sample", "-o", world.toString(), "--products", "60", "--addresses", "300",
                "--shipments", "500", "--sessions", "9000", "--seed", "7", "-q");
        assertEquals(0, g.code(), g.err());
        assertTrue(Files.exists(world.resolve("sessions/truth/sessions_truth.csv")), "the sessions world sits in a folder of its own");
        assertFalse(Files.exists(world.resolve("sessions.csv")), "the marketplace sample's folder stays as it was");
        CommandLineTest.Run imported = CommandLineTest.run("import", "-w", ws, "-t", "sessions", world.resolve("sessions/sessions.csv").toString(),
                "--json", "-q");
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.json().has("inconsistent_outcomes"), imported.out());
        assertTrue(imported.json().get("imported").asInt() > 8_900);

        CommandLineTest.Run trained = CommandLineTest.run("train", "-w", ws, "slow-network", "--threshold-ms", "4500", "--json", "-q");
        assertEquals(0, trained.code(), trained.err());
        assertEquals("slow-network", trained.json().get("model").asText());
        assertTrue(trained.json().get("auc").asDouble() > 0.7, trained.out());
        assertTrue(trained.json().has("ece") && trained.json().has("brier"));
        assertEquals(4_500, trained.json().get("threshold_ms").asInt());
        assertTrue(Files.exists(dir.resolve("ws/models/slow-network.json")));
        String algorithm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("ws/models/slow-network.json").toFile())
                .get("algorithm").asText();
        assertEquals(algorithm.equals("logistic regression"), Files.exists(dir.resolve("ws/models/slow-network.tribuo.pb")),
                "Tribuo's protobuf beside the JSON exactly when the kept model is Tribuo's (XGBoost's trees live in the JSON): " + algorithm);

        Path out = dir.resolve("p.csv");
        CommandLineTest.Run predicted = CommandLineTest.run("predict", "-w", ws, "slow-network", "-o", out.toString(), "-q");
        assertEquals(0, predicted.code(), predicted.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("session_id,p_slow,lite,reasons", lines.get(0));
        assertTrue(lines.size() > 50, "the last day's sessions have no outcome yet: " + lines.size());

        CommandLineTest.Run unknown = CommandLineTest.run("predict", "-w", ws, "fast-network", "-o", out.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("This version predicts: packaging, slow-network, lab NAME."), unknown.err());
    }
}
