package in.workbench.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.crisp.CrispEvaluation;
import in.workbench.analytics.crisp.CrispModel;
import in.workbench.analytics.crisp.CrispService;
import in.workbench.analytics.crisp.CrispSettings;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.crisp.WorkforceWorld;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command-line side of CRISP (shared/CLI.md): the options and output of {@code train crisp},
 * {@code score crisp} and {@code generate-sample --world workforce}, called from the shared
 * commands with one line each. Stateless.
 */
final class CrispCommands {

    private CrispCommands() {
    }

    /** The window of days {@code train crisp} and {@code score crisp} read (a picocli mixin of both). */
    static final class Window {
        @Option(names = "--from", paramLabel = "DATE", description = "crisp: day 0 of the window (default: the first contact or test).")
        LocalDate from;

        @Option(names = "--as-of", paramLabel = "DATE", description = "crisp: the as-of day (default: the last contact or test).")
        LocalDate asOf;

        /** Refuses a window that ends before it starts (a usage error). */
        void check(CommandSpec spec) {
            if (from != null && asOf != null && asOf.isBefore(from)) {
                throw new ParameterException(spec.commandLine(), "--as-of " + asOf + " is before --from " + from + ".");
            }
        }
    }

    /** The options {@code train crisp} adds (as a picocli mixin). */
    static final class TrainOptions {
        @Option(names = "--sweeps", description = "crisp: kept sweeps per chain of the final scoring run, after 20 burn-in (default 60).")
        Integer sweeps;

        @Option(names = "--em-iterations", description = "crisp: Monte Carlo EM iterations (default 20).")
        Integer emIterations;

        @Mixin
        Window window;

        @Option(names = "--params-out", paramLabel = "FILE", description = "crisp: also write the learned parameters as JSON to FILE.")
        Path paramsOut;

        @Option(names = "--retention-days", paramLabel = "N",
                description = "crisp: keep contacts and tests for N days, deleting older ones now and on every run (0 keeps all).")
        Integer retentionDays;
    }

    /** The options {@code score crisp} adds (as a picocli mixin). */
    static final class ScoreOptions {
        @Mixin
        Window window;

        @Option(names = "--sweeps", description = "crisp: kept sweeps per chain, after 20 burn-in (default 60).")
        Integer sweeps;
    }

