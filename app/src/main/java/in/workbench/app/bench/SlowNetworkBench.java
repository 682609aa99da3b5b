package in.workbench.app.bench;

import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.network.PageDecision;
import in.workbench.analytics.network.PointInTimeFeatures;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.network.Sessions;
import in.workbench.analytics.network.SlowNetworkModel;
import in.workbench.analytics.network.SlowNetworkScoring;
import in.workbench.analytics.network.SlowNetworkTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.CellularSimulator;
import in.workbench.sample.SessionSampler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench slow-network}: trains on the sample world's sessions, then reports the model on the
 * sample's test week and on the independently written {@link CellularSimulator}'s last week (never
 * used to train or tune), each against its true probabilities, the page decision's utility, and
 * sessions scored per second.
 */
@Command(name = "slow-network", description = {"Slow-network model: quality on the sample's last week and on an independent simulator's, "
    + "against the true probabilities; utility of the page decision; sessions scored per second (features + P(slow) + decision)."})
final class SlowNetworkBench extends Benchmark {

    @Option(names = "--sessions", defaultValue = "150000", description = "Sample sessions to train on (default ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--subscribers", defaultValue = "6000", description = "Subscribers of the second simulator (default ${DEFAULT-VALUE}).")
    int subscribers;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of both worlds and the model (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sample-only", description = "Only the sample generator's world: for working on the model without looking at the "
            + "second simulator, which must never be used to tune it.")
    boolean sampleOnly;

    /** One world's figures on its last week. */
    record World(String name, int sessions, int tested, double auc, double truthAuc, double ece, double brier, double truthBrier,
            PageDecision.Comparison utility, double oracleUtility) {

        /** A world that was not run (every figure NaN). */
        static World notRun() {
            double nan = Double.NaN;
            return new World("not run", 0, 0, nan, nan, nan, nan, nan, new PageDecision.Comparison(nan, nan, nan, nan), nan);
        }
    }

    @Override
    void measure(PrintWriter out) throws Exception {
        PostalDirectory directory = PostalDirectory.load();
        try (ScratchFolder folder = ScratchFolder.temporary("workbench-bench-slow-network")) {
            Path base = folder.path();
            new SessionSampler(new SessionSampler.Config(sessions, 42, seed), directory).write(base.resolve("sample"));
            if (!sampleOnly) {
                new CellularSimulator(new CellularSimulator.Config(subscribers, 35, seed), directory).write(base.resolve("simulator"));
            }
            PageDecision decision = PageDecision.DEFAULTS;
            SlowNetworkTrainer.Result result;
            World sample;
            Sessions sampleSessions;
            try (Workspace ws = Workspace.open(base.resolve("ws-sample"))) {
                load(ws, base.resolve("sample/sessions.csv"));
                result = new SlowNetworkTrainer().trainAndSave(ws, SlowNetworkTrainer.Options.defaults(seed), ProgressMonitor.NONE);
                SlowNetworkTrainer.Report r = result.report();
                Map<String, Double> truth = truth(base.resolve("sample/truth/sessions_truth.csv"));
                double[] t = Arrays.stream(r.testIds()).mapToDouble(truth::get).toArray();
                sample = world("sample generator (test week)", (int) r.sessions(), r.testP(), r.testY(), t, decision);
                sampleSessions = new SessionStore(ws).readAll(ProgressMonitor.NONE);
            }
            World simulator = sampleOnly ? World.notRun() : simulatorWorld(base, result.model(), decision);
            int cores = Machine.cores();
            Samples[] speeds = Samples.collectEach(1, 3, SPEEDS, () -> speed(result.model(), decision, sampleSessions));
            double[] median = Arrays.stream(speeds).mapToDouble(Samples::median).toArray();
            SlowNetworkTrainer.Report r = result.report();
            out.printf("| slow network (seed %d, %d cores) | sample generator | second simulator%s |%n|---|---:|---:|%n", seed, cores,
                    sampleOnly ? " (not run: --sample-only)" : "");
            out.printf("| sessions generated / evaluated (last week) | %,d / %,d | %,d / %,d |%n", sample.sessions(), sample.tested(),
                    simulator.sessions(), simulator.tested());
            out.printf("| AUC of the model / of the true probabilities | %.4f / %.4f | %.4f / %.4f |%n", sample.auc(), sample.truthAuc(),
                    simulator.auc(), simulator.truthAuc());
            out.printf("| AUC ratio (goal ≥ 0.97 on the simulator) | %.3f | %.3f |%n", sample.auc() / sample.truthAuc(),
                    simulator.auc() / simulator.truthAuc());
            out.printf("| ECE, 10 bins (goal ≤ 0.03 on the simulator) | %.4f | %.4f |%n", sample.ece(), simulator.ece());
            out.printf("| Brier of the model / of the true probabilities | %.4f / %.4f | %.4f / %.4f |%n", sample.brier(), sample.truthBrier(),
                    simulator.brier(), simulator.truthBrier());
            out.printf("| mean utility per session: rule (lite if p > %.3f) | %.4f | %.4f |%n", decision.threshold(), sample.utility().rule(),
                    simulator.utility().rule());
            out.printf("| … everyone full / everyone lite | %.4f / %.4f | %.4f / %.4f |%n", sample.utility().everyoneFull(),
                    sample.utility().everyoneLite(), simulator.utility().everyoneFull(), simulator.utility().everyoneLite());
            out.printf("| … the rule on the true probabilities (best possible) | %.4f | %.4f |%n", sample.oracleUtility(),
                    simulator.oracleUtility());
            out.printf("%n| slow-network training and scoring | |%n|---|---:|%n");
            out.printf("| training on %,d sessions (%s kept; XGBoost %s, logistic regression %s AUC on the test week) | %.1f s |%n",
                    r.trainRows(), r.chosen(), f(r, "xgboost"), f(r, "logistic regression"), r.trainMillis() / 1000.0);
            int n = sampleSessions.size();
            out.printf("%n| slow-network sessions per second (%,d sample sessions, median of 3 passes) | |%n|---|---:|%n", n);
            out.printf("| point-in-time features alone (one thread, time-ordered pass) | %,.0f |%n", median[FEATURES]);
            out.printf("| P(slow) + decision alone, on the features, %d cores | %,.0f |%n", cores, median[P_ALL]);
            out.printf("| P(slow) + decision alone, one thread | %,.0f |%n", median[P_ONE]);
            out.printf("| end to end (features + P(slow) + decision), %d cores | %,.0f |%n", cores, median[END_ALL]);
            out.printf("| end to end, one thread | %,.0f |%n", median[END_ONE]);
            out.printf("| end to end / P(slow) alone, %d cores | %.2f |%n", cores, median[END_ALL] / median[P_ALL]);
            out.printf("| ranked reasons (P(slow) + decision + reasons on the features, %d cores, first %,d sessions) | %,.0f |%n", cores,
                    Math.min(n, REASON_ROWS), median[REASONS]);
        }
    }

