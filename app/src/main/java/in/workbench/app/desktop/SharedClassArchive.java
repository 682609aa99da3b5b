package in.workbench.app.desktop;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the window in a JVM that maps the workbench's classes from a class-data-sharing archive
 * (AppCDS) instead of reading and verifying them from the jar, which is most of the time before the
 * window appears (docs/decisions/0027).
 *
 * <p>{@code java -jar workbench.jar} cannot carry JVM options on JDK 17, so the launching JVM, which
 * has loaded almost nothing yet, starts a second one with {@code -XX:SharedArchiveFile} and the
 * same options and arguments, waits for it and exits with its code. The archive is made by the
 * first start ({@code -XX:ArchiveClassesAtExit}, written when the window is closed) into a file
 * whose name holds the jar's path, size and time and the Java runtime, so a rebuilt jar or another
 * JDK makes a new one instead of being refused. It is written under a temporary name and renamed
 * only after the JVM that wrote it exited normally; a damaged or foreign archive is ignored by the
 * JVM ({@code -Xshare:auto}), which then loads classes as usual. Nothing of this runs when the
 * workbench is not started from a jar, when the runtime has no {@code java} launcher (an installer's
 * trimmed runtime passes its own options), when the options already name an archive, or with
 * {@code -Dworkbench.cds=false}.
 */
public final class SharedClassArchive {

    /** Set to {@code false} to start the window in this JVM. */
    public static final String PROPERTY = "workbench.cds";
    /** Set on the JVM started here: when the launching JVM started (ms since the epoch), for start-up timing. */
    public static final String LAUNCHED_AT = "workbench.launchedAt";

    /** Logging is set up only when there is something to say: the launching JVM's happy path never loads it. */
    private static Logger log() {
        return LoggerFactory.getLogger(SharedClassArchive.class);
    }

    private SharedClassArchive() {
    }

    /**
     * Runs the window in a JVM that uses (or, the first time, writes) the archive and returns its
     * exit code, or returns empty when the window should start in this JVM.
     */
    public static Optional<Integer> relaunch(Path home, String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || System.getProperty(LAUNCHED_AT) != null
                || jvmOptions.stream().anyMatch(o -> o.contains("SharedArchiveFile") || o.contains("ArchiveClassesAtExit")
                        || o.startsWith("-Xshare") || o.startsWith("-agentlib:jdwp"))) {
            return Optional.empty();
        }
        Optional<Path> jar = runningJar();
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (jar.isEmpty() || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        try {
            Path folder = home.resolve("cds");
            Files.createDirectories(folder);
            Path archive = folder.resolve("workbench-" + key(jar.get()) + ".jsa");
            Path writing = folder.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".writing");
            boolean present = Files.isRegularFile(archive);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add(present ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + writing);
            command.add("-Xshare:auto");
            // The JVM warns on standard output when it cannot use or write an archive; the start goes on without it either way.
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
            command.addAll(compilerOptions(jvmOptions));
            command.addAll(jvmOptions);
            // The workbench's own properties set by this JVM after it started (a workspace opened from the file manager).
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("workbench.") && jvmOptions.stream().noneMatch(o -> o.startsWith("-D" + name + "="))) {
                    command.add("-D" + name + "=" + System.getProperty(name));
                }
            }
            command.add("-D" + LAUNCHED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
            command.add("-cp");
            command.add(jar.get().toString());
            command.add("in.workbench.app.Main");
            command.addAll(List.of(args));
            StartupProbe.phase("window JVM starting");
            Process child = new ProcessBuilder(command).inheritIO().start();
            int code;
            try {
                code = child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(130);
            }
            keepArchive(present, code, writing, archive);
            return Optional.of(code);
        } catch (IOException e) {
            log().warn("could not start the window with a class archive; starting it in this JVM", e);
            return Optional.empty();
        }
    }

    /**
     * The window JVM's just-in-time compiler: C1 only ({@code -XX:TieredStopAtLevel=1}) unless the options
     * choose one themselves. On the 2-core machine the optimising compiler (C2) took 4.5-5.5 s of the 19-22 s
     * of processor time from the JVM's start to every screen filled, and C1's profiling tiers more; with C1
     * alone the same start took 12-15 s of processor time, and training in the window was no slower
     * (decision 0027, second addendum). The command line keeps the default: imports and scoring run long.
     */
    static List<String> compilerOptions(List<String> jvmOptions) {
        boolean chosen = jvmOptions.stream().anyMatch(o -> o.contains("TieredStopAtLevel") || o.contains("TieredCompilation"));
        return chosen ? List.of() : List.of("-XX:TieredStopAtLevel=1");
    }

    /** After the window's JVM exited: keeps the archive it wrote if it exited normally, else drops the partial file. */
    private static void keepArchive(boolean present, int code, Path writing, Path archive) {
        try {
            if (!present && code == 0 && Files.isRegularFile(writing) && Files.size(writing) > 0) {
                Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                deleteOthers(archive);
            } else {
                Files.deleteIfExists(writing);
            }
        } catch (IOException e) {
            log().warn("could not keep the class archive {}; the next start writes it again", archive, e);
        }
    }

    /** Milliseconds since the epoch when start-up began: the launching JVM's start when there was one. */
    public static long startedAt() {
        String at = System.getProperty(LAUNCHED_AT);
        if (at != null) {
            try {
                return Long.parseLong(at);
            } catch (NumberFormatException e) {
                log().debug("ignoring {}={}", LAUNCHED_AT, at);
            }
        }
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** The archive's name part: the jar (path, size, time) and the runtime (home, version), hashed. */
    static String key(Path jar) throws IOException {
        String identity = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version");
        // Two cheap hashes, not a digest: this runs before the window's JVM starts, and loading the security
        // providers for SHA-256 cost more than the rest of the key. A collision only reuses or rewrites an archive.
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(identity.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x%08x", crc.getValue(), identity.hashCode());
    }

    /** Archives of earlier jars or runtimes (each is tens of megabytes); files still being written are left alone. */
    private static void deleteOthers(Path keep) throws IOException {
        try (var files = Files.list(keep.getParent())) {
            for (Path p : files.filter(p -> !p.equals(keep) && p.getFileName().toString().startsWith("workbench-")
                    && p.getFileName().toString().endsWith(".jsa")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Optional<Path> runningJar() {
        try {
            var source = SharedClassArchive.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
