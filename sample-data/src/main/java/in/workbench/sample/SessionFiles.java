package in.workbench.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The files of a world of app sessions: {@code sessions.csv} (the import format) and
 * {@code truth/sessions_truth.csv} (session_id,p_slow, for checking a model, never read by the
 * workbench). The one thing {@link SessionSampler} and the independently written
 * {@link CellularSimulator} share besides the postal directory. Stateless.
 */
final class SessionFiles {

    /** The header of {@code sessions.csv}. */
    static final String HEADER = "session_id,customer_id,ts,device_model,os,ram_gb,network_type,carrier,tower_id,signal_dbm,"
            + "last_latency_ms,pincode,page_load_ms,slow";

    private SessionFiles() {
    }

    /**
     * Writes both files into {@code out}, one row per session in order.
     *
     * @param line a session's row of {@code sessions.csv}, without its line end
     * @param sessionId its id
     * @param pSlow its true probability of a slow page load
     */
    static <T> void write(Path out, List<T> sessions, Function<T, String> line, Function<T, String> sessionId, ToDoubleFunction<T> pSlow)
            throws IOException {
        Files.createDirectories(out.resolve("truth"));
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("sessions.csv"), StandardCharsets.UTF_8);
                BufferedWriter t = Files.newBufferedWriter(out.resolve("truth/sessions_truth.csv"), StandardCharsets.UTF_8)) {
            w.write(HEADER + "\n");
            t.write("session_id,p_slow\n");
            for (T s : sessions) {
                w.write(line.apply(s));
                w.write('\n');
                t.write(sessionId.apply(s) + "," + String.format(Locale.ROOT, "%.6f", pSlow.applyAsDouble(s)) + "\n");
            }
        }
    }
}
