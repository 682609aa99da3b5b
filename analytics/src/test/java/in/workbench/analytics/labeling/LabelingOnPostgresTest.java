package in.workbench.analytics.labeling;

import in.workbench.analytics.workspace.TestDatabases;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Path;

/**
 * Every labeling test of {@link LabelingTest} on a team workspace: decisions, undo, the queue and
 * merging labels with kappa behave the same on PostgreSQL. Skipped without the test server.
 */
class LabelingOnPostgresTest extends LabelingTest {

    @Override
    Workspace open(Path dir, String name) {
        return TestDatabases.open("postgresql", dir, name);
    }
}
