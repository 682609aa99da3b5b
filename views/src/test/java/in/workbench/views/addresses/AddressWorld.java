package in.workbench.views.addresses;

import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.sample.BundledSample;
import in.workbench.sample.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small generated workspace (800 addresses, 3,200 shipments) shared by the address screen
 * tests of one test run, plus its trained and scored copy, so training happens once.
 */
final class AddressWorld {

    private static Path imported;
    private static Path trained;

    private AddressWorld() {
    }

    /** A fresh copy of the imported world, not trained. */
    static synchronized Workspace untrained(Path into) throws IOException {
        if (imported == null) {
            Path base = Files.createTempDirectory("address-world");
            new SampleGenerator(new SampleGenerator.Config(40, 800, 3_200, 5), PostalDirectory.load()).generate(base.resolve("files"),
                    ProgressMonitor.NONE);
            Path ws = base.resolve("ws");
            try (Workspace w = Workspace.open(ws)) {
                CsvImporter importer = new CsvImporter(w);
                for (BundledSample.SampleFile f : BundledSample.files()) {
                    importer.importFile(base.resolve("files").resolve(f.fileName()), f.table(), ImportOptions.defaults(), ProgressMonitor.NONE);
                }
            }
            imported = ws;
        }
        return copy(imported, into);
    }

    /** A fresh copy of the world with a trained model (3 folds) and every address scored. */
    static synchronized Workspace trained(Path into, AddressesSession session) throws IOException {
        if (trained == null) {
            Path ws = Files.createTempDirectory("address-world-trained").resolve("ws");
            try (Workspace w = untrained(ws)) {
                session.trainAndScore(w, ProgressMonitor.NONE);
            }
            trained = ws;
        }
        return copy(trained, into);
    }

    private static Workspace copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(p, target);
                }
            }
        }
        return Workspace.open(to);
    }
}
