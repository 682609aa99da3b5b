/** The workspace summary screen. */
package in.workbench.views.workspace;
