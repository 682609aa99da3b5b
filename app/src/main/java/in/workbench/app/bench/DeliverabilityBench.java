package in.workbench.app.bench;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScoring;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.cli.AddressesOption;
import in.workbench.sample.SampleGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Addresses scored per second (parsing, features, model and reasons) and the training time,
 * on a generated world.
 */
@Command(name = "deliverability", description = {
    "Generate a world with N addresses (and 5 shipments per address), train the deliverability model and time",
    "scoring every address: parsing and directory checks, features, the model, and the ranked reasons."})
final class DeliverabilityBench extends Benchmark {

    @Mixin
    AddressesOption addresses = new AddressesOption(100_000);

    @Override
    void measure(PrintWriter out) throws Exception {
        try (ScratchFolder base = ScratchFolder.temporary("workbench-bench-deliverability")) {
            PostalDirectory directory = PostalDirectory.load();
            Path world = base.resolve("world");
            new SampleGenerator(addresses.addressWorld(3_000, 11), directory).generate(world,
                    ProgressMonitor.NONE);
            AddressParser parser = new AddressParser(directory);
            try (Workspace ws = Workspace.open(base.resolve("ws"))) {
                CsvImporter importer = new CsvImporter(ws);
                new GeneratedFile("addresses.csv", DataTable.ADDRESSES).importInto(importer, world);
                new GeneratedFile("shipments.csv", DataTable.SHIPMENTS).importInto(importer, world);
                DeliverabilityTrainer trainer = new DeliverabilityTrainer(parser);
                var labels = trainer.labels(ws);
                var result = trainer.train(labels, 42, 5, ProgressMonitor.NONE);
                var model = result.model();
                var inputs = labels.stream().map(a -> new DeliverabilityModel.Input(a.text(), a.city(), a.state(), a.pincode())).toList();
                // warm up every path the same way, then take the median of three timed passes of each
                Samples[] passes = Samples.collectEach(2, 3, 3, () -> new double[] {scorePass(model, parser, inputs, true),
                    scorePass(model, parser, inputs, false), parsePass(parser, inputs)});
                long t0 = System.nanoTime();
                var summary = new AddressScoring(ws, parser).scoreAll(model, base.resolve("scores.csv"), ProgressMonitor.NONE);
                double endToEnd = Samples.secondsSince(t0);
                int cores = Machine.cores();
                out.printf("| deliverability on %,d labelled addresses (%d cores) | |%n%s%n", labels.size(), cores, MarkdownTable.alignment(2));
                out.printf("| training, 5-fold CV of LR and XGBoost + refit (%s kept, AUC %.3f) | %.1f s |%n", result.report().chosen(),
                        result.report().auc(), result.report().trainMillis() / 1000.0);
                out.printf("| addresses scored per second, parsing + directory checks + features + model + ranked reasons, %d cores | %,.0f |%n",
                        cores, passes[0].median());
                out.printf("| the same on one thread | %,.0f |%n", passes[1].median());
                out.printf("| addresses parsed per second on one thread (directory checks, fuzzy locality match) | %,.0f |%n",
                        passes[2].median());
                out.printf("| `score deliverability` end to end: read, score, write address_scores and the CSV (%,d addresses in %.1f s) | %,.0f /s |%n",
                        summary.addresses(), endToEnd, summary.addresses() / endToEnd);
            }
        }
    }

    /** Addresses per second of one scoring pass in batches of 5,000, as {@code score deliverability} batches them. */
    private static double scorePass(DeliverabilityModel model, AddressParser parser, List<DeliverabilityModel.Input> inputs,
            boolean parallel) {
        long t0 = System.nanoTime();
        for (int i = 0; i < inputs.size(); i += 5_000) {
            model.scoreAll(parser, inputs.subList(i, Math.min(inputs.size(), i + 5_000)), parallel);
        }
        return Samples.perSecondSince(inputs.size(), t0);
    }

    private static double parsePass(AddressParser parser, List<DeliverabilityModel.Input> inputs) {
        long t0 = System.nanoTime();
        for (var in : inputs) {
            parser.parse(in.text(), in.city(), in.state(), in.pincode());
        }
        return Samples.perSecondSince(inputs.size(), t0);
    }
}
