package in.workbench.app.bench;

import in.workbench.analytics.crisp.CrispData;
import in.workbench.analytics.crisp.CrispEvaluation;
import in.workbench.analytics.crisp.CrispParams;
import in.workbench.analytics.crisp.CrispSampler;
import in.workbench.analytics.crisp.CrispService;
import in.workbench.analytics.crisp.CrispSettings;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.cli.JsonSummary;
import in.workbench.sample.crisp.OutbreakSimulator;
import in.workbench.sample.crisp.WorkforceWorld;
import in.workbench.app.cli.SeedOption;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code workbench bench crisp}: speed and quality of CRISP. On the sample workforce world: import,
 * MCEM and a full scoring run, sweeps per second against people × days × encounters, peak heap.
 * On the independent outbreak simulator: AUC among people without a positive test against a plain
 * block-Gibbs of the published model with the true parameters (2 chains, 20 burn-in, 40 kept
 * sweeps) and the two contact-count baselines, the learned p1 on the typical-contact grid, mean
 * risk against prevalence, and ECE. Run with -Xmx1g to check the memory target.
 */
@Command(name = "crisp", description = {"CRISP on the sample workforce world (speed) and on an independently written outbreak simulator "
    + "(quality against the published model and baselines).", "Run with -Xmx1g to check the memory target."})
final class CrispBench extends FolderBenchmark {

    @Option(names = "--people", defaultValue = "20000", description = "People in the sample world (default ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--workers", defaultValue = "8000", description = "Workers in the independent simulator (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--em-iterations", defaultValue = "20", description = "MCEM iterations (default ${DEFAULT-VALUE}).")
    int emIterations;

    @Option(names = "--sweeps", defaultValue = "60", description = "Kept sweeps per chain of the scoring run (default ${DEFAULT-VALUE}).")
    int sweeps;

    @Mixin
    SeedOption seed = new SeedOption(19);

    @Option(names = "--skip-world", description = "Only the independent simulator.")
    boolean skipWorld;

    @Option(names = "--skip-simulator", description = "Only the sample world.")
    boolean skipSimulator;

    @Option(names = "--diagnose", description = {"Also separate the causes of a ranking gap: our sampler with the true weights and the "
        + "learned test policy, the learned weights without the test policy, the true weights without it."})
    boolean diagnose;

    @Override
    void measure(ScratchFolder base, PrintWriter out) throws Exception {
        out.printf(Locale.ROOT, "CRISP bench on %d cores, max heap %d MB, in %s%n", Machine.cores(), Machine.maxHeapMb(), base.path());
        if (!skipWorld) {
            world(base.resolve("world"), out);
        }
        if (!skipSimulator) {
            simulator(base.resolve("simulator"), out);
        }
    }

    private void world(Path d, PrintWriter out) throws Exception {
        WorkforceWorld.Config config = WorkforceWorld.Config.standard(seed.value()).withPeople(people);
        long t = System.nanoTime();
        WorkforceWorld.Summary s = new WorkforceWorld(config).generate(d.resolve("files"), ProgressMonitor.NONE);
        out.printf(Locale.ROOT, "Sample world: %,d people, %,d encounters, %,d tests (%,d positive), %,d infected on the as-of day; "
                + "generated in %.1f s%n", s.people(), s.contacts(), s.tests(), s.positives(), s.infectedOnAsOf(), Samples.secondsSince(t));
        CrispParams truth = CrispParams.published(config.p0(), config.intercept(), config.durationH(), config.close(), config.indoor());
        evaluate("sample world", d, truth, out);
    }

    private void simulator(Path d, PrintWriter out) throws Exception {
        OutbreakSimulator.Settings settings = OutbreakSimulator.Settings.evaluation(seed.value());
        settings = new OutbreakSimulator.Settings(workers, settings.horizon(), settings.seed(), settings.start(), settings.background(),
                settings.baseHazard(), settings.hazardPerHour(), settings.closeHazard(), settings.indoorHazard(), settings.initiallyInfected(),
                settings.falseNegative(), settings.falsePositive());
        long t = System.nanoTime();
        OutbreakSimulator.Outcome o = new OutbreakSimulator(settings).run(d.resolve("files"));
        out.printf(Locale.ROOT, "Independent simulator: %,d workers, %,d encounters, %,d tests (%,d positive), %,d infected on the "
                + "as-of day; simulated in %.1f s%n", o.workers(), o.encounters(), o.tests(), o.positives(), o.infectedAtEnd(), Samples.secondsSince(t));
        CrispParams truth = CrispParams.published(settings.background(), settings.baseHazard(), settings.hazardPerHour(),
                settings.closeHazard(), settings.indoorHazard());
        evaluate("independent simulator", d, truth, out);
    }

