/**
 * The workbench's analytics layer: workspace storage, import and export, models and reports.
 * Nothing here depends on JavaFX; the window and the command line both call into it.
 */
package in.workbench.analytics;
