/** The workspace folder, its H2 database and schema migrations. */
package in.workbench.analytics.workspace;
