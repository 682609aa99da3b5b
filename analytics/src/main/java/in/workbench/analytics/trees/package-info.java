/**
 * Gradient-boosted trees evaluated in plain Java from XGBoost's own JSON model, in the packed
 * layout of docs/decisions/0009 (complete binary trees, one {@code long} per split). Depends on
 * Jackson only, so a service can embed it without Tribuo or XGBoost.
 */
package in.workbench.analytics.trees;
