package in.workbench.analytics.imports;

import java.util.List;

/**
 * Counts, while an import reads its file, the accepted rows whose references do not resolve yet:
 * a shipment whose product, address or package type is not in the workspace, a label whose
 * address is not. The ids of the referenced tables are read once before the file (as fingerprints,
 * {@link IdCodes}, by {@link CsvImporter}) instead of publishing looking up every staged row in
 * three tables (decision 0010). The count holds only if those tables did not change while the
 * file was read: the importer compares H2's modification marks of them, taken before their ids
 * were read, with the marks when publishing.
 *
 * <p>Not thread-safe: built by the importing thread, fed by the reading thread, read by the
 * importing thread after the reading thread ended.
 */
final class ReferenceTally implements ImportHook.RowTally {

    /**
     * One referenced table and its ids.
     *
     * @param table the referenced table
     * @param column the position in the imported rows of the value that names a row of it
     * @param ids the ids the table held
     */
    record Reference(String table, int column, IdCodes ids) {
    }

    private final List<Reference> references;
    private final List<Long> marks;
    private long unresolved;

    /** A tally of the given references; {@code marks} are the tables' modification marks taken before their ids were read. */
    ReferenceTally(List<Reference> references, List<Long> marks) {
        this.references = List.copyOf(references);
        this.marks = List.copyOf(marks);
    }

    /** The referenced tables, in the order of {@code marks}. */
    List<String> tables() {
        return references.stream().map(Reference::table).toList();
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

    /** The accepted rows with a reference that does not resolve, or null when the tables' marks moved since the start. */
    Long unresolved(List<Long> marksNow) {
        return marksNow.equals(marks) ? unresolved : null;
    }
}
