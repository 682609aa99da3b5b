package in.workbench.analytics.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The category check flags listings its title contradicts, with the category it would choose. */
class CategoryTrainerTest {

    @Test
    void flagsAShoeListedAsAPerfumeAndProposesFootwear() {
        List<CatalogProduct> products = new ArrayList<>(SyntheticCatalog.products(400, 3));
        products.set(10, new CatalogProduct("WRONG1", "Asian Running Shoes (Red, Pack of 1)", "Beauty", "Perfumes", "Asian", "red", "mesh",
                "", null));
        products.set(11, new CatalogProduct("WRONG2", "Aurelia Women's Blue Cotton Kurta", "Electronics", "Smart Watches", "Aurelia", "blue",
                "cotton", "", null));
        CategoryTrainer.Result r = new CategoryTrainer().train(products, 42, 3, ProgressMonitor.NONE);
        assertTrue(r.evaluation().accuracy() > 0.95, "held-out accuracy " + r.evaluation().accuracy());
        CategoryTrainer.Flag shoe = r.flags().stream().filter(f -> f.productId().equals("WRONG1")).findFirst().orElseThrow();
        assertEquals("Footwear", shoe.choice().category());
        assertEquals("Running Shoes", shoe.choice().subcategory());
        assertTrue(r.flags().stream().anyMatch(f -> f.productId().equals("WRONG2") && f.choice().subcategory().equals("Kurtas")));
        assertTrue(r.flags().size() <= 6, "few false flags: " + r.flags());
        assertEquals("Footwear", r.model().choose(List.of("Asian Running Shoes (Black, Pack of 1)")).get(0).category());
    }

    @Test
    void oddTitlesGetAChoiceWithoutFailing() {
        CategoryTrainer.Result r = new CategoryTrainer().train(SyntheticCatalog.products(200, 4), 42, 2, ProgressMonitor.NONE);
        List<CategoryModel.Choice> c = r.model().choose(List.of("", "🔥🔥🔥", "लाल साड़ी", "x".repeat(2000)));
        assertEquals(4, c.size());
        c.forEach(ch -> assertTrue(ch.confidence() > 0 && ch.confidence() <= 1));
    }
}
