package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.imports.UnresolvedReferences;
import in.workbench.analytics.workspace.ModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code workbench info -w DIR}: what the workspace holds. */
@Command(name = "info", description = "Show what the workspace holds: row counts per table and trained models.")
public final class InfoCommand extends WorkspaceCommand {

    @Override
    void run(Workspace ws, PrintWriter out) {
        Map<String, Long> counts = ws.rowCounts();
        Map<String, String> models = ws.trainedModels();
        Map<String, ModelStore.StoredModel> trainedBy = ws.models().byModelName();
        UnresolvedReferences.Counts unresolved = new UnresolvedReferences(ws).count();
        out.println("Workspace " + ws.location());
        counts.forEach((table, n) -> out.printf("  %-16s %,12d rows%n", table, n));
        if (unresolved.total() > 0) {
            out.printf("  unresolved: %,d shipments without product, %,d without address, %,d with unknown package type, "
                    + "%,d labels for unknown addresses%n", unresolved.shipmentsWithoutProduct(), unresolved.shipmentsWithoutAddress(),
                    unresolved.shipmentsWithoutPackage(), unresolved.labelsWithoutAddress());
        }
        if (models.isEmpty()) {
            out.println("  no trained models");
        } else {
            ws.trainedModelLines().forEach((name, line) -> out.printf("  model %-16s %s%n", name, line));
        }
        if (options.json()) {
            ObjectNode root = JsonSummary.object();
            root.put("workspace", ws.location());
            ObjectNode tables = root.putObject("tables");
            counts.forEach(tables::put);
            ObjectNode u = root.putObject("unresolved");
            u.put("shipments_without_product", unresolved.shipmentsWithoutProduct());
            u.put("shipments_without_address", unresolved.shipmentsWithoutAddress());
            u.put("shipments_without_package_type", unresolved.shipmentsWithoutPackage());
            u.put("labels_without_address", unresolved.labelsWithoutAddress());
            ObjectNode m = root.putObject("models");
            models.forEach(m::put);
            ObjectNode by = root.putObject("trained_by");
            trainedBy.forEach((name, stored) -> by.putObject(name).put("analyst", stored.trainedBy())
                    .put("trained_at", stored.trainedAt().toString()).put("file", stored.fileName()));
            JsonSummary.print(out, root);
        }
    }
}
