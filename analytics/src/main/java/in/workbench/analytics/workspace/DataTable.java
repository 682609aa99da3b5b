package in.workbench.analytics.workspace;

import in.workbench.analytics.EnumLookup;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The workspace's data tables that analysts import, browse and export, with their key column.
 * Table names are the SQL names; {@link #importType()} is the command line's {@code -t} value.
 */
public enum DataTable {
    PRODUCTS("products", "product_id", "catalog"),
    ADDRESSES("addresses", "address_id", "addresses"),
    SHIPMENTS("shipments", "shipment_id", "shipments"),
    PACKAGE_TYPES("package_types", "package_type", "package-types"),
    ADDRESS_LABELS("address_labels", "label_id", "labels"),
    SESSIONS("sessions", "session_id", "sessions"),
    CRISP_PEOPLE("crisp_people", "person_id", "people"),
    CRISP_CONTACTS("crisp_contacts", "contact_row", "contacts"),
    CRISP_TESTS("crisp_tests", "test_row", "tests"),
    REJECTED_ROWS("rejected_rows", "rejected_id", null),
    IMPORT_RUNS("import_runs", "run_id", null);

    private final String sqlName;
    private final String keyColumn;
    private final String importType;

    DataTable(String sqlName, String keyColumn, String importType) {
        this.sqlName = sqlName;
        this.keyColumn = keyColumn;
        this.importType = importType;
    }

    public String sqlName() {
        return sqlName;
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** The {@code import -t} name, or null for tables the workbench fills itself. */
    public String importType() {
        return importType;
    }

    /** The SQL names of every data table. */
    public static List<String> names() {
        return Arrays.stream(values()).map(DataTable::sqlName).toList();
    }

    /** Finds a table by its SQL name, case-insensitively. */
    public static Optional<DataTable> bySqlName(String name) {
        return EnumLookup.find(DataTable.class, DataTable::sqlName, name.trim().toLowerCase(Locale.ROOT));
    }

    /** Finds a table by its import type ({@code catalog}, {@code addresses}, …). */
    public static Optional<DataTable> byImportType(String type) {
        return EnumLookup.find(DataTable.class, DataTable::importType, type.trim().toLowerCase(Locale.ROOT));
    }
}
