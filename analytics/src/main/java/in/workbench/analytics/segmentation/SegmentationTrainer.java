package in.workbench.analytics.segmentation;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.TrainedModelStore;
import in.workbench.analytics.workspace.Workspace;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFTrainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.sequence.MutableSequenceDataset;
import org.tribuo.sequence.SequenceExample;

/**
 * Trains the address segmenter (Tribuo {@link CRFTrainer}, AdaGrad, fixed seed) on a workspace's
 * addresses: weak labels from {@link WeakLabeler} for addresses no analyst has segmented, and the
 * analysts' corrected segments (address_labels.segments, newest per address, not undone), which
 * replace the weak labels and weigh more. One analyst-segmented address in five (chosen by a hash
 * of its id) is held out and never trained on: the span F1 on those is the model's quality shown
 * in the product. Without analysts' segments, the agreement with the weak labels on held-out
 * addresses is reported instead (an upper bound of nothing; it shows only that the CRF learnt the rules).
 *
 * <p>Stateless apart from its parser; thread-safe.
 */
public final class SegmentationTrainer {

    /** The model name in the workspace's trained_models table. */
    public static final String MODEL_NAME = "segmentation";
    /** How much more an analyst's segmentation weighs than a weak or composed one. */
    static final float ANALYST_WEIGHT = 8f;
    /** What a weakly labelled address weighs: its labels are rules written for one grammar, the composed ones are exact. */
    static final float WEAK_WEIGHT = 0.5f;
    /** Composed training addresses ({@link AddressComposer}) trained on beside the workspace's own. */
    public static final int DEFAULT_COMPOSED = 6_000;
    /** Weakly labelled addresses trained on at most (sampled with the seed), to keep training under a minute. */
    public static final int DEFAULT_MAX_WEAK = 3_000;
    /** Default passes over the data. */
    public static final int DEFAULT_EPOCHS = 3;

    private final AddressParser parser;
    private final AddressFeatures features = new AddressFeatures();
    private final WeakLabeler weak;

    public SegmentationTrainer(AddressParser parser) {
        this.parser = parser;
        this.weak = new WeakLabeler(parser);
    }

    /**
     * An address to learn from.
     *
     * @param analyst the analyst's segmentation, or null when only weak labels exist for it
     */
    public record Example(String id, String text, String pincode, Segmentation analyst) {
    }

    /**
     * Training settings.
     *
     * @param composed composed addresses of several writing styles trained on beside the workspace's (0: none)
     */
    public record Settings(long seed, int epochs, int maxWeak, int composed) {

        /** Settings with the default number of composed addresses. */
        public Settings(long seed, int epochs, int maxWeak) {
            this(seed, epochs, maxWeak, DEFAULT_COMPOSED);
        }

        public static Settings defaults(long seed) {
            return new Settings(seed, DEFAULT_EPOCHS, DEFAULT_MAX_WEAK, DEFAULT_COMPOSED);
        }
    }

    /**
     * What training measured.
     *
     * @param spanF1 span F1 on held-out analysts' segmentations, or null when there are none
     * @param weakAgreementF1 span F1 against the weak labels on held-out unlabelled addresses
     */
    public record Report(int weakExamples, int composedExamples, int analystExamples, int heldOut, Double spanF1, Double precision, Double recall,
            Map<SegmentLabel, Double> perLabelF1, double weakAgreementF1, long seed, int epochs, long trainMillis) {
    }

    /** A trained model and its report. */
    public record Result(SegmentationModel model, Report report) {
    }

    /** The weak labels of an address (the labeling screen shows them before any model exists). */
    public Segmentation weakLabels(String text, String pincode) {
        return weak.label(text, pincode);
    }

    /** True when an analyst-segmented address is held out for evaluation. */
    static boolean heldOut(String id, long seed) {
        long h = id.hashCode() * 0x9E3779B97F4A7C15L + seed;
        h ^= h >>> 31;
        return Math.floorMod(h, 5L) == 0;
    }

