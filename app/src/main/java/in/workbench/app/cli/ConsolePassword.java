package in.workbench.app.cli;

import in.workbench.analytics.workspace.PasswordSource;
import in.workbench.analytics.workspace.ServerAddress;
import java.io.Console;
import java.util.Optional;

/**
 * Asks for a team workspace's password on the terminal, without echo, when the PostgreSQL password
 * file has none. Without a terminal (scripts, CI) it asks nothing: the password file is the way.
 */
public final class ConsolePassword implements PasswordSource {

    @Override
    public Optional<char[]> ask(ServerAddress address) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] password = console.readPassword("Password for %s: ", address);
        return password == null || password.length == 0 ? Optional.empty() : Optional.of(password);
    }
}
