package in.workbench.app.bench;

import com.opencsv.CSVReader;
import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.packaging.PackageLadder;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.packaging.PlanCaution;
import in.workbench.analytics.packaging.ProductRow;
import in.workbench.analytics.packaging.Usage;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.SampleGenerator;
import in.workbench.app.cli.SeedOption;
import in.workbench.app.cli.WorldSizeOptions;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench packaging}: on generated worlds whose true damage probabilities are known from the
 * truth files (the bundled sample's, and one with more fragile goods and fewer package types per
 * product), trains the damage model and judges the plans in TRUE probabilities: the current
 * policy, the default plan (least damage at no more total cost) with and without the guard
 * against the optimiser's curse, the least-cost plan, and the best plan the truth allows (the same
 * exact solver run on the true probabilities). The workbench itself never reads truth files.
 */
@Command(name = "packaging", description = {
    "Generate worlds with known damage truth (the bundled sample's; a fragile world with fewer package types per product), train",
    "the packaging model and print, in TRUE damage probabilities, the plans against the current policy and the best the truth allows."})
final class PackagingBench extends Benchmark {

    @Mixin
    WorldSizeOptions size = new WorldSizeOptions(3000, 100_000);

    @Mixin
    SeedOption seed = new SeedOption(20261124);

    @Option(names = "--world", defaultValue = "all", description = "sample, fragile, fragile-dear or all (default ${DEFAULT-VALUE}).")
    String world;

    @Option(names = "--variants", description = "Also train the model variants (augmentation, shared steps, balanced classes) on the sample world.")
    boolean variants;

    /** A world to evaluate on. */
    private record World(String name, SampleGenerator.Packing packing) {
    }

    /** The fragile world: half of the non-fragile goods fragile too, and a second package type for only 10 % of products. */
    static final SampleGenerator.Packing FRAGILE = new SampleGenerator.Packing(0.5, 0.1, 1);
    /** The fragile world with packages five times dearer, where sturdier packages no longer pay for themselves. */
    static final SampleGenerator.Packing FRAGILE_DEAR = new SampleGenerator.Packing(0.5, 0.1, 5);

    @Override
    void measure(PrintWriter out) throws Exception {
        List<World> worlds = new ArrayList<>();
        if (!List.of("sample", "fragile", "fragile-dear", "all").contains(world)) {
            throw usage("--world must be sample, fragile, fragile-dear or all.");
        }
        if (world.equals("sample") || world.equals("all")) {
            worlds.add(new World("sample settings", SampleGenerator.Packing.SAMPLE));
        }
        if (world.equals("fragile") || world.equals("all")) {
            worlds.add(new World("fragile world (half the non-fragile goods made fragile, 10 % of products with a second package type)",
                    FRAGILE));
        }
        if (world.equals("fragile-dear") || world.equals("all")) {
            worlds.add(new World("fragile world with package types 5× dearer (₹20–₹275)", FRAGILE_DEAR));
        }
        for (World w : worlds) {
            try (ScratchFolder base = ScratchFolder.temporary("workbench-bench-packaging")) {
                Path files = base.resolve("world");
                new SampleGenerator(size.config(20_000, seed.value()), PostalDirectory.load(), w.packing())
                        .generate(files, ProgressMonitor.NONE);
                try (Workspace ws = Workspace.open(base.resolve("ws"))) {
                    CsvImporter importer = new CsvImporter(ws);
                    for (GeneratedFile f : List.of(new GeneratedFile("package_types.csv", DataTable.PACKAGE_TYPES),
                            new GeneratedFile("catalog.csv", DataTable.PRODUCTS), new GeneratedFile("shipments.csv", DataTable.SHIPMENTS))) {
                        f.importInto(importer, files);
                    }
                    out.printf(Locale.ROOT, "%n## %s: %,d products, %,d shipments, seed %d%n%n", w.name(), size.products(), size.shipments(), seed.value());
                    run(ws, files.resolve("truth/damage_truth.csv"), out, variants && w.packing().equals(SampleGenerator.Packing.SAMPLE));
                }
            }
            out.flush();
        }
    }

