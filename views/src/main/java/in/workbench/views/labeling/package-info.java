/**
 * The Labeling screen (keyboard-first labeling of the addresses the models are least sure of,
 * with segment correction, undo, progress and a learning curve) and the Buildings screen.
 *
 * <p>{@code LabelingViewModel} puts together parts that each do one thing: {@code AddressQueue}
 * and {@code QueueSource} (what to show next; leases on a team workspace), {@code SpanEditor},
 * {@code KeyBindings}, {@code LabelWriter} and {@code LabelSink} (labels written off the JavaFX
 * thread, in order, through the outbox on a team workspace), {@code UndoHistory} (the one undo
 * path), {@code Retraining} and {@code LabelFiles} (export and merge).
 */
package in.workbench.views.labeling;
