package in.workbench.app.cli;

import com.opencsv.CSVReader;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.packaging.PackageLadder;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingRepository;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.packaging.ProductRow;
import in.workbench.analytics.packaging.Usage;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.SampleGenerator;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench packaging}: on a generated world (by default the bundled sample's configuration),
 * where the true damage probabilities are known from the truth files, trains both damage models
 * and measures the recommendation against the truth: true expected damage and cost of the
 * historical policy, of the recommendation at the default budget, and of the best assignment the
 * true probabilities allow at the same budget. The workbench itself never reads truth files.
 */
@Command(name = "packaging", description = {
    "Generate the bundled sample world (or another size) with its truth files, train the packaging models and print, in",
    "true damage probabilities, the historical policy vs the recommendation vs the best assignment the truth allows."})
final class PackagingBench implements Callable<Integer> {

    @Option(names = "--products", defaultValue = "3000", description = "Products (default ${DEFAULT-VALUE}, the bundled sample).")
    int products;

    @Option(names = "--shipments", defaultValue = "100000", description = "Shipments (default ${DEFAULT-VALUE}).")
    int shipments;

    @Option(names = "--seed", defaultValue = "20261124", description = "World seed (default ${DEFAULT-VALUE}, the bundled sample).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path base = Files.createTempDirectory("workbench-bench-packaging");
        try {
            new SampleGenerator(new SampleGenerator.Config(products, 20_000, shipments, seed), PostalDirectory.load())
                    .generate(base.resolve("world"), ProgressMonitor.NONE);
            try (Workspace ws = Workspace.open(base.resolve("ws"))) {
                CsvImporter importer = new CsvImporter(ws);
                importer.importFile(base.resolve("world/package_types.csv"), DataTable.PACKAGE_TYPES, ImportOptions.defaults(), ProgressMonitor.NONE);
                importer.importFile(base.resolve("world/catalog.csv"), DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                importer.importFile(base.resolve("world/shipments.csv"), DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                run(ws, base.resolve("world/truth/damage_truth.csv"), out);
            }
        } finally {
            BenchCommand.deleteRecursively(base);
        }
        return 0;
    }

    private void run(Workspace ws, Path truthFile, PrintWriter out) throws Exception {
        java.util.List<String> recommendations;
        PackagingRepository repository = new PackagingRepository(ws);
        PackagingTrainer.Data data = PackagingTrainer.load(repository);
        PackagingTrainer trainer = new PackagingTrainer();
        out.printf("| packaging damage, %,d products, %,d shipments (seed %d), held-out products | AUC | log-loss | Brier | products breaking the "
                + "ladder | training |%n|---|---:|---:|---:|---:|---:|%n", products, shipments, seed);
        PackagingTrainer.Result used = null;
        recommendations = new java.util.ArrayList<>();
        for (PackagingTrainer.Options o : List.of(PackagingTrainer.Options.defaults(42), PackagingTrainer.Options.defaults(42).withAugment(true),
                PackagingTrainer.Options.defaults(42).withProductSpecificSteps(false), PackagingTrainer.Options.defaults(42).withBalanceClasses(true))) {
            PackagingTrainer.Result r = trainer.train(data, o, ProgressMonitor.NONE);
            String variant = o.augment() ? "ordinal, with augmentation" : !o.productSpecificSteps() ? "ordinal, shared steps (the paper's form)"
                    : o.balanceClasses() ? "ordinal, classes balanced by weights" : "ordinal (workbench default)";
            row(out, variant, r.comparison().ordinal());
            if (used == null) {
                used = r;
                row(out, "logistic regression, unconstrained (+ package one-hot)", r.comparison().baseline());
            }
            r.model().save(ws.modelsDir());
            PackagingAnalysis a = PackagingAnalysis.prepare(ws, r.model(), PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
            PackagingRecommender.Plan p = a.plan(null, null);
            PackagingRecommender.Totals t = a.recommender().totals(p.assignment(), readTruth(truthFile, a.predictions().productIds(), r.model().ladder()));
            recommendations.add(String.format(Locale.ROOT, "| recommended by %s | %,.1f | %,.0f | %,.0f | %,.0f |", variant, t.expectedDamaged(),
                    t.packagingAndShippingInr(), t.damageCostInr(), t.totalInr()));
        }
        out.printf(Locale.ROOT, "| true damage probabilities (the ceiling), all shipments | %.3f | | | 0 | |%n", truthAuc(repository, truthFile));
        out.printf("%nWhole training (split, both models, evaluation, refit on all): %.1f s.%n", used.comparison().totalMillis() / 1000.0);
        used.model().save(ws.modelsDir());

        PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, used.model(), PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
        List<String> ids = analysis.predictions().productIds();
        PackageLadder ladder = used.model().ladder();
        double[][] truth = readTruth(truthFile, ids, ladder);
        PackagingRecommender model = analysis.recommender();
        PackagingRecommender.Plan plan = analysis.plan(null, null);
        double budget = plan.budget();
        List<ProductRow> catalog = repository.products();
        List<Usage> usage = repository.usage();
        PackagingRecommender oracle = new PackagingRecommender(ladder, catalog, truth, usage, analysis.shipping(),
                PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
        PackagingRecommender.Plan best = oracle.forBudget(budget);
        PackagingRecommender.Totals history = model.currentTotals(truth);
        PackagingRecommender.Totals recommended = model.totals(plan.assignment(), truth);
        PackagingRecommender.Totals ideal = oracle.totals(best.assignment(), truth);
        PackagingRecommender.Plan bestSameDamage = oracle.forBudget(recommended.expectedDamaged());
        PackagingRecommender.Totals idealSame = oracle.totals(bestSameDamage.assignment(), truth);
        out.printf(Locale.ROOT, "%nDamage budget: %.0f damaged shipments (the history's count); λ = %.3g; %,d of %,d products change package.%n%n",
                budget, plan.lambda(), plan.changed(), plan.choices().size());
        out.println("| assignment, in TRUE damage probabilities | expected damaged shipments | packaging + shipping ₹ | damage cost ₹ | total ₹ |");
        out.println("|---|---:|---:|---:|---:|");
        totals(out, "historical policy", history);
        totals(out, "recommended (model, budget = history's damage)", recommended);
        totals(out, "best the truth allows at the same budget", ideal);
        totals(out, "best the truth allows at the recommendation's true damage", idealSame);
        recommendations.forEach(out::println);
        out.printf(Locale.ROOT, "%nRecommended vs history: damage %+.1f %%, packaging + shipping %+.1f %%.%n",
                100 * (recommended.expectedDamaged() / history.expectedDamaged() - 1),
                100 * (recommended.packagingAndShippingInr() / history.packagingAndShippingInr() - 1));
        Map<String, Double> shippingByPackage = new HashMap<>();
        double[] a = analysis.shipping().intercepts();
        for (int k = 0; k < ladder.size(); k++) {
            shippingByPackage.put(ladder.packages().get(k).name(), a[k]);
        }
        out.printf(Locale.ROOT, "Shipping cost estimate: ₹%.4f per billed gram; intercepts by package %s.%n", analysis.shipping().perGram(),
                shippingByPackage);
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
        return in.workbench.analytics.evaluation.BinaryMetrics.auc(p, pos, neg);
    }

    private static void row(PrintWriter out, String name, PackagingTrainer.Metrics m) {
        out.printf(Locale.ROOT, "| %s | %.3f | %.4f | %.4f | %,d | %.1f s |%n", name, m.auc(), m.logLoss(), m.brier(), m.violatingProducts(),
                m.trainMillis() / 1000.0);
    }

    private static void totals(PrintWriter out, String name, PackagingRecommender.Totals t) {
        out.printf(Locale.ROOT, "| %s | %,.1f | %,.0f | %,.0f | %,.0f |%n", name, t.expectedDamaged(), t.packagingAndShippingInr(), t.damageCostInr(),
                t.totalInr());
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
