package in.workbench.analytics.workspace;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's trained models, stored in its {@code model_files} table (the bytes of each model
 * file, with who trained it, when, and its metrics), so that every analyst of a team workspace
 * scores with the same model. Trainers and screens keep reading and writing files in
 * {@link Workspace#modelsDir()}: that folder is this machine's copy, and this store keeps it in
 * step with the table each time the folder is asked for, and when the workspace opens and closes.
 *
 * <p>What changed where is told apart by a small manifest in the folder ({@code .model-store.json}:
 * each file's checksum, size and time when last in step). A file written here since then is sent
 * to the table, when the analyst may change shared models (an owner; always in a workspace folder);
 * a file another analyst stored since then is fetched, its checksum checked, and written here
 * atomically; what neither side changed is left alone. Where an analyst without that right holds a
 * file that differs from the table's, the table's wins: the workspace's models are the owners'. Model
 * files fetched from a server are loaded by the same loaders as local ones, with their allow-lists
 * and the process-wide {@code ObjectInputFilter} (decision 0011).
 *
 * <p>Files already in a folder workspace's {@code models/} when it first opens with this version
 * are stored in the table then (once: afterwards the manifest knows them).
 *
 * <p>Thread-safe: {@link #sync()} runs one at a time per workspace.
 */
public final class ModelStore {

    /** The manifest file in the models folder. */
    static final String MANIFEST = ".model-store.json";
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored model file, as the model lists show it ("trained by asha on 2026-12-03"). */
    public record StoredModel(String fileName, long sizeBytes, String sha256, String trainedBy, OffsetDateTime trainedAt,
            OffsetDateTime storedAt, String modelName, String metricsJson) {

        /** "trained by NAME on yyyy-MM-dd HH:mm UTC". */
        public String trainedByLine() {
            return "trained by " + trainedBy + " on " + trainedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    .withSecond(0).withNano(0).toString().replace('T', ' ') + " UTC";
        }
    }

    /** A file's state when it was last in step with the table. */
    record Known(String sha256, long size, long modifiedMillis) {
    }

    private final Workspace ws;
    private final Path dir;

    ModelStore(Workspace ws, Path dir) {
        this.ws = ws;
        this.dir = dir;
    }

    /** Who is training: the database user on a server, the operating-system user in a workspace folder. */
    private String analyst(Connection c) throws SQLException {
        if (ws.dialect() == Dialect.H2) {
            return System.getProperty("user.name", "analyst");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private boolean maySend() {
        return ws.readOnlyReason().isEmpty() && ws.role().may(TeamRole.Right.CHANGE);
    }

    /**
     * Brings the folder and the table in step (see the class comment). A database that cannot be
     * reached leaves the folder as it is, to be brought in step next time.
     */
    public synchronized void sync() {
        try {
            Files.createDirectories(dir);
            Map<String, Known> known = readManifest();
            Map<String, String> stored = storedChecksums();
            Map<String, Known> local = scanFolder(known);
            boolean send = maySend();
            TreeSet<String> names = new TreeSet<>();
            names.addAll(known.keySet());
            names.addAll(stored.keySet());
            names.addAll(local.keySet());
            Map<String, Known> next = new LinkedHashMap<>();
            for (String name : names) {
                Known was = known.get(name);
                Known here = local.get(name);
                String there = stored.get(name);
                boolean changedHere = here != null && (was == null || !was.sha256().equals(here.sha256()));
                boolean deletedHere = here == null && was != null;
                boolean changedThere = there != null && (was == null || !was.sha256().equals(there));
                try {
                    if (here != null && here.sha256().equals(there)) {
                        next.put(name, here);
                    } else if (changedHere && send) {
                        store(name, here);
                        next.put(name, here);
                    } else if (deletedHere && send && there != null && !changedThere) {
                        delete(name);
                    } else if (there != null) {
                        next.put(name, fetch(name));
                    } else if (here != null) {
                        // Gone from the table (an owner deleted it), or never there and not this analyst's to send.
                        Files.deleteIfExists(dir.resolve(name));
                    }
                } catch (WorkbenchException refused) {
                    // One file the table holds badly (its checksum) does not keep the others from being brought in step.
                    LOG.warn("{}", refused.getMessage());
                    if (was != null) {
                        next.put(name, was);
                    }
                }
            }
            writeManifest(next);
            if (send) {
                fillProvenance();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not bring the models of {} in step with the workspace: {}", ws.location(), e.getMessage());
        } catch (IOException e) {
            LOG.warn("Could not bring the models folder {} in step with the workspace: {}", dir, e.getMessage());
        }
    }

    /** The stored model files, by file name, with their provenance. */
    public List<StoredModel> list() {
        if (ws.server().isEmpty()) {
            // A folder workspace's table is brought in step here rather than on every read of the folder.
            sync();
        }
        List<StoredModel> out = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file_name, "
                + "size_bytes, sha256, trained_by, trained_at, stored_at, model_name, metrics_json FROM model_files ORDER BY file_name")) {
            while (rs.next()) {
                out.add(new StoredModel(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw Sql.failure("Could not list the workspace's models", e);
        }
        return out;
    }

    /** Each named model's latest stored file (the one that says who trained it and when), by model name. */
    public Map<String, StoredModel> byModelName() {
        Map<String, StoredModel> out = new java.util.TreeMap<>();
        for (StoredModel m : list()) {
            if (m.modelName() != null) {
                out.merge(m.modelName(), m, (a, b) -> a.trainedAt().isAfter(b.trainedAt()) ? a : b);
            }
        }
        return out;
    }

    /** The provenance of one stored model file, if the workspace holds it. */
    public Optional<StoredModel> provenance(String fileName) {
        return list().stream().filter(m -> m.fileName().equals(fileName)).findFirst();
    }

    private Map<String, String> storedChecksums() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT file_name, sha256 FROM model_files")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private Map<String, Known> scanFolder(Map<String, Known> known) throws IOException {
        Map<String, Known> out = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part") || !Files.isRegularFile(p)) {
                    continue;
                }
                long size;
                long modified;
                try {
                    size = Files.size(p);
                    modified = Files.getLastModifiedTime(p).toMillis();
                } catch (NoSuchFileException gone) {
                    continue;
                }
                Known was = known.get(name);
                if (was != null && was.size() == size && was.modifiedMillis() == modified) {
                    out.put(name, was);
                } else {
                    out.put(name, new Known(sha256(p), size, modified));
                }
            }
        }
        return out;
    }

    private void store(String name, Known file) throws SQLException, IOException {
        Path p = dir.resolve(name);
        OffsetDateTime trainedAt = OffsetDateTime.ofInstant(Instant.ofEpochMilli(file.modifiedMillis()), ZoneOffset.UTC);
        try (Connection c = ws.connection(); InputStream in = Files.newInputStream(p)) {
            String[] provenance = provenanceOf(c, name);
            try (PreparedStatement ps = c.prepareStatement(ws.dialect().upsert("model_files", List.of("file_name", "content",
                    "size_bytes", "sha256", "trained_by", "trained_at", "stored_at", "model_name", "metrics_json"), List.of("file_name")))) {
                ps.setString(1, name);
                ps.setBinaryStream(2, in, file.size());
                ps.setLong(3, file.size());
                ps.setString(4, file.sha256());
                ps.setString(5, analyst(c));
                ps.setObject(6, trainedAt);
                ps.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setString(8, provenance[0]);
                ps.setString(9, provenance[1]);
                ps.executeUpdate();
            }
        }
        LOG.info("Stored model file {} ({} bytes) in {}", name, file.size(), ws.location());
    }

    /** The model's name and metrics from the trainer's record, or nulls when it has not written one yet. */
    private static String[] provenanceOf(Connection c, String name) throws SQLException {
        for (String sql : List.of("SELECT model_name, metrics_json FROM trained_models WHERE file_name = ?",
                "SELECT model_name, metrics_json FROM lab_models WHERE model_file = ? OR 'lab-' || model_name || '.json' = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setString(i, name);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String metrics = rs.getString(2);
                        return new String[] {rs.getString(1), metrics != null && metrics.length() <= 1_000_000 ? metrics : null};
                    }
                }
            }
        }
        return new String[] {null, null};
    }

    /** Trainers record their model after writing its file: stored files recorded since get their name and metrics. */
    private void fillProvenance() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection c = ws.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT file_name FROM model_files WHERE model_name IS NULL")) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (Connection c = ws.connection();
                PreparedStatement ps = c.prepareStatement("UPDATE model_files SET model_name = ?, metrics_json = ? WHERE file_name = ?")) {
            for (String name : missing) {
                String[] p = provenanceOf(c, name);
                if (p[0] != null) {
                    ps.setString(1, p[0]);
                    ps.setString(2, p[1]);
                    ps.setString(3, name);
                    ps.executeUpdate();
                }
            }
        }
    }

    private void delete(String name) throws SQLException {
        try (Connection c = ws.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM model_files WHERE file_name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    /** Fetches a stored file into the folder (atomically), checking its bytes against the stored checksum. */
    private Known fetch(String name) throws SQLException, IOException {
        Path target = dir.resolve(name).normalize();
        if (!target.getParent().equals(dir.normalize())) {
            throw new WorkbenchException(Kind.OTHER, "The workspace holds a model file named " + name + ", which is not a plain file name.");
        }
        Path tmp = dir.resolve("." + name + ".fetch.tmp");
        String expected;
        String actual;
        try (Connection c = ws.connection();
                PreparedStatement ps = c.prepareStatement("SELECT content, sha256 FROM model_files WHERE file_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkbenchException(Kind.OTHER, "The model file " + name + " left the workspace while it was fetched.");
                }
                expected = rs.getString(2);
                MessageDigest digest = sha256Digest();
                try (InputStream in = new DigestInputStream(rs.getBinaryStream(1), digest); OutputStream out = Files.newOutputStream(tmp)) {
                    in.transferTo(out);
                }
                actual = HexFormat.of().formatHex(digest.digest());
            }
        }
        if (!actual.equals(expected)) {
            Files.deleteIfExists(tmp);
            throw new WorkbenchException(Kind.OTHER, "The stored model file " + name + " does not match its checksum; it was not fetched.");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Fetched model file {} from {}", name, ws.location());
        return new Known(actual, Files.size(target), Files.getLastModifiedTime(target).toMillis());
    }

    private Map<String, Known> readManifest() {
        Path m = dir.resolve(MANIFEST);
        if (!Files.exists(m)) {
            return new HashMap<>();
        }
        try {
            return new HashMap<>(JSON.readValue(m.toFile(), new TypeReference<Map<String, Known>>() { }));
        } catch (IOException e) {
            LOG.warn("The models manifest {} cannot be read; every file is compared again", m);
            return new HashMap<>();
        }
    }

    private void writeManifest(Map<String, Known> known) throws IOException {
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        JSON.writeValue(tmp.toFile(), known);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(Path p) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
