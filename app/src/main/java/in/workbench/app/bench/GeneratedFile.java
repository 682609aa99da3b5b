package in.workbench.app.bench;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import java.nio.file.Path;

/** A generated CSV file of a world and the table it is imported into, with the default options. */
record GeneratedFile(String name, DataTable table) {

    /** Imports {@code folder/name} into the table. */
    ImportSummary importInto(CsvImporter importer, Path folder) {
        return importer.importFile(folder.resolve(name), table, ImportOptions.defaults(), ProgressMonitor.NONE);
    }
}