    static int train(WorkspaceOptions options, long seed, TrainOptions o, CommandSpec spec) throws Exception {
        int sweeps = o.sweeps == null ? CrispService.DEFAULT_SWEEPS : o.sweeps;
        int em = o.emIterations == null ? 20 : o.emIterations;
        if (sweeps < 2 || em < 1) {
            throw new ParameterException(spec.commandLine(), "--sweeps must be at least 2 and --em-iterations at least 1.");
        }
        if (o.retentionDays != null && o.retentionDays < 0) {
            throw new ParameterException(spec.commandLine(), "--retention-days must be 0 (keep all) or more.");
        }
        o.window.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = options.open()) {
            if (o.retentionDays != null) {
                CrispSettings.of(ws).withRetentionDays(o.retentionDays).save(ws);
            }
            CrispService.Training t;
            try (TerminalProgress progress = options.progress("Training CRISP")) {
                t = new CrispService(ws).train(seed, sweeps, em, o.window.from, o.window.asOf, progress);
            }
            notes(t.scores().notes());
            CrispModel m = t.model();
            out.printf(Locale.ROOT, "CRISP trained on %,d people, %,d encounters and %,d tests from %s to %s (%d EM iterations, seed %d) "
                    + "in %.1f s; then %d chains × %d kept sweeps scored everyone in %.1f s.%n", m.people(), m.contacts(), m.tests(),
                    m.firstDay(), m.asOf(), em, seed, t.emMillis() / 1000.0, CrispService.CHAINS, sweeps, t.scores().millis() / 1000.0);
            out.printf(Locale.ROOT, "  p0 %.5f; weights: intercept %.4f, per hour %.4f, closer than 2 m %.4f, indoor %.4f (Monte Carlo "
                    + "s.e. %.4f, %.4f, %.4f, %.4f)%n", m.params().p0(), m.params().intercept(), m.params().durationH(), m.params().close(),
                    m.params().indoor(), m.standardErrors()[1], m.standardErrors()[2], m.standardErrors()[3], m.standardErrors()[4]);
            out.printf(Locale.ROOT, "  exposed already on the first day %.4f; %.0f%% of infections tested for symptoms, most often on "
                    + "infectious day %d; anyone %.4f per day; R-hat %.3f; mean risk %.4f%n", m.params().initial(),
                    100 * m.params().symptomTestedShare(), m.params().likeliestSymptomTestDay() + 1, m.params().symptomTestOther(), m.rhatMax(),
                    java.util.Arrays.stream(t.scores().posterior().risks()).average().orElse(0));
            for (CrispEvaluation.TypicalContact c : CrispEvaluation.typicalContacts()) {
                if (c.minutes() == 15 && c.distanceM() == 1 && c.indoor() || c.minutes() == 60 && c.distanceM() == 3 && !c.indoor()) {
                    out.printf(Locale.ROOT, "  p1 for %s: %.4f%n", c.label(), c.p1(m.params()));
                }
            }
            if (o.paramsOut != null) {
                m.writeTo(o.paramsOut);
                out.println("Wrote the learned parameters to " + o.paramsOut + ".");
            }
            if (options.json()) {
                ObjectNode json = m.toJson();
                JsonSummary.print(out, json);
            }
        }
        return 0;
    }

    static void checkScoreArguments(ScoreOptions o, CommandSpec spec) {
        if (o.sweeps != null && o.sweeps < 2) {
            throw new ParameterException(spec.commandLine(), "--sweeps must be at least 2.");
        }
        o.window.check(spec);
    }

    static void score(Workspace ws, WorkspaceOptions options, ScoreOptions o, Path file, PrintWriter out) {
        CrispModel model = CrispModel.load(ws);
        CrispService.Scores s;
        try (TerminalProgress progress = options.progress("Scoring CRISP risk")) {
            s = new CrispService(ws).score(model.seed(), o.sweeps == null ? CrispService.DEFAULT_SWEEPS : o.sweeps, o.window.from, o.window.asOf,
                    progress);
        }
        notes(s.notes());
        CrispService.writeRiskCsv(s, file);
        double[] risk = s.posterior().risks();
        long above = java.util.Arrays.stream(risk).filter(r -> r >= 0.5).count();
        out.printf(Locale.ROOT, "Scored %,d people on %s (%d samples, R-hat %.3f, %.1f s); mean risk %.4f, %,d at 0.5 or more. Wrote %s "
                + "(health data under pseudonyms; see %s.provenance.json).%n", s.data().people(), s.data().asOf(), s.posterior().samples(),
                s.posterior().rhat(), s.millis() / 1000.0, java.util.Arrays.stream(risk).average().orElse(0), above, file, file.getFileName());
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("model", "crisp", "people", s.data().people(), "as_of", s.data().asOf().toString(),
                    "samples", s.posterior().samples(), "rhat_max", s.posterior().rhat(), "mean_risk",
                    java.util.Arrays.stream(risk).average().orElse(0)));
        }
    }


    private static void notes(java.util.List<String> notes) {
        for (String n : notes) {
            System.err.println("Note: " + n);
        }
    }

    /** {@code generate-sample --world workforce}: the sample CRISP world. */
    static int generateWorld(Path output, int people, long seed, OutputOptions options, PrintWriter out) {
        long t0 = System.nanoTime();
        WorkforceWorld.Summary s;
        try (TerminalProgress progress = options.progress("Generating the workforce world")) {
            s = new WorkforceWorld(WorkforceWorld.Config.standard(seed).withPeople(people)).generate(output, progress);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "Wrote %,d people, %,d contacts and %,d tests (%,d positive) to %s in %.1f s; truth/ holds each person's "
                + "true states and the true parameters (%,d infected on the as-of day, %,d ever).%n", s.people(), s.contacts(), s.tests(),
                s.positives(), output, seconds, s.infectedOnAsOf(), s.everInfected());
        if (options.json()) {
            JsonSummary.print(out, JsonSummary.object("world", "workforce", "people", s.people(), "contacts", s.contacts(), "tests",
                    s.tests(), "positives", s.positives(), "seed", seed, "seconds", Math.round(seconds * 10) / 10.0));
        }
        return 0;
    }
}
