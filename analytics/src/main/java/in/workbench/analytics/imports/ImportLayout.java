package in.workbench.analytics.imports;

import in.workbench.analytics.workspace.DataTable;
import java.util.List;
import java.util.Optional;

/**
 * The canonical layout of each importable file (docs/data-formats.md): its columns, in the
 * order of the SQL table, and the key column that identifies a row (null for labels, which are
 * appended). Immutable.
 *
 * @param table the workspace table the file loads into
 * @param columns the canonical columns
 * @param keyColumn the unique id column, or null when rows are appended
 */
public record ImportLayout(DataTable table, List<ColumnSpec> columns, String keyColumn) {

    /** The layout for a table, or empty for tables the workbench fills itself. */
    public static Optional<ImportLayout> of(DataTable table) {
        return Optional.ofNullable(switch (table) {
            case PRODUCTS -> new ImportLayout(table, List.of(
                    ColumnSpec.required("product_id", ColumnType.TEXT),
                    ColumnSpec.required("title", ColumnType.TEXT),
                    ColumnSpec.required("category", ColumnType.TEXT),
                    ColumnSpec.optional("subcategory", ColumnType.TEXT),
                    ColumnSpec.optional("brand", ColumnType.TEXT),
                    ColumnSpec.optional("color", ColumnType.TEXT),
                    ColumnSpec.optional("material", ColumnType.TEXT),
                    ColumnSpec.required("price_inr", ColumnType.DECIMAL).atLeast(0),
                    ColumnSpec.optional("weight_g", ColumnType.INTEGER).atLeast(0),
                    ColumnSpec.optional("length_cm", ColumnType.DECIMAL).atLeast(0),
                    ColumnSpec.optional("width_cm", ColumnType.DECIMAL).atLeast(0),
                    ColumnSpec.optional("height_cm", ColumnType.DECIMAL).atLeast(0),
                    ColumnSpec.optional("fragile", ColumnType.BOOLEAN),
                    ColumnSpec.optional("liquid", ColumnType.BOOLEAN),
                    ColumnSpec.optional("image_path", ColumnType.TEXT)), "product_id");
            case ADDRESSES -> new ImportLayout(table, List.of(
                    ColumnSpec.required("address_id", ColumnType.TEXT),
                    ColumnSpec.optional("customer_id", ColumnType.TEXT),
                    ColumnSpec.required("address_text", ColumnType.TEXT),
                    ColumnSpec.optional("city", ColumnType.TEXT),
                    ColumnSpec.optional("state", ColumnType.TEXT),
                    ColumnSpec.optional("pincode", ColumnType.TEXT),
                    ColumnSpec.optional("created_at", ColumnType.TIMESTAMP)), "address_id");
            case SHIPMENTS -> new ImportLayout(table, List.of(
                    ColumnSpec.required("shipment_id", ColumnType.TEXT),
                    ColumnSpec.required("order_date", ColumnType.DATE),
                    ColumnSpec.required("product_id", ColumnType.TEXT),
                    ColumnSpec.required("address_id", ColumnType.TEXT),
                    ColumnSpec.required("package_type", ColumnType.TEXT),
                    ColumnSpec.optional("quantity", ColumnType.INTEGER).atLeast(1).orElse(1),
                    ColumnSpec.optional("ship_cost_inr", ColumnType.DECIMAL).atLeast(0),
                    ColumnSpec.optional("promised_days", ColumnType.INTEGER).atLeast(0),
                    ColumnSpec.optional("delivered_days", ColumnType.INTEGER).atLeast(0),
                    ColumnSpec.optional("attempts", ColumnType.INTEGER).atLeast(0),
                    ColumnSpec.required("status", ColumnType.ENUM).oneOf("delivered", "damaged", "undeliverable", "returned")),
                    "shipment_id");
            case PACKAGE_TYPES -> new ImportLayout(table, List.of(
                    ColumnSpec.required("package_type", ColumnType.TEXT),
                    ColumnSpec.required("robustness_rank", ColumnType.INTEGER).atLeast(1),
                    ColumnSpec.required("unit_cost_inr", ColumnType.DECIMAL).atLeast(0)), "package_type");
            case ADDRESS_LABELS -> new ImportLayout(table, List.of(
                    ColumnSpec.required("address_id", ColumnType.TEXT),
                    ColumnSpec.required("label", ColumnType.ENUM).oneOf("deliverable", "undeliverable", "unsure"),
                    ColumnSpec.optional("segments", ColumnType.TEXT),
                    ColumnSpec.required("labeled_by", ColumnType.TEXT),
                    ColumnSpec.required("labeled_at", ColumnType.TIMESTAMP)), null);
            default -> null;
        });
    }

    /** The column with this canonical name, if any. */
    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
