package in.workbench.app.cli;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbench bench …}: measured performance, printed as tables for the README. */
@Command(name = "bench", description = "Measure performance on generated data.", subcommands = {BenchCommand.ImportBench.class,
    BenchCommand.DeliverabilityBench.class, SegmentationBench.class, PackagingBench.class, BenchChartsCommand.class, StartupBench.class,
    BenchAll.class, CrispBench.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a benchmark (see bench --help), or all.");
    }

    /**
     * Import speed against H2's own CSVREAD on the same generated shipments file, and the peak
     * heap while the workbench imports it.
     */
    @Command(name = "import", description = {
        "Generate an N-row shipments file and import it twice into fresh workspaces: with the workbench's importer",
        "and with H2's CSVREAD into the same table. Prints rows/s for both and the peak heap of the workbench import.",
        "Run with -Xmx512m to check the memory target."})
    static final class ImportBench implements Callable<Integer> {

        @Option(names = "--rows", defaultValue = "1000000", description = "Shipments to generate (default ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = {"-o", "--dir"}, description = "Folder for the file and the two workspaces (default: a temporary folder).")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path base = dir != null ? dir : Files.createTempDirectory("workbench-bench");
            Files.createDirectories(base);
            Path csv = base.resolve("shipments-" + rows + ".csv");
            long mb = writeShipments(csv, rows) / (1024 * 1024);
            out.printf("Generated %,d shipments (%,d MB) in %s%n", rows, mb, csv);

            deleteRecursively(base.resolve("ws-workbench"));
            deleteRecursively(base.resolve("ws-csvread"));
            System.gc();
            HeapSampler heap = new HeapSampler();
            ImportSummary summary;
            try (Workspace ws = Workspace.open(base.resolve("ws-workbench"))) {
                heap.start();
                summary = new CsvImporter(ws).importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                heap.stop();
            }
            double ours = summary.rowsPerSecond();

            double reference;
            try (Workspace ws = Workspace.open(base.resolve("ws-csvread"));
                    Connection c = ws.connection();
                    Statement s = c.createStatement()) {
                long t0 = System.nanoTime();
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, package_type, quantity, "
                        + "ship_cost_inr, promised_days, delivered_days, attempts, status) SELECT * FROM CSVREAD('"
                        + csv.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')");
                c.commit();
                reference = rows / ((System.nanoTime() - t0) / 1e9);
            }
            out.println();
            out.println("| import of " + String.format("%,d", rows) + " shipments | rows/s | time |");
            out.println("|---|---:|---:|");
            out.printf("| workbench (OpenCSV, validation, batched inserts) | %,.0f | %.1f s |%n", ours, summary.elapsedMillis() / 1000.0);
            out.printf("| H2 CSVREAD into the same table (reference) | %,.0f | %.1f s |%n", reference, rows / reference);
            out.printf("%nWorkbench / CSVREAD: %.2f×. Peak heap during the workbench import: %,d MB (max heap %,d MB).%n",
                    ours / reference, heap.peak() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            return 0;
        }
    }

    /**
     * Addresses scored per second (parsing, features, model and reasons) and the training time,
     * on a generated world.
     */
    @Command(name = "deliverability", description = {
        "Generate a world with N addresses (and 5 shipments per address), train the deliverability model and time",
        "scoring every address: parsing and directory checks, features, the model, and the ranked reasons."})
    static final class DeliverabilityBench implements Callable<Integer> {

        @Option(names = "--addresses", defaultValue = "100000", description = "Addresses (default ${DEFAULT-VALUE}).")
        int addresses;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path base = Files.createTempDirectory("workbench-bench-deliverability");
            in.workbench.analytics.geo.PostalDirectory directory = in.workbench.analytics.geo.PostalDirectory.load();
            new in.workbench.sample.SampleGenerator(new in.workbench.sample.SampleGenerator.Config(3_000, addresses, addresses * 5, 11),
                    directory).generate(base.resolve("world"), ProgressMonitor.NONE);
            in.workbench.analytics.address.AddressParser parser = new in.workbench.analytics.address.AddressParser(directory);
            try (Workspace ws = Workspace.open(base.resolve("ws"))) {
                CsvImporter importer = new CsvImporter(ws);
                importer.importFile(base.resolve("world/addresses.csv"), DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
                importer.importFile(base.resolve("world/shipments.csv"), DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                in.workbench.analytics.address.DeliverabilityTrainer trainer = new in.workbench.analytics.address.DeliverabilityTrainer(parser);
                var labels = trainer.labels(ws);
                var result = trainer.train(labels, 42, 5, ProgressMonitor.NONE);
                var model = result.model();
                var inputs = labels.stream().map(a -> new in.workbench.analytics.address.DeliverabilityModel.Input(a.text(), a.city(),
                        a.state(), a.pincode())).toList();
                // warm up every path the same way, then take the median of three timed passes of each
                for (int r = 0; r < 2; r++) {
                    scorePass(model, parser, inputs, true);
                    scorePass(model, parser, inputs, false);
                    parsePass(parser, inputs);
                }
                double[] both = new double[3];
                double[] one = new double[3];
                double[] parse = new double[3];
                for (int r = 0; r < 3; r++) {
                    both[r] = scorePass(model, parser, inputs, true);
                    one[r] = scorePass(model, parser, inputs, false);
                    parse[r] = parsePass(parser, inputs);
                }
                Path csv = base.resolve("scores.csv");
                long t0 = System.nanoTime();
                var summary = new in.workbench.analytics.address.AddressScoring(ws, parser).scoreAll(model, csv, ProgressMonitor.NONE);
                double endToEnd = (System.nanoTime() - t0) / 1e9;
                int cores = Runtime.getRuntime().availableProcessors();
                out.printf("| deliverability on %,d labelled addresses (%d cores) | |%n|---|---:|%n", labels.size(), cores);
                out.printf("| training, 5-fold CV of LR and XGBoost + refit (%s kept, AUC %.3f) | %.1f s |%n", result.report().chosen(),
                        result.report().auc(), result.report().trainMillis() / 1000.0);
                out.printf("| addresses scored per second, parsing + directory checks + features + model + ranked reasons, %d cores | %,.0f |%n",
                        cores, median(both));
                out.printf("| the same on one thread | %,.0f |%n", median(one));
                out.printf("| addresses parsed per second on one thread (directory checks, fuzzy locality match) | %,.0f |%n", median(parse));
                out.printf("| `score deliverability` end to end: read, score, write address_scores and the CSV (%,d addresses in %.1f s) | %,.0f /s |%n",
                        summary.addresses(), endToEnd, summary.addresses() / endToEnd);
            }
            deleteRecursively(base);
            return 0;
        }

        /** Addresses per second of one scoring pass in batches of 5,000, as {@code score deliverability} batches them. */
        static double scorePass(in.workbench.analytics.address.DeliverabilityModel model, in.workbench.analytics.address.AddressParser parser,
                List<in.workbench.analytics.address.DeliverabilityModel.Input> inputs, boolean parallel) {
            long t0 = System.nanoTime();
            for (int i = 0; i < inputs.size(); i += 5_000) {
                model.scoreAll(parser, inputs.subList(i, Math.min(inputs.size(), i + 5_000)), parallel);
            }
            return inputs.size() / ((System.nanoTime() - t0) / 1e9);
        }

        static double parsePass(in.workbench.analytics.address.AddressParser parser, List<in.workbench.analytics.address.DeliverabilityModel.Input> inputs) {
            long t0 = System.nanoTime();
            for (var in : inputs) {
                parser.parse(in.text(), in.city(), in.state(), in.pincode());
            }
            return inputs.size() / ((System.nanoTime() - t0) / 1e9);
        }

        static double median(double[] v) {
            double[] s = v.clone();
            java.util.Arrays.sort(s);
            return s[s.length / 2];
        }
    }

    /** Writes a deterministic synthetic shipments file in the canonical layout; returns its size. */
    static long writeShipments(Path csv, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        String[] packages = {"polybag", "padded_mailer", "tfolder_box", "carton_single", "carton_double", "carton_bubble"};
        String[] statuses = {"delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
            "delivered", "damaged", "undeliverable", "returned"};
        LocalDate start = LocalDate.of(2025, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,promised_days,"
                    + "delivered_days,attempts,status\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 1; i <= rows; i++) {
                String status = statuses[random.nextInt(statuses.length)];
                int promised = 2 + random.nextInt(6);
                line.setLength(0);
                line.append("SH").append(10_000_000 + i).append(',')
                        .append(start.plusDays(random.nextInt(640))).append(',')
                        .append("P").append(100_000 + random.nextInt(3_000)).append(',')
                        .append("A").append(1_000_000 + random.nextInt(20_000)).append(',')
                        .append(packages[random.nextInt(packages.length)]).append(',')
                        .append(1 + random.nextInt(3)).append(',')
                        .append(40 + random.nextInt(160)).append('.').append(random.nextInt(10)).append("0,")
                        .append(promised).append(',')
                        .append(status.equals("undeliverable") ? "" : String.valueOf(promised - 1 + random.nextInt(4))).append(',')
                        .append(1 + random.nextInt(3)).append(',')
                        .append(status).append('\n');
                w.append(line);
            }
        }
        return Files.size(csv);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** Samples the used heap every 20 ms and keeps the highest reading. */
    static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        }

        long peak() {
            return peak.get();
        }
    }
}
