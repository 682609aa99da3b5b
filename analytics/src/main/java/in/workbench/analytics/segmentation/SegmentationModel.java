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
 * the labeling queue uses to find the addresses the model is least sure of.
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

    SegmentationModel(CRFModel crf, AddressFeatures features) {
        this.crf = crf;
        this.features = features;
        crf.setConfidenceType(CRFModel.ConfidenceType.MULTIPLY);
    }

    /** The underlying Tribuo model (its provenance records data, trainer and seed). */
    public CRFModel tribuoModel() {
        return crf;
    }

    /** Segments one address; {@code pincodeColumn} (may be null) helps when the text has no pincode. */
    public Segmentation segment(AddressParser parser, String text, String pincodeColumn) {
        String t = text == null ? "" : text;
        List<AddressParser.Token> tokens = AddressParser.tokens(t);
        SegmentLabel[] labels = new SegmentLabel[tokens.size()];
        double[] confidence = new double[tokens.size()];
        if (tokens.isEmpty()) {
            return new Segmentation(t, tokens, labels, confidence);
        }
        List<List<Feature>> f = features.of(parser, t, pincodeColumn);
        SequenceExample<Label> example = SequenceExample.createWithEmptyOutputs(f, new LabelFactory());
        List<Prediction<Label>> predictions;
        synchronized (crf) {
            predictions = crf.predict(example);
        }
        for (int i = 0; i < labels.length; i++) {
            Label l = predictions.get(i).getOutput();
            labels[i] = SegmentLabel.of(l.getLabel()).orElse(SegmentLabel.OTHER);
            double score = l.getScore();
            confidence[i] = Double.isNaN(score) ? 0.5 : Math.max(0, Math.min(1, score));
        }
        return new Segmentation(t, tokens, labels, confidence);
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
