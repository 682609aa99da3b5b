package in.workbench.analytics.linear;

import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A Tribuo logistic regression's weights and biases as plain arrays: {@code weights[k][j]} is the
 * weight of feature id {@code j} for output id {@code k}, {@code bias[k]} the output's bias.
 * Immutable once read; the arrays are the caller's to keep and must not be changed.
 *
 * @param weights one row of feature weights per output id
 * @param bias one bias per output id
 */
public record LinearWeights(double[][] weights, double[] bias) {

    /**
     * Copies the weights out of {@code model}; Tribuo keeps the bias as the last column of its
     * weight matrix.
     *
     * @throws IllegalArgumentException when the matrix does not have one column per feature plus the bias
     */
    public static LinearWeights of(LinearSGDModel model) {
        DenseMatrix w = model.getWeightsCopy();
        int width = model.getFeatureIDMap().size();
        if (w.getDimension2Size() != width + 1) {
            throw new IllegalArgumentException("expected " + (width + 1) + " weight columns (features and bias), found "
                    + w.getDimension2Size());
        }
        double[][] weights = new double[w.getDimension1Size()][width];
        double[] bias = new double[w.getDimension1Size()];
        for (int k = 0; k < weights.length; k++) {
            for (int j = 0; j < width; j++) {
                weights[k][j] = w.get(k, j);
            }
            bias[k] = w.get(k, width);
        }
        return new LinearWeights(weights, bias);
    }
}
