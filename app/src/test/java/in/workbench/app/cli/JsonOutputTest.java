package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --json} is built one way: every command that offers it prints its summary through
 * {@link JsonSummary}, and what it prints parses as one JSON object on the last line. The
 * training commands' summaries are parsed in their own command-line tests; here run the commands
 * that need no trained model, on a small workspace.
 */
class JsonOutputTest {

    @TempDir
    static Path dir;

    static String ws;

    @BeforeAll
    static void smallWorkspace() throws Exception {
        Path sample = dir.resolve("sample");
        CommandLineTest.Run generated = CommandLineTest.run("generate-sample", "-o", sample.toString(), "--products", "30", "--addresses",
                "120", "--shipments", "60", "--sessions", "0", "-q");
        assertEquals(0, generated.code(), generated.err());
        ws = dir.resolve("ws").toString();
        CommandLineTest.Run imported = CommandLineTest.run("import", "-w", ws, "-t", "catalog", sample.resolve("catalog.csv").toString(), "-q");
        assertEquals(0, imported.code(), imported.err());
    }

    /** The commands (paths) that offer {@code --json}, and the class that holds each. */
    static Map<List<String>, Class<?>> commandsWithJson() {
        Map<List<String>, Class<?>> out = new java.util.LinkedHashMap<>();
        collect(new CommandLine(new WorkbenchCommand()), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cli, List<String> path, Map<List<String>, Class<?>> out) {
        cli.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return;
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            if (sub.getCommandSpec().findOption("--json") != null) {
                out.put(p, sub.getCommandSpec().userObject().getClass());
            }
            collect(sub, p, out);
        });
    }

    @Test
    void everyCommandWithJsonBuildsItThroughJsonSummaryAndNeverByHand() throws Exception {
        Map<List<String>, Class<?>> commands = commandsWithJson();
        assertTrue(commands.size() >= 10, "the commands with --json: " + commands.keySet());
        for (Map.Entry<List<String>, Class<?>> c : commands.entrySet()) {
            Class<?> top = c.getValue();
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            Path source = Path.of("src/main/java", top.getName().replace('.', '/') + ".java");
            String text = Files.readString(source);
            assertFalse(text.contains("\"{\\\""), "workbench " + String.join(" ", c.getKey()) + " (" + source
                    + ") writes JSON by hand; build it with JsonSummary");
            assertFalse(text.contains("writeValueAsString"), source + " prints JSON past JsonSummary");
        }
    }

    static Stream<List<String>> cheapInvocations() {
        Path out = dir.resolve("out");
        return Stream.of(
                List.of("info", "-w", ws, "--json"),
                List.of("export", "-w", ws, "--table", "products", "-o", out.resolve("products.csv").toString(), "--json", "-q"),
                List.of("import", "-w", dir.resolve("ws2").toString(), "-t", "catalog", dir.resolve("sample/catalog.csv").toString(),
                        "--json", "-q"),
                List.of("generate-sample", "-o", out.resolve("tiny").toString(), "--products", "30", "--addresses", "120", "--shipments",
                        "60", "--sessions", "0", "--json", "-q"),
                List.of("generate-sample", "-o", out.resolve("workforce").toString(), "--world", "workforce", "--people", "100",
                        "--json", "-q"),
                List.of("lab", "list", "-w", ws, "--json"));
    }

    @ParameterizedTest(name = "workbench {0}")
    @MethodSource("cheapInvocations")
    void summaryIsOneJsonObjectOnTheLastLine(List<String> args) throws Exception {
        CommandLineTest.Run run = CommandLineTest.run(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        JsonNode summary = run.json();
        assertTrue(summary.isObject() && summary.size() > 0, run.out());
    }

    @Test
    void notFiniteNumbersPrintAsNullAndTextIsEscaped() throws Exception {
        StringWriter text = new StringWriter();
        JsonSummary.print(new PrintWriter(text, true), JsonSummary.object("name", "say \"hi\"\nतो", "auc", Double.NaN, "gap",
                List.of(1.5, Double.POSITIVE_INFINITY), "rows", 3));
        String line = text.toString().strip();
        assertFalse(line.contains("\n"), "one line: " + line);
        JsonNode node = new ObjectMapper().readTree(line);
        assertEquals("say \"hi\"\nतो", node.get("name").asText());
        assertTrue(node.get("auc").isNull());
        assertTrue(node.get("gap").get(1).isNull());
        assertEquals(1.5, node.get("gap").get(0).asDouble());
        assertEquals(3, node.get("rows").asInt());
    }
}
