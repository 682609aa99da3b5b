package in.workbench.analytics.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * A saved lab model: the Tribuo model as protobuf ({@code models/lab-NAME.tribuo.pb}) and the
 * lab's own description as JSON ({@code models/lab-NAME.json}): the table and target, the
 * feature encoding, the validation and every candidate's figures, the seed and the model file's
 * SHA-256. Neither file uses Java serialization; a model file loads only when its class is one
 * of the lab's algorithms' ({@link #ALLOWED_MODEL_CLASSES}) and its checksum matches.
 *
 * <p>Immutable; the Tribuo model is thread-safe for prediction.
 */
public final class LabModel {

    /** The Tribuo model classes the lab's algorithms produce; nothing else is loaded. */
    public static final Set<String> ALLOWED_MODEL_CLASSES = Set.of(
            "org.tribuo.classification.sgd.linear.LinearSGDModel",
            "org.tribuo.regression.sgd.linear.LinearSGDModel",
            "org.tribuo.common.xgboost.XGBoostModel",
            "org.tribuo.common.tree.TreeModel",
            "org.tribuo.regression.rtree.IndependentRegressionTreeModel",
            "org.tribuo.ensemble.WeightedEnsembleModel",
            "org.tribuo.common.nearest.KNNModel");
    static final String FORMAT = "workbench-lab-model";

    /**
     * The JSON beside the model file.
     *
     * @param format always {@value #FORMAT}
     * @param version the file format's version (1)
     * @param name the model's name
     * @param table the table or view it was trained on
     * @param target the target column
     * @param task classification or regression
     * @param classes the target's classes, most frequent first (classification)
     * @param positiveClass the class AUC measures (two classes), or null
     * @param idColumns the id column(s) of the training table
     * @param algorithm the kept candidate's name
     * @param primaryMetric the metric that chose it
     * @param validation the validation in words
     * @param seed the seed
     * @param rows rows trained on
     * @param trainedAt when
     * @param targetMean centre of a numeric target during training
     * @param targetStd scale of a numeric target during training
     * @param encoding how rows become features
     * @param notes what the lab left out or pooled
     * @param candidates every candidate's figures
     * @param modelFile the protobuf file's name
     * @param modelSha256 its SHA-256
     * @param tribuoVersion the Tribuo version that wrote it
     */
    public record Description(String format, int version, String name, String table, String target, String task,
            List<String> classes, String positiveClass, List<String> idColumns, String algorithm, String primaryMetric,
            String validation, long seed, long rows, String trainedAt, double targetMean, double targetStd, FeatureEncoding encoding,
            List<String> notes, List<CandidateFigures> candidates, String modelFile, String modelSha256, String tribuoVersion) {

        /** The kept candidate's figures. */
        public CandidateFigures kept() {
            return candidates.stream().filter(c -> c.algorithm().equals(algorithm)).findFirst().orElseThrow();
        }

        public LabTask labTask() {
            return LabTask.named(task);
        }
    }

    /**
     * One candidate's validation figures, as saved.
     *
     * @param algorithm its name
     * @param metrics metric → value on held-out rows
     * @param evaluatedRows held-out rows measured
     * @param importance column → share
     * @param failure why it could not be trained, or null
     */
    public record CandidateFigures(String algorithm, Map<String, Double> metrics, long evaluatedRows, Map<String, Double> importance,
            String failure) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Description description;
    private final Model<?> model;

    private LabModel(Description description, Model<?> model) {
        this.description = description;
        this.model = model;
    }

    public Description description() {
        return description;
    }

    public Model<?> model() {
        return model;
    }

    /** The JSON file's name for a model name. */
    static String jsonFile(String name) {
        return "lab-" + name + ".json";
    }

    /**
     * Saves a training's kept model under {@code name} (replacing a model of that name) and
     * records it in {@code lab_models}.
     */
    public static LabModel save(LabStore store, String name, LabResult result) {
        String n = LabNames.checkName(name, "model");
        Path dir = store.workspace().modelsDir();
        String modelFile = "lab-" + n + ".tribuo.pb";
        try {
            Files.createDirectories(dir);
            byte[] proto = result.model().serialize().toByteArray();
            writeAtomically(dir.resolve(modelFile), proto);
            List<CandidateFigures> figures = new ArrayList<>();
            for (CandidateResult c : result.candidates()) {
                Map<String, Double> importance = new java.util.LinkedHashMap<>();
                c.importance().forEach(i -> importance.put(i.column(), i.share()));
                figures.add(new CandidateFigures(c.algorithm().id(), c.metrics(), c.evaluatedRows(), importance, c.failure()));
            }
            LabPlan plan = result.plan();
            List<String> ids = store.idColumns(plan.table(), store.columns(plan.table()));
            Description d = new Description(FORMAT, 1, n, plan.table(), plan.target(), plan.task().label(), plan.classes(),
                    result.positiveClass(), ids, result.kept().id(), result.primaryMetric(), result.spec().validation().describe(),
                    result.spec().seed(), plan.rows(), OffsetDateTime.now(ZoneOffset.UTC).toString(), result.targetMean(),
                    result.targetStd(), result.encoding(), plan.notes(), figures, modelFile, sha256(proto),
                    org.tribuo.Tribuo.VERSION);
            writeAtomically(dir.resolve(jsonFile(n)), JSON.writeValueAsBytes(d));
            store.recordModel(d);
            return new LabModel(d, result.model());
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save the lab model " + n + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a saved lab model.
     *
     * @throws WorkbenchException PREREQUISITE_MISSING when there is no such model, or its files
     *     are damaged, changed or hold a model class the lab does not make
     */
    public static LabModel load(LabStore store, String name) {
        String n = LabNames.checkName(name, "model");
        Path dir = store.workspace().modelsDir();
        Path json = dir.resolve(jsonFile(n));
        Description d;
        try {
            d = JSON.readValue(json.toFile(), Description.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no lab model called " + n
                    + ". See the lab's models with `workbench lab list -w DIR`, or train one with `workbench train -w DIR lab --table T "
                    + "--target C --name " + n + "`.", e);
        } catch (IOException e) {
            throw damaged(json, e);
        }
        if (!FORMAT.equals(d.format()) || d.version() != 1 || d.modelFile() == null || d.encoding() == null) {
            throw damaged(json, null);
        }
        Path file = dir.resolve(d.modelFile()).normalize();
        if (!file.getParent().equals(dir.normalize())) {
            throw damaged(json, null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            if (!sha256(bytes).equals(d.modelSha256())) {
                throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The lab model file " + file
                        + " has changed since it was saved; train the model again.");
            }
            ModelProto proto = ModelProto.parseFrom(bytes);
            if (!ALLOWED_MODEL_CLASSES.contains(proto.getClassName())) {
                throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The lab model file " + file + " holds a "
                        + proto.getClassName() + ", which the lab does not make; it was not loaded.");
            }
            Model<?> model = Model.deserialize(proto);
            if (!ALLOWED_MODEL_CLASSES.contains(model.getClass().getName())) {
                throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The lab model file " + file
                        + " did not hold a model the lab makes; it was not loaded.");
            }
            return new LabModel(d, model);
        } catch (NoSuchFileException e) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The lab model " + n + " has lost its model file " + file
                    + "; train it again.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof WorkbenchException we) {
                throw we;
            }
            throw damaged(file, e);
        }
    }

    private static WorkbenchException damaged(Path file, Exception e) {
        return new WorkbenchException(Kind.PREREQUISITE_MISSING, "The lab model file " + file
                + " cannot be read (damaged, or saved by another version); train the model again.", e);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads a model's description only (for lists), or null when it cannot be read. */
    static Description readDescription(Path json) {
        try {
            return JSON.readValue(json.toFile(), Description.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The JSON of a description, for the registry's metrics column. */
    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not write the lab model's figures: " + e.getMessage(), e);
        }
    }
}
