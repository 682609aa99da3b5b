package in.workbench.analytics.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.PreviousRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaging model's file: saved without Java serialisation, loaded to the same predictions, old files converted. */
class PackagingModelFileTest {

    static DamageWorld world;
    static PackagingModel model;

    @BeforeAll
    static void train() {
        world = new DamageWorld(300, 10, 5);
        model = new PackagingTrainer().train(world.data(), PackagingTrainer.Options.defaults(7).withIterations(100, 3), ProgressMonitor.NONE)
                .model();
    }

    static void assertSamePredictions(PackagingModel expected, PackagingModel actual) {
        for (ProductRow p : world.products.subList(0, 50)) {
            assertArrayEquals(expected.damage(p), actual.damage(p), 0.0, p.id());
            assertArrayEquals(expected.baselineDamage(p), actual.baselineDamage(p), 0.0, p.id());
        }
        assertEquals(expected.ladder().packages(), actual.ladder().packages());
        assertEquals(expected.comparison(), actual.comparison());
        assertEquals(expected.ordinal().getProvenance(), actual.ordinal().getProvenance());
    }

    @Test
    void savesAsJsonAndLoadsBackToIdenticalPredictionsAndProvenance(@TempDir Path dir) throws Exception {
        model.save(dir);
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve(PackagingModel.FILE_NAME)).startsWith("{\"format\":\"workbench-model\""));
        assertSamePredictions(model, PackagingModel.load(dir));
    }

    @Test
    void aModelFileOfThePreviousReleaseIsConvertedOnceAndPredictsTheSame(@TempDir Path dir) throws Exception {
        PreviousRelease.save(model, dir.resolve(PackagingModel.FILE_NAME));
        assertSamePredictions(model, PackagingModel.load(dir));
        assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(dir.resolve(PackagingModel.FILE_NAME)).startsWith("{"), "converted to the workbench model format");
        assertSamePredictions(model, PackagingModel.load(dir));
    }

    @Test
    void aCraftedFilePlacedAsThePackagingModelIsRefusedFastAndPredictNeverRuns(@TempDir Path dir) throws Exception {
        PreviousRelease.billionLaughs(dir.resolve(PackagingModel.FILE_NAME), 100);
        WorkbenchException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(WorkbenchException.class, () -> PackagingModel.load(dir)));
        assertEquals(4, e.kind().exitCode());
        assertTrue(e.getMessage().contains("train it again with `workbench train -w DIR packaging`"), e.getMessage());
    }
}
