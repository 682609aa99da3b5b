package in.workbench.analytics.export;

import java.nio.file.Path;

/**
 * What an export wrote. Immutable.
 *
 * @param file the CSV file
 * @param provenanceFile the {@code FILE.provenance.json} beside it
 * @param rows data rows written (the header not counted)
 */
public record ExportResult(Path file, Path provenanceFile, long rows) {
}
