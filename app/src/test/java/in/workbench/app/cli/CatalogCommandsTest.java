package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog commands' contract (docs/cli.md): train attributes / category with --json, extract
 * attributes CSV, exit 4 without a model; and the results against the generated sample's truth files.
 */
class CatalogCommandsTest {

    @TempDir
    static Path dir;
    static Path world;
    static Path ws;

    @BeforeAll
    static void generate() {
        world = dir.resolve("world");
        ws = dir.resolve("ws");
        CommandLineTest.Run g = CommandLineTest.run("generate-sample", "-o", world.toString(), "--products", "900", "--addresses", "200",
                "--shipments", "300", "--seed", "7", "-q");
        assertEquals(0, g.code(), g.err());
        CommandLineTest.Run i = CommandLineTest.run("import", "-w", ws.toString(), "-t", "catalog", world.resolve("catalog.csv").toString(), "-q");
        assertEquals(0, i.code(), i.err());
    }

    static Map<String, String[]> truth() throws Exception {
        Map<String, String[]> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(world.resolve("truth/product_truth.csv")); CSVReader csv = new CSVReader(r)) {
            csv.readNext();
            for (String[] row : csv) {
                out.put(row[0], row);
            }
        }
        return out;
    }

    @Test
    void extractWithoutAModelExitsFourWithASentence() {
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CommandLineTest.run("import", "-w", fresh.toString(), "-t", "catalog", world.resolve("catalog.csv").toString(), "-q")
                .code());
        CommandLineTest.Run r = CommandLineTest.run("extract", "-w", fresh.toString(), "attributes", "-o", dir.resolve("x.csv").toString(), "-q");
        assertEquals(4, r.code());
        assertTrue(r.err().contains("Run `workbench train -w DIR attributes` first."), r.err());
        assertEquals(2, CommandLineTest.run("extract", "-w", fresh.toString(), "colours", "-o", "x.csv").code());
    }

    @Test
    void trainExtractAndCompareWithTheTruth() throws Exception {
        CommandLineTest.Run a = CommandLineTest.run("train", "-w", ws.toString(), "attributes", "--json", "-q", "--folds", "3");
        assertEquals(0, a.code(), a.err());
        JsonNode j = a.json();
        assertEquals("attributes", j.get("model").asText());
        assertTrue(j.get("f1").asDouble() > 0.7, a.out());
        assertTrue(j.get("coverage").asDouble() > 0.6, a.out());
        assertTrue(j.get("color").get("precision").asDouble() > 0.9, a.out());
        assertTrue(j.has("material"));

        CommandLineTest.Run c = CommandLineTest.run("train", "-w", ws.toString(), "category", "--json", "-q", "--folds", "3");
        assertEquals(0, c.code(), c.err());
        assertTrue(c.json().get("accuracy").asDouble() > 0.9, c.out());

        Path out = dir.resolve("values.csv");
        CommandLineTest.Run e = CommandLineTest.run("extract", "-w", ws.toString(), "attributes", "-o", out.toString(), "--json", "-q");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.json().get("images").asInt() > 20, e.out());
        List<String[]> rows;
        try (Reader r = Files.newBufferedReader(out); CSVReader csv = new CSVReader(r)) {
            rows = csv.readAll();
        }
        assertEquals(List.of("product_id", "attribute", "value", "confidence", "source"), List.of(rows.get(0)));
        assertTrue(rows.stream().skip(1).allMatch(r -> List.of("title", "image", "catalog").contains(r[4])));

        Map<String, String[]> truth = truth();
        int images = 0;
        int imagesRight = 0;
        int titleBackfills = 0;
        int titleBackfillsRight = 0;
        Map<String, String> attribute = new HashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[1].equals("color") && r[4].equals("catalog")) {
                attribute.put(r[0], r[2]);
            }
        }
        for (String[] r : rows.subList(1, rows.size())) {
            if (!r[1].equals("color")) {
                continue;
            }
            String[] t = truth.get(r[0]);
            if (r[4].equals("image")) {
                images++;
                imagesRight += r[2].equals(t[7]) ? 1 : 0;
            } else if (r[4].equals("title") && !attribute.containsKey(r[0])) {
                titleBackfills++;
                titleBackfillsRight += r[2].equals(t[3]) ? 1 : 0;
            }
        }
        assertTrue(imagesRight >= 0.9 * images, "image colour accuracy " + imagesRight + " of " + images);
        assertTrue(titleBackfillsRight >= 0.9 * titleBackfills, "backfills right " + titleBackfillsRight + " of " + titleBackfills);
    }
}
