package in.workbench.app.bench;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Repeated measurements of one figure (rows per second, milliseconds, …): the median and the range
 * of the timed passes, and percentiles of many single timings. Passes are run after warm-up passes
 * that are thrown away, so the JIT and the caches have settled. Immutable and thread-safe.
 */
final class Samples {

    /** One measured pass that yields one figure. */
    @FunctionalInterface
    interface Pass {
        double run() throws Exception;
    }

    /** One measured pass that yields several figures at once, always in the same order. */
    @FunctionalInterface
    interface Passes {
        double[] run() throws Exception;
    }

    /** Work whose wall-clock time is the figure. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private final double[] sorted;

    private Samples(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /** The given figures. */
    static Samples of(double... values) {
        return new Samples(values);
    }

    /** {@code warmUps} passes thrown away, then {@code timed} passes kept. */
    static Samples collect(int warmUps, int timed, Pass pass) throws Exception {
        return collectEach(warmUps, timed, 1, () -> new double[] {pass.run()})[0];
    }

    /**
     * Passes that measure several figures together (interleaved, so every figure sees the same
     * machine): {@code warmUps} thrown away, then {@code timed} kept; one {@code Samples} per figure.
     */
    static Samples[] collectEach(int warmUps, int timed, int figures, Passes pass) throws Exception {
        for (int i = 0; i < warmUps; i++) {
            pass.run();
        }
        double[][] values = new double[figures][timed];
        for (int r = 0; r < timed; r++) {
            double[] v = pass.run();
            for (int k = 0; k < figures; k++) {
                values[k][r] = v[k];
            }
        }
        Samples[] samples = new Samples[figures];
        for (int k = 0; k < figures; k++) {
            samples[k] = new Samples(values[k]);
        }
        return samples;
    }

    /** Milliseconds of each of {@code timed} runs of the work, after {@code warmUps} runs thrown away. */
    static Samples millis(int warmUps, int timed, Work work) throws Exception {
        return collect(warmUps, timed, () -> {
            long t = System.nanoTime();
            work.run();
            return millisSince(t);
        });
    }

    /**
     * Milliseconds of doing each of {@code n} items one at a time, after a warm-up over the first
     * {@code warmUps} items: for latency percentiles.
     */
    static Samples millisEach(int n, int warmUps, IntConsumer one) {
        for (int i = 0; i < Math.min(n, warmUps); i++) {
            one.accept(i);
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            one.accept(i);
            ms[i] = millisSince(t);
        }
        return new Samples(ms);
    }

    /** Seconds since a {@link System#nanoTime()} reading. */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Milliseconds since a {@link System#nanoTime()} reading. */
    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** Items per second for {@code count} items done since a {@link System#nanoTime()} reading. */
    static double perSecondSince(double count, long startNanos) {
        return count / secondsSince(startNanos);
    }

    /** The middle value (the mean of the two middle ones for an even count). */
    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The lowest value: the best of several CPU-time readings, the low end of the range. */
    double min() {
        return sorted[0];
    }

    /** The highest value: the worst of several timings, the high end of the range. */
    double max() {
        return sorted[sorted.length - 1];
    }

    /** The value at rank {@code floor(q × (n − 1))} of the sorted values, {@code q} between 0 and 1. */
    double percentile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("a percentile is between 0 and 1: " + q);
        }
        return sorted[(int) (q * (sorted.length - 1))];
    }

    /** How many values. */
    int count() {
        return sorted.length;
    }
}
