package in.workbench.analytics.workspace;

import in.workbench.analytics.WorkbenchException;
import in.workbench.analytics.WorkbenchException.Kind;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Refuses a workspace, folder or team, whose applied schema migrations differ from this build's
 * files: one was edited after it was applied, or one this build should know is gone. Migrations
 * not applied yet, below the newest applied one too (the per-feature ranges of decision 0002), and
 * migrations newer than this build (handled by the caller) are not its business.
 */
final class MigrationCheck {

    /** What Flyway's validation leaves alone: not applied yet (any version), and newer than this build. */
    static final String[] IGNORED = {"*:pending", "*:ignored", "*:future"};

    private MigrationCheck() {
    }

    /**
     * @param flyway the workspace's Flyway set-up (data source, migrations)
     * @param workspace the workspace as a sentence names it ("The workspace at /x", "The team workspace a@b/c")
     * @throws WorkbenchException WORKSPACE_UNUSABLE naming the migrations that differ, in one sentence
     */
    static void requireUnchanged(Flyway flyway, String workspace) {
        ValidateResult result = Flyway.configure().configuration(flyway.getConfiguration()).ignoreMigrationPatterns(IGNORED).load()
                .validateWithResult();
        if (result.validationSuccessful) {
            return;
        }
        String which = result.invalidMigrations.stream().map(m -> "V" + m.version + " (" + m.description + ")").distinct()
                .collect(Collectors.joining(", "));
        throw new WorkbenchException(Kind.WORKSPACE_UNUSABLE, workspace + " was set up by a schema migration that differs from "
                + "this workbench's " + (which.isEmpty() ? "" : which + " ") + "(a migration file was changed after it was applied). "
                + "Nothing was changed; open it with the workbench that made it.");
    }
}
