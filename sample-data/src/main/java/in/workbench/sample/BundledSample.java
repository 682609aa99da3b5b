package in.workbench.sample;

import in.workbench.analytics.workspace.DataTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The sample world bundled with the product (generated with {@link SampleGenerator.Config#bundled()}
 * and committed as gzipped resources), which a new user's first workspace is built from.
 *
 * <p>{@link #copyTo} writes plain copies of its files into a folder; the bundled resources are
 * never opened as a workspace themselves. The truth files are not part of it. Thread-safe.
 */
public final class BundledSample {

    /** Where the bundle lives on the classpath. */
    public static final String RESOURCE_DIR = "/in/workbench/sample/bundled/";

    /**
     * A file of the bundle.
     *
     * @param fileName the CSV file's name
     * @param table the table it imports into
     */
    public record SampleFile(String fileName, DataTable table) {
    }

    private BundledSample() {
    }

    /** The bundle's CSV files in the order they must be imported (ladder, catalog, addresses, shipments). */
    public static List<SampleFile> files() {
        return List.of(new SampleFile("package_types.csv", DataTable.PACKAGE_TYPES), new SampleFile("catalog.csv", DataTable.PRODUCTS),
                new SampleFile("addresses.csv", DataTable.ADDRESSES), new SampleFile("shipments.csv", DataTable.SHIPMENTS));
    }

    /** True when the bundle is on the classpath (it is in every build of the product). */
    public static boolean isAvailable() {
        return BundledSample.class.getResource(RESOURCE_DIR + "catalog.csv.gz") != null;
    }

    /** Writes the bundle's CSV files and images into {@code dir}; returns the CSV paths in import order. */
    public static List<Path> copyTo(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        List<Path> written = new ArrayList<>();
        for (SampleFile f : files()) {
            Path target = dir.resolve(f.fileName());
            try (InputStream in = open(f.fileName() + ".gz")) {
                Files.copy(new GZIPInputStream(in), target, StandardCopyOption.REPLACE_EXISTING);
            }
            written.add(target);
        }
        try (InputStream list = open("images.txt")) {
            for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream img = open("images/" + name)) {
                    Files.copy(img, dir.resolve("images").resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return written;
    }

    /** The bundled sessions world's file, in a folder of its own: a workspace of its own, not part of the marketplace sample. */
    public static final String SESSIONS_FILE = "sessions/sessions.csv";

    /**
     * Writes the bundled app sessions ({@link SessionSampler.Config#bundled()}, without their truth)
     * to {@code dir}/sessions.csv for a sessions workspace of their own; returns that path.
     */
    public static Path copySessionsTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("sessions.csv");
        try (InputStream in = open(SESSIONS_FILE + ".gz")) {
            Files.copy(new GZIPInputStream(in), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static InputStream open(String name) {
        InputStream in = BundledSample.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("The bundled sample file " + name + " is missing from this build"));
        }
        return in;
    }
}
