package in.workbench.app.cli;

import com.opencsv.CSVReader;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.LearningCurveSimulation;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.sample.SampleGenerator;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code workbench bench segmentation}: the segmenter's span F1 on held-out generated addresses
 * (against the generator's gold segmentations, which the product never trains on) and its learning
 * curve as simulated analysts' corrections accumulate.
 */
@Command(name = "segmentation", description = {"Generate a world, train the segmenter on weak labels plus 0..N simulated analysts'",
    "corrections (gold segmentations of the generator) and print span F1 on held-out generated addresses."})
final class SegmentationBench implements Callable<Integer> {

    @Option(names = "--addresses", defaultValue = "20000", description = "Addresses generated (default ${DEFAULT-VALUE}).")
    int addresses;

    @Option(names = "--test", defaultValue = "2000", description = "Held-out addresses evaluated (default ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--steps", defaultValue = "0,50,100,200,300,500", split = ",", description = "Analysts' labels simulated.")
    int[] steps;

    @Option(names = "--epochs", defaultValue = "3", description = "Passes over the data (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--max-weak", defaultValue = "3000", description = "Weakly labelled addresses trained on at most; 0 trains on the "
            + "simulated analysts' labels alone (default ${DEFAULT-VALUE}).")
    int maxWeak;

    @Option(names = "--seed", defaultValue = "20261124", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path base = Files.createTempDirectory("workbench-bench-segmentation");
        PostalDirectory directory = PostalDirectory.load();
        new SampleGenerator(new SampleGenerator.Config(100, addresses, 500, seed), directory).generate(base, ProgressMonitor.NONE);
        List<SegmentationTrainer.Example> all = gold(base);
        List<SegmentationTrainer.Example> held = all.subList(0, Math.min(test, all.size() / 5));
        List<SegmentationTrainer.Example> pool = all.subList(held.size(), all.size());
        SegmentationTrainer trainer = new SegmentationTrainer(new AddressParser(directory));
        List<LearningCurveSimulation.Point> curve;
        try (TerminalProgress progress = new TerminalProgress("Learning curve", false, System.err)) {
            curve = new LearningCurveSimulation(trainer).run(pool, held, steps, new SegmentationTrainer.Settings(42, epochs,
                    maxWeak), progress);
        }
        out.printf(Locale.ROOT, "Segmenter on %,d generated addresses (seed %d): %,d held out, weak labels for up to %,d of the rest, "
                + "%d passes.%n", all.size(), seed, held.size(), maxWeak, epochs);
        out.println("| analysts' labels | span F1 | precision | recall | training |");
        out.println("|---:|---:|---:|---:|---:|");
        for (LearningCurveSimulation.Point p : curve) {
            out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.1f s |%n", p.analystLabels(), p.spanF1(), p.precision(), p.recall(),
                    p.trainMillis() / 1000.0);
        }
        if (maxWeak > 0) {
            SegmentationTrainer.Result weakOnly = trainer.train(pool.stream().map(e -> new SegmentationTrainer.Example(e.id(), e.text(),
                    e.pincode(), null)).toList(), new SegmentationTrainer.Settings(42, epochs, maxWeak), ProgressMonitor.NONE);
            out.println("Per-label span F1 with weak labels only: " + trainer.evaluate(weakOnly.model(), held).perLabelF1());
        }
        out.printf(Locale.ROOT, "The weak labels themselves: span F1 %.3f.%n", trainer.evaluateWeakLabels(held).f1());
        BenchCommand.deleteRecursively(base);
        return 0;
    }

    static List<SegmentationTrainer.Example> gold(Path world) throws Exception {
        Map<String, String[]> addresses = new HashMap<>();
        try (Reader r = Files.newBufferedReader(world.resolve("addresses.csv"), StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String> h = Arrays.asList(csv.readNext());
            String[] row;
            while ((row = csv.readNext()) != null) {
                addresses.put(row[h.indexOf("address_id")], new String[] {row[h.indexOf("address_text")], row[h.indexOf("pincode")]});
            }
        }
        List<SegmentationTrainer.Example> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(world.resolve("truth/address_labels_gold.csv"), StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(r)) {
            csv.readNext();
            String[] row;
            while ((row = csv.readNext()) != null) {
                String[] a = addresses.get(row[0]);
                out.add(new SegmentationTrainer.Example(row[0], a[0], a[1], Segmentation.parse(a[0], row[2])));
            }
        }
        return out;
    }
}
