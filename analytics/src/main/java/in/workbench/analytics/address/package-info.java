/**
 * Indian addresses: parsing against the postal directory (shared with segmentation), and the
 * deliverability model with its features, reasons, training and calibration.
 */
package in.workbench.analytics.address;
