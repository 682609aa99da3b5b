package in.workbench.app.sample;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The marketplace sample shipped as a ready workspace: a zip of the compacted workspace folder
 * (database, models, product images; not the CSV copies) with a small manifest saying where it was
 * built, from what, and how big its CSVs were. {@link #unpack} makes the analyst's copy on first
 * start in well under a second, instead of importing and training for minutes. Thread-safe
 * (stateless).
 */
public final class ReadySample {

    /** Where the archive lives on the classpath (written there by {@link ReadySampleBuild}). */
    public static final String RESOURCE = "/in/workbench/app/sample/marketplace-workspace.zip";
    /** The manifest entry of the archive. */
    static final String MANIFEST = "ready-sample.properties";

    /**
     * What the manifest says: the folder the workspace was built in, what it was built from, and its
     * sizes: the CSV files imported, the compacted database, and the model files.
     */
    public record Manifest(Path builtIn, String inputs, long csvBytes, long databaseBytes, long modelBytes) {

        Properties toProperties() {
            Properties p = new Properties();
            p.setProperty("built_in", builtIn.toString());
            p.setProperty("inputs_sha256", inputs);
            p.setProperty("csv_bytes", Long.toString(csvBytes));
            p.setProperty("database_bytes", Long.toString(databaseBytes));
            p.setProperty("model_bytes", Long.toString(modelBytes));
            return p;
        }

        static Manifest of(Properties p) {
            return new Manifest(Path.of(p.getProperty("built_in", "/")), p.getProperty("inputs_sha256", ""),
                    Long.parseLong(p.getProperty("csv_bytes", "0")), Long.parseLong(p.getProperty("database_bytes", "0")),
                    Long.parseLong(p.getProperty("model_bytes", "0")));
        }
    }

    private ReadySample() {
    }

    /** True when this build carries the ready sample (every packaged build; not a run from the IDE's classes alone). */
    public static boolean shipped() {
        return ReadySample.class.getResource(RESOURCE) != null;
    }

    /** The shipped archive's manifest. */
    public static Manifest manifest() throws IOException {
        return manifest(open());
    }

    /** The manifest of the archive read from {@code archive}, which is closed afterwards. */
    static Manifest manifest(InputStream archive) throws IOException {
        try (archive; ZipInputStream zip = new ZipInputStream(archive, StandardCharsets.UTF_8)) {
            return readManifest(zip);
        }
    }

    /**
     * Unpacks the shipped sample into {@code folder} (which must not hold a workspace) and opens it,
     * pointing its imports' recorded source files at the new folder. All or nothing
     * ({@link SampleFolder}).
     */
    public static Workspace unpack(Path folder, ProgressMonitor monitor) throws IOException {
        return SampleFolder.make(folder, empty -> extract(empty, monitor).builtIn());
    }

    private static Manifest extract(Path dir, ProgressMonitor monitor) throws IOException {
        try (InputStream in = open(); ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            Manifest manifest = readManifest(zip);
            long done = 0;
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                monitor.checkCancelled();
                Path out = dir.resolve(e.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("The bundled sample holds an entry outside its folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                done += Files.copy(zip, out);
                monitor.update(done, manifest.databaseBytes() + manifest.modelBytes(), "unpacking the sample workspace");
            }
            return manifest;
        }
    }

    /**
     * Writes {@code workspace} (closed, so compacted) as the archive {@code zip}: the manifest first,
     * then the database, marker, models and product images. The CSV copies in {@code source/} are
     * left out: the jar carries them already.
     */
    static void write(Path workspace, Path zip, Manifest manifest) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path temp = zip.resolveSibling(zip.getFileName() + ".tmp");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(workspace)) {
            all.filter(Files::isRegularFile).filter(p -> belongs(workspace.relativize(p))).sorted().forEach(files::add);
        }
        try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            z.putNextEntry(new ZipEntry(MANIFEST));
            manifest.toProperties().store(new java.io.OutputStreamWriter(z, StandardCharsets.UTF_8) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            }, "the bundled sample workspace");
            z.closeEntry();
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(workspace.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The database, the marker, the models and the product images; no CSV copies, exports or lock files. */
    private static boolean belongs(Path relative) {
        String name = relative.toString().replace('\\', '/');
        return name.equals(Workspace.DATABASE_NAME + ".mv.db") || name.equals(Workspace.MARKER_FILE) || name.startsWith("models/")
                || name.startsWith("source/images/");
    }

    private static Manifest readManifest(ZipInputStream zip) throws IOException {
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST)) {
            throw new IOException("The bundled sample has no " + MANIFEST + "; this build is damaged");
        }
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(zip, StandardCharsets.UTF_8));
        return Manifest.of(p);
    }

    private static InputStream open() throws IOException {
        InputStream in = ReadySample.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("This build carries no ready sample workspace (" + RESOURCE + ")");
        }
        return in;
    }
}
