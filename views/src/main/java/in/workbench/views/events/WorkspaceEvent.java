package in.workbench.views.events;

import in.workbench.analytics.workspace.Workspace;

/**
 * Something changed in a workspace that other screens may show.
 *
 * @param kind what changed
 * @param workspace the workspace it changed in
 * @param detail which model or table, e.g. "deliverability" or "shipments" (may be empty)
 */
public record WorkspaceEvent(Kind kind, Workspace workspace, String detail) {

    /** What changed. */
    public enum Kind {
        /** A model was trained and saved; detail = the model's name ("deliverability", "segmentation", …). */
        MODEL_TRAINED,
        /** Stored scores were recomputed; detail = the model whose scores ("deliverability"). */
        SCORES_CHANGED,
        /** Analyst labels were saved or undone; detail = the kind of label ("address", "segmentation"). */
        LABELS_CHANGED,
        /** An import finished; detail = the import type ("shipments", "catalog", …). */
        IMPORT_FINISHED
    }
}
