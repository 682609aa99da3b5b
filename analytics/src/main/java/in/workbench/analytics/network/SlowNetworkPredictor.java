package in.workbench.analytics.network;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code predict slow-network}: every session without an outcome (or every session) scored with the
 * workspace's model as production would have scored it when the session began, decided by the
 * workspace's page utilities, written as CSV {@code session_id,p_slow,lite,reasons} and kept in
 * {@code session_predictions} for the screens. Stateless; thread-safe.
 */
public final class SlowNetworkPredictor {

    /**
     * What a prediction run did.
     *
     * @param scored sessions scored
     * @param lite of them served lite
     * @param threshold the P(slow) above which lite is served
     */
    public record Summary(int scored, int lite, double threshold) {
    }

    /** Scores the workspace's sessions and writes {@code csv}. */
    public Summary predict(Workspace ws, boolean all, Path csv, ProgressMonitor monitor) {
        SlowNetworkModel model = SlowNetworkModel.load(ws.modelsDir());
        PageDecision decision = PageDecision.of(ws);
        SessionStore store = new SessionStore(ws);
        Sessions s = store.readAll(monitor);
        float[] features = PointInTimeFeatures.computeAll(s, monitor);
        int[] rows = Arrays.stream(s.timeOrder()).filter(i -> all || !s.labelled(i)).toArray();
        SlowNetworkScoring.Scores scores = SlowNetworkScoring.score(model, decision, s, features, rows, true, monitor);
        writeCsv(s, scores, csv);
        store.writePredictions(s, scores);
        int lite = 0;
        for (boolean b : scores.lite()) {
            lite += b ? 1 : 0;
        }
        return new Summary(rows.length, lite, decision.threshold());
    }

    static void writeCsv(Sessions s, SlowNetworkScoring.Scores scores, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); ICSVWriter out = new CSVWriter(w, ',', '"', '"', "\n")) {
            out.writeNext(new String[] {"session_id", "p_slow", "lite", "reasons"}, false);
            for (int k = 0; k < scores.rows().length; k++) {
                out.writeNext(new String[] {s.sessionId(scores.rows()[k]), String.format(Locale.ROOT, "%.6f", scores.pSlow()[k]),
                    Boolean.toString(scores.lite()[k]), scores.reasons() == null ? "" : scores.reasons()[k]}, false);
            }
        } catch (IOException e) {
            throw new WorkbenchException(Kind.INPUT_UNUSABLE, "Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
