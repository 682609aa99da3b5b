package in.workbench.analytics.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.evaluation.LogisticNewton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Recalibration on the scored world's own ended sessions, point in time: a session's calibrated
 * P(slow) uses only the outcomes of sessions that had ended ({@code ts + page_load_ms}) before it
 * began, the same rule as {@link PointInTimeFeatures}. A world whose mix differs from the training
 * world's (only iOS, no wifi, another operator's towers) is then calibrated to its own outcomes
 * as they arrive, which no calibration fitted on the training world can be.
 *
 * <p>Two stages, both fed by ended sessions with exponentially decaying weights (a half-life
 * counted in ended sessions, so the figures follow drift without a calendar):
 * <ol>
 * <li>an online Platt: σ(a·logit(raw) + b) of the model's raw probability, refitted by two Newton
 * steps every few ended sessions on decayed sums kept in bins of logit(raw), with a Gaussian prior
 * toward the trained calibration (while few outcomes are known, it is the trained one);</li>
 * <li>running intercepts per segment (the radio, the platform, …, see {@link Settings#segments}):
 * each segment's offset on the logit is one Newton step from zero on the decayed residuals
 * {@code y − p} of its ended sessions (p as the session was scored before that stage), shrunk
 * toward zero by a prior;</li>
 * <li>optionally, a linear term on a few features ({@link Settings#features}), fitted the same way
 * (one Newton step from zero on the decayed residuals, a prior toward zero): what the scored world
 * says about features whose weight differs from the training world's.</li>
 * </ol>
 *
 * <p>It is an online state machine like {@link PointInTimeFeatures}: {@link #advanceTo} feeds every
 * queued session that ended strictly before a time, {@link #calibrate} gives a session's P(slow)
 * from its raw probability (and remembers what the session's outcome will need), and
 * {@link #schedule} queues the session's end once its outcome is known. {@link SlowNetworkScoring}
 * runs it over a table in time order; {@link SlowNetworkScorer} runs it one session at a time, with
 * the same results.
 *
 * <p>Not thread-safe.
 */
public final class RunningCalibration {

    /** Segments a running intercept can be kept for. */
    public enum Segment {
        /** The radio (2g … wifi). */
        NETWORK,
        /** Android, iOS, other or unknown. */
        PLATFORM,
        /** The carrier (no SIM is a carrier of its own). */
        CARRIER,
        /** Radio × platform. */
        NETWORK_PLATFORM,
        /** Carrier × radio. */
        CARRIER_NETWORK,
        /** The local hour. */
        HOUR,
        /** The cell tower (sessions without one have no offset here). */
        TOWER,
        /** The customer. */
        CUSTOMER;

        /** The segment's code of row {@code i}, or {@link Sessions#NONE}. */
        int of(Sessions s, int i) {
            return switch (this) {
                case NETWORK -> s.network[i];
                case PLATFORM -> s.osFamily[i];
                case CARRIER -> s.carrier[i] + 1;
                case NETWORK_PLATFORM -> s.network[i] * 4 + s.osFamily[i];
                case CARRIER_NETWORK -> (s.carrier[i] + 1) * 5 + s.network[i];
                case HOUR -> s.localHour(i);
                case TOWER -> s.tower[i];
                case CUSTOMER -> s.customer[i];
            };
        }

        /** The name in the model file. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Segment ofKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * How the calibration follows the scored world, saved in the model file (format 2).
     *
     * @param halfLife ended sessions after which an outcome weighs half; 0 turns the running
     *        calibration off (the trained calibration alone, as format-1 files score)
     * @param prior precision of the prior toward the trained a and b, on the scale of the
     *        log-likelihood's curvature (about the number of outcomes times p(1 − p) at which data and
     *        prior weigh the same)
     * @param refitEvery ended sessions between two refits of a and b
     * @param segmentPrior precision of each segment intercept's prior toward zero, same scale
     * @param segments the segments with a running intercept, applied in this order
     */
    public record Settings(double halfLife, double prior, int refitEvery, double segmentPrior, List<Segment> segments,
            double featurePrior, List<String> features) {

        /** No running calibration: the trained calibration alone. */
        public static final Settings OFF = new Settings(0, 0, 1, 0, List.of());

        public Settings {
            segments = List.copyOf(segments);
            features = List.copyOf(features);
            if (halfLife < 0 || prior < 0 || segmentPrior < 0 || featurePrior < 0 || refitEvery < 1) {
                throw new IllegalArgumentException("running calibration: half-life and priors cannot be negative, refits need a period");
            }
            for (String f : features) {
                if (!PointInTimeFeatures.NAMES.contains(f)) {
                    throw new IllegalArgumentException("running calibration: no feature " + f);
                }
            }
        }

        /** Settings without the feature stage. */
        public Settings(double halfLife, double prior, int refitEvery, double segmentPrior, List<Segment> segments) {
            this(halfLife, prior, refitEvery, segmentPrior, segments, 0, List.of());
        }

        /** What training saves: chosen on the sample generator's own and shifted worlds (README, "Slow networks"). */
        public static Settings defaults() {
            return new Settings(8_000, 100, 64, 30, List.of(Segment.NETWORK_PLATFORM, Segment.CARRIER_NETWORK), 100,
                    List.of("expected_log_load", "tower_recent_excess", "customer_excess", "customer_daypart_excess", "log_last_latency",
                            "signal_dbm"));
        }

        /** Whether the running calibration is on. */
        public boolean on() {
            return halfLife > 0;
        }

        /** The numeric settings' keys in the model file, in the order of {@link #numbers}; only the feature prior may be absent. */
        private static final List<String> NUMBER_KEYS = List.of("half_life_sessions", "prior", "refit_every", "segment_prior",
                "feature_prior");

        private double[] numbers() {
            return new double[] {halfLife, prior, refitEvery, segmentPrior, featurePrior};
        }

        /** Writes the settings into the model file's {@code running_calibration} object (format 2). */
        void writeTo(ObjectNode run) {
            double[] values = numbers();
            for (int k = 0; k < values.length; k++) {
                String key = NUMBER_KEYS.get(k);
                if (key.equals("refit_every")) {
                    run.put(key, (int) values[k]);
                } else {
                    run.put(key, values[k]);
                }
            }
            ArrayNode segs = run.putArray("segments");
            segments.forEach(g -> segs.add(g.key()));
            ArrayNode feats = run.putArray("features");
            features.forEach(feats::add);
        }

        /** Reads the settings from a model file's {@code running_calibration} object (format 2). */
        static Settings readFrom(JsonNode run) {
            double[] values = new double[NUMBER_KEYS.size()];
            for (int k = 0; k < values.length; k++) {
                String key = NUMBER_KEYS.get(k);
                JsonNode v = run.get(key);
                if (v == null && !key.equals("feature_prior")) {
                    throw new IllegalArgumentException("running calibration: the model file has no " + key);
                }
                values[k] = v == null ? 0 : v.asDouble();
            }
            List<Segment> segs = new ArrayList<>();
            run.path("segments").forEach(n -> segs.add(Segment.ofKey(n.asText())));
            List<String> stage = new ArrayList<>();
            run.path("features").forEach(n -> stage.add(n.asText()));
            return new Settings(values[0], values[1], (int) values[2], values[3], segs, values[4], stage);
        }
    }

    /** Bins of logit(raw) for the decayed Platt sums, from −8 to 8. */
    private static final int BINS = 64;
    private static final double LOW = -8;
    private static final double BIN_WIDTH = 16.0 / BINS;
    private static final double CLIP = 1e-6;

    private final Settings settings;
    private final Segment[] segments;
    private final double a0;
    private final double b0;
    private double a;
    private double b;
    /** Weight of the next outcome; weights already added shrink relative to it (decay by renormalising). */
    private double scale = 1;
    private final double growth;
    private final double[] binN = new double[BINS];
    private final double[] binPos = new double[BINS];
    private final double[] binX = new double[BINS];
    /** Scratch of {@link #refit}: each bin's mean logit(raw). */
    private final double[] binMeanX = new double[BINS];
    /** Per segment level: decayed residual sums and curvature sums by segment code. */
    private final double[][] residual;
    private final double[][] curvature;
    private int sinceRefit;
    private final Ends pending;
    /** The last {@link #calibrate}d session's logit(raw), its segment codes and its probability before each level. */
    private double lastX;
    private final int[] lastCodes;
    private final float[] lastBefore;
    /** The last {@link #calibrate}d session's map on the logit: P(slow) = σ(lastSlope·logit(raw) + lastIntercept). */
    private double lastSlope;
    private double lastIntercept;
    /** The feature stage: feature indices, their fallbacks for NaN, decayed sums over [1, features], and its coefficients. */
    private final int[] featureIndex;
    private final float[] fallback;
    private final int dims;
    private final double[] hessian;
    private final double[] gradient;
    private final double[] coefficients;
    private final double[] lastFeatures;
    private double lastBeforeFeatures;

    /** A calibration starting at the trained {@code σ(a·logit(raw) + b)}, without the feature stage's fallbacks. */
    public RunningCalibration(Settings settings, double trainedA, double trainedB) {
        this(settings, trainedA, trainedB, new float[PointInTimeFeatures.WIDTH]);
    }

    /**
     * A calibration starting at the trained {@code σ(a·logit(raw) + b)}.
     *
     * @param typical per feature, the value the feature stage reads for a missing one
     */
    public RunningCalibration(Settings settings, double trainedA, double trainedB, float[] typical) {
        this.settings = settings;
        this.segments = settings.segments().toArray(new Segment[0]);
        this.a0 = trainedA;
        this.b0 = trainedB;
        this.a = trainedA;
        this.b = trainedB;
        this.growth = settings.on() ? Math.pow(2, 1 / settings.halfLife()) : 1;
        this.residual = new double[segments.length][16];
        this.curvature = new double[segments.length][16];
        this.pending = new Ends(segments.length);
        this.lastCodes = new int[segments.length];
        this.lastBefore = new float[segments.length];
        this.featureIndex = settings.features().stream().mapToInt(PointInTimeFeatures.NAMES::indexOf).toArray();
        this.fallback = new float[featureIndex.length];
        for (int j = 0; j < featureIndex.length; j++) {
            float v = typical[featureIndex[j]];
            fallback[j] = v == v ? v : 0;
        }
        this.dims = featureIndex.length == 0 ? 0 : featureIndex.length + 1;
        this.hessian = new double[dims * dims];
        this.gradient = new double[dims];
        this.coefficients = new double[dims];
        this.lastFeatures = new double[dims];
        this.pending.features(dims);
    }

    /** Whether it recalibrates at all (otherwise {@link #calibrate} is the trained calibration). */
    public boolean on() {
        return settings.on();
    }

    /** The current slope a of the online Platt. */
    public double a() {
        return a;
    }

    /** The current intercept b of the online Platt. */
    public double b() {
        return b;
    }

    /** Feeds every queued session that ended strictly before {@code now}. */
    public void advanceTo(long now) {
        Ends q = pending;
        while (q.size > 0 && q.end[q.heap[0]] < now) {
            int e = q.poll();
            feed(q, e);
            q.free(e);
        }
    }

    private void feed(Ends q, int e) {
        double w = scale;
        scale *= growth;
        int y = q.slow[e];
        double x = q.x[e];
        int bin = (int) ((x - LOW) / BIN_WIDTH);
        bin = Math.max(0, Math.min(BINS - 1, bin));
        binN[bin] += w;
        binPos[bin] += w * y;
        binX[bin] += w * x;
        int base = e * segments.length;
        for (int l = 0; l < segments.length; l++) {
            int code = q.codes[base + l];
            if (code < 0) {
                continue;
            }
            grow(l, code);
            double p = q.before[base + l];
            residual[l][code] += w * (y - p);
            curvature[l][code] += w * p * (1 - p);
        }
        if (dims > 0) {
            double p = q.beforeFeatures[e];
            double h = w * p * (1 - p);
            double r = w * (y - p);
            int fb = e * dims;
            for (int j = 0; j < dims; j++) {
                double fj = q.features[fb + j];
                gradient[j] += r * fj;
                for (int k = 0; k <= j; k++) {
                    hessian[j * dims + k] += h * fj * q.features[fb + k];
                }
            }
        }
        if (scale > 1e150) {
            renormalise();
        }
        if (++sinceRefit >= settings.refitEvery()) {
            sinceRefit = 0;
            refit();
        }
    }

    private void grow(int level, int code) {
        if (code >= residual[level].length) {
            int n = Math.max(code + 1, residual[level].length * 2);
            residual[level] = Arrays.copyOf(residual[level], n);
            curvature[level] = Arrays.copyOf(curvature[level], n);
        }
    }

    private void renormalise() {
        double k = 1 / scale;
        for (int j = 0; j < BINS; j++) {
            binN[j] *= k;
            binPos[j] *= k;
            binX[j] *= k;
        }
        for (int l = 0; l < segments.length; l++) {
            for (int c = 0; c < residual[l].length; c++) {
                residual[l][c] *= k;
                curvature[l][c] *= k;
            }
        }
        for (int j = 0; j < dims; j++) {
            gradient[j] *= k;
            for (int m = 0; m < dims; m++) {
                hessian[j * dims + m] *= k;
            }
        }
        scale = 1;
    }

    /** Two Newton steps on the decayed bins, from the current a and b, with the prior toward the trained ones. */
    private void refit() {
        if (dims > 0) {
            refitFeatures();
        }
        // the sums carry the weight `scale` for an outcome of now; the prior is scaled alike
        double prior = settings.prior() * scale / growth;
        for (int j = 0; j < BINS; j++) {
            binMeanX[j] = binN[j] > 0 ? binX[j] / binN[j] : 0;
        }
        double[] ab = {a, b};
        for (int step = 0; step < 2; step++) {
            if (Double.isNaN(LogisticNewton.step(binMeanX, binN, binPos, BINS, ab, a0, b0, prior, 1e-12 * scale))) {
                break;
            }
        }
        a = ab[0];
        b = ab[1];
    }

    /**
     * The feature stage: one Newton step from zero on the decayed residuals, {@code (H + prior)⁻¹ g} over
     * [1, features], the prior on each feature's coefficient scaled by the feature's variance (so it is
     * the same on the features' own scales) and none on the stage's intercept.
     */
    private void refitFeatures() {
        int d = dims;
        double[] m = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k <= j; k++) {
                m[j * d + k] = hessian[j * d + k];
                m[k * d + j] = hessian[j * d + k];
            }
        }
        double h0 = hessian[0];
        if (!(h0 > 0)) {
            return;
        }
        double prior = settings.featurePrior() * scale / growth;
        m[0] += 1e-9 * scale;
        for (int j = 1; j < d; j++) {
            double mean = hessian[j * d] / h0;
            double variance = Math.max(hessian[j * d + j] / h0 - mean * mean, 1e-6);
            m[j * d + j] += prior * variance;
        }
        double[] c = gradient.clone();
        // Gaussian elimination with partial pivoting on the small system
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(m[r * d + col]) > Math.abs(m[pivot * d + col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot * d + col]) < 1e-300) {
                return;
            }
            if (pivot != col) {
                for (int k = 0; k < d; k++) {
                    double tmp = m[col * d + k];
                    m[col * d + k] = m[pivot * d + k];
                    m[pivot * d + k] = tmp;
                }
                double tmp = c[col];
                c[col] = c[pivot];
                c[pivot] = tmp;
            }
            for (int r = col + 1; r < d; r++) {
                double f = m[r * d + col] / m[col * d + col];
                for (int k = col; k < d; k++) {
                    m[r * d + k] -= f * m[col * d + k];
                }
                c[r] -= f * c[col];
            }
        }
        for (int r = d - 1; r >= 0; r--) {
            double sum = c[r];
            for (int k = r + 1; k < d; k++) {
                sum -= m[r * d + k] * c[k];
            }
            c[r] = sum / m[r * d + r];
        }
        System.arraycopy(c, 0, coefficients, 0, d);
    }

    /**
     * Row {@code i}'s P(slow) from the model's raw probability (and its features at
     * {@code features[off …]}), as the calibration stands; the row's figures are remembered for a {@link #schedule} of the same row that follows.
     */
    public double calibrate(Sessions s, int i, double raw, float[] features, int off) {
        if (!settings.on()) {
            lastSlope = a0;
            lastIntercept = b0;
            return SlowNetworkModel.platt(raw, a0, b0);
        }
        double q = Math.min(1 - CLIP, Math.max(CLIP, raw));
        double x = Math.log(q / (1 - q));
        lastX = x;
        double z = a * x + b;
        double offset = 0;
        double segmentPrior = settings.segmentPrior() * scale / growth;
        for (int l = 0; l < segments.length; l++) {
            int code = segments[l].of(s, i);
            lastCodes[l] = code;
            lastBefore[l] = (float) (1 / (1 + Math.exp(-z)));
            if (code >= 0 && code < residual[l].length) {
                double d = residual[l][code] / (curvature[l][code] + segmentPrior);
                z += d;
                offset += d;
            }
        }
        if (dims > 0) {
            lastBeforeFeatures = 1 / (1 + Math.exp(-z));
            lastFeatures[0] = 1;
            double d = coefficients[0];
            for (int j = 1; j < dims; j++) {
                float v = features[off + featureIndex[j - 1]];
                double f = v == v ? v : fallback[j - 1];
                lastFeatures[j] = f;
                d += coefficients[j] * f;
            }
            z += d;
            offset += d;
        }
        lastSlope = a;
        lastIntercept = b + offset;
        return 1 / (1 + Math.exp(-z));
    }

    /** The last {@link #calibrate}d session's logit(raw). */
    double lastX() {
        return lastX;
    }

    /** A copy of the last calibrated session's segment codes. */
    int[] lastCodes() {
        return lastCodes.clone();
    }

    /** A copy of the last calibrated session's probabilities before each segment level. */
    float[] lastBefore() {
        return lastBefore.clone();
    }

    /** A copy of the last calibrated session's inputs of the feature stage. */
    double[] lastFeatures() {
        return lastFeatures.clone();
    }

    /** The last calibrated session's probability before the feature stage. */
    double lastBeforeFeatures() {
        return lastBeforeFeatures;
    }

    /** Makes a session calibrated earlier the last one again, so its outcome can be {@link #schedule}d. */
    void restore(double x, int[] codes, float[] before, double[] features, double beforeFeatures) {
        lastX = x;
        System.arraycopy(features, 0, lastFeatures, 0, dims);
        lastBeforeFeatures = beforeFeatures;
        System.arraycopy(codes, 0, lastCodes, 0, lastCodes.length);
        System.arraycopy(before, 0, lastBefore, 0, lastBefore.length);
    }

    /** The slope on logit(raw) of the last {@link #calibrate}d session (for its reasons). */
    public double lastSlope() {
        return lastSlope;
    }

    /** The intercept of the last {@link #calibrate}d session, segment intercepts included. */
    public double lastIntercept() {
        return lastIntercept;
    }

    /**
     * Queues row {@code i}'s end if it has an outcome and a load time; call it right after
     * {@link #calibrate} of the same row.
     */
    public void schedule(Sessions s, int i) {
        if (!settings.on() || s.slow[i] < 0 || s.pageLoad[i] < 0) {
            return;
        }
        pending.offer(s.start[i] + s.pageLoad[i], lastX, s.slow[i], lastCodes, lastBefore, lastFeatures, lastBeforeFeatures);
    }

    /**
     * The sessions waiting for their end, with what each will feed (logit of its raw probability,
     * outcome, segment codes and probabilities).
     */
    private static final class Ends extends SessionEnds {
        private final int levels;
        double[] x = new double[64];
        int[] slow = new int[64];
        int[] codes;
        float[] before;
        private int dims;
        double[] features = new double[0];
        double[] beforeFeatures = new double[64];

        Ends(int levels) {
            this.levels = levels;
            this.codes = new int[64 * levels];
            this.before = new float[64 * levels];
        }

        void features(int dimensions) {
            dims = dimensions;
            features = new double[end.length * dims];
        }

        @Override
        void grow(int n) {
            x = Arrays.copyOf(x, n);
            slow = Arrays.copyOf(slow, n);
            codes = Arrays.copyOf(codes, n * levels);
            before = Arrays.copyOf(before, n * levels);
            features = Arrays.copyOf(features, n * dims);
            beforeFeatures = Arrays.copyOf(beforeFeatures, n);
        }

        void offer(long endMs, double logit, int outcome, int[] segmentCodes, float[] probabilities, double[] stageFeatures,
                double beforeStage) {
            int e = slot(endMs);
            System.arraycopy(stageFeatures, 0, features, e * dims, dims);
            beforeFeatures[e] = beforeStage;
            x[e] = logit;
            slow[e] = outcome;
            System.arraycopy(segmentCodes, 0, codes, e * levels, levels);
            System.arraycopy(probabilities, 0, before, e * levels, levels);
            push(e);
        }
    }
}
