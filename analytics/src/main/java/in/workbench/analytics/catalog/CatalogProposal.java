package in.workbench.analytics.catalog;

/**
 * A flag on a product: a proposed backfill ({@code missing}), a value the title contradicts
 * ({@code conflict}), an image that shows another colour than the title names
 * ({@code image_mismatch}), or a listing the category check disagrees with ({@code wrong_category}).
 * {@code proposalId} is 0 until saved.
 */
public record CatalogProposal(long proposalId, String productId, String kind, String attribute, String currentValue, String proposedValue,
        double confidence, String source, String detail) {

    public static final String MISSING = "missing";
    public static final String CONFLICT = "conflict";
    public static final String IMAGE_MISMATCH = "image_mismatch";
    public static final String WRONG_CATEGORY = "wrong_category";
}
