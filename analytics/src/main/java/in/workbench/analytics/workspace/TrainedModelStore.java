package in.workbench.analytics.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one door to the workspace's {@code trained_models} table: every trainer records its model
 * here (file name, seed, training rows, metrics as JSON, provenance), and screens read a model's
 * stored metrics back from here. Trainers never write the row themselves.
 *
 * <p>Thread-safe: each call takes its own connection from the workspace.
 */
public final class TrainedModelStore {

    private static final List<String> COLUMNS =
            List.of("model_name", "file_name", "trained_at", "seed", "training_rows", "metrics_json", "provenance");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace ws;

    /** The trained models of {@code ws}. */
    public TrainedModelStore(Workspace ws) {
        this.ws = ws;
    }

    /** A model's stored row: its metrics (JSON text), when it was trained and with which seed. */
    public record StoredModel(String metricsJson, OffsetDateTime trainedAt, long seed) {
    }

    /**
     * Records (or replaces) the row of model {@code name}, trained now.
     *
     * @param metrics written as a JSON object by Jackson
     * @throws WorkbenchException when the metrics cannot be written as JSON or the database fails
     */
    public void record(String name, String fileName, long seed, long trainingRows, Map<String, ?> metrics, String provenance) {
        String json;
        try {
            json = JSON.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not record the trained model: " + e.getMessage(), e);
        }
        record(name, fileName, seed, trainingRows, json, provenance);
    }

    /** As {@link #record(String, String, long, long, Map, String)} with metrics already written as JSON text. */
    public void record(String name, String fileName, long seed, long trainingRows, String metricsJson, String provenance) {
        Sql.inTransaction(ws, "Could not record the trained model", c -> {
            try (PreparedStatement ps = c.prepareStatement(ws.dialect().upsert("trained_models", COLUMNS, List.of("model_name")))) {
                Sql.bind(ps, java.util.Arrays.asList(name, fileName, OffsetDateTime.now(ZoneOffset.UTC), seed, trainingRows, metricsJson,
                        provenance));
                ps.executeUpdate();
            }
        });
    }

    /** The stored row of model {@code name}; empty when it was never trained in this workspace. */
    public Optional<StoredModel> find(String name) {
        try (var c = ws.connection();
                PreparedStatement ps = c.prepareStatement("SELECT metrics_json, trained_at, seed FROM trained_models WHERE model_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredModel(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3)))
                        : Optional.empty();
            }
        } catch (java.sql.SQLException e) {
            throw Sql.failure("Could not read the trained model " + name, e);
        }
    }
}
