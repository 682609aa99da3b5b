package in.workbench.analytics.packaging;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Workspace;
import java.util.List;

/**
 * What the command line and the Packaging screen share: a trained model's predictions for the
 * workspace's current catalog, the shipping-cost estimate, and the recommender built on them;
 * {@link #recommend} picks λ (directly or for a damage budget) and saves the result in
 * packaging_recommendations. Prepared once on a worker thread; then immutable and thread-safe
 * (recomputing a plan for another λ is fast and touches no database until {@link #save}).
 */
public final class PackagingAnalysis {

    private final PackagingRepository repository;
    private final PackagingModel model;
    private final PackagingPredictions.Matrix predictions;
    private final ShippingCost shipping;
    private final PackagingRecommender recommender;

    private PackagingAnalysis(PackagingRepository repository, PackagingModel model, PackagingPredictions.Matrix predictions, ShippingCost shipping,
            PackagingRecommender recommender) {
        this.repository = repository;
        this.model = model;
        this.predictions = predictions;
        this.shipping = shipping;
        this.recommender = recommender;
    }

    /** Loads the workspace's catalog and shipments and predicts every product with {@code model}. */
    public static PackagingAnalysis prepare(Workspace ws, PackagingModel model, double returnHandlingInr) {
        PackagingRepository repository = new PackagingRepository(ws);
        PackageLadder ladder = model.ladder();
        PackageLadder now = repository.ladder();
        if (!now.names().equals(ladder.names())) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The package ladder changed since the packaging model was trained "
                    + "(now " + String.join(", ", now.names()) + "). Run `workbench train -w DIR packaging` again.");
        }
        List<ProductRow> products = repository.products();
        if (products.isEmpty()) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no products. Import catalog.csv first.");
        }
        PackagingPredictions.Matrix predictions = PackagingPredictions.predict(model, products);
        ShippingCost shipping = ShippingCost.fit(ladder, repository.shippingSums());
        PackagingRecommender recommender = new PackagingRecommender(ladder, products, predictions.damage(), repository.usage(), shipping,
                returnHandlingInr);
        return new PackagingAnalysis(repository, model, predictions, shipping, recommender);
    }

    public PackagingModel model() {
        return model;
    }

    public PackagingPredictions.Matrix predictions() {
        return predictions;
    }

    public ShippingCost shipping() {
        return shipping;
    }

    public PackagingRecommender recommender() {
        return recommender;
    }

    /**
     * The plan for λ when given, else for the damage budget when given, else for a budget of the
     * history's damaged shipments. Does not save.
     */
    public PackagingRecommender.Plan plan(Double budget, Double lambda) {
        if (lambda != null && budget != null) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Give either a damage budget or λ, not both.");
        }
        if (lambda != null) {
            return recommender.atLambda(lambda);
        }
        return recommender.forBudget(budget != null ? budget : recommender.actualDamaged());
    }

    /** Saves a plan in packaging_recommendations and the predictions in packaging_predictions (both replaced). */
    public void save(PackagingRecommender.Plan plan) {
        repository.writePredictions(predictions.ladder(), predictions.productIds(), predictions.damage());
        repository.writeRecommendations(plan);
    }
}
