/** The workspace folder, its H2 database with the JDBC steps the feature stores share, and schema migrations. */
package in.workbench.analytics.workspace;
