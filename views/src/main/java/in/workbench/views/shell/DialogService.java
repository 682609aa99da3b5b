package in.workbench.views.shell;

/**
 * The one way screens tell the analyst that something went wrong or finished: a plain sentence,
 * with the technical details expandable and copyable. Implementations log each error once.
 */
public interface DialogService {

    /** Shows an error: {@code sentence} says what happened and what to do; details come from the cause. */
    void showError(String sentence, Throwable cause);

    /** Shows an information message. */
    void showInformation(String title, String sentence);
}
