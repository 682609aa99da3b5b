package in.workbench.analytics.imports;

import in.workbench.analytics.workspace.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every import test of {@link CsvImporterTest}, on a team workspace: rows arrive by COPY into a
 * staging table, with the same counts, rejected rows, provenance and all-or-nothing promise.
 * Skipped without a PostgreSQL test server (see {@link TestDatabases}).
 */
class CsvImporterOnPostgresTest extends CsvImporterTest {

    @Override
    @BeforeEach
    void open() {
        ws = TestDatabases.open("postgresql", dir);
        importer = new CsvImporter(ws);
    }

    @Override
    @AfterEach
    void close() {
        if (ws != null) {
            ws.close();
        }
    }
}
