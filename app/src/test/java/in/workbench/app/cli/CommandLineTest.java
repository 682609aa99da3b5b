package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract (docs/cli.md): outputs, --json summaries and exit codes. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            String[] lines = out.strip().split("\n");
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WorkbenchCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void importPrintsItsJsonSummaryAndKeepsRejectedRows() throws Exception {
        Path catalog = file("c.csv", "product_id,title,category,price_inr,colour_code\nP1,Kurta,Clothing,499,x\nP2,Saree,Clothing,abc,y\n");
        Path rejects = dir.resolve("rejects.csv");
        Run r = run("import", "-w", dir.resolve("ws").toString(), "-t", "catalog", catalog.toString(), "--rejects", rejects.toString(),
                "--json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonNode json = r.json();
        assertEquals("catalog", json.get("type").asText());
        assertEquals(1, json.get("imported").asInt());
        assertEquals(1, json.get("rejected").asInt());
        assertEquals(0, json.get("unresolved").asInt());
        assertEquals("colour_code", json.get("ignored_columns").get(0).asText());
        List<String> lines = Files.readAllLines(rejects);
        assertEquals("line,reason,raw", lines.get(0));
        assertTrue(lines.get(1).startsWith("3,line 3: price_inr 'abc' is not a number"), lines.get(1));
        assertTrue(r.err().isEmpty(), "-q keeps standard error quiet: " + r.err());
    }

    @Test
    void aRejectedRowThatASpreadsheetWouldRunIsWrittenAsText() throws Exception {
        Path catalog = file("c.csv", "product_id,title,category,price_inr\n=HYPERLINK(\"http://example.com\"),Kurta,Clothing,cheap\n");
        Path rejects = dir.resolve("rejects.csv");
        Run r = run("import", "-w", dir.resolve("ws").toString(), "-t", "catalog", catalog.toString(), "--rejects", rejects.toString(),
                "-q");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(rejects);
        assertTrue(lines.get(1).endsWith(",\"'=HYPERLINK(\"\"http://example.com\"\"),Kurta,Clothing,cheap\""), lines.get(1));
    }

    @Test
    void mapsOtherHeadersWithMap() throws Exception {
        Path catalog = file("c.csv", "sku;name;dept;mrp\nP1;Kurta;Clothing;499\n");
        Run r = run("import", "-w", dir.resolve("ws").toString(), "-t", "catalog", catalog.toString(), "--map", "sku=product_id",
                "--map", "name=title", "--map", "dept=category", "--map", "mrp=price_inr", "--json", "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.json().get("imported").asInt());
    }

    @Test
    void aFileMissingARequiredColumnExitsWith3AndOneSentence() throws Exception {
        Path shipments = file("s.csv", "shipment_id,order_date\nS1,2026-01-01\n");
        Run r = run("import", "-w", dir.resolve("ws").toString(), "-t", "shipments", shipments.toString(), "-q");
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith("workbench: s.csv has no product_id, address_id, package_type, status columns"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one sentence, no stack trace");
    }

    @Test
    void aMissingFileExitsWith3() {
        Run r = run("import", "-w", dir.resolve("ws").toString(), "-t", "catalog", dir.resolve("nope.csv").toString(), "-q");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("import", "-w", dir.toString(), "-t", "parcels", "x.csv").code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("export", "-w", dir.toString()).code());
    }

    @Test
    void infoAndExportReportWhatTheWorkspaceHolds() throws Exception {
        String ws = dir.resolve("ws").toString();
        run("import", "-w", ws, "-t", "shipments", file("s.csv", "shipment_id,order_date,product_id,address_id,package_type,status\n"
                + "S1,2026-01-01,P1,A1,polybag,delivered\nS2,2026-01-02,P1,A1,polybag,damaged\n").toString(), "-q");
        Run info = run("info", "-w", ws, "--json");
        assertEquals(0, info.code());
        assertEquals(2, info.json().get("tables").get("shipments").asInt());
        assertEquals(2, info.json().get("unresolved").get("shipments_without_product").asInt());
        Path out = dir.resolve("damaged.csv");
        Run export = run("export", "-w", ws, "--table", "shipments", "--filter", "status=damaged", "-o", out.toString(), "--json", "-q");
        assertEquals(0, export.code(), export.err());
        assertEquals(1, export.json().get("rows").asInt());
        assertEquals(2, Files.readAllLines(out).size());
        assertTrue(Files.exists(dir.resolve("damaged.csv.provenance.json")));
        Run unknown = run("export", "-w", ws, "--table", "parcels", "-o", out.toString(), "-q");
        assertEquals(3, unknown.code());
        assertTrue(unknown.err().contains("no table or view called 'parcels'"), unknown.err());
    }

    @Test
    void generateSampleIsDeterministicFromTheCommandLine() throws Exception {
        Run a = run("generate-sample", "-o", dir.resolve("a").toString(), "--products", "60", "--addresses", "300", "--shipments", "500",
                "--seed", "3", "-q");
        Run b = run("generate-sample", "-o", dir.resolve("b").toString(), "--products", "60", "--addresses", "300", "--shipments", "500",
                "--seed", "3", "-q");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(Files.readString(dir.resolve("a/shipments.csv")), Files.readString(dir.resolve("b/shipments.csv")));
        Run imported = run("import", "-w", dir.resolve("ws").toString(), "-t", "addresses", dir.resolve("a/addresses.csv").toString(),
                "--json", "-q");
        assertEquals(300, imported.json().get("imported").asInt());
        assertEquals(0, imported.json().get("rejected").asInt());
    }

    @Test
    void trainAndScoreDeliverabilityOnAGeneratedWorld() throws Exception {
        String ws = dir.resolve("ws").toString();
        Path world = dir.resolve("world");
        run("generate-sample", "-o", world.toString(), "--products", "60", "--addresses", "1500", "--shipments", "6000", "--seed", "5", "-q");
        Run noModel = run("score", "-w", ws, "deliverability", "-o", dir.resolve("s.csv").toString(), "-q");
        assertEquals(4, noModel.code(), "no addresses, no model: says what to run first");
        Run noLabels = run("train", "-w", ws, "deliverability", "-q");
        assertEquals(4, noLabels.code());
        assertTrue(noLabels.err().contains("Import addresses.csv and shipments.csv"), noLabels.err());
        for (String[] f : new String[][] {{"package-types", "package_types"}, {"catalog", "catalog"}, {"addresses", "addresses"},
            {"shipments", "shipments"}}) {
            assertEquals(0, run("import", "-w", ws, "-t", f[0], world.resolve(f[1] + ".csv").toString(), "-q").code());
        }
        Run train = run("train", "-w", ws, "deliverability", "--folds", "3", "--seed", "1", "--json", "-q");
        assertEquals(0, train.code(), train.err());
        assertEquals("deliverability", train.json().get("model").asText());
        assertTrue(train.json().get("auc").asDouble() > 0.6, train.out());
        Path scores = dir.resolve("scores.csv");
        Run score = run("score", "-w", ws, "deliverability", "-o", scores.toString(), "--json", "-q");
        assertEquals(0, score.code(), score.err());
        List<String> lines = Files.readAllLines(scores);
        assertEquals("address_id,score,flagged,reasons", lines.get(0));
        assertEquals(1501, lines.size());
        Path fresh = file("new.csv", "address_text,city,pincode\n\"Flat 12, 4th Cross, Malleswaram, Bengaluru 560003\",Bengaluru,\n"
                + "\"near Bus Stand\",,\n,,\n560001,,\n\"" + "x".repeat(5_000) + "\",,\n\"मंदिर के सामने\",,\n\"12/4 ,,, -- #\",,\n");
        Path freshScores = dir.resolve("new-scores.csv");
        assertEquals(0, run("export", "-w", ws, "--table", "address_scores", "-o", dir.resolve("before.csv").toString(), "-q").code());
        Run scoreNew = run("score", "-w", ws, "deliverability", "--input", fresh.toString(), "-o", freshScores.toString(), "--json", "-q");
        assertEquals(0, scoreNew.code(), scoreNew.err());
        List<String> freshLines = Files.readAllLines(freshScores);
        assertEquals(8, freshLines.size(), "every new address scored, bad ones too: " + freshLines);
        assertTrue(freshLines.get(1).startsWith("1,"), "the row number is the id without address_id: " + freshLines.get(1));
        assertEquals(7, scoreNew.json().get("addresses").asInt());
        assertEquals(0, run("export", "-w", ws, "--table", "address_scores", "-o", dir.resolve("after.csv").toString(), "-q").code());
        assertEquals(Files.readString(dir.resolve("before.csv")), Files.readString(dir.resolve("after.csv")), "no table touched");
        assertEquals(2, run("train", "-w", ws, "segmentation-xyz").code());
    }

    @Test
    void startupBenchWithoutADisplaySaysHowToRunIt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("os.name").toLowerCase().contains("linux"), "only meaningful without a display");
        Run r = run("bench", "startup");
        assertEquals(4, r.code());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("xvfb-run"), r.err());
    }

    @Test
    void deliverabilityBenchReportsScoringOnAllCoresAndOneThreadTrainingAndTheScoreCommand() {
        Run r = run("bench", "deliverability", "--addresses", "800");
        assertEquals(0, r.code(), r.err());
        for (String row : new String[] {"| training, 5-fold CV of LR and XGBoost + refit", "| addresses scored per second, parsing + directory checks",
            "| the same on one thread |", "| addresses parsed per second on one thread", "| `score deliverability` end to end"}) {
            org.junit.jupiter.api.Assertions.assertTrue(r.out().contains(row), row + " in " + r.out());
        }
        org.junit.jupiter.api.Assertions.assertTrue(r.out().matches("(?s).*end to end: .*\\(800 addresses in [0-9.]+ s\\) \\| [0-9,]+ /s \\|.*"),
                "every address of the workspace is scored: " + r.out());
    }

    @Test
    void benchAllHeadsTheReportWithTheMachineAndRunsEachBenchmark() {
        Run r = run("bench", "all", "--shipments", "300", "--only", "import");
        assertEquals(0, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("Machine: " + Runtime.getRuntime().availableProcessors() + " cores"), r.out());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("## import (--rows 300)"), r.out());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("| H2 CSVREAD into a table with a primary key only (reference) |"), r.out());
        org.junit.jupiter.api.Assertions.assertFalse(r.out().contains("## startup"), "only what was asked for");
    }
}
