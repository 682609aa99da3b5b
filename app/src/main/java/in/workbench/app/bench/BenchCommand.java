package in.workbench.app.bench;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
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
    BenchAll.class, ServerImportBench.class, SlowNetworkBench.class, CrispBench.class, LabBench.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a benchmark (see bench --help), or all.");
    }

    /**
     * Import speed against H2's own CSVREAD on the same generated shipments file, a second file into
     * the loaded workspace, small imports into it, addresses with their state resolution, the peak
     * heap and the workspace's size on disk against the CSV files'.
     */
    @Command(name = "import", description = {
        "Generate an N-row shipments file and import it into fresh workspaces: with the workbench (validation, rejected rows,",
        "indexes and aggregates), with H2's CSVREAD into a table with a primary key only, and with CSVREAD into the full",
        "shipments table. Then a second N-row file and 2 rows into the loaded workspace, N addresses with their state",
        "resolution, and the workspace's size on disk. Prints rows/s and the peak heap; run with -Xmx512m."})
    static final class ImportBench implements Callable<Integer> {

        @Option(names = "--rows", defaultValue = "1000000", description = "Shipments to generate (default ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--addresses", defaultValue = "-1", description = "Addresses to generate (default: as many as --rows).")
        int addresses;

        @Option(names = {"-o", "--dir"}, description = "Folder for the files and the workspaces (default: a temporary folder).")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (addresses < 0) {
                addresses = rows;
            }
            Path base = dir != null ? dir : Files.createTempDirectory("workbench-bench");
            Files.createDirectories(base);
            Path csv = base.resolve("shipments-" + rows + ".csv");
            Path second = base.resolve("shipments-" + rows + "-second.csv");
            Path two = base.resolve("shipments-2.csv");
            Path addressCsv = base.resolve("addresses-" + addresses + ".csv");
            long csvBytes = writeShipments(csv, rows, 0);
            long secondBytes = writeShipments(second, rows, rows);
            writeShipments(two, 2, 2 * rows);
            long addressBytes = writeAddresses(addressCsv, addresses);
            out.printf("Generated %,d shipments (%,d MB) twice and %,d addresses (%,d MB) in %s%n", rows, csvBytes >> 20, addresses,
                    addressBytes >> 20, base);
            for (String ws : List.of("ws-workbench", "ws-pk-only", "ws-csvread", "ws-addresses")) {
                deleteRecursively(base.resolve(ws));
            }
            ImportHooks hooks = new ImportHooks();

            System.gc();
            HeapSampler heap = new HeapSampler();
            ImportSummary first;
            ImportSummary again;
            ImportSummary small;
            double firstCpu;
            double againCpu;
            try (Workspace ws = Workspace.open(base.resolve("ws-workbench"))) {
                CsvImporter importer = new CsvImporter(ws, hooks.all());
                heap.start();
                long cpu0 = cpuNanos();
                first = importer.importFile(csv, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                long cpu1 = cpuNanos();
                err.printf("first file: %,.0f rows/s (%s)%n", first.rowsPerSecond(), load());
                err.flush();
                again = importer.importFile(second, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
                err.printf("second file: %,.0f rows/s (%s)%n", again.rowsPerSecond(), load());
                err.flush();
                againCpu = (cpuNanos() - cpu1) / 1e9;
                firstCpu = (cpu1 - cpu0) / 1e9;
                heap.stop();
                small = importer.importFile(two, DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
            }
            long workspaceBytes = databaseSize(base.resolve("ws-workbench"));

            double[] pkOnlyCpu = new double[1];
            double[] fullCpu = new double[1];
            double pkOnly = csvRead(base.resolve("ws-pk-only"), csv, true, pkOnlyCpu);
            err.printf("CSVREAD, primary key only: %,.0f rows/s (%s)%n", pkOnly, load());
            err.flush();
            double full = csvRead(base.resolve("ws-csvread"), csv, false, fullCpu);
            err.printf("CSVREAD, full table: %,.0f rows/s (%s)%n", full, load());
            err.flush();

            ImportSummary addressSummary;
            double addressCpu;
            try (Workspace ws = Workspace.open(base.resolve("ws-addresses"))) {
                long cpu0 = cpuNanos();
                addressSummary = new CsvImporter(ws, hooks.all()).importFile(addressCsv, DataTable.ADDRESSES, ImportOptions.defaults(),
                        ProgressMonitor.NONE);
                addressCpu = (cpuNanos() - cpu0) / 1e9;
            }
            long addressWorkspaceBytes = databaseSize(base.resolve("ws-addresses"));

            double ours = first.rowsPerSecond();
            out.println();
            out.println("| import of " + String.format("%,d", rows) + " shipments (" + (csvBytes >> 20) + " MB of CSV) | rows/s | time | CPU time |");
            out.println("|---|---:|---:|---:|");
            out.printf("| workbench into an empty workspace (validation, rejected rows kept, indexes and aggregates built) | %,.0f | %.1f s | %.1f s |%n",
                    ours, first.elapsedMillis() / 1000.0, firstCpu);
            out.printf("| H2 CSVREAD into a table with a primary key only (reference) | %,.0f | %.1f s | %.1f s |%n", pkOnly, rows / pkOnly,
                    pkOnlyCpu[0]);
            out.printf("| H2 CSVREAD into the full shipments table, one transaction (reference) | %,.0f | %.1f s | %.1f s |%n", full, rows / full,
                    fullCpu[0]);
            out.printf("| workbench, a second %,d-row file into that workspace | %,.0f | %.1f s | %.1f s |%n", rows, again.rowsPerSecond(),
                    again.elapsedMillis() / 1000.0, againCpu);
            out.printf("| workbench, 2 rows into that workspace of %,d | | %.2f s | |%n", 2L * rows, small.elapsedMillis() / 1000.0);
            out.printf("| workbench, %,d addresses (%,d MB) with state resolution and aggregates | %,.0f | %.1f s | %.1f s |%n", addresses,
                    addressBytes >> 20, addressSummary.rowsPerSecond(), addressSummary.elapsedMillis() / 1000.0, addressCpu);
            out.printf("%nWorkbench / CSVREAD with a primary key only: %.2f× by the clock, %.2f× by CPU time; the second file at %.2f× "
                    + "the first's rate. Load average during the run: %.1f on %d cores.%n", ours / pkOnly, pkOnlyCpu[0] / firstCpu,
                    again.rowsPerSecond() / ours, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.printf("Peak heap during the two big imports: %,d MB (max heap %,d MB).%n", heap.peak() / (1024 * 1024),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.printf("Workspace on disk after close: %,d MB for %,d MB of shipments CSV (%.2f×); %,d MB for %,d MB of addresses CSV (%.2f×).%n",
                    workspaceBytes >> 20, (csvBytes + secondBytes) >> 20, (double) workspaceBytes / (csvBytes + secondBytes),
                    addressWorkspaceBytes >> 20, addressBytes >> 20, (double) addressWorkspaceBytes / addressBytes);
            return 0;
        }

        /** Rows per second of H2's CSVREAD into a table with a primary key only, or into the full shipments table. */
        private double csvRead(Path folder, Path csv, boolean pkOnly, double[] cpuSeconds) throws Exception {
            String read = "SELECT * FROM CSVREAD('" + csv.toAbsolutePath().toString().replace("'", "''") + "', NULL, 'charset=UTF-8')";
            try (Workspace ws = Workspace.open(folder); Connection c = ws.connection(); Statement s = c.createStatement()) {
                long t0 = System.nanoTime();
                long cpu0 = cpuNanos();
                if (pkOnly) {
                    s.executeUpdate("CREATE TABLE shipments_pk_only (shipment_id VARCHAR(200) PRIMARY KEY, order_date DATE, "
                            + "product_id VARCHAR(200), address_id VARCHAR(200), package_type VARCHAR(200), quantity INTEGER, "
                            + "ship_cost_inr DECIMAL(12, 2), promised_days INTEGER, delivered_days INTEGER, attempts INTEGER, "
                            + "status VARCHAR(20)) AS " + read);
                } else {
                    c.setAutoCommit(false);
                    s.executeUpdate("INSERT INTO shipments (shipment_id, order_date, product_id, address_id, package_type, quantity, "
                            + "ship_cost_inr, promised_days, delivered_days, attempts, status) " + read);
                    c.commit();
                }
                cpuSeconds[0] = (cpuNanos() - cpu0) / 1e9;
                return rows / ((System.nanoTime() - t0) / 1e9);
            } finally {
                deleteRecursively(folder);
            }
        }
    }

    /** The load average, for progress lines on a shared machine. */
    static String load() {
        return String.format("load average %.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * CPU time this process has used, all threads together: on a shared machine it shows what a run
     * costs when the wall-clock time shows the neighbours' load as well.
     */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The size of a closed workspace's database file. */
    static long databaseSize(Path workspace) throws IOException {
        return Files.size(workspace.resolve(Workspace.DATABASE_NAME + ".mv.db"));
    }

    /**
     * Writes a deterministic synthetic addresses file in the canonical layout: house, street and
     * locality, with the city, state and pincode inside the text, in the columns, misspelt or missing;
     * returns its size.
     */
    static long writeAddresses(Path csv, int count) throws IOException {
        String[][] cities = {
            {"Bangalore", "Karnataka", "5600"}, {"Mysore", "Karnataka", "5700"}, {"Chennai", "Tamil Nadu", "6000"},
            {"Coimbatore", "Tamil Nadu", "6410"}, {"Mumbai", "Maharashtra", "4000"}, {"Pune", "Maharashtra", "4110"},
            {"Ahmedabad", "Gujarat", "3800"}, {"Surat", "Gujarat", "3950"}, {"Jaipur", "Rajasthan", "3020"},
            {"Lucknow", "Uttar Pradesh", "2260"}, {"Patna", "Bihar", "8000"}, {"Kolkata", "West Bengal", "7000"},
            {"Hyderabad", "Telangana", "5000"}, {"Kochi", "Kerala", "6820"}, {"Bhopal", "Madhya Pradesh", "4620"},
            {"New Delhi", "Delhi", "1100"}};
        String[] streets = {"MG Road", "Station Road", "Gandhi Nagar", "Nehru Street", "Temple Road", "Main Bazaar", "Ring Road"};
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("address_id,customer_id,address_text,city,state,pincode,created_at\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 1; i <= count; i++) {
                String[] city = cities[random.nextInt(cities.length)];
                String pincode = city[2] + String.format("%02d", random.nextInt(60));
                int shape = random.nextInt(4);
                String state = switch (shape) {
                    case 0 -> city[1];
                    case 1 -> city[1].substring(0, city[1].length() - 1);
                    default -> "";
                };
                line.setLength(0);
                line.append('A').append(1_000_000 + i).append(",C").append(random.nextInt(count / 2 + 1)).append(",\"")
                        .append(1 + random.nextInt(400)).append(", ").append(streets[random.nextInt(streets.length)]).append(", ")
                        .append(city[0]).append(shape == 3 ? " " + pincode : "").append("\",")
                        .append(shape == 2 ? "" : city[0]).append(',').append(state).append(',')
                        .append(shape == 3 ? "" : pincode).append(",2025-0").append(1 + random.nextInt(9)).append("-1")
                        .append(random.nextInt(10)).append("T10:15:00+05:30\n");
                w.append(line);
            }
        }
        return Files.size(csv);
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
        return writeShipments(csv, rows, 0);
    }

    /** As {@link #writeShipments(Path, int)}, with ids after {@code firstId} (a later month's file). */
    static long writeShipments(Path csv, int rows, int firstId) throws IOException {
        SplittableRandom random = new SplittableRandom(42 + firstId);
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
                line.append("SH").append(10_000_000 + firstId + i).append(',')
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
