package in.workbench.analytics.network;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Scores many sessions at once: P(slow), the page decision and (optionally) the reasons, for the
 * rows selected, in blocks on the common fork-join pool (the features come from one time-ordered
 * pass beforehand; the trees are independent per row).
 *
 * <p>Stateless; thread-safe.
 */
public final class SlowNetworkScoring {

    private static final int BLOCK = 1_024;
    /** Sessions handed to the model at once (their margins stay in the first-level cache). */
    private static final int CHUNK = 64;

    /**
     * What was scored, by row index of the sessions.
     *
     * @param rows the rows scored, in time order
     * @param pSlow P(slow) per scored row (aligned with {@code rows})
     * @param lite the decision per scored row
     * @param reasons the reasons per scored row, or null when not asked for
     */
    public record Scores(int[] rows, double[] pSlow, boolean[] lite, String[] reasons) {
    }

    private SlowNetworkScoring() {
    }

    /** Scores {@code rows} (indices into {@code s}, whose features are {@code features}). */
    public static Scores score(SlowNetworkModel model, PageDecision decision, Sessions s, float[] features, int[] rows, boolean reasons,
            ProgressMonitor monitor) {
        return score(model, decision, s, features, rows, reasons, true, monitor);
    }

    /** The same, on the calling thread alone unless {@code parallel}. */
    public static Scores score(SlowNetworkModel model, PageDecision decision, Sessions s, float[] features, int[] rows, boolean reasons,
            boolean parallel, ProgressMonitor monitor) {
        double[] p = new double[rows.length];
        boolean[] lite = new boolean[rows.length];
        String[] why = reasons ? new String[rows.length] : null;
        int blocks = (rows.length + BLOCK - 1) / BLOCK;
        AtomicInteger done = new AtomicInteger();
        double threshold = decision.threshold();
        IntStream range = IntStream.range(0, blocks);
        (parallel ? range.parallel() : range).forEach(b -> {
            if (monitor.isCancelled()) {
                return;
            }
            float[] scratch = model.newScratch();
            float[] buffer = new float[PointInTimeFeatures.WIDTH];
            int end = Math.min(rows.length, (b + 1) * BLOCK);
            float[] batch = model.newBatchScratch(CHUNK);
            int[] offs = new int[CHUNK];
            int[] inputs = new int[CHUNK];
            for (int k0 = b * BLOCK; k0 < end; k0 += CHUNK) {
                int count = Math.min(CHUNK, end - k0);
                for (int r = 0; r < count; r++) {
                    offs[r] = rows[k0 + r] * PointInTimeFeatures.WIDTH;
                }
                model.pSlowBatch(features, offs, count, p, k0, batch, inputs);
                for (int r = 0; r < count; r++) {
                    int k = k0 + r;
                    lite[k] = p[k] > threshold;
                    if (why != null) {
                        why[k] = SlowReasons.explain(model, s, rows[k], features, offs[r], p[k], buffer, scratch);
                    }
                }
            }
            done.addAndGet(end - b * BLOCK);
        });
        monitor.checkCancelled();
        monitor.update(done.get(), rows.length, String.format("scored %,d sessions", done.get()));
        return new Scores(rows, p, lite, why);
    }
}
