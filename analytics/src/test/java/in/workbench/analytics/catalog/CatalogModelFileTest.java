package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.PreviousRelease;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's model files: attribute extractors and the category check load back to the same predictions. */
class CatalogModelFileTest {

    static List<CatalogProduct> products = SyntheticCatalog.products(200, 4);
    static CatalogModels.Attributes attributes;
    static CatalogModels.Category category;

    @BeforeAll
    static void train() {
        AttributeTrainer.Result colour = new AttributeTrainer().train(products, AttributeVocabulary.colours(), 42, 2, ProgressMonitor.NONE);
        Map<String, AttributeExtractor> extractors = new LinkedHashMap<>(Map.of("color", colour.extractor()));
        attributes = new CatalogModels.Attributes(extractors, new LinkedHashMap<>(Map.of("color", colour.evaluation())));
        CategoryTrainer.Result r = new CategoryTrainer().train(products, 42, 2, ProgressMonitor.NONE);
        category = new CatalogModels.Category(r.model(), r.evaluation());
    }

    static void assertSame(CatalogModels.Attributes a, CatalogModels.Attributes b, CatalogModels.Category c, CatalogModels.Category d) {
        for (CatalogProduct p : products.subList(0, 60)) {
            assertEquals(a.extractors().get("color").extract(p), b.extractors().get("color").extract(p), p.productId());
        }
        assertEquals(a.evaluations(), b.evaluations());
        List<String> titles = products.stream().limit(60).map(CatalogProduct::title).toList();
        assertEquals(c.model().choose(titles), d.model().choose(titles));
        assertEquals(c.evaluation(), d.evaluation());
    }

    @Test
    void savesBothCatalogModelsAsJsonAndLoadsThemBackToTheSamePredictions(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            CatalogModels.save(ws, attributes, 42, products.size());
            CatalogModels.save(ws, category, 42);
            assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(ws.modelsDir().resolve("category.model")).startsWith("{\"format\":\"workbench-model\""));
            assertEquals(attributes.evaluations(), CatalogModels.attributeEvaluations(ws), "the evaluations alone, as the screens read them");
            assertEquals(category.evaluation(), CatalogModels.categoryEvaluation(ws));
            assertSame(attributes, CatalogModels.loadAttributes(ws), category, CatalogModels.loadCategory(ws));
        }
    }

    @Test
    void catalogModelFilesOfThePreviousReleaseAreConvertedOnce(@TempDir Path dir) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            PreviousRelease.save(attributes, ws.modelsDir().resolve("attributes.model"));
            PreviousRelease.save(category, ws.modelsDir().resolve("category.model"));
            assertSame(attributes, CatalogModels.loadAttributes(ws), category, CatalogModels.loadCategory(ws));
            assertTrue(in.workbench.analytics.workspace.ModelFile.jsonText(ws.modelsDir().resolve("attributes.model")).startsWith("{"), "converted");
        }
    }
}