    private void run(Workspace ws, Path truthFile, PrintWriter out, boolean withVariants) throws Exception {
        PackagingRepository repository = new PackagingRepository(ws);
        PackagingTrainer.Data data = PackagingTrainer.load(repository);
        PackagingTrainer trainer = new PackagingTrainer();
        MarkdownTable.header(out, "model, held-out products", "AUC", "log-loss", "Brier", "products breaking the ladder", "training");
        List<PackagingTrainer.Options> options = new ArrayList<>(List.of(PackagingTrainer.Options.defaults(42)));
        if (withVariants) {
            options.add(PackagingTrainer.Options.defaults(42).withAugment(true));
            options.add(PackagingTrainer.Options.defaults(42).withProductSpecificSteps(false));
            options.add(PackagingTrainer.Options.defaults(42).withBalanceClasses(true));
        }
        PackagingTrainer.Result used = null;
        for (PackagingTrainer.Options o : options) {
            PackagingTrainer.Result r = trainer.train(data, o, ProgressMonitor.NONE);
            String variant = o.augment() ? "ordinal, with augmentation" : !o.productSpecificSteps() ? "ordinal, shared steps (the paper's form)"
                    : o.balanceClasses() ? "ordinal, classes balanced by weights" : "ordinal (workbench default)";
            row(out, variant, r.comparison().ordinal());
            if (used == null) {
                used = r;
                row(out, "logistic regression, unconstrained (+ package one-hot)", r.comparison().baseline());
            }
        }
        out.printf(Locale.ROOT, "| true damage probabilities (the ceiling), all shipments | %.3f | | | 0 | |%n", truthAuc(repository, truthFile));

        PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, used.model(), PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
        List<String> ids = analysis.predictions().productIds();
        PackageLadder ladder = used.model().ladder();
        double[][] truth = readTruth(truthFile, ids, ladder);
        double[][] model = analysis.predictions().damage();
        List<ProductRow> catalog = repository.products();
        List<Usage> usage = repository.usage();
        double mae = 0;
        for (int i = 0; i < model.length; i++) {
            for (int k = 0; k < ladder.size(); k++) {
                mae += Math.abs(model[i][k] - truth[i][k]);
            }
        }
        out.printf(Locale.ROOT, "%nMean absolute error of the model's p(damage) over every product and package type: %.4f.%n", mae
                / (model.length * (double) ladder.size()));

        PackagingRecommender oracle = new PackagingRecommender(ladder, catalog, truth, usage, analysis.shipping(),
                PackagingRecommender.DEFAULT_RETURN_HANDLING_INR, PlanCaution.none());
        PackagingRecommender.Plan best = oracle.leastDamageAtCurrentCost();
        PackagingRecommender.Plan bestCheap = oracle.plan(PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE, null, null);
        PackagingRecommender.Totals history = oracle.currentTotals(truth);
        PackagingRecommender.Totals ideal = oracle.totals(best.assignment(), truth);
        PackagingRecommender.Totals idealCheap = oracle.totals(bestCheap.assignment(), truth);
        out.printf(Locale.ROOT, "%nIn TRUE damage probabilities (truth files). Model-side columns are what the plan expects in its own "
                + "estimates. \"Share of best\": for least-damage-at-current-cost, the plan's true damage reduction ÷ that of the best plan "
                + "the truth allows at no more true total cost; for least-cost-at-current-damage, its true total-cost saving ÷ that of the "
                + "best plan at no more true damage. \"(breaks)\" marks a plan whose TRUE cost (or damage) ends above the current policy's.%n%n");
        MarkdownTable.header(out, "plan", "model: damage", "model: total cost", "TRUE expected damaged", "TRUE damage", "TRUE total cost",
                "share of best", "solver gap (LP bound)", "products changed");
        out.printf(Locale.ROOT, "| current policy (history) | | | %,.1f | | ₹%,.0f | | | |%n", history.expectedDamaged(), history.totalInr());
        for (PackagingObjective objective : List.of(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST,
                PackagingObjective.LEAST_COST_AT_CURRENT_DAMAGE)) {
            boolean damageFirst = objective == PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST;
            for (PlanCaution caution : List.of(PlanCaution.defaults(), new PlanCaution(true, Integer.MAX_VALUE), new PlanCaution(false, 1),
                    PlanCaution.none())) {
                PackagingRecommender r = new PackagingRecommender(ladder, catalog, model, usage, analysis.shipping(),
                        PackagingRecommender.DEFAULT_RETURN_HANDLING_INR, caution);
                long t0 = System.nanoTime();
                PackagingRecommender.Plan plan = r.plan(objective, null, null);
                long millis = (long) Samples.millisSince(t0);
                PackagingRecommender.Totals t = r.totals(plan.assignment(), truth);
                double share = damageFirst ? (history.expectedDamaged() - t.expectedDamaged()) / (history.expectedDamaged() - ideal.expectedDamaged())
                        : (history.totalInr() - t.totalInr()) / (history.totalInr() - idealCheap.totalInr());
                boolean breaks = damageFirst ? t.totalInr() > history.totalInr() : t.expectedDamaged() > history.expectedDamaged();
                String name = objective.id() + ", guard: " + caution.describe() + (caution.equals(PlanCaution.defaults()) ? " (the default)" : "");
                planRow(out, name, plan, t, history, share, breaks);
                if (damageFirst && caution.equals(PlanCaution.defaults())) {
                    solveMillis = millis;
                }
            }
        }
        bestRow(out, "best the truth allows at no more true total cost (same solver, true probabilities)", best, ideal, history);
        bestRow(out, "best the truth allows at no more true damage (same solver, true probabilities)", bestCheap, idealCheap, history);
        double alpha = new PackagingRecommender(ladder, catalog, model, usage, analysis.shipping(), PackagingRecommender.DEFAULT_RETURN_HANDLING_INR,
                PlanCaution.defaults()).shrinkStrength();
        out.printf(Locale.ROOT, "%nSolving the default plan took %,d ms (%,d products). Empirical-Bayes prior strength α = %.1f expected "
                + "damaged shipments.%n", solveMillis, catalog.size(), alpha);
    }

