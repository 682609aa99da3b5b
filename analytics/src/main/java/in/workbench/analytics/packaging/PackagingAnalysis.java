package in.workbench.analytics.packaging;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Workspace;
import java.util.List;

/**
 * What the command line and the Packaging screen share: a trained model's predictions for the
 * workspace's current catalog, the shipping-cost estimate, and the recommender built on them;
 * {@link #plan} chooses a plan for an objective and {@link #save} keeps it in
 * packaging_recommendations with its provenance. Prepared once on a worker thread; then immutable and thread-safe
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
     * The plan for an objective (null: the default, least damage at no more total cost than now),
     * a damage budget or λ (at most one of the two). Does not save.
     */
    public PackagingRecommender.Plan plan(PackagingObjective objective, Double budget, Double lambda) {
        return recommender.plan(objective, budget, lambda);
    }

    /** Saves a plan in packaging_recommendations (with its provenance) and the predictions in packaging_predictions (all replaced). */
    public void save(PackagingRecommender.Plan plan) {
        repository.writePredictions(predictions.ladder(), predictions.productIds(), predictions.damage());
        repository.writeRecommendations(plan);
    }
}
