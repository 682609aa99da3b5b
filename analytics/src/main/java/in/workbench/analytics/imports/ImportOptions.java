package in.workbench.analytics.imports;

import java.util.Map;

/**
 * How to read a file: an explicit mapping from the file's headers to canonical column names, and
 * the delimiter (null to detect it). Immutable.
 *
 * @param columnMapping source header → canonical column name; headers not named here are matched
 *     by name (case-insensitively) or by a saved alias
 * @param delimiter comma, semicolon or tab, or null to detect it from the header line
 */
public record ImportOptions(Map<String, String> columnMapping, Character delimiter) {

    public ImportOptions {
        columnMapping = Map.copyOf(columnMapping);
    }

    /** Detect the delimiter, match headers by name. */
    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), null);
    }
}
