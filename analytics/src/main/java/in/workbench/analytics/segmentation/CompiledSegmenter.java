package in.workbench.analytics.segmentation;

import com.google.protobuf.InvalidProtocolBufferException;
import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.address.AddressParser.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.crf.CRFModel;
import org.tribuo.classification.sgd.crf.CRFParameters;
import org.tribuo.classification.sgd.protos.CRFModelProto;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.protos.ProtoUtil;

/**
 * A trained CRF's weights evaluated in plain Java: each feature name is looked up once in a hash
 * map to its per-label weights, the token scores are summed in place, and forward–backward runs
 * over primitive arrays; each token gets its label of highest marginal probability, as Tribuo's
 * CRF predicts with its MULTIPLY confidence. Same labels and confidences as Tribuo's own prediction
 * (checked by {@code SegmenterOnAnyTextTest}), several times faster because no feature objects,
 * sparse vectors or predictions are built.
 *
 * <p>Immutable and thread-safe.
 */
final class CompiledSegmenter {

    private final Map<String, double[]> weights;
    private final double[] bias;
    /** exp(transition[from][to]), computed once. */
    private final double[][] expTransition;
    private final SegmentLabel[] labels;

    private CompiledSegmenter(Map<String, double[]> weights, double[] bias, double[][] transition, SegmentLabel[] labels) {
        this.weights = weights;
        this.bias = bias;
        this.expTransition = new double[transition.length][];
        for (int i = 0; i < transition.length; i++) {
            expTransition[i] = java.util.Arrays.stream(transition[i]).map(Math::exp).toArray();
        }
        this.labels = labels;
    }

    /** Reads the weights of a Tribuo CRF (through its protobuf form, which exposes them). */
    static CompiledSegmenter of(CRFModel crf) {
        CRFParameters parameters;
        try {
            CRFModelProto proto = crf.serialize().getSerializedData().unpack(CRFModelProto.class);
            parameters = ProtoUtil.deserialize(proto.getParams());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the segmentation model's weights could not be read: " + e.getMessage(), e);
        }
        Tensor[] t = parameters.get();
        DenseVector b = (DenseVector) t[0];
        DenseMatrix featureLabel = (DenseMatrix) t[1];
        DenseMatrix labelLabel = (DenseMatrix) t[2];
        int nLabels = b.size();
        double[] bias = new double[nLabels];
        SegmentLabel[] labels = new SegmentLabel[nLabels];
        for (int l = 0; l < nLabels; l++) {
            bias[l] = b.get(l);
            Label label = crf.getOutputIDInfo().getOutput(l);
            labels[l] = SegmentLabel.of(label.getLabel()).orElse(SegmentLabel.OTHER);
        }
        double[][] transition = new double[nLabels][nLabels];
        for (int i = 0; i < nLabels; i++) {
            for (int j = 0; j < nLabels; j++) {
                transition[i][j] = labelLabel.get(i, j);
            }
        }
        ImmutableFeatureMap features = crf.getFeatureIDMap();
        boolean labelsFirst = featureLabel.getDimension1Size() == nLabels && featureLabel.getDimension2Size() == features.size();
        Map<String, double[]> weights = new HashMap<>(features.size() * 2);
        for (VariableInfo v : features) {
            int id = features.getID(v.getName());
            double[] w = new double[nLabels];
            for (int l = 0; l < nLabels; l++) {
                w[l] = labelsFirst ? featureLabel.get(l, id) : featureLabel.get(id, l);
            }
            weights.put(v.getName(), w);
        }
        return new CompiledSegmenter(Map.copyOf(weights), bias, transition, labels);
    }

    /** The labels and marginal confidences of the tokens, written into {@code out} and {@code confidence}. */
    void label(AddressFeatures features, AddressParser parser, String text, List<Token> tokens, String pincode, SegmentLabel[] out,
            double[] confidence) {
        int n = tokens.size();
        int nl = bias.length;
        double[][] score = new double[n][];
        for (int i = 0; i < n; i++) {
            score[i] = bias.clone();
        }
        features.of(parser, text, tokens, pincode, (i, name) -> {
            double[] w = weights.get(name);
            if (w != null) {
                double[] s = score[i];
                for (int l = 0; l < nl; l++) {
                    s[l] += w[l];
                }
            }
        });
        marginals(score, out, confidence);
    }

    /**
     * Each token's label of highest marginal probability and that probability, as Tribuo's CRF
     * predicts with its MULTIPLY confidence: forward–backward in probability space, each step
     * rescaled to sum to one (the same marginals as in log space, with one exponential per token
     * and label instead of one per label pair).
     */
    private void marginals(double[][] score, SegmentLabel[] out, double[] confidence) {
        int n = score.length;
        int nl = bias.length;
        double[][] e = new double[n][nl];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < nl; l++) {
                max = Math.max(max, score[i][l]);
            }
            for (int l = 0; l < nl; l++) {
                e[i][l] = Math.exp(score[i][l] - max);
            }
        }
        double[][] alpha = new double[n][nl];
        double[][] beta = new double[n][nl];
        System.arraycopy(e[0], 0, alpha[0], 0, nl);
        normalise(alpha[0]);
        for (int i = 1; i < n; i++) {
            double[] prev = alpha[i - 1];
            double[] cur = alpha[i];
            for (int k = 0; k < nl; k++) {
                double a = prev[k];
                if (a == 0) {
                    continue;
                }
                double[] t = expTransition[k];
                for (int j = 0; j < nl; j++) {
                    cur[j] += a * t[j];
                }
            }
            for (int j = 0; j < nl; j++) {
                cur[j] *= e[i][j];
            }
            normalise(cur);
        }
        java.util.Arrays.fill(beta[n - 1], 1.0);
        double[] tmp = new double[nl];
        for (int i = n - 2; i >= 0; i--) {
            double[] next = beta[i + 1];
            for (int j = 0; j < nl; j++) {
                tmp[j] = e[i + 1][j] * next[j];
            }
            double[] cur = beta[i];
            for (int k = 0; k < nl; k++) {
                double[] t = expTransition[k];
                double sum = 0;
                for (int j = 0; j < nl; j++) {
                    sum += t[j] * tmp[j];
                }
                cur[k] = sum;
            }
            normalise(cur);
        }
        for (int i = 0; i < n; i++) {
            double total = 0;
            int best = 0;
            double bestP = -1;
            for (int l = 0; l < nl; l++) {
                double p = alpha[i][l] * beta[i][l];
                total += p;
                if (p > bestP) {
                    bestP = p;
                    best = l;
                }
            }
            out[i] = labels[best];
            confidence[i] = total > 0 ? Math.max(0, Math.min(1, bestP / total)) : 0;
        }
    }

    private static void normalise(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        if (sum > 0 && sum != 1) {
            double inv = 1 / sum;
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }
}
