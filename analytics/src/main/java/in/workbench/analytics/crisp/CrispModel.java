package in.workbench.analytics.crisp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained CRISP parameters with their Monte Carlo uncertainty and provenance, saved as JSON
 * in the workspace's {@code models/crisp.json} (never Java serialization). The JSON is also what
 * {@code workbench train crisp --json} prints. Immutable and thread-safe.
 *
 * @param params the learned parameters
 * @param standardErrors Monte Carlo standard errors of (p0, intercept, duration_h, close, indoor)
 * @param batches the parameters fitted per batch of the last E-step
 * @param sweeps sweeps per chain (EM and the final scoring run)
 * @param rhatMax the final run's largest split R-hat
 * @param firstDay the window's first day
 * @param asOf the window's as-of day
 * @param seed the random seed
 * @param people people in the window
 * @param contacts encounters in the window
 * @param tests tests in the window
 * @param emIterations EM iterations
 */
public record CrispModel(CrispParams params, double[] standardErrors, List<CrispParams> batches, int sweeps, double rhatMax,
        LocalDate firstDay, LocalDate asOf, long seed, int people, int contacts, int tests, int emIterations) {

    /** The file name in {@code models/}. */
    public static final String FILE = "crisp.json";
    /** The name in trained_models and in {@code workbench train}. */
    public static final String NAME = "crisp";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON form: the keys of shared/CLI.md first, then uncertainty, test policy and provenance. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", NAME);
        n.put("p0", params.p0());
        weights(n.putObject("weights"), params);
        n.put("p_initial", params.initial());
        n.put("sweeps", sweeps);
        if (Double.isFinite(rhatMax)) {
            n.put("rhat_max", rhatMax);
        } else {
            n.putNull("rhat_max");
        }
        ObjectNode se = n.putObject("standard_errors");
        String[] names = {"p0", "intercept", "duration_h", "close", "indoor"};
        for (int i = 0; i < names.length; i++) {
            if (Double.isFinite(standardErrors[i])) {
                se.put(names[i], standardErrors[i]);
            } else {
                se.putNull(names[i]);
            }
        }
        ObjectNode policy = n.putObject("test_policy");
        policy.put("enabled", params.testPolicy());
        ArrayNode hazard = policy.putArray("symptom_test_hazard");
        for (double q : params.symptomHazard()) {
            hazard.add(q);
        }
        policy.put("symptom_test_rate_other", params.symptomTestOther());
        policy.put("symptom_tested_share", params.symptomTestedShare());
        ArrayNode b = n.putArray("batches");
        for (CrispParams p : batches) {
            ObjectNode o = b.addObject();
            o.put("p0", p.p0());
            weights(o.putObject("weights"), p);
            o.put("p_initial", p.initial());
        }
        ObjectNode prov = n.putObject("provenance");
        prov.put("first_day", firstDay.toString());
        prov.put("as_of", asOf.toString());
        prov.put("seed", seed);
        prov.put("people", people);
        prov.put("contacts", contacts);
        prov.put("tests", tests);
        prov.put("em_iterations", emIterations);
        return n;
    }

    private static void weights(ObjectNode w, CrispParams p) {
        w.put("intercept", p.intercept());
        w.put("duration_h", p.durationH());
        w.put("close", p.close());
        w.put("indoor", p.indoor());
    }

    /** Reads the JSON form back. */
    public static CrispModel fromJson(JsonNode n) {
        if (!NAME.equals(n.path("model").asText())) {
            throw new IllegalArgumentException("not a CRISP model file");
        }
        JsonNode policy = n.path("test_policy");
        CrispParams params = params(n, policy);
        List<CrispParams> batches = new ArrayList<>();
        for (JsonNode b : n.path("batches")) {
            batches.add(params(b, policy));
        }
        double[] se = new double[5];
        String[] names = {"p0", "intercept", "duration_h", "close", "indoor"};
        for (int i = 0; i < 5; i++) {
            JsonNode v = n.path("standard_errors").path(names[i]);
            se[i] = v.isNumber() ? v.asDouble() : Double.NaN;
        }
        JsonNode prov = n.path("provenance");
        JsonNode rhat = n.path("rhat_max");
        return new CrispModel(params, se, batches, n.path("sweeps").asInt(), rhat.isNumber() ? rhat.asDouble() : Double.NaN,
                LocalDate.parse(prov.path("first_day").asText()), LocalDate.parse(prov.path("as_of").asText()), prov.path("seed").asLong(),
                prov.path("people").asInt(), prov.path("contacts").asInt(), prov.path("tests").asInt(), prov.path("em_iterations").asInt());
    }

    private static CrispParams params(JsonNode n, JsonNode policy) {
        JsonNode w = n.path("weights");
        for (String k : new String[] {"intercept", "duration_h", "close", "indoor"}) {
            if (!w.path(k).isNumber()) {
                throw new IllegalArgumentException("weights." + k + " is missing");
            }
        }
        double p0 = n.path("p0").asDouble();
        double other = policy.path("symptom_test_rate_other").asDouble(0.5);
        double[] hazard;
        if (policy.path("symptom_test_hazard").isArray() && policy.path("symptom_test_hazard").size() > 0) {
            hazard = new double[policy.path("symptom_test_hazard").size()];
            for (int t = 0; t < hazard.length; t++) {
                hazard[t] = policy.path("symptom_test_hazard").get(t).asDouble();
            }
        } else {
            // a file of the earlier policy: a share of infections tested at a constant daily rate
            hazard = CrispParams.hazardOfMixture(policy.path("symptom_tested_share").asDouble(1),
                    policy.path("symptom_test_rate_infectious").asDouble(0.5), other);
        }
        return new CrispParams(p0, w.path("intercept").asDouble(), w.path("duration_h").asDouble(),
                w.path("close").asDouble(), w.path("indoor").asDouble(), policy.path("enabled").asBoolean(false), hazard, other,
                n.path("p_initial").asDouble(p0));
    }

    /** The JSON text. */
    public String toJsonText() {
        try {
            return JSON.writeValueAsString(toJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the JSON to {@code file} atomically (a temporary file moved into place). */
    public void writeTo(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write the CRISP parameters to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves the model in the workspace's models/ and records it in trained_models. */
    public void save(Workspace ws) {
        writeTo(ws.modelsDir().resolve(FILE));
        new TrainedModelStore(ws).record(NAME, FILE, seed, contacts, String.format(java.util.Locale.ROOT, "{\"rhat_max\":%s,\"sweeps\":%d}",
                Double.isFinite(rhatMax) ? Double.toString(rhatMax) : "null", sweeps), toJson().path("provenance").toString());
    }

    /**
     * Loads {@code models/crisp.json}.
     *
     * @throws WorkbenchException PREREQUISITE_MISSING when there is none or it cannot be read
     */
    public static CrispModel load(Workspace ws) {
        Path file = ws.modelsDir().resolve(FILE);
        if (!Files.exists(file)) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING,
                    "This workspace has no CRISP model yet. Run `workbench train -w DIR crisp` first.");
        }
        try {
            return fromJson(JSON.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The CRISP model in " + file
                    + " cannot be read (" + e.getMessage() + "). Train it again with `workbench train -w DIR crisp`.", e);
        }
    }
}
