package in.workbench.analytics.imports;

import in.workbench.analytics.workspace.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a workspace database holds, as the sorted statements of H2's {@code SCRIPT}: tables,
 * indexes, constraints, views and every row. Identity counters ({@code RESTART WITH}) are left out:
 * an undone import may have used up a run id, which is not data.
 */
final class WorkspaceSnapshot {

    private WorkspaceSnapshot() {
    }

    static List<String> of(Workspace ws) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rs.next()) {
                String line = rs.getString(1).replaceAll(" RESTART WITH \\d+", "");
                if (!line.startsWith("--")) {
                    lines.add(line);
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
