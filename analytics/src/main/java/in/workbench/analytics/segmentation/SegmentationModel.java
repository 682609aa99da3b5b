package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.workspace.ModelFile;
import in.workbench.analytics.workspace.TribuoModelFormat;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.tribuo.Feature;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.sequence.SequenceExample;

/**
 * A trained address segmenter: the Tribuo CRF and the token features it was trained with. Each
 * token's confidence is the CRF's marginal probability of its label (forward–backward), which
 * the labeling queue uses to find the addresses the model is least sure of. Segmenting runs the
 * CRF's weights in plain Java ({@link CompiledSegmenter}), to the same labels as Tribuo's.
 *
 * <p>Immutable after training and thread-safe for segmenting. Saved as a workbench model file (the CRF
 * in Tribuo's protobuf form) and loaded back to identical segmentations; {@link Serializable} only so
 * that files of the previous release can be converted once.
 */
public final class SegmentationModel implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The file name under the workspace's models folder. */
    public static final String FILE_NAME = "segmentation.model";

    private final CRFModel crf;
    private final AddressFeatures features;
    private transient volatile CompiledSegmenter compiled;

    SegmentationModel(CRFModel crf, AddressFeatures features) {
        this.crf = crf;
        this.features = features;
        crf.setConfidenceType(CRFModel.ConfidenceType.MULTIPLY);
    }

    /** The underlying Tribuo model (its provenance records data, trainer and seed). */
    public CRFModel tribuoModel() {
        return crf;
    }

    /** Tokens beyond this many are not read by the model and are OTHER (a pathological 5,000-character input stays fast). */
    static final int MAX_MODEL_TOKENS = 160;

    /**
     * Segments one address; {@code pincodeColumn} (may be null) helps when the text has no pincode.
     * Every token of the text gets exactly one label: tokens beyond {@link #MAX_MODEL_TOKENS} are
     * OTHER. The model's labels are then held to what an address can be ({@link SegmentRules}).
     */
    public Segmentation segment(AddressParser parser, String text, String pincodeColumn) {
        return segmentWith(text, (t, all, labels, confidence) -> {
            compiled().label(features, parser, t, modelTokens(all), pincodeColumn, labels, confidence);
            SegmentRules.apply(all, labels);
        });
    }

    /** The tokens the model reads: the first {@link #MAX_MODEL_TOKENS}. */
    static List<AddressParser.Token> modelTokens(List<AddressParser.Token> all) {
        return all.size() > MAX_MODEL_TOKENS ? all.subList(0, MAX_MODEL_TOKENS) : all;
    }

    /** Segments one address through Tribuo's own CRF prediction (the reference the compiled path is tested against), before the rules. */
    Segmentation segmentThroughTribuo(AddressParser parser, String text, String pincodeColumn) {
        return segmentWith(text, (t, all, labels, confidence) -> {
            List<AddressParser.Token> tokens = modelTokens(all);
            List<List<Feature>> f = features.of(parser, t, tokens, pincodeColumn);
            SequenceExample<Label> example = SequenceExample.createWithEmptyOutputs(f, new LabelFactory());
            List<Prediction<Label>> predictions;
            synchronized (crf) {
                predictions = crf.predict(example);
            }
            for (int i = 0; i < tokens.size(); i++) {
                Label l = predictions.get(i).getOutput();
                labels[i] = SegmentLabel.of(l.getLabel()).orElse(SegmentLabel.OTHER);
                double score = l.getScore();
                confidence[i] = Double.isNaN(score) ? 0.5 : Math.max(0, Math.min(1, score));
            }
        });
    }

    /** Segments one address with the compiled weights, before the rules (the agreement test compares it with Tribuo's). */
    Segmentation segmentCompiledWithoutRules(AddressParser parser, String text, String pincodeColumn) {
        return segmentWith(text, (t, all, labels, confidence) ->
                compiled().label(features, parser, t, modelTokens(all), pincodeColumn, labels, confidence));
    }

    /** One way of labelling an address's tokens in place. */
    @FunctionalInterface
    private interface TokenLabelling {
        /** Labels {@code all}, the tokens of {@code text} (at least one); every label starts as OTHER with confidence 1. */
        void label(String text, List<AddressParser.Token> all, SegmentLabel[] labels, double[] confidence);
    }

    /** The tokens of {@code text} (null reads as empty), every one OTHER with confidence 1 until {@code labelling} labels them. */
    private static Segmentation segmentWith(String text, TokenLabelling labelling) {
        String t = text == null ? "" : text;
        List<AddressParser.Token> all = Segmentation.tokensOf(t);
        SegmentLabel[] labels = new SegmentLabel[all.size()];
        double[] confidence = new double[all.size()];
        java.util.Arrays.fill(labels, SegmentLabel.OTHER);
        java.util.Arrays.fill(confidence, 1.0);
        if (!all.isEmpty()) {
            labelling.label(t, all, labels, confidence);
        }
        return new Segmentation(t, all, labels, confidence);
    }

    private CompiledSegmenter compiled() {
        CompiledSegmenter c = compiled;
        if (c == null) {
            synchronized (this) {
                if (compiled == null) {
                    compiled = CompiledSegmenter.of(crf);
                }
                c = compiled;
            }
        }
        return c;
    }

    /** The model as saved: the CRF in Tribuo's protobuf form (the token features have no parameters). */
    record Document(String tribuoModel) {
    }

    private static final ModelFile<SegmentationModel, Document> FILE = new ModelFile<>("segmentation", 1, "segmentation",
            "segmentation", SegmentationModel.class, Document.class, m -> new Document(TribuoModelFormat.write(m.crf)),
            d -> new SegmentationModel(TribuoModelFormat.readSequence(d.tribuoModel(), CRFModel.class), new AddressFeatures()));

    /** Saves the model under {@code dir}, atomically. */
    public void save(Path dir) {
        FILE.save(dir, this);
    }

    /** True when a segmentation model is saved under {@code dir}. */
    public static boolean exists(Path dir) {
        return FILE.exists(dir);
    }

    /** Loads the model saved under {@code dir}; PREREQUISITE_MISSING when there is none or it is refused. */
    public static SegmentationModel load(Path dir) {
        SegmentationModel m = FILE.load(dir);
        m.crf.setConfidenceType(CRFModel.ConfidenceType.MULTIPLY);
        return m;
    }
}
