package in.workbench.analytics.imports;

import java.util.List;
import java.util.Map;

/**
 * What a file looks like before it is imported: for the mapping step of the import dialog.
 * Immutable.
 *
 * @param headers the file's header cells, in order
 * @param rows up to the first 20 data rows, as text
 * @param delimiter the delimiter in use (detected or named)
 * @param detectedTypes source header → the type its sample cells look like
 * @param proposedMapping source header → canonical column, or null where the column would be ignored
 * @param missingRequired canonical required columns no source column maps to
 */
public record ImportPreview(List<String> headers, List<List<String>> rows, char delimiter,
        Map<String, ColumnType> detectedTypes, Map<String, String> proposedMapping, List<String> missingRequired) {
}
