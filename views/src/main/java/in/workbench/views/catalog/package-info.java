/**
 * Catalog quality screens: the Catalog (products with their attributes, extracted spans and images),
 * the Review queue (proposed backfills and flags, decided by keyboard and exported as corrections) and
 * the catalog charts (missing attributes and flags by category, with drill-down).
 */
package in.workbench.views.catalog;
