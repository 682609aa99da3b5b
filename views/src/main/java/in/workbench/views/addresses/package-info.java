/**
 * The address deliverability screens: Addresses (every address with its score, flag and
 * reasons, paged from the database), Model (cross-validated quality at a chosen threshold,
 * calibration, feature importance, retraining), Map (flagged share by state and city) and Check an
 * address (score and reasons as you type). They share one {@link in.workbench.views.addresses.AddressesSession}.
 */
package in.workbench.views.addresses;
