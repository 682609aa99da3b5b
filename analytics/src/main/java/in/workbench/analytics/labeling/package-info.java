/**
 * Interactive labeling of ambiguous addresses: the queue the models choose (least sure first,
 * near-duplicates grouped, mixed across localities), the store that saves every decision at once
 * and undoes whole decisions, and the agreement (Cohen's kappa) of labels merged from another
 * analyst's address_labels.csv.
 */
package in.workbench.analytics.labeling;
