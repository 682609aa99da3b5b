package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCommandsTest {

    @TempDir
    Path dir;

    int run(StringWriter out, StringWriter err, String... args) {
        return WorkbenchCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void importTrainListAndPredictALabModelFromTheCommandLine() throws Exception {
        StringBuilder csv = new StringBuilder("sku,weight kg,fragile,zone,returned\n");
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            double w = r.nextDouble() * 10;
            boolean fragile = r.nextBoolean();
            boolean returned = r.nextDouble() < (fragile ? 0.7 : 0.15);
            csv.append(String.format(Locale.ROOT, "K%03d,%.2f,%s,%s,%s%n", i, w, fragile ? "yes" : "no", "Z" + r.nextInt(3), returned));
        }
        csv.append("K999,heavy,yes,Z1,true\n");
        Path file = dir.resolve("returns.csv");
        Files.writeString(file, csv.toString());
        String ws = dir.resolve("ws").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "import", "-q", "--json", "-w", ws, "-t", "table", "--name", "returns", "--id", "sku",
                "--type", "zone=text", "--type", "weight kg=decimal", file.toString()), err.toString());
        String json = out.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(json.contains("\"imported\":300") && json.contains("\"rejected\":1")
                && json.contains("{\"name\":\"weight_kg\",\"header\":\"weight kg\",\"type\":\"decimal\"}")
                && json.contains("{\"name\":\"fragile\",\"header\":\"fragile\",\"type\":\"boolean\"}"), json);

        out = new StringWriter();
        assertEquals(0, run(out, err, "train", "-q", "--json", "-w", ws, "lab", "--table", "returns", "--target", "returned",
                "--algorithm", "logistic-regression,cart", "--name", "returns_model", "--folds", "3"), err.toString());
        json = out.toString().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(json.contains("\"model\":\"lab\"") && json.contains("\"candidates\":{\"logistic-regression\":{\"auc\":")
                && json.contains("\"features\":[\"weight_kg\",\"fragile\",\"zone\"]"), json);

        out = new StringWriter();
        assertEquals(0, run(out, err, "lab", "list", "--json", "-w", ws), err.toString());
        assertTrue(out.toString().contains("returns_model") && out.toString().contains("\"target\":\"returned\""), out.toString());

        Path predictions = dir.resolve("p.csv");
        assertEquals(0, run(new StringWriter(), err, "predict", "-q", "-w", ws, "lab", "returns_model", "-o", predictions.toString()),
                err.toString());
        List<String> lines = Files.readAllLines(predictions);
        assertTrue(lines.get(0).startsWith("sku,prediction,p_"), lines.get(0));
        assertEquals(301, lines.size());
    }

    @Test
    void badLabInputGetsASentenceAndTheRightExitCode() throws Exception {
        Path file = dir.resolve("t.csv");
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(",x,").append(i % 2).append('\n');
        }
        Files.writeString(file, csv.toString());
        String ws = dir.resolve("ws").toString();
        StringWriter err = new StringWriter();
        assertEquals(0, run(new StringWriter(), err, "import", "-q", "-w", ws, "-t", "table", "--name", "t", file.toString()));
        err = new StringWriter();
        assertEquals(3, run(new StringWriter(), err, "train", "-q", "-w", ws, "lab", "--table", "t", "--target", "b"));
        assertEquals("workbench: The target column b has the same value ('x') in every row, so there is nothing to predict; "
                + "pick another target or table.", err.toString().trim());
        err = new StringWriter();
        assertEquals(4, run(new StringWriter(), err, "predict", "-q", "-w", ws, "lab", "nothing", "-o", dir.resolve("x.csv").toString()));
        assertTrue(err.toString().startsWith("workbench: This workspace has no lab model called nothing."), err.toString());
        err = new StringWriter();
        assertEquals(2, run(new StringWriter(), err, "import", "-q", "-w", ws, "-t", "table", file.toString()));
        assertTrue(err.toString().contains("-t table needs --name NAME"), err.toString());
    }
}
