/**
 * How good a model's probabilities are, measured one way for every feature: ranking (AUC),
 * log-loss, Brier score, reliability bins and expected calibration error for binary outcomes,
 * and error measures for numeric predictions. Plain Java, no JavaFX, no database.
 */
package in.workbench.analytics.evaluation;
