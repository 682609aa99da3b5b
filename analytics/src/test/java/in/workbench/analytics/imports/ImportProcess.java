package in.workbench.analytics.imports;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.regional.AddressStates;
import in.workbench.analytics.regional.RegionalAggregates;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate workbench process for {@link InterruptedImportTest}: imports a shipments file into a
 * workspace, printing {@code progress DONE TOTAL} after every batch and {@code publishing} when the
 * rows are being made visible, so the test can kill it at a chosen point. With
 * {@code halt-in-last-transaction} it halts the JVM from inside the import's last transaction: after a swap
 * (into an empty table, or of a stage that took a loaded table's other rows), or with the rows merged but not
 * committed; a fourth argument {@code merge} keeps it from swapping, so a loaded table is merged into.
 */
public final class ImportProcess {

    private ImportProcess() {
    }

    public static void main(String[] args) {
        Path workspace = Path.of(args[0]);
        Path file = Path.of(args[1]);
        boolean haltInLastTransaction = args.length > 2 && args[2].equals("halt-in-last-transaction");
        List<ImportHook> hooks = new ArrayList<>();
        hooks.add(new RegionalAggregates(() -> new AddressStates(new AddressParser(PostalDirectory.load()))));
        if (haltInLastTransaction) {
            hooks.add((c, table, runId) -> Runtime.getRuntime().halt(3));
        }
        try (Workspace ws = Workspace.open(workspace)) {
            boolean merge = args.length > 3 && args[3].equals("merge");
            new CsvImporter(ws, hooks, merge ? Long.MAX_VALUE : 1).importFile(file, DataTable.SHIPMENTS, ImportOptions.defaults(), new ProgressMonitor() {
                @Override
                public void update(long done, long total, String message) {
                    System.out.println(message.contains("visible") ? "publishing" : "progress " + done + " " + total);
                    System.out.flush();
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        }
        System.out.println("done");
    }
}
