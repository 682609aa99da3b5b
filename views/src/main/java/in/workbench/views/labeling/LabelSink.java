package in.workbench.views.labeling;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.labeling.LabelOutbox;
import in.workbench.analytics.labeling.LabelStore;

/**
 * Where the Labeling screen's decisions go: straight into a workspace folder's database, or on a
 * team workspace through the analyst's local outbox, which keeps them while the server cannot be
 * reached. Every decision carries the receipt id the screen gave it, so it can be undone wherever
 * it is by then (still waiting on this machine, or saved on the server).
 *
 * <p>Calls block on the database and run on a worker, one at a time ({@link LabelWriter}).
 */
public interface LabelSink {

    /**
     * Saves one decision; returns only once it is committed in the workspace, or kept on this
     * machine when the team workspace cannot be reached.
     *
     * @return how many decisions wait on this machine to be sent (0: this one is committed)
     */
    int save(LabelOutbox.Pending decision);

    /** Takes back a decision of this session by its receipt id. */
    void undo(String receiptId);

    /** Sends what waits on this machine; returns how many still wait. */
    int flush();

    /** How many decisions wait on this machine to be sent. */
    int waiting();

    /** Decisions committed at once in the workspace's own database (a workspace folder). */
    static LabelSink direct(LabelStore store) {
        return new LabelSink() {
            @Override
            public int save(LabelOutbox.Pending p) {
                store.decideOnce(p.receiptId(), p.addressIds(), p.label(), p.segments(), p.analyst());
                return 0;
            }

            @Override
            public void undo(String receiptId) {
                store.undo(store.decisionWithReceipt(receiptId).orElseThrow(() -> notFound()));
            }

            @Override
            public int flush() {
                return 0;
            }

            @Override
            public int waiting() {
                return 0;
            }
        };
    }

    /** Decisions written to the local outbox first, then sent to the team workspace. */
    static LabelSink throughOutbox(LabelOutbox outbox, LabelStore store) {
        return new LabelSink() {
            @Override
            public int save(LabelOutbox.Pending p) {
                return outbox.send(p).waiting();
            }

            @Override
            public void undo(String receiptId) {
                if (!outbox.withdraw(receiptId)) {
                    store.undo(store.decisionWithReceipt(receiptId).orElseThrow(() -> notFound()));
                }
            }

            @Override
            public int flush() {
                return outbox.flush();
            }

            @Override
            public int waiting() {
                return outbox.waiting().size();
            }
        };
    }

    private static WorkbenchException notFound() {
        return new WorkbenchException(WorkbenchException.Kind.OTHER,
                "The label to undo is not in the workspace any more (someone removed it). Nothing was changed.");
    }
}
