package in.workbench.analytics.imports;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rows that refer to something not (yet) in the workspace: shipments whose product, address or
 * package type has not been imported, labels for unknown addresses. They are kept, counted here,
 * and resolve by themselves when the other file is imported. Thread-safe.
 */
public final class UnresolvedReferences {

    /**
     * The current counts.
     *
     * @param shipmentsWithoutProduct shipments whose product_id is not in the catalog
     * @param shipmentsWithoutAddress shipments whose address_id is not among the addresses
     * @param shipmentsWithoutPackage shipments whose package_type is not on the ladder
     * @param labelsWithoutAddress analysts' labels for addresses not in the workspace
     */
    public record Counts(long shipmentsWithoutProduct, long shipmentsWithoutAddress, long shipmentsWithoutPackage,
            long labelsWithoutAddress) {

        /** All unresolved references together. */
        public long total() {
            return shipmentsWithoutProduct + shipmentsWithoutAddress + shipmentsWithoutPackage + labelsWithoutAddress;
        }
    }

    private final Workspace workspace;

    public UnresolvedReferences(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Counts the unresolved references now (index lookups, about a second per million shipments). */
    public Counts count() {
        try (Connection c = workspace.connection(); Statement s = c.createStatement()) {
            return new Counts(
                    single(s, "SELECT COUNT(*) FROM shipments s WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = s.product_id)"),
                    single(s, "SELECT COUNT(*) FROM shipments s WHERE NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = s.address_id)"),
                    single(s, "SELECT COUNT(*) FROM shipments s WHERE NOT EXISTS (SELECT 1 FROM package_types k WHERE k.package_type = s.package_type)"),
                    single(s, "SELECT COUNT(*) FROM address_labels l WHERE NOT EXISTS (SELECT 1 FROM addresses a WHERE a.address_id = l.address_id)"));
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not count unresolved references: " + e.getMessage(), e);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
