package in.workbench.analytics.segmentation;

import in.workbench.analytics.address.AddressParser;
import java.io.Serializable;
import java.nio.file.Files;
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
 * <p>Immutable after training and thread-safe for segmenting. Saved with Java serialisation and
 * loaded back to identical segmentations.
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

    /** Saves the model under {@code dir}, atomically. */
    public void save(Path dir) {
        in.workbench.analytics.workspace.ModelFile.save(this, dir, FILE_NAME, "segmentation");
    }

    /** True when a segmentation model is saved under {@code dir}. */
    public static boolean exists(Path dir) {
        return Files.exists(dir.resolve(FILE_NAME));
    }

    /** Loads the model saved under {@code dir}; PREREQUISITE_MISSING when there is none. */
    public static SegmentationModel load(Path dir) {
        SegmentationModel m = in.workbench.analytics.workspace.ModelFile.load(dir, FILE_NAME, SegmentationModel.class, "segmentation", "segmentation");
        m.crf.setConfidenceType(CRFModel.ConfidenceType.MULTIPLY);
        return m;
    }
}
