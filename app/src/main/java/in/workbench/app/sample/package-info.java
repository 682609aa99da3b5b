/**
 * The sample workspaces the window offers: the marketplace sample (shipped ready-made, built at
 * package time by {@link in.workbench.app.sample.ReadySampleBuild}) and the workforce-contacts and
 * app-sessions worlds, generated on demand. No JavaFX here: the build step runs without a display.
 */
package in.workbench.app.sample;
