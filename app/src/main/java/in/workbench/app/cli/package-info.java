/** The headless command line (shared/CLI.md), built with picocli over the analytics services. */
package in.workbench.app.cli;
