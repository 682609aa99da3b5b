package in.workbench.analytics.imports;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.export.CsvExporter;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows an import rejected, as kept in the workspace: written out as CSV {@code line,reason,raw}
 * for the command line's {@code --rejects}. Thread-safe.
 */
public final class RejectedRows {

    private final Workspace workspace;

    public RejectedRows(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the rejected rows of one import run to {@code file}; returns how many. */
    public long export(long runId, Path file) {
        try (Connection c = workspace.connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT line_no, reason, raw_text FROM rejected_rows WHERE run_id = ? ORDER BY line_no")) {
            ps.setLong(1, runId);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            long n = 0;
            try (ResultSet rs = ps.executeQuery();
                    Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    ICSVWriter csv = new CSVWriter(w, ',', '"', '"', "\n")) {
                csv.writeNext(new String[] {"line", "reason", "raw"}, false);
                while (rs.next()) {
                    // The raw line is someone else's text: a spreadsheet must show it, not run it (CsvExporter).
                    csv.writeNext(new String[] {rs.getString(1), CsvExporter.spreadsheetSafe(rs.getString(2)),
                        CsvExporter.spreadsheetSafe(rs.getString(3))}, false);
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write the rejected rows to " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not read the rejected rows: " + e.getMessage(), e);
        }
    }
}
