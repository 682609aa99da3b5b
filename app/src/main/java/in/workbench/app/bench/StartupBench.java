package in.workbench.app.bench;

import in.workbench.app.desktop.StartupProbe;
import in.workbench.app.sample.ReadySample;
import in.workbench.app.sample.SampleWorld;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code workbench bench startup}: time from launching the JVM to a usable window, on first run
 * (which makes the sample workspace: unpacks the shipped one) and on later runs (which open it),
 * and the sample workspace's size on disk against its CSV files. Starts the workbench as a child
 * process with {@link StartupProbe}, so it needs a display (or xvfb-run).
 */
@Command(name = "startup", description = {
    "Launch the window in a child JVM with a fresh home folder: the first run makes the sample workspace, later runs open it.",
    "Prints the time to the window, to the first workspace shown and to every screen filled, the load average beside each run,",
    "and the sample workspace's size on disk against its CSV files. Needs a display (on a server: xvfb-run)."})
final class StartupBench extends Benchmark {

    @Option(names = "--runs", defaultValue = "3", description = "Later runs to take the median of (default ${DEFAULT-VALUE}).")
    int runs;

    /** One start: milliseconds since the JVM started to the window, the workspace shown, every screen filled; the load average then. */
    record Start(long windowMillis, long readyMillis, long populatedMillis, long processCpuMillis, double loadAverage, List<Task> tasks,
            List<String> phases) {
        /** The CPU time of every task the screens started (ms): the reads' work, whatever the machine's load. */
        long tasksCpuMillis() {
            return tasks.stream().mapToLong(t -> Math.max(0, t.cpuMillis())).sum();
        }

        /** The screens' tasks that ended last, latest first (what "every screen filled" waited for). */
        List<Task> lastEnded(int n) {
            return tasks.stream().sorted(java.util.Comparator.comparingLong(Task::endMillis).reversed()).limit(n).toList();
        }
    }

    /** One task a screen started: its title, when it started and ended (ms since the JVM started), and its CPU time (ms). */
    record Task(String title, long startMillis, long endMillis, long cpuMillis) {
        static Task parse(String line) {
            String[] p = line.split(",", 4);
            return new Task(p[3], Long.parseLong(p[0].trim()), Long.parseLong(p[1].trim()), Long.parseLong(p[2].trim()));
        }
    }

    /** One start of the bare reference window: its second frame and its JVM's CPU time then, ms since its JVM started. */
    record Bare(long frameMillis, long cpuMillis) {
    }

    /** The first start, the later ones, the bare window's starts, and the sample's bytes on disk and in CSV. */
    record Report(Start first, List<Start> later, List<Bare> bare, long databaseBytes, long modelBytes, long csvBytes) {
        /** The bare window's start with the median time to its frame. */
        Bare medianBare() {
            List<Bare> sorted = bare.stream().sorted(java.util.Comparator.comparingLong(Bare::frameMillis)).toList();
            return sorted.get(sorted.size() / 2);
        }

        Start medianLater() {
            List<Start> sorted = later.stream().sorted(java.util.Comparator.comparingLong(Start::populatedMillis)).toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    @Override
    void measure(PrintWriter out) throws Exception {
        Report r = launches(runs);
        MarkdownTable.header(out, "start-up (ms since the JVM started)", "window shown", "first workspace shown", "every screen filled",
                "window JVM's CPU time to every screen filled (ms)", "load average");
        out.println(row("first run (" + (ReadySample.shipped() ? "unpacks the shipped sample workspace" : "builds the sample workspace")
                + ")", r.first()));
        for (int i = 0; i < r.later().size(); i++) {
            out.println(row("later run " + (i + 1) + " (opens the last workspace)", r.later().get(i)));
        }
        out.println(row("later runs, median of " + r.later().size(), r.medianLater()));
        out.println();
        out.println("The screens' tasks that ended last (first run | median later run), started → ended, ms since the JVM started, "
                + "and the CPU time each took:");
        out.println();
        out.println(MarkdownTable.row("first run", "median later run"));
        out.println("|---|---|");
        List<Task> a = r.first().lastEnded(6);
        List<Task> b = r.medianLater().lastEnded(6);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            out.println("| " + (i < a.size() ? task(a.get(i)) : "") + " | " + (i < b.size() ? task(b.get(i)) : "") + " |");
        }
        out.println();
        out.printf(Locale.ROOT, "CPU time of all the screens' tasks: first run %,d ms, median later run %,d ms.%n%n", r.first().tasksCpuMillis(),
                r.medianLater().tasksCpuMillis());
        Bare bare = r.medianBare();
        out.printf(Locale.ROOT, "Reference, the same run: a bare JavaFX window (one label, nothing read) started from this jar with the "
                + "window's compiler setting and a class archive of its own drew its second frame at %,d ms (median of %d; its JVM's CPU "
                + "time then %,d ms): the least any window from this jar takes on this machine before it can show anything.%n%n",
                bare.frameMillis(), r.bare().size(), bare.cpuMillis());
        out.println("Phases of the median later run (ms since the JVM started: " + String.join("; ", r.medianLater().phases()) + ").");
        out.println();
        double csv = Math.max(1, r.csvBytes());
        out.printf(Locale.ROOT, "Sample workspace on disk after the runs: database %,d bytes for %,d bytes of CSV (%.2fx); with its model "
                + "files %,d bytes (%.2fx).%n", r.databaseBytes(), r.csvBytes(), r.databaseBytes() / csv,
                r.databaseBytes() + r.modelBytes(), (r.databaseBytes() + r.modelBytes()) / csv);
    }

