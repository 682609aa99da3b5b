package in.workbench.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench train -w DIR MODEL}: trains a model and prints its cross-validated evaluation. */
@Command(name = "train", description = {"Train a model on the workspace and print its cross-validated evaluation.",
    "MODEL: deliverability, attributes (colour and material from titles), category (the category check)."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "MODEL", description = "deliverability, attributes or category")
    String model;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("deliverability", "attributes", "category").contains(model)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Unknown model '" + model + "'. This version trains: deliverability, attributes, category.");
        }
        if (folds < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2.");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (model.equals("attributes")) {
            return CatalogTrainOutput.attributes(options, seed, folds, out);
        }
        if (model.equals("category")) {
            return CatalogTrainOutput.category(options, seed, folds, out);
        }
        try (Workspace ws = options.open()) {
            DeliverabilityTrainer.Result result;
            try (TerminalProgress progress = new TerminalProgress("Training deliverability", options.quiet(), System.err)) {
                result = new DeliverabilityTrainer(new AddressParser(PostalDirectory.load())).trainAndSave(ws, seed, folds, progress);
            }
            DeliverabilityTrainer.Report r = result.report();
            out.printf("Deliverability model trained on %,d labelled addresses (%,d undeliverable, %,d analyst labels), %d-fold "
                    + "cross-validation, seed %d:%n", r.addresses(), r.undeliverable(), r.analystLabels(), r.folds(), r.seed());
            for (DeliverabilityTrainer.CandidateMetrics c : r.candidates()) {
                out.printf("  %-20s AUC %.3f  log-loss %.3f  Brier %.3f%s%n", c.algorithm(), c.auc(), c.logLoss(), c.brier(),
                        c.algorithm().equals(r.chosen()) ? "  <- kept" : "");
            }
            out.printf("Calibrated (Platt): Brier %.3f. Flagged below %.2f: precision %.2f, recall %.2f of undeliverable addresses. "
                    + "Trained in %.1f s.%n", r.brierCalibrated(), r.atThreshold().threshold(), r.atThreshold().precision(),
                    r.atThreshold().recall(), r.trainMillis() / 1000.0);
            if (options.json()) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode node = json.createObjectNode();
                node.put("model", "deliverability");
                node.put("auc", r.auc());
                node.put("chosen", r.chosen());
                node.put("brier", r.brierCalibrated());
                node.put("precision", r.atThreshold().precision());
                node.put("recall", r.atThreshold().recall());
                node.put("addresses", r.addresses());
                node.put("undeliverable", r.undeliverable());
                node.put("seed", r.seed());
                node.put("folds", r.folds());
                ObjectNode cands = node.putObject("candidates");
                r.candidates().forEach(c -> cands.put(c.algorithm(), c.auc()));
                out.println(json.writeValueAsString(node));
            }
        }
        return 0;
    }
}
