package in.workbench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingModel;
import in.workbench.analytics.packaging.PackagingPredictions;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The packaging commands: {@code train packaging} (through {@link TrainCommand}),
 * {@code predict -w DIR packaging -o FILE} and {@code recommend -w DIR packaging -o FILE}.
 */
final class PackagingCommands {

    private PackagingCommands() {
    }

    /** {@code train -w DIR packaging}: trains both damage models and prints the held-out comparison. */
    static int train(WorkspaceOptions options, long seed, boolean augment, boolean balanceClasses, PrintWriter out) throws Exception {
        try (Workspace ws = options.open()) {
            PackagingTrainer.Result result;
            try (TerminalProgress progress = new TerminalProgress("Training packaging", options.quiet(), System.err)) {
                result = new PackagingTrainer().trainAndSave(ws, PackagingTrainer.Options.defaults(seed).withAugment(augment)
                        .withBalanceClasses(balanceClasses), progress);
            }
            PackagingTrainer.Comparison c = result.comparison();
            out.printf("Packaging damage model trained on %,d shipments that reached customers (%,d damaged), seed %d%s.%n",
                    c.trainingShipments(), c.damagedShipments(), c.seed(), c.augmented() ? ", with augmentation" : "");
            out.printf("Held out %,d products (%,d shipments, %,d damaged):%n", c.heldOutProducts(), c.heldOutShipments(), c.heldOutDamaged());
            for (PackagingTrainer.Metrics m : new PackagingTrainer.Metrics[] {c.ordinal(), c.baseline()}) {
                out.printf("  %-20s AUC %.3f  log-loss %.4f  Brier %.4f  products breaking the ladder's order %,d of %,d  trained in %.1f s%s%n",
                        m.model(), m.auc(), m.logLoss(), m.brier(), m.violatingProducts(), c.catalogProducts(), m.trainMillis() / 1000.0,
                        m == c.ordinal() ? "  <- used" : "");
            }
            for (String note : c.notes()) {
                out.println("Note: " + note);
            }
            if (options.json()) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode node = json.createObjectNode();
                node.put("model", "packaging");
                node.put("auc", c.ordinal().auc());
                node.put("log_loss", c.ordinal().logLoss());
                node.put("violations", c.ordinal().violatingProducts());
                node.set("ordinal", metrics(json, c.ordinal()));
                node.set("logistic_regression", metrics(json, c.baseline()));
                node.put("held_out_products", c.heldOutProducts());
                node.put("held_out_shipments", c.heldOutShipments());
                node.put("training_shipments", c.trainingShipments());
                node.put("damaged_shipments", c.damagedShipments());
                node.put("augmented", c.augmented());
                node.put("seed", c.seed());
                node.put("train_seconds", c.totalMillis() / 1000.0);
                out.println(json.writeValueAsString(node));
            }
        }
        return 0;
    }

    private static ObjectNode metrics(ObjectMapper json, PackagingTrainer.Metrics m) {
        ObjectNode n = json.createObjectNode();
        n.put("auc", m.auc());
        n.put("log_loss", m.logLoss());
        n.put("brier", m.brier());
        n.put("violations", m.violatingProducts());
        n.put("train_seconds", m.trainMillis() / 1000.0);
        return n;
    }

    static void requirePackaging(String model, CommandSpec spec, String verb) {
        if (!model.equals("packaging")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Unknown model '" + model + "'. This version " + verb
                    + ": packaging.");
        }
    }

    /** {@code predict -w DIR packaging -o FILE}. */
    @Command(name = "predict", description = {"Damage probability of every product in every package type of the ladder.",
        "CSV product_id,package_type,p_damage; also saved in the workspace table packaging_predictions."})
    static final class Predict extends CsvReportCommand {

        @Parameters(index = "0", paramLabel = "MODEL", description = "packaging, or lab NAME (a model-lab model)")
        String model;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "lab: the lab model's name")
        String labName;

        @Mixin
        CsvOutputOption csvOutput;

        @picocli.CommandLine.Option(names = "--table", paramLabel = "T", description = "lab: the table or view to score "
                + "(default: the one the model was trained on)")
        String table;

        @Override
        void checkArguments() {
            if (model.equals("lab")) {
                LabCommands.checkPredict(labName, spec);
                return;
            }
            requirePackaging(model, spec, "predicts");
            if (labName != null || table != null) {
                throw usageError("predict packaging takes no NAME and no --table.");
            }
        }

        @Override
        void write(Workspace ws, PrintWriter out) {
            if (model.equals("lab")) {
                LabCommands.predict(ws, labName, table, csvOutput.file(), options, out);
                return;
            }
            Path output = csvOutput.file();
            PackagingModel m = PackagingModel.load(ws.modelsDir());
            PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, m, PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
            PackagingPredictions.Matrix p = analysis.predictions();
            PackagingPredictions.writeCsv(p, output);
            new in.workbench.analytics.packaging.PackagingRepository(ws).writePredictions(p.ladder(), p.productIds(), p.damage());
            out.printf("Predicted damage for %,d products in %d package types. Wrote %s.%n", p.productIds().size(), p.ladder().size(), output);
            if (options.json()) {
                out.printf("{\"model\":\"packaging\",\"products\":%d,\"package_types\":%d,\"rows\":%d}%n", p.productIds().size(),
                        p.ladder().size(), p.productIds().size() * p.ladder().size());
            }
        }
    }

    /** {@code recommend -w DIR packaging -o FILE [--damage-budget X | --lambda L]}. */
    @Command(name = "recommend", description = {"The package to use per product: the one minimising package + shipping cost + "
        + "λ × p(damage) × (price + return handling).",
        "λ is found so that expected damaged shipments stay within --damage-budget (default: the damaged shipments of the history), "
            + "or set with --lambda.",
        "CSV product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr "
            + "(ship_cost_delta_inr: per shipment, package + shipping cost recommended minus current); also saved in packaging_recommendations."})
    static final class Recommend extends CsvReportCommand {

        @Parameters(index = "0", paramLabel = "MODEL", description = "packaging")
        String model;

        @Mixin
        CsvOutputOption csvOutput;

        @ArgGroup(exclusive = true)
        Tradeoff tradeoff;

        @Option(names = "--return-handling", defaultValue = "150", paramLabel = "INR",
                description = "Handling cost of a damaged shipment, added to the product's price (default ₹${DEFAULT-VALUE}).")
        double returnHandling;

        static final class Tradeoff {
            @Option(names = "--damage-budget", paramLabel = "X", description = "Expected damaged shipments to stay within.")
            Double budget;

            @Option(names = "--lambda", paramLabel = "L", description = "The weight of damage cost against packaging and shipping cost.")
            Double lambda;
        }

        @Override
        void checkArguments() {
            requirePackaging(model, spec, "recommends for");
            if (tradeoff != null && tradeoff.budget != null && !(tradeoff.budget >= 0)) {
                throw usageError("--damage-budget must be at least 0.");
            }
            if (tradeoff != null && tradeoff.lambda != null && !(tradeoff.lambda >= 0)) {
                throw usageError("--lambda must be at least 0.");
            }
            if (!(returnHandling >= 0)) {
                throw usageError("--return-handling must be at least 0.");
            }
        }

        @Override
        void write(Workspace ws, PrintWriter out) throws JsonProcessingException {
            Path output = csvOutput.file();
            PackagingModel m = PackagingModel.load(ws.modelsDir());
            PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, m, returnHandling);
            PackagingRecommender.Plan plan = analysis.plan(tradeoff == null ? null : tradeoff.budget, tradeoff == null ? null : tradeoff.lambda);
            analysis.save(plan);
            PackagingRecommender.writeCsv(plan, output);
            PackagingRecommender.Totals now = plan.current();
            PackagingRecommender.Totals rec = plan.recommended();
            out.printf(Locale.ROOT, "λ = %.4g%s. %,d of %,d products change package.%n", plan.lambda(),
                    Double.isNaN(plan.budget()) ? "" : String.format(Locale.ROOT, " (damage budget %.1f shipments%s)", plan.budget(),
                            plan.budgetMet() ? "" : ", not reachable"), plan.changed(), plan.choices().size());
            out.printf(Locale.ROOT, "Now:         %,.1f expected damaged shipments (%,d recorded), packaging + shipping ₹%,.0f, damage cost ₹%,.0f%n",
                    now.expectedDamaged(), plan.actualDamaged(), now.packagingAndShippingInr(), now.damageCostInr());
            out.printf(Locale.ROOT, "Recommended: %,.1f expected damaged shipments, packaging + shipping ₹%,.0f, damage cost ₹%,.0f%n",
                    rec.expectedDamaged(), rec.packagingAndShippingInr(), rec.damageCostInr());
            for (String note : plan.notes()) {
                out.println("Note: " + note);
            }
            out.printf("Wrote %s.%n", output);
            if (options.json()) {
                ObjectMapper json = new ObjectMapper();
                ObjectNode node = json.createObjectNode();
                node.put("model", "packaging");
                node.put("lambda", plan.lambda());
                if (!Double.isNaN(plan.budget())) {
                    node.put("damage_budget", plan.budget());
                }
                node.put("budget_met", plan.budgetMet());
                node.put("products", plan.choices().size());
                node.put("changed", plan.changed());
                node.put("damaged_recorded", plan.actualDamaged());
                node.put("expected_damage_current", now.expectedDamaged());
                node.put("expected_damage_recommended", rec.expectedDamaged());
                node.put("cost_current_inr", now.packagingAndShippingInr());
                node.put("cost_recommended_inr", rec.packagingAndShippingInr());
                node.put("damage_cost_current_inr", now.damageCostInr());
                node.put("damage_cost_recommended_inr", rec.damageCostInr());
                out.println(json.writeValueAsString(node));
            }
        }
    }
}