    private void evaluate(String what, Path d, CrispParams truth, PrintWriter out) throws Exception {
        Path files = d.resolve("files");
        PeakHeap heap = new PeakHeap();
        heap.start();
        try (Workspace ws = Workspace.open(d.resolve("workspace"))) {
            long t = System.nanoTime();
            CsvImporter importer = new CsvImporter(ws);
            long rows = 0;
            for (GeneratedFile f : List.of(new GeneratedFile("people.csv", DataTable.CRISP_PEOPLE), new GeneratedFile("contacts.csv",
                    DataTable.CRISP_CONTACTS), new GeneratedFile("tests.csv", DataTable.CRISP_TESTS))) {
                ImportSummary sum = f.importInto(importer, files);
                rows += sum.imported();
                if (sum.rejected() > 0) {
                    out.printf(Locale.ROOT, "  %s: %,d rows rejected%n", f.name(), sum.rejected());
                }
            }
            double importSeconds = Samples.secondsSince(t);
            t = System.nanoTime();
            CrispService service = new CrispService(ws);
            CrispService.Training training = service.train(seed.value(), sweeps, emIterations, null, null, ProgressMonitor.NONE);
            double trainSeconds = Samples.secondsSince(t);
            CrispData data = training.scores().data();
            boolean[] infected = truth(files.resolve("truth").resolve("crisp_truth.csv"), data);
            double[] risk = training.scores().posterior().risks();
            CrispEvaluation.Quality ours = CrispEvaluation.quality(data, risk, infected);
            out.printf(Locale.ROOT, "  %s: imported %,d rows in %.1f s; MCEM (%d iterations) %.1f s; scoring run (2 chains × (20 + %d) sweeps) "
                    + "%.1f s = %.2f sweeps/s; %,d people × %d days, %,d encounters, %,d tests%n", what, rows, importSeconds, emIterations,
                    training.emMillis() / 1000.0, sweeps, training.scores().millis() / 1000.0, training.scores().sweepsPerSecond(), data.people(),
                    data.days(), data.contacts(), data.tests());
            double perSweepMs = 1000.0 / training.scores().sweepsPerSecond() * Math.min(2, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "  one sweep of one chain: %.0f ms = %.2f µs per person-day + encounters; train+score %.1f s in all%n",
                    perSweepMs, perSweepMs * 1000 / ((double) data.people() * data.days()), trainSeconds);
            out.printf(Locale.ROOT, "  learned %s (R-hat %.3f)%n", training.model().params(), training.model().rhatMax());
            out.printf(Locale.ROOT, "  true    %s%n", truth);
            out.printf(Locale.ROOT, "  p1 on the typical-contact grid: mean relative error %.1f %%%n",
                    100 * CrispEvaluation.typicalContactError(training.model().params(), truth));
            for (CrispEvaluation.TypicalContact c : CrispEvaluation.typicalContacts()) {
                out.printf(Locale.ROOT, "    %-24s learned %.4f  true %.4f%n", c.label(), c.p1(training.model().params()), c.p1(truth));
            }
            CrispSettings settings = CrispSettings.of(ws);
            CrispSampler.Result plain = new CrispSampler().sample(data, settings, truth, new CrispSampler.Config(2, 20, 40, 1, seed.value()),
                    ProgressMonitor.NONE);
            CrispEvaluation.Quality published = CrispEvaluation.quality(data, plain.posterior().risks(), infected);
            CrispEvaluation.Quality count = CrispEvaluation.quality(data, CrispEvaluation.contactsWithPositives(data, null), infected);
            CrispEvaluation.Quality weighted = CrispEvaluation.quality(data, CrispEvaluation.contactsWithPositives(data, truth), infected);
            if (diagnose) {
                diagnose(data, settings, truth, training.model().params(), infected, out);
            }
            heap.stop();
            long peak = heap.peak();
            out.printf(Locale.ROOT, "  AUC among people without a positive test (truth: exposed or infectious on the as-of day):%n");
            out.printf(Locale.ROOT, "    CRISP, learned parameters + test policy  %.3f   mean risk %.4f vs prevalence %.4f (%+.0f %%), ECE %.4f%n",
                    ours.aucUntested(), ours.meanRisk(), ours.prevalence(), 100 * ours.calibrationGap(), ours.ece());
            out.printf(Locale.ROOT, "    published model, true parameters (2×20+40) %.3f   mean risk %.4f (%+.0f %%), ECE %.4f%n",
                    published.aucUntested(), published.meanRisk(), 100 * published.calibrationGap(), published.ece());
            out.printf(Locale.ROOT, "    contacts with positives, last 14 days     %.3f%n", count.aucUntested());
            out.printf(Locale.ROOT, "    same, weighted by the true p1              %.3f%n", weighted.aucUntested());
            out.printf(Locale.ROOT, "  reliability (mean predicted → observed, people):");
            ours.bins().forEach(b -> out.printf(Locale.ROOT, " %.3f→%.3f (%.0f)", b.meanPredicted(), b.observed(), b.weight()));
            out.println();
            out.printf(Locale.ROOT, "  peak heap %d MB%n", peak >> 20);
            JsonSummary.print(out, JsonSummary.object("bench", "crisp", "data", what, "people", data.people(), "days", data.days(),
                    "contacts", data.contacts(), "em_seconds", training.emMillis() / 1000.0, "score_seconds",
                    training.scores().millis() / 1000.0, "sweeps_per_second", training.scores().sweepsPerSecond(), "auc",
                    ours.aucUntested(), "auc_published", published.aucUntested(), "auc_contacts", count.aucUntested(), "auc_weighted",
                    weighted.aucUntested(), "p1_grid_error", CrispEvaluation.typicalContactError(training.model().params(), truth),
                    "mean_risk", ours.meanRisk(), "prevalence", ours.prevalence(), "ece", ours.ece(), "peak_heap_mb", peak >> 20));
            out.flush();
        }
    }

