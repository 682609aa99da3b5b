package in.workbench.app.bench;

import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.network.PageDecision;
import in.workbench.analytics.network.PointInTimeFeatures;
import in.workbench.analytics.network.RunningCalibration;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.network.Sessions;
import in.workbench.analytics.network.SlowNetworkModel;
import in.workbench.analytics.network.SlowNetworkScoring;
import in.workbench.analytics.network.SlowNetworkTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.cli.SeedOption;
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
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** The seed of both worlds and of the model. */
    @Mixin
    SeedOption seed = new SeedOption(42);

    @Option(names = "--model-seed", description = "XGBoost's seed, if not the worlds' seed: the same worlds with another model, to see "
            + "how far the figures move by the trees' chance alone when comparing designs on the sample's worlds.")
    Long modelSeed;

    @Option(names = "--sample-only", description = "Only the sample generator's world: for working on the model without looking at the "
            + "second simulator, which must never be used to tune it.")
    boolean sampleOnly;

    @Option(names = "--shifted-worlds", description = "Also score shifted sample worlds (another seed; 20,000 sessions; only Android; "
            + "only iOS; no wifi; only 2g–4g; two carriers) with the trained and with the running calibration: for working on the "
            + "calibration without the second simulator.")
    boolean shiftedWorlds;

    @Option(names = "--diagnose", description = "Also show where the model loses against the true probabilities, segment by segment, "
            + "on the sample's test week and the shifted worlds (never the simulator's).")
    boolean diagnose;

    @Option(names = "--xgboost", paramLabel = "TREES,DEPTH,ETA", description = "XGBoost's rounds, depth and learning rate instead of "
            + "the trainer's defaults (for comparing settings on the sample's shifted worlds).")
    String xgboost;

    @Option(names = "--running-calibration", paramLabel = "HALF_LIFE,PRIOR,SEGMENT_PRIOR[,SEGMENT/FEATURE/fp=P…]",
            description = "Running-calibration settings to measure instead of the trained model's (half-life in ended sessions, "
            + "priors; segments such as network_platform, carrier_network, tower; features for the linear stage and fp=its prior), "
            + "or 'off'. Repeated: the first is measured everywhere, the others "
            + "are compared on the shifted worlds.")
    List<String> runningCalibration;

    /** One world's figures on its last week. */
    record World(String name, int sessions, int tested, double auc, double truthAuc, double ece, double truthEce, double brier,
            double truthBrier, PageDecision.Comparison utility, double oracleUtility) {

        /** A world that was not run (every figure NaN). */
        static World notRun() {
            double nan = Double.NaN;
            return new World("not run", 0, 0, nan, nan, nan, nan, nan, nan, new PageDecision.Comparison(nan, nan, nan, nan), nan);
        }
    }

    @Override
    void measure(PrintWriter out) throws Exception {
        PostalDirectory directory = PostalDirectory.load();
        try (ScratchFolder folder = ScratchFolder.temporary("workbench-bench-slow-network")) {
            Path base = folder.path();
            new SessionSampler(new SessionSampler.Config(sessions, 42, seed.value()), directory).write(base.resolve("sample"));
            if (!sampleOnly) {
                new CellularSimulator(new CellularSimulator.Config(subscribers, 35, seed.value()), directory).write(base.resolve("simulator"));
            }
            PageDecision decision = PageDecision.DEFAULTS;
            SlowNetworkTrainer.Result trained;
            World sample;
            World sampleTrained;
            Sessions sampleSessions;
            SlowNetworkModel model;
            try (Workspace ws = Workspace.open(base.resolve("ws-sample"))) {
                load(ws, base.resolve("sample/sessions.csv"));
                trained = new SlowNetworkTrainer().trainAndSave(ws, trainerOptions(), ProgressMonitor.NONE);
                model = runningCalibration == null ? trained.model()
                        : trained.model().withRunningCalibration(settings(runningCalibration.get(0)));
                SlowNetworkTrainer.Report r = trained.report();
                Map<String, Double> truth = truth(base.resolve("sample/truth/sessions_truth.csv"));
                double[] t = Arrays.stream(r.testIds()).mapToDouble(truth::get).toArray();
                sampleTrained = world("sample generator (test week), trained calibration", (int) r.sessions(), r.testP(), r.testY(), t,
                        decision);
                sampleSessions = new SessionStore(ws).readAll(ProgressMonitor.NONE);
                Sessions s = sampleSessions;
                float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
                long testFrom = r.testFrom().toEpochMilli();
                // only the test week's outcomes feed the running calibration: the earlier sessions' raw probabilities are in-sample
                double[] all = SlowNetworkScoring.pSlowAll(model, s, features, i -> s.startMillis(i) >= testFrom, true, null,
                        ProgressMonitor.NONE);
                Map<String, Integer> rowOf = new HashMap<>();
                for (int i = 0; i < s.size(); i++) {
                    rowOf.put(s.sessionId(i), i);
                }
                double[] p = Arrays.stream(r.testIds()).mapToDouble(id -> all[rowOf.get(id)]).toArray();
                sample = world("sample generator (test week)", (int) r.sessions(), p, r.testY(), t, decision);
                if (diagnose) {
                    int[] testRows = Arrays.stream(r.testIds()).mapToInt(rowOf::get).toArray();
                    SlowNetworkDiagnosis.print("sample generator, test week", s, features, testRows, p, r.testY(), t, out);
                }
            }
            World simulator = sampleOnly ? World.notRun() : simulatorWorld(base, model, decision);
            SlowNetworkTrainer.Result result = trained;
            int cores = Machine.cores();
            if (shiftedWorlds) {
                shifted(base, directory, model, decision, out);
            }
            Samples[] speeds = Samples.collectEach(1, 3, SPEEDS, () -> speed(model, decision, sampleSessions));
            double[] median = Arrays.stream(speeds).mapToDouble(Samples::median).toArray();
            SlowNetworkTrainer.Report r = result.report();
            out.printf("| slow network (seed %d, %d cores) | sample generator | second simulator%s |%n|---|---:|---:|%n", seed.value(), cores,
                    sampleOnly ? " (not run: --sample-only)" : "");
            out.printf("| sessions generated / evaluated (last week) | %,d / %,d | %,d / %,d |%n", sample.sessions(), sample.tested(),
                    simulator.sessions(), simulator.tested());
            out.printf("| AUC of the model / of the true probabilities | %.4f / %.4f | %.4f / %.4f |%n", sample.auc(), sample.truthAuc(),
                    simulator.auc(), simulator.truthAuc());
            out.printf("| AUC ratio (goal ≥ 0.97 on the simulator) | %.3f | %.3f |%n", sample.auc() / sample.truthAuc(),
                    simulator.auc() / simulator.truthAuc());
            out.printf("| ECE, 10 bins (goal ≤ 0.03 on the simulator) | %.4f | %.4f |%n", sample.ece(), simulator.ece());
            out.printf("| … against the true probabilities | %.4f | %.4f |%n", sample.truthEce(), simulator.truthEce());
            out.printf("| sample: AUC ratio / ECE with the trained calibration alone | %.3f / %.4f | |%n",
                    sampleTrained.auc() / sampleTrained.truthAuc(), sampleTrained.ece());
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
            out.printf("| P(slow) + running calibration + decision, on the features, %d cores | %,.0f |%n", cores, median[P_ALL]);
            out.printf("| P(slow) + running calibration + decision, one thread | %,.0f |%n", median[P_ONE]);
            out.printf("| end to end (features + P(slow) + decision), %d cores | %,.0f |%n", cores, median[END_ALL]);
            out.printf("| end to end, one thread | %,.0f |%n", median[END_ONE]);
            out.printf("| end to end / P(slow) alone, %d cores | %.2f |%n", cores, median[END_ALL] / median[P_ALL]);
            out.printf("| per CPU-second of the scoring thread (less sensitive to other load): features / P(slow) + decision / "
                    + "end to end, one thread | %,.0f / %,.0f / %,.0f |%n", median[CPU_FEATURES], median[CPU_P_ONE], median[CPU_END_ONE]);
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
    private static final int CPU_FEATURES = 6;
    private static final int CPU_P_ONE = 7;
    private static final int CPU_END_ONE = 8;
    private static final int SPEEDS = 9;
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
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        SlowNetworkScoring.score(model, decision, s, features, all, false, true, ProgressMonitor.NONE);
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        SlowNetworkScoring.score(model, decision, s, features, all, false, false, ProgressMonitor.NONE);
        long t3 = System.nanoTime();
        long c3 = cpu.getCurrentThreadCpuTime();
        SlowNetworkScoring.score(model, decision, s, features, first, true, true, ProgressMonitor.NONE);
        long t4 = System.nanoTime();
        double[] v = new double[SPEEDS];
        v[FEATURES] = n / ((t1 - t0) / 1e9);
        v[P_ALL] = n / ((t2 - t1) / 1e9);
        v[P_ONE] = n / ((t3 - t2) / 1e9);
        v[END_ALL] = n / (((t1 - t0) + (t2 - t1)) / 1e9);
        v[END_ONE] = n / (((t1 - t0) + (t3 - t2)) / 1e9);
        v[REASONS] = first.length / ((t4 - t3) / 1e9);
        v[CPU_FEATURES] = n / ((c1 - c0) / 1e9);
        v[CPU_P_ONE] = n / ((c3 - c2) / 1e9);
        v[CPU_END_ONE] = n / (((c1 - c0) + (c3 - c2)) / 1e9);
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

    /** Settings from {@code --running-calibration}. */
    static RunningCalibration.Settings settings(String spec) {
        if (spec.equals("off")) {
            return RunningCalibration.Settings.OFF;
        }
        String[] v = spec.split(",");
        List<RunningCalibration.Segment> segments = new java.util.ArrayList<>();
        List<String> features = new java.util.ArrayList<>();
        double featurePrior = 0;
        for (String k : Arrays.asList(v).subList(3, v.length)) {
            if (k.startsWith("fp=")) {
                featurePrior = Double.parseDouble(k.substring(3));
            } else if (PointInTimeFeatures.NAMES.contains(k)) {
                features.add(k);
            } else {
                segments.add(RunningCalibration.Segment.valueOf(k.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return new RunningCalibration.Settings(Double.parseDouble(v[0]), Double.parseDouble(v[1]),
                RunningCalibration.Settings.defaults().refitEvery(), Double.parseDouble(v[2]), segments, featurePrior, features);
    }

    private SlowNetworkTrainer.Options trainerOptions() {
        long s = modelSeed == null ? seed.value() : modelSeed;
        if (xgboost == null) {
            return SlowNetworkTrainer.Options.defaults(s);
        }
        String[] v = xgboost.split(",");
        if (v.length != 3) {
            throw new IllegalArgumentException("--xgboost takes TREES,DEPTH,ETA, e.g. 140,5,0.1");
        }
        return new SlowNetworkTrainer.Options(s, Integer.parseInt(v[0].trim()), Integer.parseInt(v[1].trim()),
                Double.parseDouble(v[2].trim()));
    }

    /** A shifted sample world: which of the generated rows it keeps. */
    private record Shift(String name, long seedOffset, int sessions, Predicate<String[]> keeps) {
    }

    /**
     * The model on shifted sample worlds (never the simulator): each world's last week, with the trained calibration alone
     * and with the model's running calibration, against outcomes and true probabilities.
     */
    private void shifted(Path base, PostalDirectory directory, SlowNetworkModel model, PageDecision decision, PrintWriter out)
            throws IOException {
        // columns of sessions.csv: 4 os, 6 network_type, 7 carrier
        List<Shift> shifts = List.of(new Shift("another seed", 1, sessions, r -> true),
                new Shift("another seed, 20,000 sessions", 2, 20_000, r -> true),
                new Shift("only Android", 3, sessions, r -> r[4].startsWith("android")),
                new Shift("only iOS", 4, sessions, r -> r[4].startsWith("ios")),
                new Shift("no wifi", 5, sessions, r -> !r[6].equals("wifi")),
                new Shift("only 2g–4g", 6, sessions, r -> r[6].equals("2g") || r[6].equals("3g") || r[6].equals("4g")),
                new Shift("two carriers", 7, sessions, null));
        out.printf("%n| shifted sample world (last week) | sessions | AUC ratio | ECE trained / running | ECE vs truth trained / running |"
                + " mean p trained / running / observed |%n|---|---:|---:|---:|---:|---:|%n");
        double[] sums = new double[4];
        double worst = 0;
        Map<String, double[]> variants = new java.util.LinkedHashMap<>();
        for (Shift shift : shifts) {
            Path dir = base.resolve("shift-" + shift.seedOffset());
            new SessionSampler(new SessionSampler.Config(shift.sessions(), 42, seed.value() + 1_000 * shift.seedOffset()), directory).write(dir);
            List<String> lines = Files.readAllLines(dir.resolve("sessions.csv"));
            Predicate<String[]> keeps = shift.keeps() == null ? twoCarriers(lines) : shift.keeps();
            List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
            lines.stream().skip(1).filter(l -> keeps.test(l.split(",", -1))).forEach(kept::add);
            Files.write(dir.resolve("shifted.csv"), kept);
            try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
                load(ws, dir.resolve("shifted.csv"));
                Sessions s = new SessionStore(ws).readAll(ProgressMonitor.NONE);
                float[] features = PointInTimeFeatures.computeAll(s, ProgressMonitor.NONE);
                long last = Arrays.stream(s.timeOrder()).mapToLong(s::startMillis).max().orElse(0);
                int[] rows = Arrays.stream(s.timeOrder()).filter(i -> s.labelled(i) && s.startMillis(i) >= last - 7L * 86_400_000).toArray();
                double[] off = SlowNetworkScoring.pSlowAll(model.withRunningCalibration(RunningCalibration.Settings.OFF), s, features,
                        i -> true, true, null, ProgressMonitor.NONE);
                double[] run = SlowNetworkScoring.pSlowAll(model, s, features, i -> true, true, null, ProgressMonitor.NONE);
                for (int v = 1; runningCalibration != null && v < runningCalibration.size(); v++) {
                    double[] other = SlowNetworkScoring.pSlowAll(model.withRunningCalibration(settings(runningCalibration.get(v))), s,
                            features, i -> true, true, null, ProgressMonitor.NONE);
                    World w = world(shift.name(), s.size(), Arrays.stream(rows).mapToDouble(i -> other[i]).toArray(), ys(s, rows),
                            truths(s, rows, dir), decision);
                    variants.computeIfAbsent(runningCalibration.get(v), k -> new double[3]);
                    double[] acc = variants.get(runningCalibration.get(v));
                    acc[0] += w.auc() / w.truthAuc();
                    acc[1] += w.truthEce();
                    acc[2] = Math.max(acc[2], w.truthEce());
                }
                Map<String, Double> truth = truth(dir.resolve("truth/sessions_truth.csv"));
                boolean[] y = new boolean[rows.length];
                double[] t = new double[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    y[k] = s.slow(rows[k]);
                    t[k] = truth.get(s.sessionId(rows[k]));
                }
                World a = world(shift.name(), s.size(), Arrays.stream(rows).mapToDouble(i -> off[i]).toArray(), y, t, decision);
                if (diagnose) {
                    SlowNetworkDiagnosis.print(shift.name(), s, features, rows, Arrays.stream(rows).mapToDouble(i -> run[i]).toArray(), y, t,
                            out);
                }
                World b = world(shift.name(), s.size(), Arrays.stream(rows).mapToDouble(i -> run[i]).toArray(), y, t, decision);
                double observed = 0;
                for (boolean v : y) {
                    observed += v ? 1 : 0;
                }
                out.printf("| %s | %,d | %.3f / %.3f | %.4f / %.4f | %.4f / %.4f | %.3f / %.3f / %.3f |%n", shift.name(), s.size(),
                        a.auc() / a.truthAuc(), b.auc() / b.truthAuc(), a.ece(), b.ece(), a.truthEce(), b.truthEce(),
                        Arrays.stream(rows).mapToDouble(i -> off[i]).average().orElse(0),
                        Arrays.stream(rows).mapToDouble(i -> run[i]).average().orElse(0), observed / rows.length);
                sums[0] += a.auc() / a.truthAuc();
                sums[1] += b.auc() / b.truthAuc();
                sums[2] += a.truthEce();
                sums[3] += b.truthEce();
                worst = Math.max(worst, b.truthEce());
            }
        }
        int n = shifts.size();
        out.printf("| mean of the %d worlds | | %.4f / %.4f | | %.4f / %.4f | |%n", n, sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n);
        if (!variants.isEmpty()) {
            out.printf("%n| running calibration (shifted worlds) | mean AUC ratio | mean ECE vs truth | worst |%n|---|---:|---:|---:|%n");
            out.printf("| %s | %.4f | %.4f | %.4f |%n", runningCalibration.get(0), sums[1] / n, sums[3] / n, worst);
            variants.forEach((k, acc) -> out.printf("| %s | %.4f | %.4f | %.4f |%n", k, acc[0] / n, acc[1] / n, acc[2]));
        }
    }

    private static boolean[] ys(Sessions s, int[] rows) {
        boolean[] y = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            y[k] = s.slow(rows[k]);
        }
        return y;
    }

    private static double[] truths(Sessions s, int[] rows, Path dir) throws IOException {
        Map<String, Double> truth = truth(dir.resolve("truth/sessions_truth.csv"));
        return Arrays.stream(rows).mapToDouble(i -> truth.get(s.sessionId(i))).toArray();
    }

    /** Keeps the rows of the two most frequent carriers. */
    private static Predicate<String[]> twoCarriers(List<String> lines) {
        Map<String, Long> counts = lines.stream().skip(1).map(l -> l.split(",", -1)[7]).filter(c -> !c.isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(c -> c, java.util.stream.Collectors.counting()));
        List<String> top = counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(2)
                .map(Map.Entry::getKey).toList();
        return r -> top.contains(r[7]);
    }

    private static World world(String name, int sessions, double[] p, boolean[] y, double[] truth, PageDecision decision) {
        PageDecision.Comparison oracle = decision.compare(truth, y, decision.threshold());
        double[] neg = Arrays.stream(truth).map(v -> 1 - v).toArray();
        return new World(name, sessions, p.length, BinaryMetrics.auc(p, y), BinaryMetrics.auc(truth, y), BinaryMetrics.ece(p, y, 10),
                BinaryMetrics.ece(BinaryMetrics.reliability(p, truth, neg, 10)), BinaryMetrics.brier(p, y), BinaryMetrics.brier(truth, y), decision.compare(p, y, decision.threshold()), oracle.rule());
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
