package in.workbench.analytics.crisp;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the command line and the window do with CRISP: train (MCEM, then a scoring run with the
 * learned parameters), score (sample with the saved parameters), write the risk CSV. Both apply the
 * retention setting first. Thread-safe: holds only the workspace.
 */
public final class CrispService {

    /** Burn-in sweeps of a scoring run. */
    public static final int SCORING_BURN_IN = 20;
    /** Kept sweeps per chain of a scoring run unless told otherwise (the issue asks for at least 50). */
    public static final int DEFAULT_SWEEPS = 60;
    /** Chains of a scoring run. */
    public static final int CHAINS = 2;
    /** Days an infectious person found by a test no longer spends spreading, for the value of a test. */
    public static final double DAYS_SPARED = 7;

    private final Workspace workspace;
    private final CrispStore store;

    public CrispService(Workspace workspace) {
        this.workspace = workspace;
        this.store = new CrispStore(workspace);
    }

    /**
     * A scoring run's outcome.
     *
     * @param testValue per person, the expected missed infections a test would avoid
     * @param notes what the data loading and retention had to say
     */
    public record Scores(CrispData data, CrispPosterior posterior, double[] testValue, double sweepsPerSecond, long millis,
            List<String> notes) {
    }

    /** A training run's outcome. */
    public record Training(CrispModel model, Scores scores, long emMillis) {
    }

    /** Loads the window after applying the retention setting. */
    public CrispData load(LocalDate from, LocalDate asOf, List<String> notes, ProgressMonitor monitor) {
        CrispSettings settings = CrispSettings.of(workspace);
        long[] deleted = store.applyRetention(settings.retentionDays(), LocalDate.now());
        if (deleted[0] + deleted[1] > 0) {
            notes.add(String.format("Retention (%d days): deleted %,d contacts and %,d tests older than %s.", settings.retentionDays(),
                    deleted[0], deleted[1], LocalDate.now().minusDays(settings.retentionDays())));
        }
        CrispData data = store.load(from, asOf, monitor);
        notes.addAll(data.notes());
        if (data.people() == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "There is nobody in the window; import people, contacts and tests first.");
        }
        return data;
    }

    /** Trains by MCEM, saves the model, then scores with it and saves the scores. */
    public Training train(long seed, int sweeps, int emIterations, LocalDate from, LocalDate asOf, ProgressMonitor monitor) {
        List<String> notes = new ArrayList<>();
        CrispData data = load(from, asOf, notes, monitor);
        CrispSettings settings = CrispSettings.of(workspace);
        CrispTrainer.Config config = new CrispTrainer.Config(emIterations, CHAINS, SCORING_BURN_IN, 10, seed, true);
        CrispTrainer.Result result = new CrispTrainer().train(data, settings, CrispParams.start(true), config, monitor);
        Scores scores = score(data, settings, result.params(), seed, sweeps, notes, monitor);
        CrispModel model = new CrispModel(result.params(), result.standardErrors(), result.batches(),
                result.sweeps() + SCORING_BURN_IN + sweeps, scores.posterior().rhat(), data.firstDay(), data.asOf(), seed, data.people(),
                data.contacts(), data.tests(), emIterations);
        model.save(workspace);
        return new Training(model, scores, result.millis());
    }

    /** Scores with the saved model and saves the scores. */
    public Scores score(long seed, int sweeps, LocalDate from, LocalDate asOf, ProgressMonitor monitor) {
        CrispModel model = CrispModel.load(workspace);
        List<String> notes = new ArrayList<>();
        CrispData data = load(from, asOf, notes, monitor);
        return score(data, CrispSettings.of(workspace), model.params(), seed, sweeps, notes, monitor);
    }

    private Scores score(CrispData data, CrispSettings settings, CrispParams params, long seed, int sweeps, List<String> notes,
            ProgressMonitor monitor) {
        CrispSampler.Result r = new CrispSampler().sample(data, settings, params,
                new CrispSampler.Config(CHAINS, SCORING_BURN_IN, sweeps, 1, seed), monitor);
        double[] value = testValue(data, r.posterior(), params, settings);
        store.saveScores(data, r.posterior(), value);
        return new Scores(data, r.posterior(), value, r.sweepsPerSecond(), r.millis(), List.copyOf(notes));
    }

    /**
     * The value of testing each person today: the expected infections a test would stop being
     * missed, (1 − α)·[P(E or I) + P(I)·D·Σ_v p̄1(u, v)·P(v susceptible)], where p̄1 is the
     * person's daily transmission to v over the last 7 days and D the days of spreading a positive
     * test spares ({@value #DAYS_SPARED}). Beyond the published method.
     */
    public static double[] testValue(CrispData data, CrispPosterior posterior, CrispParams params, CrispSettings settings) {
        int last = data.days - 1;
        int from = Math.max(0, data.days - 7);
        double[] value = new double[data.people];
        double[] onward = new double[data.people];
        for (int c = 0; c < data.contacts(); c++) {
            if (data.contactDay[c] < from) {
                continue;
            }
            double p1 = params.p1(data.contactHours[c], data.contactClose[c], data.contactIndoor[c]) / (data.days - from);
            int a = data.contactA[c];
            int b = data.contactB[c];
            onward[a] += p1 * posterior.stateProbabilities(b, last)[0];
            onward[b] += p1 * posterior.stateProbabilities(a, last)[0];
        }
        for (int u = 0; u < data.people; u++) {
            double[] p = posterior.stateProbabilities(u, last);
            value[u] = (1 - settings.alpha()) * (p[1] + p[2] + p[2] * DAYS_SPARED * onward[u]);
        }
        return value;
    }

    /**
     * Writes {@code person_id,risk,p_s,p_e,p_i,p_r} for every person, highest risk first, and beside it
     * {@code FILE.provenance.json} saying what the file holds (health data under pseudonyms).
     */
    public static void writeRiskCsv(Scores scores, Path file) {
        CrispData data = scores.data();
        Integer[] order = new Integer[data.people];
        double[] risk = scores.posterior().risks();
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(risk[y], risk[x]));
        int last = data.days - 1;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("person_id,risk,p_s,p_e,p_i,p_r\n");
                for (int u : order) {
                    double[] p = scores.posterior().stateProbabilities(u, last);
                    w.write(csv(data.id(u)) + String.format(Locale.ROOT, ",%.5f,%.5f,%.5f,%.5f,%.5f%n", p[1] + p[2], p[0], p[1], p[2], p[3]));
                }
            }
            Files.writeString(file.resolveSibling(file.getFileName() + ".provenance.json"), String.format(Locale.ROOT,
                    "{\"contents\":\"Health data: estimated probability that each person (pseudonymous id only, no names) is exposed "
                    + "or infectious on the as-of day, from workplace contacts and test results. Share only with people entitled "
                    + "to health data; delete when no longer needed.\",\"columns\":{\"person_id\":\"pseudonymous id\","
                    + "\"risk\":\"P(exposed or infectious) on as_of\",\"p_s\":\"P(susceptible)\",\"p_e\":\"P(exposed)\","
                    + "\"p_i\":\"P(infectious)\",\"p_r\":\"P(removed)\"},\"model\":\"crisp\",\"first_day\":\"%s\",\"as_of\":\"%s\","
                    + "\"people\":%d,\"contacts\":%d,\"tests\":%d,\"samples\":%d,\"rhat_max\":%s}%n", data.firstDay(), data.asOf(),
                    data.people(), data.contacts(), data.tests(), scores.posterior().samples(),
                    Double.isFinite(scores.posterior().rhat()) ? Double.toString(scores.posterior().rhat()) : "null"));
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
