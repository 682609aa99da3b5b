package in.workbench.analytics;

/**
 * A problem the analyst can act on, carrying one plain sentence saying what happened and what to
 * do. The command line maps {@link Kind} to its exit code; the window shows the message in the
 * error dialog with the cause as expandable details.
 */
public class WorkbenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem this is; decides the command line's exit code. */
    public enum Kind {
        /** The input is unusable: file missing or unreadable, a required column absent (exit 3). */
        INPUT_UNUSABLE(3),
        /** The workspace lacks what the operation needs, such as a trained model (exit 4). */
        PREREQUISITE_MISSING(4),
        /** The workspace cannot be opened: damaged, locked, or written by a newer version (exit 1). */
        WORKSPACE_UNUSABLE(1),
        /** Anything else (exit 1). */
        OTHER(1);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The command line's exit code for this kind of problem. */
        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public WorkbenchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WorkbenchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
