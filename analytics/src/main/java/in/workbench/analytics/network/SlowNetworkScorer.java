package in.workbench.analytics.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The slow-network model for a service to embed: one session row in, P(slow) and the page decision
 * out, from the exported artefact ({@code models/slow-network.json}) alone.
 *
 * <p>Needs only this package, {@code in.workbench.analytics.trees} and Jackson on the class path:
 * no Tribuo, XGBoost, database or JavaFX. It keeps the history a session's features need (the
 * customer's earlier rows, outcomes of sessions that have ended, by tower, pincode, hour, carrier and
 * device) the same way training computed it, so a service calls {@link #score} when a session begins
 * and {@link #outcome} when its page load is known:
 *
 * <pre>{@code
 * SlowNetworkScorer scorer = SlowNetworkScorer.open(Path.of("slow-network.json"), PageDecision.DEFAULTS);
 * SlowNetworkScorer.Decision d = scorer.score(row);      // row without outcome; scoreWithReasons(row) adds the reasons
 * serve(d.lite() ? litePage : fullPage);
 * ...
 * scorer.outcome(rowWithPageLoadAndSlow);                // counts once its end (ts + page_load_ms) has passed
 * }</pre>
 *
 * To start with history, replay past sessions in time order through {@code score} and
 * {@code outcome}. A model file of format 2 also recalibrates P(slow) on the outcomes fed this way
 * ({@link RunningCalibration}: the outcomes of sessions this scorer scored). Rows must arrive in time order (by {@code ts}); an outcome never affects a
 * session that began before the outcome's session ended.
 *
 * <p>Thread-safe: calls are serialised on the scorer (a service with many threads can shard by
 * customer, one scorer per shard, at the cost of sharing less tower history).
 */
public final class SlowNetworkScorer {

    private final SlowNetworkModel model;
    private final PageDecision decision;
    private final Sessions slot = new Sessions();
    private final PointInTimeFeatures history = new PointInTimeFeatures(slot);
    private final float[] features = new float[PointInTimeFeatures.WIDTH];
    private final float[] scratch;
    private final float[] buffer = new float[PointInTimeFeatures.WIDTH];
    private final RunningCalibration calibration;
    /** Sessions scored and still waiting for their outcome, by session id (the oldest are dropped past {@link #AWAITING}). */
    private final Map<String, Scored> awaiting = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scored> eldest) {
            return size() > AWAITING;
        }
    };
    /** Scored sessions remembered for their outcome. */
    static final int AWAITING = 100_000;

    /**
     * A scorer's answer.
     *
     * @param pSlow the calibrated probability that the session's page load is slow
     * @param lite whether to serve the lite page (expected utility)
     * @param reasons why P(slow) is high, {@code ;}-separated (empty when nothing stands out or not asked for)
     */
    public record Decision(double pSlow, boolean lite, String reasons) {
    }

    public SlowNetworkScorer(SlowNetworkModel model, PageDecision decision) {
        this.model = model;
        this.decision = decision;
        this.scratch = model.newScratch();
        this.calibration = model.newRunningCalibration();
    }

    /** A scorer from an exported artefact file. */
    public static SlowNetworkScorer open(Path artefact, PageDecision decision) throws IOException {
        try (InputStream in = Files.newInputStream(artefact)) {
            return new SlowNetworkScorer(SlowNetworkModel.fromJson(new ObjectMapper().readTree(in)), decision);
        }
    }

    /**
     * Scores a session as it begins (its outcome, if the row has one, is ignored here): P(slow) and
     * the decision, without reasons (empty), which cost about ten more evaluations of the model.
     */
    public Decision score(SessionRow row) {
        return score(row, false);
    }

    /** The same with the ranked reasons. */
    public Decision scoreWithReasons(SessionRow row) {
        return score(row, true);
    }

    private synchronized Decision score(SessionRow row, boolean reasons) {
        slot.clearRows();
        slot.add(row.withoutOutcome());
        history.advanceTo(slot.startMillis(0));
        history.features(0, features, 0);
        history.see(0);
        calibration.advanceTo(slot.startMillis(0));
        double p = calibration.calibrate(slot, 0, model.raw(features, 0, scratch), features, 0);
        if (calibration.on()) {
            awaiting.put(row.sessionId(), new Scored(calibration.lastX(), calibration.lastCodes(), calibration.lastBefore(),
                    calibration.lastFeatures(), calibration.lastBeforeFeatures()));
        }
        return new Decision(p, decision.lite(p), reasons ? SlowReasons.explain(model, slot, 0, features, 0, p, calibration.lastSlope(),
                calibration.lastIntercept(), buffer, scratch) : "");
    }

    /**
     * Records a session's outcome (the row with page_load_ms and slow) for the sessions that begin after it ended. The
     * running calibration learns from it only if this scorer scored the session (it needs the session's raw probability
     * as it was when the session began).
     */
    public synchronized void outcome(SessionRow row) {
        slot.clearRows();
        slot.add(row);
        history.schedule(0);
        Scored scored = awaiting.remove(row.sessionId());
        if (scored != null) {
            calibration.restore(scored.x(), scored.codes(), scored.before(), scored.features(), scored.beforeFeatures());
            calibration.schedule(slot, 0);
        }
    }

    /** What a scored session's outcome will feed the running calibration. */
    private record Scored(double x, int[] codes, float[] before, double[] features, double beforeFeatures) {
    }
}
