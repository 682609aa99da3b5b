package in.workbench.analytics.workspace;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * A workspace whose folder was copied or moved (the ready-made sample unpacked into the analyst's
 * home): the source files its imports recorded inside the old folder are pointed to the same
 * place in the new one, so product images resolve and provenance names files that exist. Paths
 * outside the old folder are left as they are. Stateless; thread-safe.
 */
public final class MovedWorkspace {

    private static final List<String> RECORDED_FILES = List.of("import_runs", "rejected_rows");

    private MovedWorkspace() {
    }

    /**
     * Rewrites the recorded source-file paths that start with {@code oldFolder} to start with the
     * workspace's own folder instead; returns how many rows changed.
     */
    public static int repointSources(Workspace ws, Path oldFolder) {
        String from = oldFolder.toAbsolutePath().normalize() + java.io.File.separator;
        String to = ws.folder() + java.io.File.separator;
        if (from.equals(to)) {
            return 0;
        }
        int[] changed = {0};
        Sql.inTransaction(ws, "Could not record where the workspace's source files are now", c -> {
            for (String table : RECORDED_FILES) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET file_name = ? || SUBSTRING(file_name, ?) "
                        + "WHERE file_name LIKE ? ESCAPE '!'")) {
                    Sql.bind(ps, List.of(to, from.length() + 1, likePrefix(from)));
                    changed[0] += ps.executeUpdate();
                }
            }
        });
        return changed[0];
    }

    private static String likePrefix(String folder) {
        return folder.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
