/** The main window's frame: navigation of screens, status bar with background work, dialogs. */
package in.workbench.views.shell;
