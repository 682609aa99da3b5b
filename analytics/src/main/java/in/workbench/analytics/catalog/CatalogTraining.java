package in.workbench.analytics.catalog;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the catalog's models on a workspace and saves them: the attribute extractors (colour, then
 * material) and the category check, whose out-of-fold disagreements become {@code wrong_category}
 * flags. The command line and the window both call this.
 *
 * <p>Stateless; thread-safe.
 */
public final class CatalogTraining {

    private CatalogTraining() {
    }

    /** Trains colour and material extractors on the workspace's catalog and saves them. */
    public static CatalogModels.Attributes trainAttributes(Workspace ws, long seed, int folds, ProgressMonitor monitor) {
        List<CatalogProduct> products = new CatalogStore(ws).products();
        Map<String, AttributeExtractor> extractors = new LinkedHashMap<>();
        Map<String, AttributeTrainer.Evaluation> evaluations = new LinkedHashMap<>();
        List<AttributeVocabulary> vocabularies = List.of(AttributeVocabulary.colours(),
                AttributeVocabulary.materials(products.stream().map(CatalogProduct::material).filter(m -> m != null).distinct().toList()));
        for (int i = 0; i < vocabularies.size(); i++) {
            int step = i;
            AttributeVocabulary v = vocabularies.get(i);
            AttributeTrainer.Result r = new AttributeTrainer().train(products, v, seed, folds, new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                    monitor.update(step * 100L + (total > 0 ? done * 100 / total : 0), vocabularies.size() * 100L, message);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            });
            extractors.put(v.attribute(), r.extractor());
            evaluations.put(v.attribute(), r.evaluation());
        }
        CatalogModels.Attributes a = new CatalogModels.Attributes(Map.copyOf(extractors), Map.copyOf(evaluations));
        CatalogModels.save(ws, a, seed, products.size());
        return a;
    }

    /** Trains the category check, saves it, and replaces the open wrong-category flags by its out-of-fold flags. */
    public static CategoryTrainer.Result trainCategory(Workspace ws, long seed, int folds, ProgressMonitor monitor) {
        List<CatalogProduct> products = new CatalogStore(ws).products();
        CategoryTrainer.Result r = new CategoryTrainer().train(products, seed, folds, monitor);
        CatalogModels.save(ws, new CatalogModels.Category(r.model(), r.evaluation()), seed);
        List<CatalogProposal> flags = new ArrayList<>();
        for (CategoryTrainer.Flag f : r.flags()) {
            flags.add(new CatalogProposal(0, f.productId(), CatalogProposal.WRONG_CATEGORY, "category",
                    CategoryModel.label(f.listedCategory(), f.listedSubcategory()), f.choice().label(), f.choice().confidence(), "title",
                    "the title reads like " + f.choice().label()));
        }
        new CatalogStore(ws).replaceProposals(Set.of(CatalogProposal.WRONG_CATEGORY), flags);
        return r;
    }
}
