package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.catalog.AttributeTrainer;
import in.workbench.analytics.catalog.CatalogModels;
import in.workbench.analytics.catalog.CatalogTraining;
import in.workbench.analytics.catalog.CategoryTrainer;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;

/** What {@code train attributes} and {@code train category} print: the cross-validated evaluation, plain and as JSON. */
final class CatalogTrainOutput {

    private CatalogTrainOutput() {
    }

    static int attributes(WorkspaceOptions options, long seed, int folds, PrintWriter out) throws Exception {
        try (Workspace ws = options.open()) {
            CatalogModels.Attributes a;
            try (TerminalProgress progress = options.progress("Training attribute models")) {
                a = CatalogTraining.trainAttributes(ws, seed, folds, progress);
            }
            ObjectNode node = JsonSummary.object();
            node.put("model", "attributes");
            node.put("seed", seed);
            node.put("folds", folds);
            for (String attr : new String[] {"color", "material"}) {
                AttributeTrainer.Evaluation e = a.evaluations().get(attr);
                out.printf("%s: %,d products with the attribute filled (%,d blank), %d-fold cross-validation, seed %d: precision %.3f, "
                        + "recall %.3f, F1 %.3f, coverage %.3f (without self-training: F1 %.3f, coverage %.3f); recall where the title "
                        + "names the value %.3f; %,d self-training labels; would backfill %.1f%% of blank products. %.1f s.%n",
                        attr.equals("color") ? "Colour" : "Material", e.labelled(), e.unlabelled(), e.folds(), e.seed(), e.precision(),
                        e.recall(), e.f1(), e.coverage(), e.supervisedF1(), e.supervisedCoverage(), e.recallWhereTitleNamesValue(),
                        e.pseudoLabels(), 100 * e.backfillCoverage(), e.trainMillis() / 1000.0);
                ObjectNode n = node.putObject(attr);
                n.put("precision", e.precision());
                n.put("recall", e.recall());
                n.put("f1", e.f1());
                n.put("coverage", e.coverage());
                n.put("supervised_f1", e.supervisedF1());
                n.put("backfill_coverage", e.backfillCoverage());
                n.put("labelled", e.labelled());
                n.put("unlabelled", e.unlabelled());
            }
            AttributeTrainer.Evaluation c = a.evaluations().get("color");
            node.put("f1", c.f1());
            node.put("coverage", c.coverage());
            out.println("Next: `workbench extract -w DIR attributes -o FILE` finds values and flags in every product.");
            if (options.json()) {
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }

    static int category(WorkspaceOptions options, long seed, int folds, PrintWriter out) throws Exception {
        try (Workspace ws = options.open()) {
            CategoryTrainer.Result r;
            try (TerminalProgress progress = options.progress("Training the category check")) {
                r = CatalogTraining.trainCategory(ws, seed, folds, progress);
            }
            CategoryTrainer.Evaluation e = r.evaluation();
            out.printf("Category check trained on %,d products in %d subcategories, %d-fold cross-validation, seed %d: accuracy %.3f "
                    + "(top-level category %.3f); %,d products flagged as listed in another category (confidence >= %.2f). %.1f s.%n",
                    e.products(), e.classes(), e.folds(), e.seed(), e.accuracy(), e.categoryAccuracy(), e.flagged(),
                    r.model().flagThreshold(), e.trainMillis() / 1000.0);
            if (options.json()) {
                ObjectNode node = JsonSummary.object();
                node.put("model", "category");
                node.put("accuracy", e.accuracy());
                node.put("category_accuracy", e.categoryAccuracy());
                node.put("flagged", e.flagged());
                node.put("products", e.products());
                node.put("classes", e.classes());
                node.put("seed", seed);
                node.put("folds", folds);
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }
}
