package in.workbench.app.bench;

import in.workbench.app.cli.TerminalProgress;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.LearningCurveSimulation;
import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.SegmentationModel;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.sample.AddressModelQuality;
import in.workbench.sample.SampleGenerator;
import in.workbench.sample.independent.IndependentAddressWriter;
import in.workbench.app.cli.AddressesOption;
import in.workbench.app.cli.SeedOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code workbench bench segmentation}: both address models measured where they were not shaped:
 * the segmenter's span F1 (and per label) on held-out addresses of the sample's generator and of
 * the independent second writer, its learning curve with the second writer's gold as analysts'
 * labels, segmenting speed over all cores and the per-address latency of segmenting and scoring
 * one new address; and the deliverability model per shipment on addresses it never saw, in both
 * worlds, beside the same model trained on the old "any failure" labels.
 */
@Command(name = "segmentation", description = {"Measure the address models on the sample's generator and on an independent second",
    "writer: span F1 and per-label F1, the learning curve with 0..N analysts' labels, segmenting speed and per-address",
    "latency, and the deliverability model's AUC, Brier score and calibration per shipment."})
final class SegmentationBench extends Benchmark {

    @Mixin
    AddressesOption addresses = new AddressesOption(20_000);

    @Option(names = "--writer", defaultValue = "8000", description = "Addresses the second writer writes (default ${DEFAULT-VALUE}).")
    int writer;

    @Option(names = "--test", defaultValue = "2000", description = "Held-out addresses evaluated per world (default ${DEFAULT-VALUE}).")
    int test;

    @Option(names = "--steps", defaultValue = "0,100,400", split = ",", description = "Analysts' labels simulated (default ${DEFAULT-VALUE}).")
    int[] steps;

    @Option(names = "--epochs", defaultValue = "3", description = "Passes over the data (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--max-weak", defaultValue = "3000", description = "Weakly labelled addresses trained on at most (default ${DEFAULT-VALUE}).")
    int maxWeak;

    @Option(names = "--composed", defaultValue = "6000", description = "Composed training addresses, half from each training writer (default ${DEFAULT-VALUE}).")
    int composed;

    @Mixin
    SeedOption seed = new SeedOption(20261124);

    @Override
    void measure(PrintWriter out) throws Exception {
        try (ScratchFolder folder = ScratchFolder.temporary("workbench-bench-segmentation")) {
            evaluate(folder.path(), out);
        }
    }

