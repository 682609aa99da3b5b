package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.SegmentationTrainer;
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
    "MODEL: deliverability, segmentation, packaging, attributes (colour and material from titles), category (the category check),",
    "slow-network (P(slow) of app sessions, validated on the last week),",
    "crisp (workforce infection risk from contacts and tests; prints the learned parameters),",
    "lab (any table or view: --table T --target C)."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOptions options;

    @Parameters(index = "0", paramLabel = "MODEL", description = "deliverability, segmentation, packaging, attributes, category, slow-network, crisp or lab")
    String model;

    @Mixin
    SeedOption seed = new SeedOption(42);

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--augment", description = "packaging: count damage in a package as damage in every weaker one, and intact "
            + "in a package as intact in every sturdier one (off by default; see docs/decisions/0006).")
    boolean augment;

    @Option(names = "--balance-classes", description = "packaging: up-weight damaged shipments to balance the classes, with the "
            + "intercept corrected back (off by default; see docs/decisions/0006).")
    boolean balanceClasses;

    @Option(names = "--epochs", description = "segmentation: passes over the data (default 3).")
    Integer epochs;

    @Option(names = "--composed", description = "segmentation: composed training addresses of several writing styles (default 4000).")
    Integer composed;
    @Option(names = "--threshold-ms", paramLabel = "MS", description = "slow-network: page_load_ms above this is slow; sets the "
            + "workspace threshold (default 5,000) and re-derives slow where only page_load_ms was given.")
    Integer thresholdMs;
    @Mixin
    CrispCommands.TrainOptions crisp;
    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Model lab (MODEL lab):%n")
    LabCommands.TrainOptions lab = new LabCommands.TrainOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (model.equals("crisp")) {
            return CrispCommands.train(options, seed.value(), crisp, spec);
        }
        if (model.equals("lab")) {
            return LabCommands.train(options, lab, seed.value(), folds, spec);
        }
        if (model.equals("packaging")) {
            return PackagingCommands.train(options, seed.value(), augment, balanceClasses, spec.commandLine().getOut());
        }
        if (model.equals("segmentation")) {
            return trainSegmentation();
        }
        if (model.equals("slow-network")) {
            return SlowNetworkCommands.train(options, seed.value(), thresholdMs, spec);
        }
        if (!java.util.List.of("deliverability", "attributes", "category").contains(model)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Unknown model '" + model + "'. This version trains: deliverability, segmentation, packaging, attributes, category, "
                    + "slow-network, crisp, lab.");
        }
        if (folds < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2.");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (model.equals("attributes")) {
            return CatalogTrainOutput.attributes(options, seed.value(), folds, out);
        }
        if (model.equals("category")) {
            return CatalogTrainOutput.category(options, seed.value(), folds, out);
        }
        try (Workspace ws = options.open()) {
            DeliverabilityTrainer.Result result;
            try (TerminalProgress progress = options.progress("Training deliverability")) {
                result = new DeliverabilityTrainer(new AddressParser(PostalDirectory.load())).trainAndSave(ws, seed.value(), folds, progress);
            }
            DeliverabilityTrainer.Report r = result.report();
            out.printf("Deliverability model trained on %,d labelled addresses (%,d undeliverable, %,d analyst labels), %d-fold "
                    + "cross-validation, seed %d:%n", r.addresses(), r.undeliverable(), r.analystLabels(), r.folds(), r.seed());
            for (DeliverabilityTrainer.CandidateMetrics c : r.candidates()) {
                out.printf("  %-20s AUC %.3f  log-loss %.3f  Brier %.3f%s%n", c.algorithm(), c.auc(), c.logLoss(), c.brier(),
                        c.algorithm().equals(r.chosen()) ? "  <- kept" : "");
            }
            out.printf("Calibrated (Platt), per shipment out of fold: AUC %.3f, Brier %.3f, ECE %.3f, mean score %.3f where %.3f of %,.0f "
                    + "shipments were delivered. Flagged below %.2f: precision %.2f, recall %.2f of undeliverable addresses. "
                    + "Trained in %.1f s.%n", r.auc(), r.brierCalibrated(), r.ece(), r.meanPredicted(), r.deliveredShare(), r.shipments(),
                    r.atThreshold().threshold(), r.atThreshold().precision(), r.atThreshold().recall(), r.trainMillis() / 1000.0);
            if (options.json()) {
                ObjectNode node = JsonSummary.object();
                node.put("model", "deliverability");
                node.put("auc", r.auc());
                node.put("chosen", r.chosen());
                node.put("brier", r.brierCalibrated());
                node.put("ece", r.ece());
                node.put("mean_predicted", r.meanPredicted());
                node.put("delivered_share", r.deliveredShare());
                node.put("precision", r.atThreshold().precision());
                node.put("recall", r.atThreshold().recall());
                node.put("addresses", r.addresses());
                node.put("undeliverable", r.undeliverable());
                node.put("seed", r.seed());
                node.put("folds", r.folds());
                ObjectNode cands = node.putObject("candidates");
                r.candidates().forEach(c -> cands.put(c.algorithm(), c.auc()));
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }

    private int trainSegmentation() throws Exception {
        if (epochs != null && epochs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            SegmentationTrainer.Result result;
            SegmentationTrainer.Settings settings = new SegmentationTrainer.Settings(seed.value(),
                    epochs == null ? SegmentationTrainer.DEFAULT_EPOCHS : epochs, SegmentationTrainer.DEFAULT_MAX_WEAK,
                    composed == null ? SegmentationTrainer.DEFAULT_COMPOSED : Math.max(0, composed));
            try (TerminalProgress progress = options.progress("Training segmentation")) {
                result = new SegmentationTrainer(new AddressParser(PostalDirectory.load())).trainAndSave(ws, settings, progress);
            }
            SegmentationTrainer.Report r = result.report();
            out.printf("Segmentation model (CRF) trained on %,d addresses with weak labels and %,d analysts' segmentations, "
                    + "%d passes, seed %d, in %.1f s.%n", r.weakExamples(), r.analystExamples(), r.epochs(), r.seed(), r.trainMillis() / 1000.0);
            if (r.spanF1() != null) {
                out.printf("Span F1 on %,d held-out analyst-segmented addresses: %.3f (precision %.3f, recall %.3f).%n", r.heldOut(),
                        r.spanF1(), r.precision(), r.recall());
            } else {
                out.println("No analyst has corrected a segmentation yet, so there is no held-out span F1; label addresses on the "
                        + "Labeling screen or import address_labels.csv with segments.");
            }
            out.printf("Agreement with the weak labels on held-out addresses: span F1 %.3f.%n", r.weakAgreementF1());
            if (options.json()) {
                ObjectNode node = JsonSummary.object();
                node.put("model", "segmentation");
                if (r.spanF1() != null) {
                    node.put("span_f1", r.spanF1());
                    node.put("precision", r.precision());
                    node.put("recall", r.recall());
                } else {
                    node.putNull("span_f1");
                }
                node.put("held_out", r.heldOut());
                node.put("weak_agreement_f1", r.weakAgreementF1());
                node.put("weak_examples", r.weakExamples());
                node.put("analyst_examples", r.analystExamples());
                node.put("epochs", r.epochs());
                node.put("seed", r.seed());
                node.put("train_millis", r.trainMillis());
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }
}
