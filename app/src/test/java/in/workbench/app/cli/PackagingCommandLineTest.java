package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaging commands' contract (docs/cli.md): train, predict, recommend, their outputs and exit codes. */
class PackagingCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void trainPredictAndRecommendPackaging() throws Exception {
        String ws = dir.resolve("ws").toString();
        Path world = dir.resolve("world");
        CommandLineTest.run("generate-sample", "-o", world.toString(), "--products", "300", "--addresses", "500", "--shipments", "8000",
                "--seed", "5", "-q");
        CommandLineTest.Run noModel = CommandLineTest.run("predict", "-w", ws, "packaging", "-o", dir.resolve("p.csv").toString(), "-q");
        assertEquals(4, noModel.code());
        assertTrue(noModel.err().contains("Run `workbench train -w DIR packaging` first"), noModel.err());
        assertEquals(1, noModel.err().strip().split("\n").length, "one sentence");
        assertEquals(4, CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", dir.resolve("r.csv").toString(), "-q").code());
        assertEquals(4, CommandLineTest.run("train", "-w", ws, "packaging", "-q").code(), "no ladder, no shipments yet");
        for (String[] f : new String[][] {{"package-types", "package_types"}, {"catalog", "catalog"}, {"shipments", "shipments"}}) {
            assertEquals(0, CommandLineTest.run("import", "-w", ws, "-t", f[0], world.resolve(f[1] + ".csv").toString(), "-q").code());
        }
        CommandLineTest.Run train = CommandLineTest.run("train", "-w", ws, "packaging", "--seed", "3", "--json", "-q");
        assertEquals(0, train.code(), train.err());
        JsonNode json = train.json();
        assertEquals("packaging", json.get("model").asText());
        assertEquals(0, json.get("ordinal").get("violations").asInt());
        assertTrue(json.get("ordinal").get("auc").asDouble() > 0.55, train.out());
        assertTrue(json.get("logistic_regression").has("auc") && json.get("logistic_regression").has("log_loss")
                && json.get("logistic_regression").has("violations"), train.out());
        assertTrue(train.err().isEmpty(), "-q keeps standard error quiet: " + train.err());

        Path predictions = dir.resolve("predictions.csv");
        CommandLineTest.Run predict = CommandLineTest.run("predict", "-w", ws, "packaging", "-o", predictions.toString(), "--json", "-q");
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("product_id,package_type,p_damage", lines.get(0));
        assertEquals(1 + 300 * 6, lines.size());

        Path recs = dir.resolve("recommendations.csv");
        CommandLineTest.Run recommend = CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--json", "-q");
        assertEquals(0, recommend.code(), recommend.err());
        List<String> rows = Files.readAllLines(recs);
        assertEquals("product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr,objective",
                rows.get(0));
        assertEquals(301, rows.size());
        JsonNode r = recommend.json();
        assertEquals("least-damage-at-current-cost", r.get("objective").asText());
        assertTrue(r.get("budget_met").asBoolean());
        assertTrue(r.get("total_cost_recommended_inr").asDouble() <= r.get("total_cost_current_inr").asDouble() + 1e-6, recommend.out());
        assertTrue(r.get("expected_damage_recommended").asDouble() < r.get("expected_damage_current").asDouble(), recommend.out());
        assertTrue(r.get("solver_relative_gap").asDouble() < 0.01, recommend.out());
        JsonNode provenance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("recommendations.csv.provenance.json")
                .toFile());
        assertEquals("least-damage-at-current-cost", provenance.get("objective").asText());
        assertTrue(provenance.has("total_cost_budget_inr") && provenance.has("solver_gap"), provenance.toString());

        CommandLineTest.Run cheap = CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--objective",
                "least-cost-at-current-damage", "--json", "-q");
        assertEquals(0, cheap.code(), cheap.err());
        assertTrue(cheap.json().get("expected_damage_recommended").asDouble() <= cheap.json().get("expected_damage_current").asDouble() + 1e-6);
        assertTrue(Files.readAllLines(recs).get(1).endsWith(",least-cost-at-current-damage"));
        CommandLineTest.Run unknown = CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--objective", "cheapest");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("least-damage-at-current-cost"), unknown.err());
        CommandLineTest.Run unreachable = CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--damage-budget",
                "0", "--json");
        assertEquals(0, unreachable.code(), unreachable.err());
        assertFalse(unreachable.json().get("budget_met").asBoolean());
        assertTrue(unreachable.out().contains("cannot be reached") && unreachable.out().contains("closest reachable plan"), unreachable.out());
        CommandLineTest.Run lambda = CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--lambda", "5", "--json", "-q");
        assertEquals(0, lambda.code(), lambda.err());
        assertEquals(5.0, lambda.json().get("lambda").asDouble(), 0);
        CommandLineTest.Run budget = CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--damage-budget", "10",
                "--json", "-q");
        assertEquals(0, budget.code(), budget.err());
        assertTrue(budget.json().get("expected_damage_recommended").asDouble() < r.get("expected_damage_recommended").asDouble());
        assertEquals("least-cost-at-damage-budget", budget.json().get("objective").asText());
        assertEquals(2, CommandLineTest.run("recommend", "-w", ws, "packaging", "-o", recs.toString(), "--lambda", "1", "--damage-budget", "3")
                .code(), "either a budget or λ");
        assertEquals(2, CommandLineTest.run("predict", "-w", ws, "parcels", "-o", recs.toString()).code());
    }
}
