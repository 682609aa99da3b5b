/**
 * The {@code bench} command: measured performance, printed as markdown tables for the README.
 * Every benchmark runs on the same small harness: {@link in.workbench.app.bench.Samples} (repeated
 * timings, median and range, percentiles), {@link in.workbench.app.bench.Machine} (load average,
 * CPU time of the process or of one thread), {@link in.workbench.app.bench.PeakHeap},
 * {@link in.workbench.app.bench.MarkdownTable}, {@link in.workbench.app.bench.ScratchFolder}
 * (workspace folders removed afterwards, also after a failure) and
 * {@link in.workbench.app.bench.SyntheticCsv} (generated input files).
 */
package in.workbench.app.bench;
