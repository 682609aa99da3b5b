package in.workbench.analytics.catalog;

/**
 * The fields of a product the catalog checks read. {@code imageFile} is the image's path resolved
 * against the folder of the CSV the product was imported from (null when it has none).
 */
public record CatalogProduct(String productId, String title, String category, String subcategory, String brand, String color,
        String material, String imagePath, java.nio.file.Path imageFile) {

    /** The value of {@code attribute} ("color" or "material"), trimmed; empty when blank. */
    public String attribute(String attribute) {
        String v = attribute.equals("color") ? color : attribute.equals("material") ? material : null;
        return v == null ? "" : v.trim();
    }
}