    private static String f(SlowNetworkTrainer.Report r, String algorithm) {
        return r.candidates().stream().filter(c -> c.algorithm().equals(algorithm)).findFirst()
                .map(c -> String.format("%.3f", c.auc())).orElse("–");
    }

    private static final int FEATURES = 0;
    private static final int P_ALL = 1;
    private static final int P_ONE = 2;
    private static final int END_ALL = 3;
    private static final int END_ONE = 4;
    private static final int REASONS = 5;
    private static final int SPEEDS = 6;
    private static final int REASON_ROWS = 20_000;

    /**
     * Sessions per second of each way of scoring (indexed by {@link #FEATURES} … {@link #REASONS}). End to end is the
     * time-ordered feature pass (one thread: each session's features depend on the ones before it) followed by
     * P(slow) and the decision on all cores or on one thread.
     */
    private static double[] speed(SlowNetworkModel model, PageDecision decision, Sessions s) {
        int[] all = s.timeOrder();
        int[] first = Arrays.copyOf(all, Math.min(all.length, REASON_ROWS));
        double n = s.size();
        long t0 = System.nanoTime();
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        long t1 = System.nanoTime();
        SlowNetworkScoring.score(model, decision, s, features, all, false, true, ProgressMonitor.NONE);
        long t2 = System.nanoTime();
        SlowNetworkScoring.score(model, decision, s, features, all, false, false, ProgressMonitor.NONE);
        long t3 = System.nanoTime();
        SlowNetworkScoring.score(model, decision, s, features, first, true, true, ProgressMonitor.NONE);
        long t4 = System.nanoTime();
        double[] v = new double[SPEEDS];
        v[FEATURES] = n / ((t1 - t0) / 1e9);
        v[P_ALL] = n / ((t2 - t1) / 1e9);
        v[P_ONE] = n / ((t3 - t2) / 1e9);
        v[END_ALL] = n / (((t1 - t0) + (t2 - t1)) / 1e9);
        v[END_ONE] = n / (((t1 - t0) + (t3 - t2)) / 1e9);
        v[REASONS] = first.length / ((t4 - t3) / 1e9);
        return v;
    }

    /** The kept model on the second simulator's last week. */
    private static World simulatorWorld(Path base, SlowNetworkModel model, PageDecision decision) throws IOException {
        try (Workspace ws = Workspace.open(base.resolve("ws-simulator"))) {
            load(ws, base.resolve("simulator/sessions.csv"));
            Sessions s = new SessionStore(ws).readAll(ProgressMonitor.NONE);
            float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
            long last = Arrays.stream(s.timeOrder()).mapToLong(s::startMillis).max().orElse(0);
            int[] rows = Arrays.stream(s.timeOrder()).filter(i -> s.labelled(i) && s.startMillis(i) >= last - 7L * 86_400_000).toArray();
            SlowNetworkScoring.Scores scores = SlowNetworkScoring.score(model, decision, s, features, rows, false,
                    ProgressMonitor.NONE);
            Map<String, Double> truth = truth(base.resolve("simulator/truth/sessions_truth.csv"));
            boolean[] y = new boolean[rows.length];
            double[] t = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                y[k] = s.slow(rows[k]);
                t[k] = truth.get(s.sessionId(rows[k]));
            }
            return world("second simulator (last week, never trained or tuned on)", s.size(), scores.pSlow(), y, t, decision);
                }
    }

    private static World world(String name, int sessions, double[] p, boolean[] y, double[] truth, PageDecision decision) {
        PageDecision.Comparison oracle = decision.compare(truth, y, decision.threshold());
        return new World(name, sessions, p.length, BinaryMetrics.auc(p, y), BinaryMetrics.auc(truth, y), BinaryMetrics.ece(p, y, 10),
                BinaryMetrics.brier(p, y), BinaryMetrics.brier(truth, y), decision.compare(p, y, decision.threshold()), oracle.rule());
    }

    private static void load(Workspace ws, Path csv) {
        new CsvImporter(ws, List.of(SessionStore.outcomesHook())).importFile(csv, DataTable.SESSIONS, ImportOptions.defaults(),
                ProgressMonitor.NONE);
    }

    private static Map<String, Double> truth(Path csv) throws IOException {
        Map<String, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            int c = line.indexOf(',');
            m.put(line.substring(0, c), Double.parseDouble(line.substring(c + 1)));
        }
        return m;
    }
}
