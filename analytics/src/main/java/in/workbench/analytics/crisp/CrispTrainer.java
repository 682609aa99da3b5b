package in.workbench.analytics.crisp;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;

/**
 * Monte Carlo EM for p0, the transmission weights and (with the test policy) the symptom-test
 * rates: each iteration runs the block-Gibbs chains a few sweeps under the current parameters
 * (E-step: the kept samples stand for the posterior of the trajectories), then maximises the
 * expected complete-data log-likelihood (M-step: concave in the weights, solved by projected
 * Newton; the rates in closed form). The chains carry on from iteration to iteration. The
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
     * The test policy's M-step: the share φ of infections that would be tested for symptoms, their
     * daily rate s while infectious and everyone else's rate o, maximising the expected
     * log-likelihood of the infectious spells (a two-type mixture, so a few EM rounds over the spell
     * counts) and of the other days.
     */
    static CrispParams testPolicy(CompleteDataStatistics s, CrispParams current) {
        double phi = current.symptomShare();
        double rate = current.symptomTestInfectious();
        double other = current.symptomTestOther();
        if (s.untestedSpells == null) {
            return current.withTestRates(rate, clampRate((s.testedOther + 0.5) / (s.daysOther + 1)), phi);
        }
        int size = s.untestedSpells.length;
        for (int round = 0; round < 200; round++) {
            double share = 0.5;
            double people = 1;
            double typeTests = 0.5;
            double typeDays = 1;
            double otherTests = s.testedOther + 0.5;
            double otherDays = s.daysOther + 1;
            for (int k = 0; k < size; k++) {
                for (int tested = 0; tested <= 1; tested++) {
                    double n = tested == 1 ? s.testedSpells[k] : s.untestedSpells[k];
                    if (n == 0) {
                        continue;
                    }
                    double logA = Math.log(phi) + k * Math.log1p(-rate) + (tested == 1 ? Math.log(rate) : 0);
                    double logB = Math.log1p(-phi) + k * Math.log1p(-other) + (tested == 1 ? Math.log(other) : 0);
                    double r = 1 / (1 + Math.exp(logB - logA));
                    share += n * r;
                    people += n;
                    typeTests += n * r * tested;
                    typeDays += n * r * (k + tested);
                    otherTests += n * (1 - r) * tested;
                    otherDays += n * (1 - r) * (k + tested);
                }
            }
            double nextPhi = Math.min(0.999, Math.max(1e-3, share / people));
            double nextRate = clampRate(typeTests / typeDays);
            double nextOther = clampRate(otherTests / otherDays);
            boolean settled = Math.abs(nextPhi - phi) < 1e-6 && Math.abs(nextRate - rate) < 1e-7 && Math.abs(nextOther - other) < 1e-9;
            phi = nextPhi;
            rate = nextRate;
            other = nextOther;
            if (settled) {
                break;
            }
        }
        return current.withTestRates(rate, other, phi);
    }

    private static double clampRate(double r) {
        return Math.min(0.99, Math.max(1e-6, r));
    }

    static CrispParams average(List<CrispParams> list) {
        double n = list.size();
        double p0 = 0;
        double[] w = new double[4];
        double si = 0;
        double so = 0;
        double initial = 0;
        double share = 0;
        for (CrispParams p : list) {
            share += p.symptomShare() / n;
            initial += p.initial() / n;
            p0 += p.p0() / n;
            w[0] += p.intercept() / n;
            w[1] += p.durationH() / n;
            w[2] += p.close() / n;
            w[3] += p.indoor() / n;
            si += p.symptomTestInfectious() / n;
            so += p.symptomTestOther() / n;
        }
        CrispParams first = list.get(0);
        CrispParams p = first.withTransmission(p0, w).withInitial(initial);
        return first.testPolicy() ? p.withTestRates(si, so, share) : p;
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
