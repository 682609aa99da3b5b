package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.sample.SampleGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train segmentation} and {@code segment} as docs/cli.md specifies them. */
class SegmentationCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsTheSegmenterReportsSpanF1AndSegmentsEveryAddress() throws Exception {
        Path world = dir.resolve("world");
        new SampleGenerator(new SampleGenerator.Config(20, 600, 100, 3), in.workbench.analytics.geo.PostalDirectory.load())
                .generate(world, ProgressMonitor.NONE);
        String ws = dir.resolve("ws").toString();
        assertEquals(0, CommandLineTest.run("import", "-q", "-w", ws, "-t", "addresses", world.resolve("addresses.csv").toString()).code());

        CommandLineTest.Run noModel = CommandLineTest.run("segment", "-q", "-w", ws, "-o", dir.resolve("s.csv").toString());
        assertEquals(4, noModel.code());
        assertTrue(noModel.err().contains("train -w DIR segmentation"), noModel.err());

        CommandLineTest.Run weak = CommandLineTest.run("train", "-q", "-w", ws, "segmentation", "--epochs", "1", "--composed", "300", "--json");
        assertEquals(0, weak.code(), weak.err());
        assertTrue(weak.json().get("span_f1").isNull(), "no analyst corrections yet: no held-out F1 is claimed");

        // Simulated analysts (the generator's gold segmentations; tests only) correct 150 addresses.
        List<String> gold = Files.readAllLines(world.resolve("truth/address_labels_gold.csv"), StandardCharsets.UTF_8);
        List<String> labels = new ArrayList<>(gold.subList(0, 151));
        Path labelsFile = dir.resolve("address_labels.csv");
        Files.write(labelsFile, labels, StandardCharsets.UTF_8);
        assertEquals(0, CommandLineTest.run("import", "-q", "-w", ws, "-t", "labels", labelsFile.toString()).code());
        CommandLineTest.Run trained = CommandLineTest.run("train", "-q", "-w", ws, "segmentation", "--epochs", "1", "--composed", "300", "--seed", "7", "--json");
        assertEquals(0, trained.code(), trained.err());
        JsonNode json = trained.json();
        assertEquals("segmentation", json.get("model").asText());
        assertTrue(json.get("held_out").asInt() > 10, json.toString());
        assertTrue(json.get("span_f1").asDouble() > 0.8, json.toString());
        assertTrue(trained.out().contains("Span F1 on"), trained.out());

        Path out = dir.resolve("segments.csv");
        CommandLineTest.Run seg = CommandLineTest.run("segment", "-q", "-w", ws, "-o", out.toString(), "--json");
        assertEquals(0, seg.code(), seg.err());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("address_id,segments", lines.get(0));
        assertEquals(601, lines.size());
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.contains("PINCODE=") && l.contains(" | ")), lines.get(1));
        assertEquals(600, seg.json().get("addresses").asInt());
        assertTrue(seg.json().get("buildings").asInt() > 0);
        Path fresh = dir.resolve("new.csv");
        Files.writeString(fresh, "address_id,address_text,pincode\nN1,\"Flat 12, Shanti Apartments, Malleswaram, Bengaluru 560003\",\n"
                + "N2,,\nN3,\"मंदिर के सामने\",\n", StandardCharsets.UTF_8);
        Path freshOut = dir.resolve("new-segments.csv");
        CommandLineTest.Run newOnes = CommandLineTest.run("segment", "-q", "-w", ws, "--input", fresh.toString(), "-o", freshOut.toString(),
                "--json");
        assertEquals(0, newOnes.code(), newOnes.err());
        List<String> freshLines = Files.readAllLines(freshOut, StandardCharsets.UTF_8);
        assertEquals(4, freshLines.size(), freshLines.toString());
        assertTrue(freshLines.get(1).startsWith("N1,") && freshLines.get(1).contains("PINCODE=560003"), freshLines.get(1));
        assertEquals(3, newOnes.json().get("addresses").asInt());
        assertTrue(newOnes.out().contains("no table changed"), newOnes.out());
        Path ids = dir.resolve("ids.txt");
        Files.writeString(ids, "address_id\n" + lines.get(1).substring(0, lines.get(1).indexOf(',')) + "\nNOT-THERE\n");
        CommandLineTest.Run some = CommandLineTest.run("segment", "-q", "-w", ws, "--ids", ids.toString(), "-o", dir.resolve("some.csv").toString(),
                "--json");
        assertEquals(0, some.code(), some.err());
        assertEquals(1, some.json().get("addresses").asInt(), "only the listed address that exists");
        assertEquals(2, CommandLineTest.run("segment", "-q", "-w", ws, "--ids", ids.toString(), "--input", fresh.toString(), "-o",
                dir.resolve("x.csv").toString()).code(), "--input and --ids together are a usage error");
        Files.writeString(dir.resolve("bad.csv"), "id,text\n1,x\n");
        CommandLineTest.Run bad = CommandLineTest.run("segment", "-q", "-w", ws, "--input", dir.resolve("bad.csv").toString(), "-o",
                dir.resolve("y.csv").toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("no address_text column"), bad.err());
        CommandLineTest.Run export = CommandLineTest.run("export", "-q", "-w", ws, "--table", "buildings", "-o", dir.resolve("b.csv").toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(Files.readString(dir.resolve("b.csv")).startsWith("building_key,building_name,variants,locality,city,pincode,addresses,customers"));
    }
}
