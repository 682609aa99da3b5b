/** Paged, filtered, sorted reading of any workspace table or view, for the data browser and exports. */
package in.workbench.analytics.browse;
