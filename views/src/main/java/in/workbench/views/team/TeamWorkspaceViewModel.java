package in.workbench.views.team;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.workspace.PasswordSource;
import in.workbench.analytics.workspace.ServerAddress;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Open team workspace dialog's state: the server address as the analyst types it, checked as
 * they type, and a password used only if the PostgreSQL password file has none for that address.
 * The password lives in memory until the workspace opens and is never saved.
 *
 * <p>Not thread-safe: used on the FX thread.
 */
public final class TeamWorkspaceViewModel {

    /** The address the dialog starts with, so the analyst sees the form to follow. */
    public static final String EXAMPLE = "postgresql://you@server:5432/workbench?currentSchema=team";

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public TeamWorkspaceViewModel() {
        address.addListener((obs, old, now) -> check());
        check();
    }

    /** The server address, {@code postgresql://USER@HOST:PORT/DB?currentSchema=S&sslmode=M}. */
    public StringProperty addressProperty() {
        return address;
    }

    /** The password; empty to use the PostgreSQL password file. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** One sentence saying what is wrong with the address, or empty when it can be opened. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The address read, when it is a valid one. */
    public Optional<ServerAddress> parsed() {
        String text = address.get() == null ? "" : address.get().strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServerAddress.parse(text.contains("://") ? text : "postgresql://" + text));
        } catch (WorkbenchException e) {
            return Optional.empty();
        }
    }

    /** The password the dialog holds, offered only when the server asks for one the password file lacks. */
    public PasswordSource passwords() {
        char[] typed = password.get() == null ? new char[0] : password.get().toCharArray();
        return a -> typed.length == 0 ? Optional.empty() : Optional.of(typed.clone());
    }

    /** Forgets the typed password (after the workspace opened or the dialog was cancelled). */
    public void forgetPassword() {
        password.set("");
    }

    private void check() {
        String text = address.get() == null ? "" : address.get().strip();
        if (text.isEmpty()) {
            problem.set("Type the team workspace's address, e.g. " + EXAMPLE + ".");
            return;
        }
        try {
            ServerAddress.parse(text.contains("://") ? text : "postgresql://" + text);
            problem.set("");
        } catch (WorkbenchException e) {
            problem.set(e.getMessage());
        }
    }
}
