package in.workbench.analytics.packaging;

/**
 * A product as the damage model sees it: the catalog columns that describe how it travels.
 * Nullable columns are null when the catalog left them blank.
 */
public record ProductRow(String id, String title, String category, String subcategory, double priceInr, Integer weightG,
        Double lengthCm, Double widthCm, Double heightCm, Boolean fragile, Boolean liquid) {
}
