package in.workbench.analytics.imports;

import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.StagingTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts, while an import reads its file, the accepted rows whose references do not resolve yet:
 * a shipment whose product, address or package type is not in the workspace, a label whose
 * address is not. The ids of the referenced tables are read once before the file (as fingerprints,
 * {@link IdCodes}) instead of publishing looking up every staged row in three tables (decision
 * 0010). The count holds only if those tables did not change while the file was read: H2's
 * modification marks of them are taken at the start and compared when publishing.
 *
 * <p>Not thread-safe: built by the importing thread, fed by the reading thread, read by the
 * importing thread after the reading thread ended.
 */
final class ReferenceTally implements ImportHook.RowTally {

    /** One referenced table: its key column, and the column of the imported rows that names it. */
    private record Reference(String table, String key, int column, IdCodes ids) {
    }

    private final List<Reference> references;
    private final List<Long> marks;
    private long unresolved;

    private ReferenceTally(List<Reference> references, List<Long> marks) {
        this.references = references;
        this.marks = marks;
    }

    /**
     * A tally for imports into {@code table} on H2, or null when the table's rows reference nothing.
     *
     * @param columns the layout's columns, in the order of the accepted rows' values
     */
    static ReferenceTally of(Connection c, DataTable table, List<String> columns) throws SQLException {
        List<String[]> wanted = switch (table) {
            case SHIPMENTS -> List.of(new String[] {"products", "product_id"}, new String[] {"addresses", "address_id"},
                    new String[] {"package_types", "package_type"});
            case ADDRESS_LABELS -> List.<String[]>of(new String[] {"addresses", "address_id"});
            default -> List.of();
        };
        if (wanted.isEmpty()) {
            return null;
        }
        // The marks first: a change while the ids are read then shows when publishing.
        List<Long> marks = StagingTables.modificationMarks(c, wanted.stream().map(w -> w[0]).toList());
        List<Reference> references = new ArrayList<>();
        for (String[] w : wanted) {
            IdCodes ids = new IdCodes();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + w[1] + " FROM " + w[0])) {
                while (rs.next()) {
                    ids.put(rs.getString(1), 0);
                }
            }
            references.add(new Reference(w[0], w[1], columns.indexOf(w[1]), ids));
        }
        return new ReferenceTally(references, marks);
    }

    @Override
    public void accept(Object[] row) {
        for (Reference r : references) {
            if (!r.ids().contains((String) row[r.column()])) {
                unresolved++;
                return;
            }
        }
    }

    /** The accepted rows with a reference that does not resolve, or null when a referenced table changed since the start. */
    Long unresolved(Connection c) throws SQLException {
        return StagingTables.modificationMarks(c, references.stream().map(Reference::table).toList()).equals(marks) ? unresolved : null;
    }
}
