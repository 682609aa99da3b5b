package in.workbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.workspace.SerialFilter;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A colleague's workspace with a crafted model file: the command refuses it at once with one sentence. */
class UntrustedModelFileTest {

    @TempDir
    Path dir;

    /** Nested sets whose hash codes take 2^100 steps to compute if they are ever deserialised. */
    static void writeNestOfSets(Path file) throws Exception {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ObjectOutputStream out = new ObjectOutputStream(os)) {
            out.writeObject(root);
        }
    }

    @Test
    void predictRefusesACraftedPackagingModelQuicklyWithOneSentence() throws Exception {
        Path ws = dir.resolve("ws");
        assertEquals(0, CommandLineTest.run("info", "-w", ws.toString(), "-q").code());
        writeNestOfSets(ws.resolve("models").resolve("packaging.model"));
        CommandLineTest.Run predict = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CommandLineTest.run("predict", "-w", ws.toString(), "packaging", "-o", dir.resolve("p.csv").toString(), "-q"));
        assertEquals(4, predict.code(), predict.err());
        assertEquals(1, predict.err().strip().split("\n").length, "one sentence: " + predict.err());
        assertTrue(predict.err().contains("was refused") && predict.err().contains("train it again with `workbench train -w DIR packaging`"),
                predict.err());
        assertTrue(Files.exists(ws.resolve("models").resolve("packaging.model")), "left in place, never silently dropped");
    }

    @Test
    void theCommandLineInstallsTheProcessWideDeserialisationFilter() {
        CommandLineTest.run("--version");
        ObjectInputFilter installed = ObjectInputFilter.Config.getSerialFilter();
        assertSame(SerialFilter.backstop(), installed);
    }
}
