/**
 * Charts as the analyst uses them: a JFreeChart with export to PNG, SVG and its data as CSV,
 * and a drill-down callback from a clicked bar, point or section to its records.
 */
package in.workbench.views.chart;
