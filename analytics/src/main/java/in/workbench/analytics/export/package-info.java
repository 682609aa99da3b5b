/** CSV export of any table or filtered view, with a provenance file beside it. */
package in.workbench.analytics.export;
