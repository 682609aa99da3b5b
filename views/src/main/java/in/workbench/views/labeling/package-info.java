/**
 * The Labeling screen (keyboard-first labeling of the addresses the models are least sure of,
 * with segment correction, undo, progress and a learning curve) and the Buildings screen.
 */
package in.workbench.views.labeling;
