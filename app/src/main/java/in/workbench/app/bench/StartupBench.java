package in.workbench.app.bench;

import in.workbench.app.desktop.StartupProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code workbench bench startup}: time from launching the JVM to a usable window, on first run
 * (which builds the sample workspace) and on a later run (which opens it). Starts the workbench
 * as a child process with {@link StartupProbe}, so it needs a display (or xvfb-run).
 */
@Command(name = "startup", description = {
    "Launch the window in a child JVM with a fresh home folder, twice: the first run builds the sample workspace,",
    "the second opens it. Prints the time to a usable window. Needs a display (on a server: xvfb-run)."})
final class StartupBench implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "3", description = "Later runs to average (default ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    /** One measured start: milliseconds to a usable window. */
    record Start(long firstRunMillis, List<Long> laterRunMillis) {
        long medianLater() {
            List<Long> sorted = laterRunMillis.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Start s = measure(runs);
        out.println("| start-up to a usable window | ms |");
        out.println("|---|---:|");
        out.printf("| first run (copies and imports the bundled sample) | %,d |%n", s.firstRunMillis());
        out.printf("| later runs (opens the last workspace), median of %d | %,d |%n", s.laterRunMillis().size(), s.medianLater());
        return 0;
    }

    static Start measure(int runs) throws Exception {
        if (System.getProperty("os.name", "").toLowerCase().contains("linux") && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new in.workbench.analytics.WorkbenchException(in.workbench.analytics.WorkbenchException.Kind.PREREQUISITE_MISSING,
                    "Measuring start-up opens the window, and there is no display: run it as xvfb-run java -jar workbench.jar bench startup.");
        }
        Path home = Files.createTempDirectory("workbench-startup");
        try {
            long first = launch(home);
            List<Long> later = new ArrayList<>();
            for (int i = 0; i < Math.max(1, runs); i++) {
                later.add(launch(home));
            }
            return new Start(first, later);
        } finally {
            BenchCommand.deleteRecursively(home);
        }
    }

    private static long launch(Path home) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        ProcessBuilder pb = new ProcessBuilder(java, "-D" + StartupProbe.PROPERTY + "=true", "-Dworkbench.home=" + home,
                "-Dworkbench.noTour=true", "-cp", classPath, "in.workbench.app.Main");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Long ready = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(StartupProbe.PREFIX)) {
                    ready = Long.parseLong(line.substring(StartupProbe.PREFIX.length()).trim());
                } else if (log.length() < 4000) {
                    log.append(line).append('\n');
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        if (ready == null) {
            throw new IllegalStateException("the window did not report that it was ready; its output was:\n" + log);
        }
        return ready;
    }
}
