/**
 * A second, independently written address world (addresses with gold segmentations, true delivery
 * probabilities and shipments) used only to measure the address models; never to train or tune them.
 */
package in.workbench.sample.independent;
