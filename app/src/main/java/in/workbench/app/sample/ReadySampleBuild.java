package in.workbench.app.sample;

import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.FolderTree;
import in.workbench.app.ImportHooks;
import in.workbench.app.SharedAddressParser;
import in.workbench.sample.BundledSample;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The package-time build step that makes the ready sample ({@code app/pom.xml} runs it after
 * compiling): builds the marketplace sample workspace with {@link MarketplaceSample#build}, closes
 * it (which compacts it) and writes it as {@link ReadySample#RESOURCE} into the classes folder, so
 * the jar carries it. It is skipped when the archive there was built from the same inputs (the
 * bundled CSVs and the analytics, sample-data and sample-building code, by content), so only a
 * change that could alter the sample pays for rebuilding it.
 *
 * <p>Usage: {@code ReadySampleBuild ZIP WORK_DIR}.
 */
public final class ReadySampleBuild {

    private ReadySampleBuild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ReadySampleBuild ZIP WORK_DIR");
            System.exit(2);
        }
        // Tribuo reports every training iteration through java.util.logging: keep the build's output to the steps.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path zip = Path.of(args[0]);
        Path work = Path.of(args[1]);
        String inputs = inputs();
        if (Files.exists(zip) && inputs.equals(ReadySample.manifest(Files.newInputStream(zip)).inputs())) {
            System.out.println("The ready sample workspace is up to date: " + zip);
            return;
        }
        long t0 = System.nanoTime();
        Path folder = work.resolve("sample").toAbsolutePath().normalize();
        FolderTree.delete(folder);
        SharedAddressParser parser = new SharedAddressParser();
        MarketplaceSample.fill(folder, new ImportHooks(parser), parser, new Printed());
        long csv = 0;
        for (BundledSample.SampleFile f : BundledSample.files()) {
            csv += Files.size(folder.resolve("source").resolve(f.fileName()));
        }
        long database = Files.size(folder.resolve(Workspace.DATABASE_NAME + ".mv.db"));
        long models = sizeOf(folder.resolve("models"));
        ReadySample.write(folder, zip, new ReadySample.Manifest(folder, inputs, csv, database, models));
        FolderTree.delete(folder);
        System.out.printf("Built the ready sample workspace in %.1f s: database %,d bytes and models %,d bytes for %,d bytes of CSV; "
                + "%s %,d bytes%n", (System.nanoTime() - t0) / 1e9, database, models, csv, zip, Files.size(zip));
        // Tribuo's and H2's helper threads must not keep the build waiting.
        System.exit(0);
    }

    /** A digest of everything the sample is made from: the bundled files and the code that imports and trains. */
    static String inputs() throws IOException, URISyntaxException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Class<?> c : List.of(Workspace.class, BundledSample.class)) {
            digestTree(digest, Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        Path app = Path.of(ReadySampleBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(app)) {
            digestTree(digest, app.resolve("in/workbench/app/sample"));
            digestTree(digest, app.resolve("in/workbench/app/ImportHooks.class"));
        } else {
            digestTree(digest, app);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digestTree(MessageDigest digest, Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            digest.update(Files.readAllBytes(root));
            return;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".zip")).sorted().toList();
        }
        for (Path f : files) {
            digest.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Progress on standard output, one line per tenth of the way or new step. */
    private static final class Printed implements ProgressMonitor {
        private String lastStep = "";
        private long lastTenth = -1;

        @Override
        public synchronized void update(long done, long total, String message) {
            String step = message == null ? "" : message.split(":")[0];
            long tenth = total > 0 ? done * 10 / total : -1;
            if (!step.equals(lastStep) || tenth != lastTenth) {
                System.out.println("ready sample: " + (tenth >= 0 ? tenth * 10 + " % " : "") + step);
                lastStep = step;
                lastTenth = tenth;
            }
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
