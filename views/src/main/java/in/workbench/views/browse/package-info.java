/** The data browser screen: paged, filtered, sorted tables straight from the workspace database. */
package in.workbench.views.browse;