    private void diagnose(CrispData data, CrispSettings settings, CrispParams truth, CrispParams learned, boolean[] infected,
            PrintWriter out) {
        CrispParams trueWeightsWithPolicy = new CrispParams(truth.p0(), truth.intercept(), truth.durationH(), truth.close(), truth.indoor(),
                true, learned.symptomHazard(), learned.symptomTestOther(), learned.initial());
        CrispParams learnedWithoutPolicy = CrispParams.published(learned.p0(), learned.intercept(), learned.durationH(), learned.close(),
                learned.indoor());
        out.printf(Locale.ROOT, "  diagnosis (scoring runs 2 × (20 + %d) sweeps):%n", sweeps);
        report("true weights + learned test policy", trueWeightsWithPolicy, data, settings, truth, infected, out);
        report("learned weights, no test policy", learnedWithoutPolicy, data, settings, truth, infected, out);
        report("true weights, no test policy", truth, data, settings, truth, infected, out);
        out.flush();
    }

    private void report(String what, CrispParams params, CrispData data, CrispSettings settings, CrispParams truth, boolean[] infected,
            PrintWriter out) {
        CrispSampler.Result r = new CrispSampler().sample(data, settings, params, new CrispSampler.Config(2, 20, sweeps, 1, seed.value()),
                ProgressMonitor.NONE);
        CrispEvaluation.Quality q = CrispEvaluation.quality(data, r.posterior().risks(), infected);
        out.printf(Locale.ROOT, "    %-40s AUC %.3f  mean risk %.4f (%+.0f %%)  ECE %.4f  p1 grid error %.0f %%  %s%n", what, q.aucUntested(),
                q.meanRisk(), 100 * q.calibrationGap(), q.ece(), 100 * CrispEvaluation.typicalContactError(params, truth), params);
        out.flush();
    }

    private static boolean[] truth(Path file, CrispData data) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        for (int u = 0; u < data.people(); u++) {
            index.put(data.id(u), u);
        }
        boolean[] infected = new boolean[data.people()];
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Integer u = index.get(f[0]);
            if (u != null) {
                infected[u] = f[1].equals("E") || f[1].equals("I");
            }
        }
        return infected;
    }
}
