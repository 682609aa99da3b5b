package in.workbench.analytics.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    /** A model of the test's own: two weights and a name. */
    record Weights(String name, List<Double> weights) implements java.io.Serializable {
    }

    static final ModelFile<Weights, Weights> FILE = new ModelFile<>("packaging", 1, "packaging damage", "packaging", Weights.class,
            Weights.class, w -> w, w -> w);

    @TempDir
    Path dir;

    @Test
    void aSavedModelLoadsBackEqualAsJsonAndLeavesNoTemporaryFile() throws Exception {
        Weights model = new Weights("ordinal", List.of(0.25, Double.NaN));
        FILE.save(dir.resolve("models"), model);
        Weights back = FILE.load(dir.resolve("models"));
        assertEquals(model.name(), back.name());
        assertEquals(0.25, back.weights().get(0));
        assertTrue(Double.isNaN(back.weights().get(1)));
        String text = in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve("models").resolve("packaging.model"));
        assertTrue(text.startsWith("{\"format\":\"workbench-model\",\"kind\":\"packaging\",\"version\":1,"), text);
        assertTrue(Files.notExists(dir.resolve("models").resolve("packaging.model.tmp")));
    }

    @Test
    void anUnchangedFileIsReadOnceAndASavedOneIsReadAgain() throws Exception {
        Path models = dir.resolve("models");
        FILE.save(models, new Weights("first", List.of(1.0)));
        Weights once = FILE.load(models);
        assertSame(once, FILE.load(models), "the same file gives the model already read");
        FILE.save(models, new Weights("second", List.of(2.0)));
        assertEquals("second", FILE.load(models).name(), "a saved model replaces the one read before");
        Files.writeString(models.resolve("packaging.model"), "not a model");
        assertThrows(WorkbenchException.class, () -> FILE.load(models), "a file damaged since is read again, and refused");
    }

    @Test
    void aMissingModelSaysWhichTrainCommandMakesIt() {
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> FILE.load(dir));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertEquals("This workspace has no packaging damage model yet. Run `workbench train -w DIR packaging` first.", e.getMessage());
    }

    @Test
    void aDamagedModelFileIsReportedNotThrownRaw() throws Exception {
        Files.writeString(dir.resolve("packaging.model"), "not a model");
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> FILE.load(dir));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertTrue(e.getMessage().contains("train it again with `workbench train -w DIR packaging`"), e.getMessage());
    }

    @Test
    void aFileOfAnotherKindOrANewerVersionIsRefusedWithAPlainSentence() throws Exception {
        Files.writeString(dir.resolve("packaging.model"), "{\"format\":\"workbench-model\",\"kind\":\"category\",\"version\":1,\"model\":{}}");
        assertTrue(assertThrows(WorkbenchException.class, () -> FILE.load(dir)).getMessage()
                .contains("it is not a workbench packaging model file"));
        Files.writeString(dir.resolve("packaging.model"), "{\"format\":\"workbench-model\",\"kind\":\"packaging\",\"version\":2,\"model\":{}}");
        assertTrue(assertThrows(WorkbenchException.class, () -> FILE.load(dir)).getMessage().contains("was saved by a newer workbench"));
    }

    @Test
    void aNestOfSetsPlacedAsAModelIsRefusedAtOnceWithoutBeingRead() throws Exception {
        PreviousRelease.billionLaughs(dir.resolve("packaging.model"), 100);
        WorkbenchException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(WorkbenchException.class,
                () -> FILE.load(dir)));
        assertEquals(WorkbenchException.Kind.PREREQUISITE_MISSING, e.kind());
        assertTrue(e.getMessage().startsWith("The packaging damage model in "), e.getMessage());
        assertTrue(e.getMessage().contains("was refused") && e.getMessage().contains("train it again with `workbench train -w DIR packaging`"),
                e.getMessage());
        assertTrue(Files.exists(dir.resolve("packaging.model")), "a refused file is left for the analyst to see, never dropped");
    }

    @Test
    void anObjectOfAClassNotOnTheListIsRefusedBeforeItIsCreated() throws Exception {
        PreviousRelease.save(new URL("http://example.invalid/"), dir.resolve("packaging.model"));
        WorkbenchException e = assertThrows(WorkbenchException.class, () -> FILE.load(dir));
        assertTrue(e.getMessage().contains("holds something a model never does"), e.getMessage());
    }

    @Test
    void aModelOfThePreviousReleaseIsConvertedOnceToTheNewFormat() throws Exception {
        Weights model = new Weights("ordinal", new ArrayList<>(List.of(1.5, -2.0)));
        PreviousRelease.save(model, dir.resolve("packaging.model"));
        assertEquals(model, FILE.load(dir));
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve("packaging.model")).startsWith("{"), "rewritten as a workbench model file");
        assertEquals(model, FILE.load(dir));
    }

    /** Counts the models built from documents, so a test can tell a read from a cached answer. */
    static final java.util.concurrent.atomic.AtomicInteger BUILT = new java.util.concurrent.atomic.AtomicInteger();

    static final ModelFile<Weights, Weights> COUNTED = new ModelFile<>("segmentation", 1, "segmentation", "segmentation",
            Weights.class, Weights.class, w -> w, w -> {
                BUILT.incrementAndGet();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return w;
            });

    @Test
    void aPartOfTheDocumentIsReadWithoutBuildingTheModelAndCheckedLikeALoad() throws Exception {
        Path models = dir.resolve("models");
        COUNTED.save(models, new Weights("evaluated", List.of(1.0, 2.0)));
        int before = BUILT.get();
        assertEquals("evaluated", COUNTED.part(models, "name", new com.fasterxml.jackson.core.type.TypeReference<String>() {
        }, Weights::name));
        assertEquals(List.of(1.0, 2.0), COUNTED.part(models, "weights", new com.fasterxml.jackson.core.type.TypeReference<List<Double>>() {
        }, Weights::weights));
        assertEquals(before, BUILT.get(), "no model was built to read a part");
        Files.writeString(models.resolve("segmentation.model"),
                "{\"format\":\"workbench-model\",\"kind\":\"packaging\",\"version\":1,\"model\":{\"name\":\"x\"}}");
        WorkbenchException other = assertThrows(WorkbenchException.class, () -> COUNTED.part(models, "name",
                new com.fasterxml.jackson.core.type.TypeReference<String>() {
                }, Weights::name));
        assertTrue(other.getMessage().contains("it is not a workbench segmentation model file"), other.getMessage());
        Files.writeString(models.resolve("segmentation.model"),
                "{\"format\":\"workbench-model\",\"kind\":\"segmentation\",\"version\":9,\"model\":{\"name\":\"x\"}}");
        assertTrue(assertThrows(WorkbenchException.class, () -> COUNTED.part(models, "name",
                new com.fasterxml.jackson.core.type.TypeReference<String>() {
                }, Weights::name)).getMessage().contains("saved by a newer workbench (format 9)"));
        Files.writeString(models.resolve("segmentation.model"),
                "{\"format\":\"workbench-model\",\"kind\":\"segmentation\",\"version\":1,\"model\":{\"weights\":[1]}}");
        assertTrue(assertThrows(WorkbenchException.class, () -> COUNTED.part(models, "name",
                new com.fasterxml.jackson.core.type.TypeReference<String>() {
                }, Weights::name)).getMessage().contains("its model has no name"));
        assertEquals(before, BUILT.get());
    }

    @Test
    void screensAskingForTheSameModelAtOnceShareOneRead() throws Exception {
        Path models = dir.resolve("shared");
        COUNTED.save(models, new Weights("shared", List.of(3.0)));
        int before = BUILT.get();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<Weights> load = () -> {
                go.await();
                return COUNTED.load(models);
            };
            var a = two.submit(load);
            var b = two.submit(load);
            go.countDown();
            assertSame(a.get(), b.get(), "both screens got the one model read");
        } finally {
            two.shutdownNow();
        }
        assertEquals(before + 1, BUILT.get(), "the file was read once, not once per screen");
    }

    @Test
    void modelsAreSavedCompressedAndFilesSavedAsPlainJsonStillLoad() throws Exception {
        Path models = dir.resolve("gz");
        Weights model = new Weights("compressed", java.util.Collections.nCopies(5_000, 0.125));
        FILE.save(models, model);
        byte[] saved = Files.readAllBytes(models.resolve("packaging.model"));
        assertEquals(0x1f, saved[0] & 0xff);
        assertEquals(0x8b, saved[1] & 0xff, "gzip");
        String json = ModelFile.jsonText(models.resolve("packaging.model"));
        assertTrue(saved.length * 10 < json.length(), saved.length + " bytes for " + json.length() + " of JSON");
        assertEquals(model, FILE.load(models));
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("packaging.model"), json);
        assertEquals(model, FILE.load(plain), "a file saved as plain JSON, as before December 2026, loads");
    }

    @Test
    void aCompressedFileThatExpandsBeyondAnyModelIsRefusedWhileItIsRead() throws Exception {
        long limit = ModelFile.maxJsonBytes;
        ModelFile.maxJsonBytes = 1 << 20;
        try {
            Path bomb = dir.resolve("packaging.model");
            try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(bomb))) {
                out.write("{\"format\":\"workbench-model\",\"kind\":\"packaging\",\"version\":1,\"model\":".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                byte[] spaces = new byte[1 << 16];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 32; i++) {
                    out.write(spaces);
                }
            }
            assertTrue(Files.size(bomb) < 20_000, "small on disk");
            WorkbenchException e = assertThrows(WorkbenchException.class, () -> FILE.load(dir));
            assertTrue(e.getMessage().contains("was refused: it expands to more than 1 GB"), e.getMessage());
        } finally {
            ModelFile.maxJsonBytes = limit;
        }
    }
}
