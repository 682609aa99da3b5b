package in.workbench.analytics.network;

import in.workbench.analytics.task.ProgressMonitor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Scores many sessions at once: P(slow), the page decision and (optionally) the reasons, for the
 * rows selected, in blocks on the common fork-join pool (the features come from one time-ordered
 * pass beforehand; the trees are independent per row). A model with a running calibration then
 * calibrates every session in a second time-ordered pass ({@link #pSlowAll}), fed by the scored
 * world's own ended sessions.
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
        if (model.runningCalibration().on()) {
            return scoreRunning(model, decision, s, features, rows, reasons, parallel, monitor);
        }
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

    /**
     * P(slow) of every session of {@code s} (by row index) as a running calibration gives it: raw
     * probabilities of all sessions on all cores, then one time-ordered pass in which a session is
     * calibrated with the outcomes of the sessions that had ended before it began. Only sessions for
     * which {@code feeds} holds feed the calibration (all of them in production; an evaluation can
     * leave out the sessions the model was trained on, whose raw probabilities are in-sample).
     *
     * @param slopeIntercept null, or room for {@code 2 * s.size()}: each session's map on the logit
     */
    public static double[] pSlowAll(SlowNetworkModel model, Sessions s, float[] features, IntPredicate feeds, boolean parallel,
            double[] slopeIntercept, ProgressMonitor monitor) {
        int n = s.size();
        double[] raw = new double[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream range = IntStream.range(0, blocks);
        (parallel ? range.parallel() : range).forEach(b -> {
            if (monitor.isCancelled()) {
                return;
            }
            float[] batch = model.newBatchScratch(CHUNK);
            int[] offs = new int[CHUNK];
            int[] inputs = new int[CHUNK];
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int k0 = b * BLOCK; k0 < end; k0 += CHUNK) {
                int count = Math.min(CHUNK, end - k0);
                for (int r = 0; r < count; r++) {
                    offs[r] = (k0 + r) * PointInTimeFeatures.WIDTH;
                }
                model.rawBatch(features, offs, count, raw, k0, batch, inputs);
            }
        });
        monitor.checkCancelled();
        RunningCalibration cal = model.newRunningCalibration();
        double[] p = new double[n];
        for (int i : s.timeOrder()) {
            cal.advanceTo(s.start[i]);
            p[i] = cal.calibrate(s, i, raw[i], features, i * PointInTimeFeatures.WIDTH);
            if (slopeIntercept != null) {
                slopeIntercept[2 * i] = cal.lastSlope();
                slopeIntercept[2 * i + 1] = cal.lastIntercept();
            }
            if (feeds.test(i)) {
                cal.schedule(s, i);
            }
        }
        return p;
    }

    private static Scores scoreRunning(SlowNetworkModel model, PageDecision decision, Sessions s, float[] features, int[] rows,
            boolean reasons, boolean parallel, ProgressMonitor monitor) {
        double[] map = reasons ? new double[2 * s.size()] : null;
        double[] all = pSlowAll(model, s, features, i -> true, parallel, map, monitor);
        double[] p = new double[rows.length];
        boolean[] lite = new boolean[rows.length];
        double threshold = decision.threshold();
        for (int k = 0; k < rows.length; k++) {
            p[k] = all[rows[k]];
            lite[k] = p[k] > threshold;
        }
        String[] why = null;
        if (reasons) {
            String[] out = new String[rows.length];
            IntStream range = IntStream.range(0, (rows.length + BLOCK - 1) / BLOCK);
            (parallel ? range.parallel() : range).forEach(b -> {
                if (monitor.isCancelled()) {
                    return;
                }
                float[] scratch = model.newScratch();
                float[] buffer = new float[PointInTimeFeatures.WIDTH];
                for (int k = b * BLOCK; k < Math.min(rows.length, (b + 1) * BLOCK); k++) {
                    int i = rows[k];
                    out[k] = SlowReasons.explain(model, s, i, features, i * PointInTimeFeatures.WIDTH, p[k], map[2 * i], map[2 * i + 1], buffer,
                            scratch);
                }
            });
            why = out;
        }
        monitor.checkCancelled();
        monitor.update(rows.length, rows.length, String.format("scored %,d sessions", rows.length));
        return new Scores(rows, p, lite, why);
    }
}
