package in.workbench.analytics.export;

import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.Workspace;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What an export's provenance file reads from the workspace: the finished imports ({@code import_runs}) its rows came
 * from. {@link CsvExporter} speaks in records; the SQL is here (the rows themselves come through the table browser).
 *
 * <p>Thread-safe: each call takes its own connection.
 */
public final class ExportStore {

    private final Workspace workspace;

    /** The import history of {@code workspace}. */
    public ExportStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** One finished import: the file, its SHA-256, when it finished, and how many rows it imported and rejected. */
    public record FinishedImport(String table, String file, String sha256, OffsetDateTime finishedAt, long imported, long rejected) {
    }

    /** The finished imports into {@code table}, or of every table when {@code table} is null, oldest first. */
    public List<FinishedImport> finishedImports(String table) {
        List<FinishedImport> out = new ArrayList<>();
        Sql.eachRow(workspace, "SELECT table_name, file_name, file_sha256, finished_at, imported, rejected FROM import_runs "
                + "WHERE finished_at IS NOT NULL" + (table != null ? " AND table_name = ?" : "") + " ORDER BY run_id",
                table != null ? List.of(table) : List.of(), "Could not read the import history for the provenance file",
                rs -> out.add(new FinishedImport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                        rs.getLong(5), rs.getLong(6))));
        return out;
    }
}
