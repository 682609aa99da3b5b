package in.workbench.views.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.catalog.CatalogProposal;
import in.workbench.analytics.catalog.CatalogStore;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Catalog and Review view models on a small checked workspace, without the toolkit. */
class CatalogViewModelTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    final List<Throwable> errors = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        ws = CatalogFixture.create(dir);
    }

    @AfterAll
    static void tearDown() {
        ws.close();
    }

    @Test
    void catalogOpensFilteredByCategoryAndFlagKind() {
        CatalogViewModel vm = new CatalogViewModel(new SameThreadTaskRunner(), errors::add);
        vm.setWorkspace(ws);
        assertEquals(300, vm.totalProperty().get());
        assertEquals(CatalogViewModel.PAGE_SIZE, vm.rows().size(), "one page, not the whole table");
        vm.applyFilter(Map.of("category", "Footwear", "kind", "missing"));
        assertTrue(vm.totalProperty().get() > 5 && vm.totalProperty().get() < 75, "missing colours among 75 shoes: " + vm.totalProperty().get());
        vm.rows().forEach(r -> {
            assertEquals("Footwear", r.category());
            assertTrue(r.flagKinds().contains("missing"));
        });
        assertTrue(vm.metricsProperty().get().contains("F1"), vm.metricsProperty().get());
        assertEquals(4, vm.quality().size());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theTitleIsSplitAroundTheExtractedColour() {
        CatalogViewModel vm = new CatalogViewModel(new SameThreadTaskRunner(), errors::add);
        vm.setWorkspace(ws);
        vm.applyFilter(Map.of("search", "P001"));
        CatalogStore.ProductRow row = vm.rows().stream().filter(r -> r.productId().equals("P001")).findFirst().orElseThrow();
        String[] parts = CatalogViewModel.titleParts(row);
        assertEquals(row.title(), String.join("", parts));
        assertEquals(row.titleColour(), parts[1].toLowerCase());
        assertArrayEquals(new String[] {"", "", ""}, CatalogViewModel.titleParts(new CatalogStore.ProductRow("x", "", "c", "s", null, null,
                null, null, null, null, null, null, null, 0, null)));
    }

    @Test
    void theSelectedProductsImageIsFound() {
        CatalogViewModel vm = new CatalogViewModel(new SameThreadTaskRunner(), errors::add);
        vm.setWorkspace(ws);
        CatalogStore.ProductRow withImage = vm.rows().stream().filter(r -> r.imagePath() != null && !r.imagePath().isEmpty()).findFirst()
                .orElseThrow();
        vm.selectedProperty().set(withImage);
        assertTrue(Files.isRegularFile(vm.selectedImageProperty().get()), String.valueOf(vm.selectedImageProperty().get()));
        assertEquals("ok", withImage.imageStatus());
    }

    @Test
    void reviewDecisionsAreSavedAtOnceAndTheNextFlagIsSelected() throws Exception {
        ReviewViewModel vm = new ReviewViewModel(new SameThreadTaskRunner(), errors::add, () -> "meera");
        vm.setWorkspace(ws);
        vm.applyFilter(Map.of("kind", "missing"));
        long total = vm.totalProperty().get();
        assertTrue(total > 20);
        CatalogProposal first = vm.selectedProperty().get();
        assertEquals(vm.rows().get(0), first);
        vm.accept(first);
        assertEquals(total - 1, new CatalogStore(ws).countFlags(new CatalogStore.FlagFilter("missing", null, null, 0)), "saved at once");
        assertFalse(vm.rows().contains(first));
        assertEquals(vm.rows().get(0), vm.selectedProperty().get());
        vm.edit(vm.selectedProperty().get(), "  teal ");
        vm.reject(vm.selectedProperty().get());
        Path out = dir.resolve("corrections.csv");
        List<Integer> written = new ArrayList<>();
        vm.exportCorrections(out, written::add);
        assertEquals(List.of(2), written);
        List<String> lines = Files.readAllLines(out);
        assertEquals("product_id,attribute,old_value,new_value,source,confidence,decided_by,decided_at", lines.get(0));
        assertTrue(lines.get(2).contains(",teal,title,") && lines.get(2).contains(",meera,"), lines.get(2));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theThresholdShowsTheExpectedPrecisionAndBulkAcceptTakesOnlyFlagsAboveIt() {
        ReviewViewModel vm = new ReviewViewModel(new SameThreadTaskRunner(), errors::add, () -> "meera");
        vm.setWorkspace(ws);
        vm.thresholdProperty().set(0.95);
        vm.applyFilter(Map.of("kind", "missing", "category", "Clothing"));
        assertTrue(vm.expectedPrecisionProperty().get().startsWith("Expected precision at ≥ 0.95: colour from titles"),
                vm.expectedPrecisionProperty().get());
        vm.rows().forEach(p -> assertTrue(p.confidence() >= 0.95));
        long below = new CatalogStore(ws).countFlags(new CatalogStore.FlagFilter("missing", "Clothing", null, 0)) - vm.totalProperty().get();
        vm.acceptAllAboveThreshold();
        assertEquals(0, vm.totalProperty().get());
        assertEquals(below, new CatalogStore(ws).countFlags(new CatalogStore.FlagFilter("missing", "Clothing", null, 0)),
                "flags below the threshold stay in the queue");
    }
}