    private static String task(Task t) {
        return String.format(Locale.ROOT, "%s: %,d → %,d (CPU %,d)", t.title().replace('|', '/'), t.startMillis(), t.endMillis(),
                t.cpuMillis());
    }

    private static String row(String what, Start s) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %.1f |", what, s.windowMillis(), s.readyMillis(),
                s.populatedMillis(), s.processCpuMillis(), s.loadAverage());
    }

    static Report launches(int runs) throws Exception {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new in.workbench.analytics.WorkbenchException(in.workbench.analytics.WorkbenchException.Kind.PREREQUISITE_MISSING,
                    "Measuring start-up opens the window, and there is no display: run it as xvfb-run java -jar workbench.jar bench startup.");
        }
        try (ScratchFolder folder = ScratchFolder.temporary("workbench-startup")) {
            Path home = folder.path();
            Start first = launch(home);
            List<Start> later = new ArrayList<>();
            for (int i = 0; i < Math.max(1, runs); i++) {
                later.add(launch(home));
            }
            Path sample = SampleWorld.MARKETPLACE.folderIn(home);
            long csv = ReadySample.shipped() ? ReadySample.manifest().csvBytes() : csvSize(sample.resolve("source"));
            Path archive = home.resolve("bare-window.jsa");
            launchBare("-XX:ArchiveClassesAtExit=" + archive);
            List<Bare> bare = new ArrayList<>();
            for (int i = 0; i < Math.max(1, runs); i++) {
                bare.add(launchBare(Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto"));
            }
            return new Report(first, later, List.copyOf(bare), ScratchFolder.sizeOf(sample.resolve("workspace.mv.db")),
                    ScratchFolder.sizeOf(sample.resolve("models")), csv);
        }
    }

    private static long csvSize(Path source) throws IOException {
        try (Stream<Path> files = Files.list(source)) {
            return files.filter(p -> p.toString().endsWith(".csv")).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Starts {@link BareWindow} in a child JVM like the window's (C1 only, the given class-archive option). */
    private static Bare launchBare(String archiveOption) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, archiveOption, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                BareWindow.Main.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        long frame = -1;
        long cpu = -1;
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(BareWindow.FRAME)) {
                    frame = Long.parseLong(line.substring(BareWindow.FRAME.length()).trim());
                } else if (line.startsWith(BareWindow.CPU)) {
                    cpu = Long.parseLong(line.substring(BareWindow.CPU.length()).trim());
                } else if (log.length() < 4000) {
                    log.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (frame < 0) {
            throw new IllegalStateException("the bare reference window did not draw a frame; its output was:\n" + log);
        }
        return new Bare(frame, cpu);
    }

    private static Start launch(Path home) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-D" + StartupProbe.PROPERTY + "=true", "-Dworkbench.home=" + home,
                "-Dworkbench.noTour=true", "-cp", classPath, "in.workbench.app.Main");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Map<String, Long> seen = new HashMap<>();
        List<Task> tasks = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                boolean probe = false;
                if (line.startsWith(StartupProbe.PHASE)) {
                    phases.add(line.substring(StartupProbe.PHASE.length()));
                    probe = true;
                }
                if (line.startsWith(StartupProbe.TASK)) {
                    tasks.add(Task.parse(line.substring(StartupProbe.TASK.length())));
                    probe = true;
                }
                for (String prefix : List.of(StartupProbe.WINDOW, StartupProbe.PREFIX, StartupProbe.POPULATED, StartupProbe.PROCESS_CPU)) {
                    if (line.startsWith(prefix)) {
                        seen.put(prefix, Long.parseLong(line.substring(prefix.length()).trim()));
                        probe = true;
                    }
                }
                if (!probe && log.length() < 4000) {
                    log.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (!seen.containsKey(StartupProbe.POPULATED)) {
            throw new IllegalStateException("the window did not report that it was ready; its output was:\n" + log);
        }
        return new Start(seen.getOrDefault(StartupProbe.WINDOW, -1L), seen.getOrDefault(StartupProbe.PREFIX, -1L),
                seen.get(StartupProbe.POPULATED), seen.getOrDefault(StartupProbe.PROCESS_CPU, -1L), Machine.loadAverage(), List.copyOf(tasks), List.copyOf(phases));
    }
}
