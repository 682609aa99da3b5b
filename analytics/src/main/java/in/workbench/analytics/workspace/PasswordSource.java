package in.workbench.analytics.workspace;

import java.util.Optional;

/**
 * Asks the analyst for the password of a team workspace when the PostgreSQL password file
 * ({@code ~/.pgpass} or {@code PGPASSFILE}) has none: the command line prompts on the console
 * (never reads it from an argument), the window shows a password field. The password is used for
 * the connection only and never stored.
 */
@FunctionalInterface
public interface PasswordSource {

    /** Never asks: a workspace that needs a password and has none in the password file is refused. */
    PasswordSource NONE = address -> Optional.empty();

    /** The password for {@code address}, or empty when the analyst gave none. */
    Optional<char[]> ask(ServerAddress address);
}
