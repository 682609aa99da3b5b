package in.workbench.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingModel;
import in.workbench.analytics.packaging.PackagingObjective;
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
            try (TerminalProgress progress = options.progress("Training packaging")) {
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
                ObjectNode node = JsonSummary.object();
                node.put("model", "packaging");
                node.put("auc", c.ordinal().auc());
                node.put("log_loss", c.ordinal().logLoss());
                node.put("violations", c.ordinal().violatingProducts());
                node.set("ordinal", metrics(c.ordinal()));
                node.set("logistic_regression", metrics(c.baseline()));
                node.put("held_out_products", c.heldOutProducts());
                node.put("held_out_shipments", c.heldOutShipments());
                node.put("training_shipments", c.trainingShipments());
                node.put("damaged_shipments", c.damagedShipments());
                node.put("augmented", c.augmented());
                node.put("seed", c.seed());
                node.put("train_seconds", c.totalMillis() / 1000.0);
                JsonSummary.print(out, node);
            }
        }
        return 0;
    }

    private static ObjectNode metrics(PackagingTrainer.Metrics m) {
        ObjectNode n = JsonSummary.object();
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
        "CSV product_id,package_type,p_damage; also saved in the workspace table packaging_predictions.",
        "slow-network: P(slow) and the page decision of every session without an outcome (--all: every session);",
        "CSV session_id,p_slow,lite,reasons."})
    static final class Predict extends WorkspaceCommand {

        @Parameters(index = "0", paramLabel = "MODEL", description = "packaging, slow-network, or lab NAME (a model-lab model)")
        String model;

        @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "lab: the lab model's name")
        String labName;

        @Mixin
        CsvOutputOption csvOutput;

        @picocli.CommandLine.Option(names = "--all", description = "slow-network: every session, also those with an outcome.")
        boolean all;

        @picocli.CommandLine.Option(names = "--table", paramLabel = "T", description = "lab: the table or view to score "
                + "(default: the one the model was trained on)")
        String table;

        @Override
        void checkArguments() {
            if (model.equals("lab")) {
                LabCommands.checkPredict(labName, spec);
                return;
            }
            if (!model.equals("slow-network") && !model.equals("packaging")) {
                throw usageError("Unknown model '" + model + "'. This version predicts: packaging, slow-network, lab NAME.");
            }
            if (labName != null || table != null) {
                throw usageError("predict " + model + " takes no NAME and no --table.");
            }
        }

        @Override
        void run(Workspace ws, PrintWriter out) {
            if (model.equals("slow-network")) {
                SlowNetworkCommands.predict(ws, all, csvOutput.file(), options, out);
                return;
            }
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
                JsonSummary.print(out, JsonSummary.object("model", "packaging", "products", p.productIds().size(), "package_types",
                        p.ladder().size(), "rows", p.productIds().size() * p.ladder().size()));
            }
        }
    }

    /** {@code recommend -w DIR packaging -o FILE [--objective NAME] [--damage-budget X | --lambda L]}. */
    @Command(name = "recommend", description = {"The package to use per product, for a named objective (total cost = packaging + "
        + "shipping + damage handling: the product's price + return handling per damaged shipment):",
        "  least-damage-at-current-cost (default): the least expected damage at no more total cost than the current policy;",
        "  least-cost-at-current-damage: the least total cost at no more expected damage than the current policy;",
        "  --damage-budget X: the least total cost within X expected damaged shipments (may cost more than now; said when it does);",
        "  --lambda L: per product the least packaging + shipping + L × expected damage cost.",
        "Plans are chosen with the model's estimates (shrunk toward each product's observed damage, and at most one rung below the "
            + "packages a product was shipped in) and solved as a multiple-choice knapsack; the gap to the LP bound is reported.",
        "CSV product_id,current_package,recommended_package,p_damage_current,p_damage_recommended,ship_cost_delta_inr,objective "
            + "(ship_cost_delta_inr: per shipment, package + shipping cost recommended minus current), FILE.provenance.json beside it "
            + "(objective, budgets, solver gap); also saved in packaging_recommendations."})
    static final class Recommend extends WorkspaceCommand {

        @Parameters(index = "0", paramLabel = "MODEL", description = "packaging")
        String model;

        @Mixin
        CsvOutputOption csvOutput;

        @Option(names = "--objective", paramLabel = "NAME", description = "least-damage-at-current-cost (default) or "
                + "least-cost-at-current-damage.")
        String objective;

        @ArgGroup(exclusive = true)
        Tradeoff tradeoff;

        @Option(names = "--return-handling", defaultValue = "150", paramLabel = "INR",
                description = "Handling cost of a damaged shipment, added to the product's price (default ₹${DEFAULT-VALUE}).")
        double returnHandling;

        static final class Tradeoff {
            @Option(names = "--damage-budget", paramLabel = "X", description = "Expected damaged shipments to stay within, at the least "
                    + "total cost.")
            Double budget;

            @Option(names = "--lambda", paramLabel = "L", description = "The weight of damage cost against packaging and shipping cost.")
            Double lambda;
        }

        private PackagingObjective chosen() {
            if (objective == null) {
                return null;
            }
            PackagingObjective o = PackagingObjective.of(objective);
            if (o != PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST && o != PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE) {
                throw usageError("--objective is least-damage-at-current-cost or least-cost-at-current-damage; a damage budget or λ is "
                        + "given with --damage-budget or --lambda.");
            }
            return o;
        }

        @Override
        void checkArguments() {
            requirePackaging(model, spec, "recommends for");
            if (objective != null && !objective.equals(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST.id())
                    && !objective.equals(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE.id())) {
                throw usageError("Unknown objective '" + objective + "'. Use least-damage-at-current-cost or least-cost-at-current-damage.");
            }
            if (tradeoff != null && tradeoff.budget != null && !(tradeoff.budget >= 0)) {
                throw usageError("--damage-budget must be at least 0.");
            }
            if (tradeoff != null && tradeoff.lambda != null && !(tradeoff.lambda >= 0)) {
                throw usageError("--lambda must be at least 0.");
            }
            if (tradeoff != null && tradeoff.budget != null && PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST.id().equals(objective)) {
                throw usageError("--damage-budget sets the damage limit of least-cost-at-current-damage; it cannot be combined with "
                        + "--objective least-damage-at-current-cost.");
            }
            if (tradeoff != null && tradeoff.lambda != null && objective != null) {
                throw usageError("--lambda sets the trade-off itself; leave out --objective.");
            }
            if (!(returnHandling >= 0)) {
                throw usageError("--return-handling must be at least 0.");
            }
        }

        @Override
        void run(Workspace ws, PrintWriter out) throws JsonProcessingException {
            Path output = csvOutput.file();
            PackagingModel m = PackagingModel.load(ws.modelsDir());
            PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, m, returnHandling);
            PackagingRecommender.Plan plan = analysis.plan(chosen(), tradeoff == null ? null : tradeoff.budget,
                    tradeoff == null ? null : tradeoff.lambda);
            analysis.save(plan);
            PackagingRecommender.writeCsv(plan, output);
            PackagingRecommender.Totals now = plan.current();
            PackagingRecommender.Totals rec = plan.recommended();
            out.printf(Locale.ROOT, "Objective %s%s%s. %,d of %,d products change package.%n", plan.objective().id(),
                    Double.isNaN(plan.damageBudget()) ? "" : String.format(Locale.ROOT, ", damage budget %,.1f shipments%s", plan.damageBudget(),
                            plan.budgetMet() ? "" : " (not reachable)"),
                    Double.isNaN(plan.lambda()) ? "" : String.format(Locale.ROOT, ", λ = %.4g", plan.lambda()), plan.changed(),
                    plan.choices().size());
            out.printf(Locale.ROOT, "Now:         %,.1f expected damaged shipments (%,d recorded), packaging + shipping ₹%,.0f, damage cost ₹%,.0f, "
                    + "total ₹%,.0f%n", now.expectedDamaged(), plan.actualDamaged(), now.packagingAndShippingInr(), now.damageCostInr(),
                    now.totalInr());
            out.printf(Locale.ROOT, "Recommended: %,.1f expected damaged shipments (%+.1f %%), packaging + shipping ₹%,.0f, damage cost ₹%,.0f, "
                    + "total ₹%,.0f (%+.1f %%)%n", rec.expectedDamaged(), percent(rec.expectedDamaged(), now.expectedDamaged()),
                    rec.packagingAndShippingInr(), rec.damageCostInr(), rec.totalInr(), percent(rec.totalInr(), now.totalInr()));
            if (!Double.isNaN(plan.solver().lowerBound()) && plan.objective() != PackagingObjective.WEIGHTED) {
                out.printf(Locale.ROOT, "Solver: within %.3g %% of the optimum (LP bound %,.2f).%n", 100 * plan.solver().relativeGap(),
                        plan.solver().lowerBound());
            }
            for (String note : plan.notes()) {
                out.println("Note: " + note);
            }
            out.printf("Wrote %s and %s.%n", output, PackagingRecommender.provenanceFile(output).getFileName());
            if (options.json()) {
                ObjectNode node = JsonSummary.object();
                node.put("model", "packaging");
                node.put("objective", plan.objective().id());
                if (!Double.isNaN(plan.lambda())) {
                    node.put("lambda", plan.lambda());
                }
                if (!Double.isNaN(plan.damageBudget())) {
                    node.put("damage_budget", plan.damageBudget());
                }
                if (!Double.isNaN(plan.costBudget())) {
                    node.put("total_cost_budget_inr", plan.costBudget());
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
                node.put("total_cost_current_inr", now.totalInr());
                node.put("total_cost_recommended_inr", rec.totalInr());
                if (!Double.isNaN(plan.solver().gap())) {
                    node.put("solver_gap", plan.solver().gap());
                    node.put("solver_relative_gap", plan.solver().relativeGap());
                }
                JsonSummary.print(out, node);
            }
        }

        private static double percent(double value, double reference) {
            return reference == 0 ? 0 : 100 * (value / reference - 1);
        }
    }
}
