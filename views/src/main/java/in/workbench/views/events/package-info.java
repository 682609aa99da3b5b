/**
 * Workspace events: how features tell each other that the workspace changed ("model trained",
 * "scores changed", "labels changed", "import finished") without reaching into each other's view
 * models.
 */
package in.workbench.views.events;
