package in.workbench.analytics.crisp;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Monte Carlo EM for p0, the transmission weights and (with the test policy) the symptom-test
 * hazard by infectious day: each iteration runs the block-Gibbs chains a few sweeps under the current parameters
 * (E-step: the kept samples stand for the posterior of the trajectories), then maximises the
 * expected complete-data log-likelihood (M-step: concave in the weights, solved by projected
 * Newton; the test policy in closed form). The chains carry on from iteration to iteration. The
 * result is the average of the last third of the iterations, and its Monte Carlo standard error
 * comes from fitting the last iteration's halves of each chain separately (batch means).
 * Thread-safe: each call has its own chains.
 */
public final class CrispTrainer {

    /**
     * How to train.
     *
     * @param emIterations EM iterations
     * @param chains chains
     * @param burnIn sweeps before the first E-step
     * @param sweepsPerIteration kept sweeps per chain in each E-step (more in the last iterations)
     * @param seed random seed
     * @param testPolicy whether symptom-driven testing is part of the likelihood
     */
    public record Config(int emIterations, int chains, int burnIn, int sweepsPerIteration, long seed, boolean testPolicy) {
        public Config {
            if (emIterations < 1 || chains < 1 || burnIn < 0 || sweepsPerIteration < 2) {
                throw new IllegalArgumentException("need at least one EM iteration, one chain and two sweeps per iteration");
            }
        }

        /** The defaults of {@code workbench train crisp}. */
        public static Config defaults(long seed) {
            return new Config(20, 2, 20, 10, seed, true);
        }
    }

    /**
     * The outcome of training.
     *
     * @param params the learned parameters
     * @param standardErrors Monte Carlo standard errors of (p0, intercept, duration_h, close, indoor)
     * @param batches the parameters fitted on each batch of the last E-step, for the uncertainty of derived figures
     * @param history the parameters after each iteration
     * @param sweeps sweeps per chain in all
     */
    public record Result(CrispParams params, double[] standardErrors, List<CrispParams> batches, List<CrispParams> history, int sweeps,
            long millis) {
    }

    /** Runs MCEM from {@code start}. */
    public Result train(CrispData data, CrispSettings settings, CrispParams start, Config config, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        List<GibbsChain> chains = new ArrayList<>();
        for (int c = 0; c < config.chains(); c++) {
            chains.add(new GibbsChain(data, settings, start, CrispSampler.chainSeed(config.seed(), c)));
        }
        CrispParams params = start;
        List<CrispParams> history = new ArrayList<>();
        List<CrispParams> batches = new ArrayList<>();
        int sweeps = 0;
        int iterations = config.emIterations();
        for (int it = 0; it < iterations; it++) {
            int burn = it == 0 ? config.burnIn() : 2;
            int kept = config.sweepsPerIteration() * (it >= iterations * 2 / 3 ? 2 : 1);
            List<CompleteDataStatistics> stats = new ArrayList<>();
            int iteration = it;
            CrispSampler.run(chains, burn, kept, 1, null, stats, scaled(monitor, it, iterations), "EM iteration " + (iteration + 1)
                    + " of " + iterations);
            sweeps += burn + kept;
            CompleteDataStatistics all = new CompleteDataStatistics();
            stats.forEach(all::merge);
            params = mStep(all, params);
            history.add(params);
            if (it == iterations - 1) {
                for (CompleteDataStatistics s : stats) {
                    if (s.samples > 0) {
                        batches.add(mStep(s, params));
                    }
                }
            }
            for (GibbsChain chain : chains) {
                chain.setParams(params);
            }
        }
        CrispParams averaged = average(history.subList(iterations - Math.max(1, iterations / 3), iterations));
        double[] se = standardErrors(batches);
        return new Result(averaged, se, batches, history, sweeps, (System.nanoTime() - t0) / 1_000_000);
    }

