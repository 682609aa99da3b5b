package in.workbench.app.bench;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.lab.Algorithm;
import in.workbench.analytics.lab.CandidateResult;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabResult;
import in.workbench.analytics.lab.LabSpec;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.lab.LabTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.cli.SeedOption;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench lab}: how many rows each memory-hungry lab algorithm (CART, random forest, extra
 * trees, k-NN) trains on before the heap runs out. Generates one table shaped like an analyst's
 * (a date, three numbers, a 20-level city, a 1,000-level shop, a flag and a yes/no target),
 * imports it with {@code import -t table}, and trains each algorithm on growing prefixes of it
 * (views of the first N rows) exactly as {@code train lab} does: validated by time on the earliest
 * 80 %, then refitted on every row, with permutation importance. An algorithm stops at its first
 * size that fails. Run with {@code -Xmx512m}: the lab's row limits ({@link Algorithm#maxRows()})
 * come from this table.
 */
@Command(name = "lab", description = {"Model lab: the largest table CART, random forest, extra trees and k-NN train on within the heap",
    "(run with -Xmx512m); each algorithm on growing row counts of a generated table until it runs out of memory."})
final class LabBench extends FolderBenchmark {

    private static final String[] CITIES = {"Mumbai", "Delhi", "Bengaluru", "Hyderabad", "Ahmedabad", "Chennai", "Kolkata", "Surat",
        "Pune", "Jaipur", "Lucknow", "Kanpur", "Nagpur", "Indore", "Thane", "Bhopal", "Patna", "Vadodara", "Ludhiana", "Agra"};

    @Option(names = "--algorithm", split = ",", defaultValue = "cart,random-forest,extra-trees,knn",
            description = "Algorithms to measure (default ${DEFAULT-VALUE}).")
    List<String> algorithms;

    @Option(names = "--rows", split = ",", defaultValue = "25000,50000,100000,200000,400000",
            description = "Row counts to try, smallest first (default ${DEFAULT-VALUE}).")
    List<Integer> rows;

    @Mixin
    SeedOption seed = new SeedOption(42);

    /** One algorithm on one row count. */
    record Step(Algorithm algorithm, int rows, String outcome, double seconds, long peakHeapMb, double load) {
        boolean completed() {
            return outcome.startsWith("completed");
        }
    }

    @Override
    void measure(ScratchFolder base, PrintWriter out) throws Exception {
        List<Algorithm> chosen = algorithms.stream().map(Algorithm::named).toList();
        List<Integer> sizes = rows.stream().sorted().toList();
        int largest = sizes.get(sizes.size() - 1);
        try (Workspace ws = Workspace.open(base.fresh("ws-lab"))) {
            Path csv = writeTable(base.resolve("lab-bench-" + largest + ".csv"), largest, seed.value());
            out.println(Machine.description());
            out.printf("%s.%n", Machine.load());
            LabStore store = new LabStore(ws);
            new GenericTableImporter(store).importFile(new GenericTableImporter.Request(csv, "bench_lab", null, Map.of(), null),
                    ProgressMonitor.NONE);
            try (Connection c = ws.connection(); Statement s = c.createStatement()) {
                for (int n : sizes) {
                    s.execute("CREATE VIEW bench_lab_" + n + " AS SELECT * FROM bench_lab WHERE row_no <= " + n);
                }
            }
            LabTrainer trainer = LabTrainer.ignoringRowLimits(store);
            out.println();
            MarkdownTable.header(out, "algorithm", "rows", "result", "wall s", "peak heap MB", "load average");
            for (Algorithm a : chosen) {
                for (int n : sizes) {
                    Step step = measure(trainer, a, n);
                    out.println(MarkdownTable.row(a.id(), String.format("%,d", n), step.outcome(),
                            String.format(Locale.ROOT, "%.0f", step.seconds()), String.format("%,d", step.peakHeapMb()),
                            String.format(Locale.ROOT, "%.1f", step.load())));
                    out.flush();
                    if (!step.completed()) {
                        break;
                    }
                }
            }
        }
    }

    private Step measure(LabTrainer trainer, Algorithm a, int n) throws InterruptedException {
        System.gc();
        PeakHeap heap = new PeakHeap();
        heap.start();
        long t0 = System.nanoTime();
        String outcome;
        try {
            LabResult r = trainer.train(new LabSpec("bench_lab_" + n, "late", null, null, List.of(a), LabSpec.Validation.byTime("day"),
                    seed.value()), ProgressMonitor.NONE);
            CandidateResult c = r.candidates().get(0);
            outcome = c.failure() != null ? "failed: " + c.failure()
                    : String.format(Locale.ROOT, "completed (AUC %.3f)", c.metric("auc"));
        } catch (OutOfMemoryError e) {
            outcome = "out of memory";
        } catch (WorkbenchException e) {
            outcome = e.getMessage().contains("heap space") || e.getMessage().contains("OutOfMemory") ? "out of memory"
                    : "failed: " + e.getMessage();
        }
        double seconds = Samples.secondsSince(t0);
        heap.stop();
        return new Step(a, n, outcome, seconds, heap.peakMb(), Machine.loadAverage());
    }

    /**
     * A table with a known signal: {@code late} depends on the distance, the weight, the city and
     * the express flag; the shop's 1,000 levels are skewed, so the lab keeps its 40 most frequent.
     */
    static Path writeTable(Path file, int rows, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(2026, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("day,amount_inr,weight_kg,distance_km,city,shop,express,late\n");
            for (int i = 0; i < rows; i++) {
                LocalDate day = start.plusDays((long) i * 365 / rows);
                double amount = Math.exp(6 + r.nextDouble() * 2.5);
                double weight = 0.2 + r.nextDouble() * 12;
                double distance = 5 + r.nextDouble() * 2_500;
                int city = (int) (CITIES.length * Math.pow(r.nextDouble(), 2));
                int shop = (int) (1_000 * Math.pow(r.nextDouble(), 3));
                boolean express = r.nextDouble() < 0.2;
                double logit = -1.2 + distance / 900 + 0.08 * weight - (express ? 1.1 : 0) + (city % 4 == 0 ? 0.6 : 0);
                boolean late = r.nextDouble() < 1 / (1 + Math.exp(-logit));
                w.write(String.format(Locale.ROOT, "%s,%.2f,%s,%.1f,%s,S%04d,%s,%s%n", day, amount,
                        i % 50 == 0 ? "" : String.format(Locale.ROOT, "%.3f", weight), distance, CITIES[city], shop, express, late));
            }
        }
        return file;
    }
}
