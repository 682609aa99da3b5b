package in.workbench.analytics.regional;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.workspace.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every aggregate test of {@link RegionalAggregatesTest} on a team workspace: re-imports, late
 * addresses and changed products move the aggregates through the same SQL on PostgreSQL. Skipped
 * without a PostgreSQL test server (see {@link TestDatabases}).
 */
class RegionalAggregatesOnPostgresTest extends RegionalAggregatesTest {

    @Override
    @BeforeEach
    void open() {
        ws = TestDatabases.open("postgresql", dir);
        importer = new CsvImporter(ws, List.of(new RegionalAggregates(states)));
    }

    @Override
    @AfterEach
    void close() {
        if (ws != null) {
            ws.close();
        }
    }
}
