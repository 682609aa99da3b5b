package in.workbench.analytics.network;

import in.workbench.analytics.imports.ImportHook;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Sql;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The slow-network feature's one door to the database: the {@code sessions} table, the slow
 * threshold setting, the outcomes an import derives and the predictions written back. Stateless
 * apart from the workspace; thread-safe (each call takes its own connection).
 */
public final class SessionStore {

    /** Workspace setting: page_load_ms above this is slow. */
    public static final String THRESHOLD_SETTING = "slow-network.threshold-ms";
    public static final int DEFAULT_THRESHOLD_MS = 5_000;

    private static final String SELECT = "SELECT session_id, customer_id, ts, device_model, os, ram_gb, network_type, carrier, "
            + "tower_id, signal_dbm, last_latency_ms, pincode, page_load_ms, slow FROM sessions";

    private final Workspace ws;

    public SessionStore(Workspace ws) {
        this.ws = ws;
    }

    /** The workspace's slow threshold in milliseconds. */
    public int thresholdMs() {
        return ws.setting(THRESHOLD_SETTING).map(Integer::parseInt).orElse(DEFAULT_THRESHOLD_MS);
    }

    /**
     * Sets the slow threshold and re-derives {@code slow} from {@code page_load_ms} for the sessions
     * whose file gave only the load time. Returns the number of sessions re-derived.
     */
    public long setThresholdMs(int ms) {
        if (ms <= 0) {
            throw new IllegalArgumentException("threshold must be positive");
        }
        ws.putSetting(THRESHOLD_SETTING, Integer.toString(ms));
        long[] changed = new long[1];
        Sql.inTransaction(ws, "Could not re-derive the slow outcomes", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sessions SET slow = (page_load_ms > ?) WHERE slow_given = FALSE AND page_load_ms IS NOT NULL")) {
                ps.setInt(1, ms);
                changed[0] = ps.executeUpdate();
            }
        });
        return changed[0];
    }

    /**
     * The import hook that derives {@code slow} from {@code page_load_ms} where the file left it
     * blank, using the threshold in force, and remembers which outcomes the file gave itself.
     */
    public static ImportHook outcomesHook() {
        return (Connection c, DataTable table, long runId) -> {
            if (table != DataTable.SESSIONS) {
                return;
            }
            int threshold = threshold(c);
            try (PreparedStatement given = c.prepareStatement("UPDATE sessions SET slow_given = (slow IS NOT NULL) WHERE run_id = ?");
                    PreparedStatement derive = c.prepareStatement(
                            "UPDATE sessions SET slow = (page_load_ms > ?) WHERE run_id = ? AND slow IS NULL AND page_load_ms IS NOT NULL")) {
                given.setLong(1, runId);
                given.executeUpdate();
                derive.setInt(1, threshold);
                derive.setLong(2, runId);
                derive.executeUpdate();
            }
        };
    }

    private static int threshold(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM workspace_settings WHERE setting_key = ?")) {
            ps.setString(1, THRESHOLD_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Integer.parseInt(rs.getString(1).trim()) : DEFAULT_THRESHOLD_MS;
            }
        }
    }

    /**
     * Sessions of an import run whose file gave both outcomes and they disagree with the threshold
     * (kept as given, counted as {@code inconsistent_outcomes}).
     */
    public long inconsistentOutcomes(long runId) {
        return Sql.count(ws, "SELECT COUNT(*) FROM sessions WHERE run_id = ? AND slow_given = TRUE AND page_load_ms IS NOT NULL "
                + "AND slow <> (page_load_ms > ?)", List.of(runId, thresholdMs()), "Could not count the inconsistent outcomes");
    }

    /** Number of sessions, and of those with an outcome. */
    public long[] counts() {
        return new long[] {
            Sql.count(ws, "SELECT COUNT(*) FROM sessions", List.of(), "Could not count the sessions"),
            Sql.count(ws, "SELECT COUNT(*) FROM sessions WHERE slow IS NOT NULL", List.of(), "Could not count the sessions")};
    }

    /** Records the trained model in {@code trained_models} with its provenance and evaluation. */
    public void recordModel(long seed, long trainingRows, com.fasterxml.jackson.databind.node.ObjectNode provenance) {
        new TrainedModelStore(ws).record(SlowNetworkModel.NAME, SlowNetworkModel.FILE_NAME, seed, trainingRows,
                provenance.path("candidates").toString(), provenance.toString());
    }

    /** Replaces the stored predictions with {@code scores}. */
    public void writePredictions(Sessions s, SlowNetworkScoring.Scores scores) {
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        Sql.inTransaction(ws, "Could not save the slow-network predictions", c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM session_predictions");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO session_predictions (session_id, p_slow, lite, reasons, predicted_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int k = 0; k < scores.rows().length; k++) {
                    ps.setString(1, s.sessionId(scores.rows()[k]));
                    ps.setDouble(2, scores.pSlow()[k]);
                    ps.setBoolean(3, scores.lite()[k]);
                    ps.setString(4, scores.reasons() == null ? null : scores.reasons()[k]);
                    ps.setObject(5, now);
                    ps.addBatch();
                    if (k % 5_000 == 4_999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Every session, read into columns. */
    public Sessions readAll(ProgressMonitor monitor) {
        Sessions s = new Sessions();
        long total = counts()[0];
        try (Connection c = ws.connection(); Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery(SELECT)) {
                while (rs.next()) {
                    s.add(row(rs));
                    if ((s.size() & 0x3FFF) == 0) {
                        monitor.checkCancelled();
                        monitor.update(s.size(), total, String.format("read %,d sessions", s.size()));
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not read the sessions", e);
        }
        return s;
    }

    private static SessionRow row(ResultSet rs) throws SQLException {
        BigDecimal ram = rs.getBigDecimal(6);
        return new SessionRow(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4), rs.getString(5),
                ram == null ? null : ram.doubleValue(), NetworkType.parse(rs.getString(7)).orElseThrow(), rs.getString(8),
                rs.getString(9), (Integer) rs.getObject(10), (Integer) rs.getObject(11), rs.getString(12), (Integer) rs.getObject(13),
                (Boolean) rs.getObject(14));
    }
}