    private static ProgressMonitor scaled(ProgressMonitor monitor, int it, int iterations) {
        return new ProgressMonitor() {
            @Override
            public void update(long done, long total, String message) {
                monitor.update(it * 1000L + (total <= 0 ? 0 : done * 1000 / total), iterations * 1000L, message);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }

    /** One M-step from summed statistics. */
    static CrispParams mStep(CompleteDataStatistics s, CrispParams current) {
        double[] theta = {-Math.log1p(-current.p0()), current.intercept(), current.durationH(), current.close(), current.indoor()};
        double[] next = TransmissionMaximizer.maximise(s, theta);
        double p0 = Math.min(0.5, Math.max(1e-7, -Math.expm1(-next[0])));
        CrispParams p = current.withTransmission(p0, new double[] {next[1], next[2], next[3], next[4]})
                .withInitial(Math.min(0.5, (s.initiallyExposed + 0.5) / (s.initialPeople + 1)));
        if (current.testPolicy()) {
            p = testPolicy(s, p);
        }
        return p;
    }

    /**
     * The test policy's M-step: everyone's daily symptom-test rate o from the days before the first
     * test that were not infectious, then per infectious day τ the hazard η(τ) of a symptom test
     * because of the infection. On infectious day τ a spell still untested is tested with
     * probability c(τ) = 1 − (1 − η(τ))(1 − o), so c(τ) is the share of the spells at risk on τ that
     * were tested on τ, shrunk towards the share over all days by {@link #HAZARD_PRIOR_SPELLS}
     * pseudo-spells per sample (sparse days borrow from the rest), and η(τ) = 1 − (1 − c(τ))/(1 − o).
     * The last hazard day pools every later day.
     */
    static CrispParams testPolicy(CompleteDataStatistics s, CrispParams current) {
        double other = clampRate((s.testedOther + 0.5) / (s.daysOther + 1));
        if (s.untestedSpells == null) {
            return current.withTestPolicy(current.symptomHazard(), other);
        }
        int h = CrispParams.HAZARD_DAYS;
        double[] events = new double[h];
        double[] atRisk = new double[h];
        for (int k = 0; k < s.untestedSpells.length; k++) {
            for (int t = 0; t < k; t++) {
                atRisk[Math.min(t, h - 1)] += s.untestedSpells[k] + s.testedSpells[k];
            }
            atRisk[Math.min(k, h - 1)] += s.testedSpells[k];
            events[Math.min(k, h - 1)] += s.testedSpells[k];
        }
        double allEvents = 0;
        double allDays = 0;
        for (int t = 0; t < h; t++) {
            allEvents += events[t];
            allDays += atRisk[t];
        }
        double pooled = (allEvents + 0.5) / (allDays + 1);
        double prior = HAZARD_PRIOR_SPELLS * Math.max(1, s.samples);
        double[] hazard = new double[h];
        for (int t = 0; t < h; t++) {
            double c = (events[t] + prior * pooled) / (atRisk[t] + prior);
            hazard[t] = Math.min(MAX_HAZARD, Math.max(0, 1 - (1 - c) / (1 - other)));
        }
        return current.withTestPolicy(hazard, other);
    }

    /** Pseudo-spells per kept sample behind each day's symptom-test hazard, at the hazard of all days together. */
    static final double HAZARD_PRIOR_SPELLS = 5;
    private static final double MAX_HAZARD = 0.95;

    private static double clampRate(double r) {
        return Math.min(0.99, Math.max(1e-6, r));
    }

    static CrispParams average(List<CrispParams> list) {
        double n = list.size();
        double p0 = 0;
        double[] w = new double[4];
        double other = 0;
        double initial = 0;
        double[] hazard = new double[CrispParams.HAZARD_DAYS];
        for (CrispParams p : list) {
            initial += p.initial() / n;
            p0 += p.p0() / n;
            w[0] += p.intercept() / n;
            w[1] += p.durationH() / n;
            w[2] += p.close() / n;
            w[3] += p.indoor() / n;
            other += p.symptomTestOther() / n;
            for (int t = 0; t < hazard.length; t++) {
                hazard[t] += p.hazard(t) / n;
            }
        }
        CrispParams first = list.get(0);
        CrispParams p = first.withTransmission(p0, w).withInitial(initial);
        return first.testPolicy() ? p.withTestPolicy(hazard, other) : p;
    }

    private static double[] standardErrors(List<CrispParams> batches) {
        double[] se = new double[5];
        int b = batches.size();
        if (b < 2) {
            java.util.Arrays.fill(se, Double.NaN);
            return se;
        }
        for (int k = 0; k < 5; k++) {
            double mean = 0;
            for (CrispParams p : batches) {
                mean += component(p, k) / b;
            }
            double v = 0;
            for (CrispParams p : batches) {
                v += Math.pow(component(p, k) - mean, 2) / (b - 1);
            }
            se[k] = Math.sqrt(v / b);
        }
        return se;
    }

    static double component(CrispParams p, int k) {
        return switch (k) {
            case 0 -> p.p0();
            case 1 -> p.intercept();
            case 2 -> p.durationH();
            case 3 -> p.close();
            default -> p.indoor();
        };
    }
}
