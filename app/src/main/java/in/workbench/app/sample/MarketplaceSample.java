package in.workbench.app.sample;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressScoring;
import in.workbench.analytics.address.DeliverabilityModel;
import in.workbench.analytics.address.DeliverabilityTrainer;
import in.workbench.analytics.address.FlagThreshold;
import in.workbench.analytics.catalog.CatalogCheck;
import in.workbench.analytics.catalog.CatalogTraining;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.packaging.PackagingAnalysis;
import in.workbench.analytics.packaging.PackagingObjective;
import in.workbench.analytics.packaging.PackagingRecommender;
import in.workbench.analytics.packaging.PackagingTrainer;
import in.workbench.analytics.segmentation.SegmentationTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.sample.BundledSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The marketplace sample as a workspace with every screen's content: the bundled sample's files
 * imported, and every model the screens show trained on them (deliverability with its scores,
 * segmentation, catalog attributes and category check with the checks run, packaging with the
 * plan for least damage at current cost saved). The same steps as the command line's
 * {@code import}, {@code train}, {@code score}, {@code extract} and {@code recommend}, with their
 * defaults and seed 42.
 *
 * <p>{@link ReadySampleBuild} runs {@link #build} once at package time and ships the compacted
 * result; a build without it (run from an IDE) builds it on first start instead.
 */
public final class MarketplaceSample {

    /** The seed of every model in the sample (the command line's default). */
    static final long SEED = 42;
    /** Cross-validation folds, as the command line and the Model screen use. */
    static final int FOLDS = 5;

    private MarketplaceSample() {
    }

    /**
     * Builds the sample in {@code folder}, which must not hold a workspace yet, and returns it open;
     * all or nothing ({@link SampleFolder}). Cancellable between steps.
     */
    public static Workspace build(Path folder, ImportHooks hooks, Supplier<AddressParser> parser, ProgressMonitor monitor)
            throws IOException {
        return SampleFolder.make(folder, empty -> fill(empty, hooks, parser, monitor));
    }

    /**
     * Fills a new workspace in {@code folder} with the sample and closes it (compacted): the bundled
     * files are written into its {@code source/} folder (so product image paths resolve) and
     * imported in order with the features' hooks, then the models are trained. Returns the folder.
     */
    static Path fill(Path folder, ImportHooks hooks, Supplier<AddressParser> parser, ProgressMonitor monitor) throws IOException {
        List<BundledSample.SampleFile> order = BundledSample.files();
        SampleSteps steps = new SampleSteps(monitor, order.size() + 6);
        return SampleFolder.filled(folder, ws -> {
            List<Path> files = BundledSample.copyTo(folder.resolve("source"));
            CsvImporter importer = new CsvImporter(ws, hooks.all());
            for (int i = 0; i < order.size(); i++) {
                importer.importFile(files.get(i), order.get(i).table(), ImportOptions.defaults(),
                        steps.step(i, "sample " + order.get(i).fileName()));
            }
            int s = order.size();
            DeliverabilityTrainer.Result trained = new DeliverabilityTrainer(parser.get())
                    .trainAndSave(ws, SEED, FOLDS, steps.step(s, "training deliverability"));
            DeliverabilityModel model = trained.model().withThreshold(FlagThreshold.of(ws, trained.model().threshold()));
            new AddressScoring(ws, parser.get()).scoreAll(model, null, steps.step(s + 1, "scoring addresses"));
            new SegmentationTrainer(parser.get()).trainAndSave(ws, SegmentationTrainer.Settings.defaults(SEED),
                    steps.step(s + 2, "training segmentation"));
            ProgressMonitor catalog = steps.step(s + 3, "training catalog models");
            CatalogTraining.trainAttributes(ws, SEED, FOLDS, catalog);
            CatalogTraining.trainCategory(ws, SEED, FOLDS, catalog);
            CatalogCheck.run(ws, steps.step(s + 4, "checking the catalog"));
            PackagingTrainer.Result packaging = new PackagingTrainer().trainAndSave(ws, PackagingTrainer.Options.defaults(SEED),
                    steps.step(s + 5, "training packaging"));
            PackagingAnalysis analysis = PackagingAnalysis.prepare(ws, packaging.model(), PackagingRecommender.DEFAULT_RETURN_HANDLING_INR);
            analysis.save(analysis.plan(PackagingObjective.LEAST_DAMAGE_AT_CURRENT_COST, null, null));
        });
    }
}
