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
            case SESSIONS -> new ImportLayout(table, List.of(
                    ColumnSpec.required("session_id", ColumnType.TEXT),
                    ColumnSpec.required("customer_id", ColumnType.TEXT),
                    ColumnSpec.required("ts", ColumnType.TIMESTAMP),
                    ColumnSpec.optional("device_model", ColumnType.TEXT),
                    ColumnSpec.optional("os", ColumnType.TEXT),
                    ColumnSpec.optional("ram_gb", ColumnType.DECIMAL).checkedBy(SessionRules::ramGb),
                    ColumnSpec.required("network_type", ColumnType.ENUM).oneOf("2g", "3g", "4g", "5g", "wifi"),
                    ColumnSpec.optional("carrier", ColumnType.TEXT).checkedBy(SessionRules::carrier),
                    ColumnSpec.optional("tower_id", ColumnType.TEXT),
                    ColumnSpec.optional("signal_dbm", ColumnType.INTEGER).checkedBy(SessionRules::signalDbm),
                    ColumnSpec.optional("last_latency_ms", ColumnType.INTEGER).atLeast(0),
                    ColumnSpec.optional("pincode", ColumnType.TEXT),
                    ColumnSpec.optional("page_load_ms", ColumnType.INTEGER).atLeast(0),
                    ColumnSpec.optional("slow", ColumnType.BOOLEAN)), "session_id");
            case CRISP_PEOPLE -> new ImportLayout(table, List.of(
                    ColumnSpec.required("person_id", ColumnType.TEXT),
                    ColumnSpec.optional("site", ColumnType.TEXT),
                    ColumnSpec.optional("site_type", ColumnType.ENUM).oneOf("warehouse", "delivery_station", "office", "other"),
                    ColumnSpec.optional("shift", ColumnType.TEXT),
                    ColumnSpec.optional("team", ColumnType.TEXT)), "person_id");
            case CRISP_CONTACTS -> new ImportLayout(table, List.of(
                    ColumnSpec.optional("contact_id", ColumnType.TEXT),
                    ColumnSpec.required("person_a", ColumnType.TEXT),
                    ColumnSpec.required("person_b", ColumnType.TEXT),
                    ColumnSpec.required("day", ColumnType.DATE),
                    ColumnSpec.required("duration_min", ColumnType.DECIMAL),
                    ColumnSpec.required("distance_m", ColumnType.DECIMAL).atLeast(0),
                    ColumnSpec.required("setting", ColumnType.ENUM).oneOf("indoor", "outdoor")), null);
            case CRISP_TESTS -> new ImportLayout(table, List.of(
                    ColumnSpec.required("person_id", ColumnType.TEXT),
                    ColumnSpec.required("day", ColumnType.DATE),
                    ColumnSpec.required("result", ColumnType.ENUM).oneOf("positive", "negative"),
                    ColumnSpec.optional("test_type", ColumnType.TEXT),
                    ColumnSpec.optional("reason", ColumnType.ENUM).oneOf("symptoms", "screening", "contact", "other")), null);
            default -> null;
        });
    }

    /**
     * Rules that span several cells of one row, checked after each cell was read: the reason to
     * reject the row (completing "line N: …"), or null when it is acceptable.
     *
     * @param values the row's values in the order of {@link #columns()}
     */
    public String rowProblem(Object[] values) {
        if (table == DataTable.CRISP_CONTACTS) {
            return in.workbench.analytics.crisp.ContactRules.problem(values);
        }
        return null;
    }

    /** The column with this canonical name, if any. */
    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
