package in.workbench.analytics.task;

/** Thrown by work that stopped because the user cancelled it; whatever it changed was undone. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("Cancelled; nothing was changed.");
    }
}
