/** Summaries of a whole workspace for its first screen. */
package in.workbench.analytics.overview;
