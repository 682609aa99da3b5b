/** The overview dashboard: the first screen of a workspace, small charts that open their full screens. */
package in.workbench.views.overview;
