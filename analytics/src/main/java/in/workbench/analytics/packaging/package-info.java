/**
 * Packaging damage: the package ladder, the ordinal damage model whose predicted damage never
 * rises as the package gets sturdier (a Tribuo trainer), its comparison with an unconstrained
 * logistic regression, shipping-cost estimates, and the per-product package plan for a named
 * objective (by default the least damage at no more total cost than the current policy), solved
 * as a multiple-choice knapsack with its gap to the LP bound and guarded against the optimiser's
 * curse.
 */
package in.workbench.analytics.packaging;