    private void evaluate(Path base, PrintWriter out) throws Exception {
        PostalDirectory directory = PostalDirectory.load();
        AddressParser parser = new AddressParser(directory);
        AddressModelQuality quality = new AddressModelQuality(directory);
        SegmentationTrainer.Settings settings = new SegmentationTrainer.Settings(42, epochs, maxWeak, composed);
        new SampleGenerator(addresses.addressWorld(100, seed.value()), directory).generate(base, ProgressMonitor.NONE);
        List<SegmentationTrainer.Example> sample = AddressModelQuality.sampleGold(base);
        List<SegmentationTrainer.Example> sampleHeld = sample.subList(0, Math.min(test, sample.size() / 5));
        List<SegmentationTrainer.Example> samplePool = sample.subList(sampleHeld.size(), sample.size());
        IndependentAddressWriter second = new IndependentAddressWriter(directory, seed.value() + 1);
        List<IndependentAddressWriter.Written> written = second.write(writer);
        List<IndependentAddressWriter.Shipment> shipments = second.shipments(written);
        List<SegmentationTrainer.Example> writerGold = AddressModelQuality.writerGold(written);
        List<SegmentationTrainer.Example> writerHeld = writerGold.subList(0, Math.min(test, writerGold.size() / 4));
        List<SegmentationTrainer.Example> writerPool = writerGold.subList(writerHeld.size(), writerGold.size());

        AddressModelQuality.SegmenterFigures onSample;
        List<LearningCurveSimulation.Point> curve;
        AddressModelQuality.SegmenterFigures onWriter;
        SegmentationModel model;
        try (TerminalProgress progress = new TerminalProgress("Segmenter", false, System.err)) {
            progress.update(0, 3, "training on the sample's addresses");
            onSample = quality.segmenter("sample", samplePool, sampleHeld, settings);
            progress.update(1, 3, "training on the second writer's addresses");
            model = quality.segmenterModel(writerPool, settings);
            onWriter = quality.evaluate("second writer", model, writerPool.size(), writerHeld);
            progress.update(2, 3, "learning curve");
            curve = quality.learningCurve(writerPool, writerHeld, steps, settings, ProgressMonitor.NONE);
        }
        out.printf(Locale.ROOT, "Segmenter (Tribuo CRF; %d passes; weak labels for up to %,d workspace addresses, %,d composed addresses). "
                + "Held out: %,d sample addresses (seed %d), %,d of the second writer's.%n", epochs, maxWeak, composed, sampleHeld.size(), seed.value(),
                writerHeld.size());
        List<String> columns = new ArrayList<>(List.of("data", "span F1", "precision", "recall"));
        columns.addAll(labels());
        MarkdownTable.header(out, columns.toArray(String[]::new));
        for (AddressModelQuality.SegmenterFigures f : List.of(onSample, onWriter)) {
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s |%n", f.data(), f.spanF1(), f.precision(), f.recall(), perLabel(f.perLabelF1()));
        }
        out.println();
        out.println("Learning curve on the second writer's held-out addresses (its gold as analysts' labels):");
        out.println("| analysts' labels | span F1 | precision | recall | training |");
        out.println("|---:|---:|---:|---:|---:|");
        for (LearningCurveSimulation.Point p : curve) {
            out.printf(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.1f s |%n", p.analystLabels(), p.spanF1(), p.precision(), p.recall(),
                    p.trainMillis() / 1000.0);
        }

        List<String> texts = new ArrayList<>();
        sampleHeld.forEach(e -> texts.add(e.text()));
        writerHeld.forEach(e -> texts.add(e.text()));
        Samples rates = Samples.collect(2, 3, () -> segmentAll(model, parser, texts));
        Samples segLatency = latencies(texts.size(), i -> model.segment(parser, texts.get(i), null));
        out.println();
        out.printf(Locale.ROOT, "Segmenting speed: %,.0f addresses/s on %d cores (median of 3 passes over %,d addresses; range %,.0f–%,.0f; "
                + "load average %.1f).%n", rates.median(), Machine.cores(), texts.size(), rates.min(), rates.max(), Machine.loadAverage());
        double cpuMicros = cpuMicrosPerAddress(model, parser, texts);
        out.printf(Locale.ROOT, "Segmenting CPU time: %.1f µs an address on one thread (what the machine's load does not inflate): "
                + "%,.0f addresses/s a free core.%n", cpuMicros, 1e6 / cpuMicros);
        out.printf(Locale.ROOT, "One new address at a time (the --input path): segmenting p50 %.3f ms, p99 %.3f ms.%n", segLatency.percentile(0.5),
                segLatency.percentile(0.99));

        List<DeliverabilityTrainer.LabelledAddress> sampleShipments = AddressModelQuality.sampleShipments(base);
        List<DeliverabilityTrainer.LabelledAddress> writerShipments = AddressModelQuality.writerShipments(written, shipments);
        AddressModelQuality.DeliverabilityFigures ds;
        AddressModelQuality.DeliverabilityFigures dw;
        try (TerminalProgress progress = new TerminalProgress("Deliverability", false, System.err)) {
            progress.update(0, 2, "the sample");
            ds = quality.deliverability("sample", sampleShipments, 0.7, DeliverabilityTrainer.TREES, 42);
            progress.update(1, 2, "the second writer");
            dw = quality.deliverability("second writer", writerShipments, 0.7, DeliverabilityTrainer.TREES, 42);
        }
        out.println();
        out.println("Deliverability per shipment on addresses never trained on (70 % of the addresses trained on, 30 % tested):");
        out.println("| data | test addresses / shipments | AUC | Brier | ECE (10 bins) | mean score | delivered share | "
                + "old labels (any failure): AUC / ECE / mean |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (AddressModelQuality.DeliverabilityFigures f : List.of(ds, dw)) {
            out.printf(Locale.ROOT, "| %s | %,d / %,.0f | %.3f | %.4f | %.3f | %.3f | %.3f | %.3f / %.3f / %.3f |%n", f.data(), f.testAddresses(),
                    f.testShipments(), f.auc(), f.brier(), f.ece(), f.meanPredicted(), f.deliveredShare(), f.anyFailureAuc(), f.anyFailureEce(),
                    f.anyFailureMean());
        }
        DeliverabilityModel scorer = quality.deliverabilityModel(writerShipments, DeliverabilityTrainer.TREES, 42);
        Samples scoreLatency = latencies(texts.size(), i -> scorer.scoreAll(parser, List.of(new DeliverabilityModel.Input(texts.get(i), null,
                null, null)), false));
        out.printf(Locale.ROOT, "One new address at a time (the --input path): scoring with reasons p50 %.3f ms, p99 %.3f ms.%n",
                scoreLatency.percentile(0.5), scoreLatency.percentile(0.99));
    }

    private static List<String> labels() {
        return Arrays.stream(SegmentLabel.values()).filter(l -> l != SegmentLabel.OTHER).map(Enum::name).toList();
    }

    private static String perLabel(Map<SegmentLabel, Double> f1) {
        List<String> cells = new ArrayList<>();
        for (SegmentLabel l : SegmentLabel.values()) {
            if (l != SegmentLabel.OTHER) {
                Double v = f1.get(l);
                cells.add(v == null ? "–" : String.format(Locale.ROOT, "%.3f", v));
            }
        }
        return String.join(" | ", cells);
    }

    /** Addresses segmented per second over all cores. */
    private static double segmentAll(SegmentationModel model, AddressParser parser, List<String> texts) {
        long t0 = System.nanoTime();
        long labelled = IntStream.range(0, texts.size()).parallel().mapToLong(i -> model.segment(parser, texts.get(i), null).tokens().size())
                .sum();
        return labelled == 0 ? 0 : Samples.perSecondSince(texts.size(), t0);
    }

    /** CPU time of this thread per address, best of three passes (a shared machine inflates wall-clock time, not CPU time). */
    private static double cpuMicrosPerAddress(SegmentationModel model, AddressParser parser, List<String> texts) throws Exception {
        return Samples.collect(0, 3, () -> Machine.threadCpuNanos(() -> texts.forEach(t -> model.segment(parser, t, null))) / 1e3
                / texts.size()).min();
    }

    /** Milliseconds of doing one address at a time (after a warm-up pass over the first 500), for p50 and p99. */
    private static Samples latencies(int n, java.util.function.IntConsumer one) {
        return Samples.millisEach(n, 500, one);
    }
}
