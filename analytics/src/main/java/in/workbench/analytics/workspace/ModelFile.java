package in.workbench.analytics.workspace;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one kind of trained model is kept in a workspace's {@code models/} folder: a JSON document
 * (described in docs/model-files.md) that names its kind and format version and holds the
 * model's own parameters, with any Tribuo model inside as Tribuo's protobuf ({@link TribuoModelFormat}).
 * Nothing in such a file can run code when it is read.
 *
 * <p>Files are written atomically (a crash leaves the previous file). A missing, damaged or refused
 * file is reported with one plain sentence saying which {@code train} command makes it again. A
 * Java-serialised file saved by the previous release is read once through {@link LegacyModelFile}
 * (only the model's own and Tribuo's known classes are admitted) and rewritten in this format; one
 * that is refused is left where it is and reported, never silently dropped.
 *
 * <p>Thread-safe. A model read from a file is shared by every caller while the file is unchanged, so
 * loaded models are used read-only.
 *
 * @param <M> the model as the rest of the workbench uses it
 * @param <D> the model's document: a record of plain values (numbers, strings, lists, maps, records)
 */
public final class ModelFile<M, D> {

    /** The {@code format} field of every workbench model file. */
    public static final String FORMAT = "workbench-model";
    private static final Logger LOG = LoggerFactory.getLogger(ModelFile.class);
    /** Large XGBoost models are a few tens of megabytes of base64; anything far beyond is not a model. */
    private static final int MAX_STRING_CHARS = 512 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).maxNestingDepth(64).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final String fileName;
    private final String kind;
    private final int version;
    private final String what;
    private final String trainName;
    private final Class<M> modelType;
    private final Class<D> documentType;
    private final Function<M, D> toDocument;
    private final Function<D, M> fromDocument;

    /**
     * @param kind the model's kind, also its file name without {@code .model} ("packaging")
     * @param version the document's format version; files with a higher one are refused as written by a newer workbench
     * @param what the model in the analyst's words, e.g. "packaging damage"
     * @param trainName the MODEL argument of {@code workbench train} that makes it
     * @param modelType the model's class; also the only class a Java-serialised file of the previous release may start with
     * @param documentType the record the model is written as
     * @param toDocument the model's parameters as a document
     * @param fromDocument the model rebuilt from its document; throws {@link Refused} or {@link IllegalArgumentException} when the
     *     document describes no usable model
     */
    public ModelFile(String kind, int version, String what, String trainName, Class<M> modelType, Class<D> documentType,
            Function<M, D> toDocument, Function<D, M> fromDocument) {
        this.fileName = kind + ".model";
        this.kind = kind;
        this.version = version;
        this.what = what;
        this.trainName = trainName;
        this.modelType = modelType;
        this.documentType = documentType;
        this.toDocument = toDocument;
        this.fromDocument = fromDocument;
    }

    /** The model file's name under the models folder. */
    public String fileName() {
        return fileName;
    }

    /** True when {@code dir} holds a file of this model (readable or not). */
    public boolean exists(Path dir) {
        return Files.exists(dir.resolve(fileName));
    }

    /**
     * Writes {@code model} as {@code dir/KIND.model}, atomically: the JSON document, gzip-compressed
     * (the weights of the catalog and segmentation models are most of a workspace's size otherwise).
     */
    public void save(Path dir, M model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", kind);
        root.put("version", version);
        root.put("saved_at", OffsetDateTime.now(ZoneOffset.UTC).toString());
        root.set("model", JSON.valueToTree(toDocument.apply(model)));
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(fileName + ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                JSON.writeValue(out, root);
            }
            Files.move(tmp, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkbenchException(Kind.OTHER, "Could not save the " + what + " model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code dir/KIND.model}; a file of the previous release is converted to this format first.
     *
     * @throws WorkbenchException PREREQUISITE_MISSING when there is no such file, or it cannot be read or is refused
     */
    public M load(Path dir) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file)) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING,
                    "This workspace has no " + what + " model yet. Run `workbench train -w DIR " + trainName + "` first.");
        }
        return reading(file, () -> {
            if (LegacyModelFile.isJavaSerialised(file)) {
                M model = LegacyModelFile.read(file, modelType);
                save(dir, model);
                LOG.info("Converted {} from Java serialisation to the workbench model format", file);
                return model;
            }
            return cached(file);
        });
    }

    /** Reading a model file, which may fail. */
    private interface Reading<T> {
        T read() throws IOException;
    }

    /** Runs {@code reading}, turning a refused, damaged or unreadable file into one plain sentence naming the train command. */
    private <T> T reading(Path file, Reading<T> reading) {
        try {
            return reading.read();
        } catch (Refused e) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The " + what + " model in " + file + " was refused: " + e.getMessage()
                    + ". It was not loaded; train it again with `workbench train -w DIR " + trainName + "`.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof WorkbenchException w) {
                throw w;
            }
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The " + what + " model in " + file
                    + " cannot be read (damaged, or saved by another version). Train it again with `workbench train -w DIR "
                    + trainName + "`.", e);
        }
    }

    /**
     * The model read from {@code file}, or the one read before while the file is the same one (same
     * file identity, size and time: saving replaces the file, so a new model is always read). Models
     * are used read-only and shared by the screens, so opening a workspace reads each file once, not
     * once per screen.
     */
    @SuppressWarnings("unchecked")
    private M cached(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Loaded stamp = new Loaded(kind, attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size(), null);
        Path key = file.toAbsolutePath().normalize();
        // One read per file at a time: screens that open together and ask for the same model wait for the
        // first read instead of each parsing the file (two 7 MB catalog reads at once cost a second of CPU).
        synchronized (READING.computeIfAbsent(key, k -> new Object())) {
            Object model = cachedModel(key, stamp);
            if (model != null) {
                return (M) model;
            }
            M read = read(file);
            synchronized (LOADED) {
                LOADED.put(key, stamp.holding(read));
            }
            return read;
        }
    }

    private static Object cachedModel(Path key, Loaded stamp) {
        Loaded seen;
        synchronized (LOADED) {
            seen = LOADED.get(key);
        }
        return seen != null && seen.sameFile(stamp) ? seen.model().get() : null;
    }

    /** A lock per model file (few: one per kind and workspace opened in this process). */
    private static final java.util.concurrent.ConcurrentMap<Path, Object> READING = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One part of the saved model's document, e.g. its evaluation, read without building the model:
     * a screen that shows a model's held-out figures need not parse its weights into a model. The file
     * is checked as {@link #load} checks it (format, kind, version); a file of the previous release,
     * or a model already read in this process, gives the part from the model instead.
     *
     * @param field the document's field ("evaluations")
     * @param type the part's type as saved
     * @param fromModel the same part taken from a loaded model
     * @throws WorkbenchException as {@link #load} does
     */
    public <T> T part(Path dir, String field, TypeReference<T> type, Function<M, T> fromModel) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file)) {
            return fromModel.apply(load(dir));
        }
        return reading(file, () -> {
            if (LegacyModelFile.isJavaSerialised(file)) {
                return fromModel.apply(load(dir));
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object model = cachedModel(file.toAbsolutePath().normalize(),
                    new Loaded(kind, attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size(), null));
            if (model != null) {
                @SuppressWarnings("unchecked")
                M m = (M) model;
                return fromModel.apply(m);
            }
            return readPart(file, field, type);
        });
    }

    /** Refuses a file that is not this kind's model file, names no version, or was saved by a newer workbench. */
    private void checkHeader(Path file, String format, String savedKind, int saved) {
        if (!FORMAT.equals(format) || !kind.equals(savedKind)) {
            throw new Refused("it is not a workbench " + kind + " model file");
        }
        if (saved > version) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "The " + what + " model in " + file
                    + " was saved by a newer workbench (format " + saved + "); open it with that version or train it again with "
                    + "`workbench train -w DIR " + trainName + "`.");
        }
        if (saved < 1) {
            throw new Refused("it names no format version");
        }
    }

    /** Streams the file, keeping the header's fields and {@code model.FIELD}, skipping everything else unparsed. */
    private <T> T readPart(Path file, String field, TypeReference<T> type) throws IOException {
        String format = null;
        String savedKind = null;
        int saved = -1;
        JsonNode part = null;
        boolean sawModel = false;
        try (InputStream in = openJson(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Refused("it is not a workbench model file");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format" -> format = p.getValueAsString();
                    case "kind" -> savedKind = p.getValueAsString();
                    case "version" -> saved = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                    case "model" -> {
                        sawModel = true;
                        if (value != JsonToken.START_OBJECT) {
                            throw new Refused("it holds no model");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = p.currentName();
                            p.nextToken();
                            if (inner.equals(field)) {
                                part = JSON.readTree(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new Refused("it is not a workbench model file", e);
        }
        checkHeader(file, format, savedKind, saved);
        if (!sawModel) {
            throw new Refused("it holds no model");
        }
        if (part == null || part.isNull()) {
            throw new Refused("its model has no " + field);
        }
        return JSON.treeToValue(part, JSON.getTypeFactory().constructType(type));
    }

    /** A model read from a file, with what identified the file then; held softly, so memory pressure drops it. */
    private record Loaded(String kind, Object fileKey, long modifiedMillis, long size, SoftReference<Object> model) {
        boolean sameFile(Loaded other) {
            return kind.equals(other.kind) && java.util.Objects.equals(fileKey, other.fileKey) && modifiedMillis == other.modifiedMillis
                    && size == other.size;
        }

        Loaded holding(Object m) {
            return new Loaded(kind, fileKey, modifiedMillis, size, new SoftReference<>(m));
        }
    }

    /** Models read in this process, by file, the most recently used last; at most {@value #LOADED_MAX}. */
    private static final int LOADED_MAX = 16;
    private static final java.util.Map<Path, Loaded> LOADED = new java.util.LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Path, Loaded> eldest) {
            return size() > LOADED_MAX;
        }
    };

    private M read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = openJson(file)) {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new Refused("it is not a workbench model file", e);
        }
        if (root == null) {
            throw new Refused("it is not a workbench " + kind + " model file");
        }
        checkHeader(file, root.path("format").asText(), root.path("kind").asText(), root.path("version").asInt(-1));
        D document = JSON.treeToValue(root.path("model"), documentType);
        if (document == null) {
            throw new Refused("it holds no model");
        }
        return fromDocument.apply(document);
    }

    /** A model file's JSON as text (for tests and for looking at a file; loading streams it instead). */
    public static String jsonText(Path file) throws IOException {
        try (InputStream in = openJson(file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** More than this once decompressed is not a model (the largest are tens of megabytes); a test lowers it. */
    static long maxJsonBytes = 1L << 30;

    /**
     * The JSON of a model file: decompressed when it is gzip (as saved since December 2026), as it is
     * when it is plain JSON (as saved before). A compressed file that expands beyond 1 GB is refused
     * while it is read, so a crafted file cannot fill the memory or the disk.
     */
    public static InputStream openJson(Path file) throws IOException {
        InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 != 0x1f || b1 != 0x8b) {
            return raw;
        }
        return new java.io.FilterInputStream(new GZIPInputStream(raw, 1 << 16)) {
            private long read;

            private void count(long n) {
                if (n > 0 && (read += n) > maxJsonBytes) {
                    throw new Refused("it expands to more than 1 GB, far more than any model");
                }
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(n);
                return n;
            }
        };
    }

    /**
     * A model file, or a part of one, that the workbench will not load, with the reason in words
     * ("it holds a Tribuo model of type X, which the workbench does not load").
     */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
            super(reason);
        }

        public Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
