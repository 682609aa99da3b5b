package in.workbench.analytics.crisp;

import in.workbench.analytics.task.CancelledException;
import in.workbench.analytics.task.ProgressMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs several block-Gibbs chains side by side (one thread per chain, at most one per core) with
 * burn-in and thinning, and collects their kept samples into a {@link CrispPosterior} and, for
 * Monte Carlo EM, into {@link CompleteDataStatistics}. Progress is one unit per sweep of one
 * chain; cancelling stops every chain after its current sweep. Thread-safe: each call has its own
 * chains.
 */
public final class CrispSampler {

    /**
     * How long to sample.
     *
     * @param chains independent chains (at least 2 for R-hat)
     * @param burnIn sweeps per chain thrown away first
     * @param kept samples kept per chain
     * @param thin sweeps between kept samples (1 = every sweep)
     * @param seed random seed; chain c uses a seed derived from it
     */
    public record Config(int chains, int burnIn, int kept, int thin, long seed) {
        public Config {
            if (chains < 1 || burnIn < 0 || kept < 1 || thin < 1) {
                throw new IllegalArgumentException("need at least one chain and one kept sample, burn-in ≥ 0, thinning ≥ 1");
            }
        }

        /** Sweeps per chain in all. */
        public int sweeps() {
            return burnIn + kept * thin;
        }
    }

    /**
     * A finished sampling run.
     *
     * @param sweepsPerSecond sweeps (one chain, all people) per wall-clock second, over all chains
     */
    public record Result(CrispPosterior posterior, double sweepsPerSecond, long millis) {
    }

    /** Samples the posterior of {@code data} under {@code params}, starting every chain with nobody exposed. */
    public Result sample(CrispData data, CrispSettings settings, CrispParams params, Config config, ProgressMonitor monitor) {
        List<GibbsChain> chains = new ArrayList<>();
        for (int c = 0; c < config.chains(); c++) {
            chains.add(new GibbsChain(data, settings, params, chainSeed(config.seed(), c)));
        }
        List<CrispPosterior.Accumulator> acc = new ArrayList<>();
        long start = System.nanoTime();
        run(chains, config.burnIn(), config.kept(), config.thin(), acc, null, monitor, "Sampling");
        long millis = (System.nanoTime() - start) / 1_000_000;
        double sps = config.chains() * (double) config.sweeps() / Math.max(1e-3, millis / 1000.0);
        return new Result(CrispPosterior.of(data, acc), sps, millis);
    }

    static long chainSeed(long seed, int chain) {
        return seed * 0x9E3779B97F4A7C15L + 0xBF58476D1CE4E5B9L * (chain + 1);
    }

    /**
     * Runs every chain {@code burnIn + kept·thin} sweeps; after burn-in every {@code thin}-th state is
     * added to the chain's posterior accumulator (when {@code posterior} is not null) and to its
     * complete-data statistics (when {@code stats} is not null; two halves per chain, for batch
     * means).
     */
    static void run(List<GibbsChain> chains, int burnIn, int kept, int thin, List<CrispPosterior.Accumulator> posterior,
            List<CompleteDataStatistics> stats, ProgressMonitor monitor, String what) {
        int threads = Math.min(chains.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        long total = (long) chains.size() * (burnIn + (long) kept * thin);
        AtomicLong done = new AtomicLong();
        List<CrispPosterior.Accumulator> accs = new ArrayList<>();
        List<CompleteDataStatistics[]> halves = new ArrayList<>();
        for (GibbsChain chain : chains) {
            accs.add(posterior == null ? null : new CrispPosterior.Accumulator(chain.data));
            halves.add(stats == null ? null : new CompleteDataStatistics[] {new CompleteDataStatistics(), new CompleteDataStatistics()});
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "crisp-chain");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int ci = 0; ci < chains.size(); ci++) {
                GibbsChain chain = chains.get(ci);
                CrispPosterior.Accumulator acc = accs.get(ci);
                CompleteDataStatistics[] st = halves.get(ci);
                boolean[] policy = GibbsChain.policyTests(chain.data);
                int[] lastDay = chain.policyLastDays();
                futures.add(pool.submit(() -> {
                    int sweeps = burnIn + kept * thin;
                    for (int s = 0; s < sweeps; s++) {
                        if (monitor.isCancelled()) {
                            return;
                        }
                        chain.sweep();
                        int after = s + 1 - burnIn;
                        if (after > 0 && after % thin == 0) {
                            int index = after / thin - 1;
                            if (acc != null) {
                                acc.add(chain);
                            }
                            if (st != null) {
                                st[index < kept / 2 ? 0 : 1].add(chain, policy, lastDay);
                            }
                        }
                        long d = done.incrementAndGet();
                        monitor.update(d, total, String.format("%s: sweep %d of %d per chain", what, s + 1, sweeps));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        monitor.checkCancelled();
        if (posterior != null) {
            posterior.addAll(accs);
        }
        if (stats != null) {
            for (CompleteDataStatistics[] h : halves) {
                stats.add(h[0]);
                stats.add(h[1]);
            }
        }
    }
}
