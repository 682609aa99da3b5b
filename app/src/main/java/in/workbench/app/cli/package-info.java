/** The headless command line (docs/cli.md), built with picocli over the analytics services. */
package in.workbench.app.cli;