    private static void bestRow(PrintWriter out, String name, PackagingRecommender.Plan best, PackagingRecommender.Totals ideal,
            PackagingRecommender.Totals history) {
        out.printf(Locale.ROOT, "| %s | | | %,.1f | %+.1f %% | %+.2f %% | 100 %% | %.2g %% | %,d |%n", name, ideal.expectedDamaged(),
                pct(ideal.expectedDamaged(), history.expectedDamaged()), pct(ideal.totalInr(), history.totalInr()),
                100 * best.solver().relativeGap(), best.changed());
    }

    private long solveMillis;

    private static void planRow(PrintWriter out, String name, PackagingRecommender.Plan plan, PackagingRecommender.Totals t,
            PackagingRecommender.Totals history, double share, boolean breaks) {
        out.printf(Locale.ROOT, "| %s | %+.1f %% | %+.2f %% | %,.1f | %+.1f %% | %+.2f %% | %.1f %%%s | %.2g %% | %,d |%n", name,
                pct(plan.recommended().expectedDamaged(), plan.current().expectedDamaged()),
                pct(plan.recommended().totalInr(), plan.current().totalInr()), t.expectedDamaged(), pct(t.expectedDamaged(),
                        history.expectedDamaged()), pct(t.totalInr(), history.totalInr()), 100 * share, breaks ? " (breaks)" : "",
                100 * plan.solver().relativeGap(), plan.changed());
    }

    private static double pct(double value, double reference) {
        return 100 * (value / reference - 1);
    }

    /** AUC of the true probabilities over every shipment that reached a customer: no model can rank better. */
    private static double truthAuc(PackagingRepository repository, Path truthFile) throws Exception {
        PackageLadder ladder = repository.ladder();
        List<Usage> usage = repository.usage().stream().filter(u -> ladder.indexOf(u.packageType()) >= 0 && u.reached() > 0).toList();
        List<String> ids = usage.stream().map(Usage::productId).distinct().toList();
        double[][] truth = readTruth(truthFile, ids, ladder);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        double[] p = new double[usage.size()];
        double[] pos = new double[usage.size()];
        double[] neg = new double[usage.size()];
        for (int i = 0; i < p.length; i++) {
            Usage u = usage.get(i);
            p[i] = truth[index.get(u.productId())][ladder.indexOf(u.packageType())];
            pos[i] = u.damaged();
            neg[i] = u.reached() - u.damaged();
        }
        return BinaryMetrics.auc(p, pos, neg);
    }

    private static void row(PrintWriter out, String name, PackagingTrainer.Metrics m) {
        out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %.4f | %,d | %.1f s |%n", name, m.auc(), m.logLoss(), m.brier(), m.violatingProducts(),
                m.trainMillis() / 1000.0);
    }

    private static double[][] readTruth(Path file, List<String> ids, PackageLadder ladder) throws Exception {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        double[][] p = new double[ids.size()][ladder.size()];
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            csv.readNext();
            String[] row;
            while ((row = csv.readNext()) != null) {
                Integer i = index.get(row[0]);
                int k = ladder.indexOf(row[1]);
                if (i != null && k >= 0) {
                    p[i][k] = Double.parseDouble(row[2]);
                }
            }
        }
        return p;
    }
}
