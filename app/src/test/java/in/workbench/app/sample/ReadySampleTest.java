package in.workbench.app.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.app.SharedAddressParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadySampleTest {

    @TempDir
    Path home;

    @Test
    void theShippedSampleOpensWithEveryModelItsScoresAndItsImagesInItsNewFolder() throws Exception {
        assumeTrue(ReadySample.shipped(), "built with -Dworkbench.readySample.skip=true: no ready sample to unpack");
        Path folder = SampleWorld.MARKETPLACE.folderIn(home);
        long modelBytes;
        try (Workspace ws = SampleWorld.MARKETPLACE.create(folder, new ImportHooks(), new SharedAddressParser(), ProgressMonitor.NONE)) {
            assertEquals(folder.toAbsolutePath().normalize(), ws.folder());
            var counts = ws.rowCounts();
            assertEquals(3_000L, counts.get("products"));
            assertEquals(20_000L, counts.get("addresses"));
            assertEquals(100_000L, counts.get("shipments"));
            assertTrue(ws.trainedModels().keySet().containsAll(Set.of("deliverability", "segmentation", "attributes", "category",
                    "packaging")), "every model a screen shows: " + ws.trainedModels().keySet());
            modelBytes = ws.models().list().stream().mapToLong(m -> m.sizeBytes()).sum();
            Path image = new CatalogStore(ws).imageFile(firstProductWithImage(ws));
            assertTrue(image.startsWith(folder.toAbsolutePath().normalize()) && Files.exists(image),
                    "product images resolve inside the analyst's copy: " + image);
        }
        try (Stream<Path> left = Files.list(folder.getParent())) {
            assertEquals(1, left.count(), "no temporary folder is left beside the sample");
        }
        ReadySample.Manifest manifest = ReadySample.manifest();
        assertTrue(manifest.csvBytes() > 5_000_000, "the manifest records the CSVs' size: " + manifest.csvBytes());
        // The database also holds the trained models' files (the workspace's own copy of them); the data is what must stay compact.
        assertTrue(manifest.databaseBytes() - modelBytes < 3 * manifest.csvBytes(),
                "the shipped database is compacted: " + manifest.databaseBytes() + " bytes, of which models " + modelBytes);
        assertThrows(WorkbenchException.class, () -> ReadySample.unpack(folder, ProgressMonitor.NONE),
                "the sample is never unpacked over a workspace");
    }

    @Test
    void aSampleWhoseMakingStopsLeavesNothingThatTheNextStartCouldOpen() throws Exception {
        Path folder = SampleWorld.WORKFORCE.folderIn(home);
        assertThrows(CancelledException.class, () -> SampleFolder.make(folder, empty -> {
            try (Workspace ws = Workspace.open(empty)) {
                ws.putSetting("half", "made");
            }
            throw new CancelledException();
        }));
        assertFalse(Files.exists(folder), "no half workspace where the sample belongs");
        try (Stream<Path> left = Files.list(folder.getParent())) {
            assertEquals(0, left.count(), "and no temporary folder beside it");
        }
    }

    private static String firstProductWithImage(Workspace ws) {
        return new CatalogStore(ws).productPage(null, null, null, 0, 50).stream().filter(r -> r.imagePath() != null && !r.imagePath().isBlank())
                .findFirst().orElseThrow().productId();
    }
}
