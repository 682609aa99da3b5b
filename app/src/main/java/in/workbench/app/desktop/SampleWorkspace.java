package in.workbench.app.desktop;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.BundledSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a new workspace from a copy of the bundled sample: the sample's files are written into
 * the workspace's {@code source/} folder (so product image paths resolve) and imported in order.
 * The bundled resources themselves are never opened as a workspace.
 */
public final class SampleWorkspace {

    private SampleWorkspace() {
    }

    /**
     * Creates the sample workspace in {@code folder}, which must not hold a workspace yet, importing
     * with the features' {@code hooks} (so its aggregates are built as on any import).
     */
    public static Workspace create(Path folder, List<ImportHook> hooks, ProgressMonitor monitor) throws IOException {
        Workspace ws = Workspace.open(folder);
        try {
            List<Path> files = BundledSample.copyTo(folder.resolve("source"));
            CsvImporter importer = new CsvImporter(ws, hooks);
            List<BundledSample.SampleFile> order = BundledSample.files();
            for (int i = 0; i < order.size(); i++) {
                int step = i;
                String name = order.get(i).fileName();
                importer.importFile(files.get(i), order.get(i).table(), ImportOptions.defaults(), new ProgressMonitor() {
                    @Override
                    public void update(long done, long total, String message) {
                        monitor.update(step * 1000L + (total > 0 ? done * 1000 / total : 0), order.size() * 1000L,
                                "sample " + name + ": " + message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return monitor.isCancelled();
                    }
                });
            }
            return ws;
        } catch (RuntimeException | IOException e) {
            ws.close();
            throw e;
        }
    }

    /** True when {@code folder} already holds a workspace. */
    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(Workspace.DATABASE_NAME + ".mv.db"));
    }
}
