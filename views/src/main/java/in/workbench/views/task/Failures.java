package in.workbench.views.task;

import in.workbench.analytics.WorkbenchException;

/** Turns a failure into the one sentence the analyst reads. Stateless. */
public final class Failures {

    private Failures() {
    }

    /** The analytics' own sentence when there is one, else a plain fallback naming the error. */
    public static String sentenceFor(Throwable e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof WorkbenchException) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return "Something unexpected went wrong (" + e.getClass().getSimpleName() + "). The details below help us fix it.";
    }
}
