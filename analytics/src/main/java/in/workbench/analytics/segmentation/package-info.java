/**
 * Address segmentation: a conditional random field (Tribuo {@code CRFTrainer}) that splits an
 * Indian address into house, building, street, landmark, locality, sublocality, city, district,
 * state and pincode; trained first from weak labels given by the postal directory and patterns,
 * then from analysts' corrections; evaluated by span-level F1. Also the buildings report built
 * from the segments.
 */
package in.workbench.analytics.segmentation;
