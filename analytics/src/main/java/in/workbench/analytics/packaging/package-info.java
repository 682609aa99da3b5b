/**
 * Packaging damage: the package ladder, the ordinal damage model whose predicted damage never
 * rises as the package gets sturdier (a Tribuo trainer), its comparison with an unconstrained
 * logistic regression, shipping-cost estimates, and the per-product package recommendation that
 * trades packaging and shipping cost against damage cost at a damage budget.
 */
package in.workbench.analytics.packaging;
