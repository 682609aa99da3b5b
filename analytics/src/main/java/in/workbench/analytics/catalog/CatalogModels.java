package in.workbench.analytics.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.workspace.ModelFile;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog's trained models as saved in a workspace: the attribute extractors (one per attribute,
 * with their evaluations) in {@code models/attributes.model} and the category check in
 * {@code models/category.model}, each with a row in {@code trained_models} holding its metrics and
 * provenance. Saved as workbench model files (JSON, Tribuo models in their protobuf form; docs/model-files.md);
 * loading gives identical predictions. The records are {@link Serializable} only so that files of the
 * previous release can be converted once.
 *
 * <p>Stateless; thread-safe.
 */
public final class CatalogModels {

    public static final String ATTRIBUTES = "attributes";
    public static final String CATEGORY = "category";

    private CatalogModels() {
    }

    /** The attribute extractors and their evaluations, keyed by attribute ("color", "material"). */
    public record Attributes(Map<String, AttributeExtractor> extractors, Map<String, AttributeTrainer.Evaluation> evaluations)
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The category model with its evaluation. */
    public record Category(CategoryModel model, CategoryTrainer.Evaluation evaluation) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The attribute models as saved (docs/model-files.md). */
    record AttributesDocument(Map<String, AttributeExtractor.Document> extractors, Map<String, AttributeTrainer.Evaluation> evaluations) {
    }

    /** The category model as saved (docs/model-files.md). */
    record CategoryDocument(CategoryModel.Document category, CategoryTrainer.Evaluation evaluation) {
    }

    private static final ModelFile<Attributes, AttributesDocument> ATTRIBUTES_FILE = new ModelFile<>(ATTRIBUTES, 1, "attribute",
            ATTRIBUTES, Attributes.class, AttributesDocument.class,
            a -> new AttributesDocument(mapValues(a.extractors(), AttributeExtractor::document), a.evaluations()),
            d -> new Attributes(mapValues(d.extractors(), AttributeExtractor::of), new LinkedHashMap<>(d.evaluations())));
    private static final ModelFile<Category, CategoryDocument> CATEGORY_FILE = new ModelFile<>(CATEGORY, 1, "category", CATEGORY,
            Category.class, CategoryDocument.class, c -> new CategoryDocument(c.model().document(), c.evaluation()),
            d -> new Category(CategoryModel.of(d.category()), d.evaluation()));

    private static <A, B> Map<String, B> mapValues(Map<String, A> in, java.util.function.Function<A, B> f) {
        Map<String, B> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }

    public static void save(Workspace ws, Attributes a, long seed, long rows) {
        ATTRIBUTES_FILE.save(ws.modelsDir(), a);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", ATTRIBUTES);
        a.evaluations().forEach((k, e) -> metrics.put(k, Map.of("precision", e.precision(), "recall", e.recall(), "f1", e.f1(),
                "coverage", e.coverage(), "supervised_f1", e.supervisedF1(), "backfill_coverage", e.backfillCoverage(), "labelled",
                e.labelled())));
        record(ws, ATTRIBUTES, seed, rows, metrics, "span classifier (logistic regression, Tribuo LinearSGD) over vocabulary candidates "
                + "in titles; labels from filled attributes; " + AttributeTrainer.SELF_TRAINING_ROUNDS + " rounds of self-training; seed "
                + seed + "; k-fold cross-validation");
    }

    public static void save(Workspace ws, Category c, long seed) {
        CATEGORY_FILE.save(ws.modelsDir(), c);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", CATEGORY);
        metrics.put("accuracy", c.evaluation().accuracy());
        metrics.put("category_accuracy", c.evaluation().categoryAccuracy());
        metrics.put("flagged", c.evaluation().flagged());
        record(ws, CATEGORY, seed, c.evaluation().products(), metrics, "logistic regression (Tribuo LinearSGD) over title words and "
                + "word pairs, label = listed category / subcategory; out-of-fold flags; seed " + seed);
    }

    /** The attribute models; PREREQUISITE_MISSING when not trained yet. */
    public static Attributes loadAttributes(Workspace ws) {
        return ATTRIBUTES_FILE.load(ws.modelsDir());
    }

    /** The category model; PREREQUISITE_MISSING when not trained yet. */
    public static Category loadCategory(Workspace ws) {
        return CATEGORY_FILE.load(ws.modelsDir());
    }

    /**
     * The attribute models' held-out evaluations, keyed by attribute, read without the models' weights
     * (what the Catalog and Review screens show); PREREQUISITE_MISSING when not trained yet.
     */
    public static Map<String, AttributeTrainer.Evaluation> attributeEvaluations(Workspace ws) {
        return ATTRIBUTES_FILE.part(ws.modelsDir(), "evaluations", new TypeReference<Map<String, AttributeTrainer.Evaluation>>() {
        }, Attributes::evaluations);
    }

    /** The category check's held-out evaluation, read without the model's weights; PREREQUISITE_MISSING when not trained yet. */
    public static CategoryTrainer.Evaluation categoryEvaluation(Workspace ws) {
        return CATEGORY_FILE.part(ws.modelsDir(), "evaluation", new TypeReference<CategoryTrainer.Evaluation>() {
        }, Category::evaluation);
    }

    /** True when the model file exists. */
    public static boolean exists(Workspace ws, String name) {
        return (ATTRIBUTES.equals(name) ? ATTRIBUTES_FILE : CATEGORY_FILE).exists(ws.modelsDir());
    }

    private static void record(Workspace ws, String name, long seed, long rows, Map<String, Object> metrics, String provenance) {
        new TrainedModelStore(ws).record(name, name + ".model", seed, rows, metrics, provenance);
    }
}
