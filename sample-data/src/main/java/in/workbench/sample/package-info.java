/**
 * The deterministic sample-world generator and the bundled sample workspace files. The truth
 * files it writes are for tests and documentation only; the workbench never reads them.
 */
package in.workbench.sample;
