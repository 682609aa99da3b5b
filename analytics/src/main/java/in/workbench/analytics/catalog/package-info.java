/**
 * Catalog quality: attribute values (colour, material) read from titles by models learned from the
 * catalog itself, the dominant colour of product images, the category check, the resulting flags
 * and proposals, and the analysts' review decisions exported as corrections.
 */
package in.workbench.analytics.catalog;