    /** Trains on the given addresses. */
    public Result train(List<Example> data, Settings settings, ProgressMonitor monitor) {
        long t0 = System.nanoTime();
        List<Example> weakTrain = new ArrayList<>();
        List<Example> weakTest = new ArrayList<>();
        List<Example> analystTrain = new ArrayList<>();
        List<Example> analystTest = new ArrayList<>();
        for (Example e : data) {
            if (e.analyst() != null && e.analyst().tokens().isEmpty()) {
                continue;
            }
            if (e.analyst() != null) {
                (heldOut(e.id(), settings.seed()) ? analystTest : analystTrain).add(e);
            } else if (e.text() != null && !e.text().isBlank()) {
                weakTrain.add(e);
            }
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = weakTrain.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Example tmp = weakTrain.get(i);
            weakTrain.set(i, weakTrain.get(j));
            weakTrain.set(j, tmp);
        }
        if (analystTest.isEmpty() && analystTrain.size() >= 2) {
            analystTest.add(analystTrain.remove(analystTrain.size() - 1));
        }
        int testSize = Math.min(500, weakTrain.size() / 10);
        weakTest.addAll(weakTrain.subList(0, testSize));
        List<Example> weakUsed = new ArrayList<>(weakTrain.subList(testSize, Math.min(weakTrain.size(), testSize + settings.maxWeak())));
        if (weakUsed.isEmpty() && analystTrain.isEmpty() && settings.composed() == 0) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING,
                    "There are no addresses to learn segmentation from. Import addresses.csv first.");
        }
        monitor.update(0, settings.epochs() + 2, "weak labels for " + weakUsed.size() + " addresses, " + analystTrain.size()
                + " analysts' segmentations");
        LabelFactory factory = new LabelFactory();
        MutableSequenceDataset<Label> ds = new MutableSequenceDataset<>(new SimpleDataSourceProvenance(
                "workspace addresses: weak labels (postal directory + patterns) and analysts' segments", factory), factory);
        for (Example e : weakUsed) {
            monitor.checkCancelled();
            Segmentation w = weak.label(e.text(), e.pincode());
            if (!w.tokens().isEmpty()) {
                ds.add(sequence(e.text(), e.pincode(), w, WEAK_WEIGHT));
            }
        }
        for (Example e : analystTrain) {
            ds.add(sequence(e.text(), e.pincode(), e.analyst(), ANALYST_WEIGHT));
        }
        if (settings.composed() > 0) {
            List<AddressComposer.Composed> composed = new ArrayList<>(new AddressComposer(parser.directory(), settings.seed())
                    .compose(settings.composed() / 2));
            composed.addAll(new VariedAddressComposer(parser.directory(), settings.seed()).compose(settings.composed() - settings.composed() / 2));
            for (AddressComposer.Composed c : composed) {
                monitor.checkCancelled();
                if (!c.segmentation().tokens().isEmpty()) {
                    ds.add(sequence(c.segmentation().text(), c.pincodeColumn(), c.segmentation(), 1f));
                }
            }
        }
        monitor.update(1, settings.epochs() + 2, "training the CRF (" + settings.epochs() + " passes over " + ds.size() + " addresses)");
        CRFTrainer trainer = new CRFTrainer(new AdaGrad(0.1, 0.1), settings.epochs(), -1, settings.seed());
        CRFModel crf = (CRFModel) trainer.train(ds);
        SegmentationModel model = new SegmentationModel(crf, features);
        monitor.update(settings.epochs() + 1, settings.epochs() + 2, "evaluating on held-out addresses");
        SpanF1 analystF1 = new SpanF1();
        for (Example e : analystTest) {
            analystF1.add(model.segment(parser, e.text(), e.pincode()), e.analyst());
        }
        SpanF1 weakF1 = new SpanF1();
        for (Example e : weakTest) {
            weakF1.add(model.segment(parser, e.text(), e.pincode()), weak.label(e.text(), e.pincode()));
        }
        boolean measured = analystF1.addresses() > 0;
        Report report = new Report(weakUsed.size(), settings.composed(), analystTrain.size(), analystTest.size(), measured ? analystF1.f1() : null,
                measured ? analystF1.precision() : null, measured ? analystF1.recall() : null,
                measured ? analystF1.perLabelF1() : Map.of(), weakF1.f1(), settings.seed(), settings.epochs(),
                (System.nanoTime() - t0) / 1_000_000);
        monitor.update(settings.epochs() + 2, settings.epochs() + 2, "done");
        return new Result(model, report);
    }

    /** Span F1 of a model against reference segmentations (bench and tests use it on generated gold). */
    public SpanF1 evaluate(SegmentationModel model, List<Example> withReference) {
        SpanF1 f1 = new SpanF1();
        for (Example e : withReference) {
            f1.add(model.segment(parser, e.text(), e.pincode()), e.analyst());
        }
        return f1;
    }

    /** Span F1 of the weak labels themselves against reference segmentations (what the CRF starts from). */
    public SpanF1 evaluateWeakLabels(List<Example> withReference) {
        SpanF1 f1 = new SpanF1();
        for (Example e : withReference) {
            f1.add(weak.label(e.text(), e.pincode()), e.analyst());
        }
        return f1;
    }

    private SequenceExample<Label> sequence(String text, String pincode, Segmentation labels, float weight) {
        List<List<Feature>> f = features.of(parser, text, SegmentationModel.modelTokens(labels.tokens()), pincode);
        List<Label> outputs = new ArrayList<>(f.size());
        for (int i = 0; i < f.size(); i++) {
            outputs.add(new Label(labels.label(i).name()));
        }
        return new SequenceExample<>(outputs, f, weight);
    }

    /** Reads every address of the workspace with the analysts' newest segmentation where there is one. */
    public List<Example> examples(Workspace ws) {
        return new SegmentationStore(ws).examples();
    }

    /** Trains on a workspace, saves the model, records it in trained_models and the learning curve, and returns it. */
    public Result trainAndSave(Workspace ws, Settings settings, ProgressMonitor monitor) {
        List<Example> data = examples(ws);
        if (data.isEmpty()) {
            throw new WorkbenchException(Kind.PREREQUISITE_MISSING, "This workspace has no addresses. Import addresses.csv first.");
        }
        Result result = train(data, settings, monitor);
        result.model().save(ws.modelsDir());
        record(ws, result.report());
        return result;
    }

    private static void record(Workspace ws, Report r) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("model", MODEL_NAME);
        metrics.put("span_f1", r.spanF1());
        metrics.put("precision", r.precision());
        metrics.put("recall", r.recall());
        metrics.put("per_label_f1", r.perLabelF1());
        metrics.put("held_out", r.heldOut());
        metrics.put("weak_agreement_f1", r.weakAgreementF1());
        metrics.put("weak_examples", r.weakExamples());
        metrics.put("composed_examples", r.composedExamples());
        metrics.put("analyst_examples", r.analystExamples());
        metrics.put("epochs", r.epochs());
        metrics.put("train_millis", r.trainMillis());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        SegmentationStore store = new SegmentationStore(ws);
        long analystLabels = store.analystLabelledAddresses();
        new TrainedModelStore(ws).record(MODEL_NAME, SegmentationModel.FILE_NAME, r.seed(), r.weakExamples() + r.analystExamples(), metrics,
                "Tribuo CRFTrainer (AdaGrad 0.1, " + r.epochs() + " epochs, seed " + r.seed() + "); token features: word, "
                        + "shape, digit class, pincode validity, cue-word classes (own and nearest left/right), locality suffixes, "
                        + "postal-directory offices/districts/cities/states, chunk position, neighbours; labels: " + r.composedExamples()
                        + " composed addresses of several writing styles, weak labels (directory + patterns) for " + r.weakExamples()
                        + " addresses, analysts' segments for " + r.analystExamples() + " (weight " + ANALYST_WEIGHT + "); "
                        + r.heldOut() + " analyst-segmented addresses held out");
        store.addCurvePoint(new CurvePoint(now, analystLabels, r.analystExamples() + r.heldOut(), r.heldOut(), r.spanF1(),
                r.weakAgreementF1()), r.trainMillis());
    }

    /** One point of the learning curve recorded in the workspace. */
    public record CurvePoint(OffsetDateTime trainedAt, long analystLabels, long analystSegmentations, long heldOut, Double spanF1,
            double weakAgreementF1) {
    }

    /** The learning curve recorded by every training on this workspace, oldest first. */
    public static List<CurvePoint> learningCurve(Workspace ws) {
        return new SegmentationStore(ws).learningCurve();
    }
}
