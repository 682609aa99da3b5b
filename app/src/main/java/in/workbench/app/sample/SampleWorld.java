package in.workbench.app.sample;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.crisp.CrispService;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.network.SlowNetworkTrainer;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.app.ImportHooks;
import in.workbench.sample.SessionSampler;
import in.workbench.sample.crisp.WorkforceWorld;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The sample workspaces File ▸ Open sample offers, each in its own folder under the workbench
 * home, so the marketplace sample stays small. The marketplace sample is shipped ready (unpacked
 * in well under a second); the workforce-contacts and app-sessions worlds are generated, imported
 * and trained on demand the first time they are opened (a minute or two, in the background with
 * progress), with the same generators as {@code generate-sample}. Thread-safe (stateless).
 */
public enum SampleWorld {

    /** Catalog, addresses, shipments and the package ladder, with every model trained: the first-run workspace. */
    MARKETPLACE("sample", "Marketplace: catalog, addresses, shipments"),
    /** People, contacts and tests of warehouses and delivery stations, with the CRISP model trained (Infection risk). */
    WORKFORCE("sample-workforce", "Workforce contacts (infection risk)"),
    /** App sessions over six weeks with the slow-network model trained (Slow networks). */
    SESSIONS("sample-sessions", "App sessions (slow networks)");

    /** People in the on-demand workforce world: big enough for every site and shift, quick to build. */
    static final int WORKFORCE_PEOPLE = 2_000;
    /** EM iterations of the workforce world's CRISP training (the command line's default is 20). */
    static final int WORKFORCE_EM_ITERATIONS = 10;
    /** Sessions in the on-demand sessions world (generate-sample writes 150,000 beside the marketplace sample). */
    static final int SESSION_COUNT = 20_000;
    /** The generators' seed, as {@code generate-sample}'s default. */
    static final long WORLD_SEED = 20261124L;

    private final String folderName;
    private final String title;

    SampleWorld(String folderName, String title) {
        this.folderName = folderName;
        this.title = title;
    }

    /** What the menu calls it. */
    public String title() {
        return title;
    }

    /** Its folder in the workbench home. */
    public Path folderIn(Path home) {
        return home.resolve("workspaces").resolve(folderName);
    }

    /** True when opening it for the first time takes only an unpack (shipped ready with this build). */
    public boolean ready() {
        return this == MARKETPLACE && ReadySample.shipped();
    }

    /** The world whose menu title is {@code title}. */
    public static SampleWorld titled(String title) {
        for (SampleWorld w : values()) {
            if (w.title.equals(title)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no sample world titled " + title);
    }

    /**
     * Makes this sample workspace in {@code folder}, which must not hold a workspace yet, and returns
     * it open. Cancellable between steps.
     */
    public Workspace create(Path folder, ImportHooks hooks, Supplier<AddressParser> parser, ProgressMonitor monitor) throws IOException {
        return switch (this) {
            case MARKETPLACE -> ready() ? ReadySample.unpack(folder, monitor) : MarketplaceSample.build(folder, hooks, parser, monitor);
            case WORKFORCE -> workforce(folder, hooks, monitor);
            case SESSIONS -> sessions(folder, hooks, monitor);
        };
    }

    private static Workspace workforce(Path folder, ImportHooks hooks, ProgressMonitor monitor) throws IOException {
        SampleSteps steps = new SampleSteps(monitor, 5);
        return SampleFolder.make(folder, empty -> {
            Path source = empty.resolve("source");
            new WorkforceWorld(WorkforceWorld.Config.standard(WORLD_SEED).withPeople(WORKFORCE_PEOPLE))
                    .generate(source, steps.step(0, "generating the workforce"));
            return SampleFolder.filled(empty, ws -> {
                CsvImporter importer = new CsvImporter(ws, hooks.all());
                importer.importFile(source.resolve("people.csv"), DataTable.CRISP_PEOPLE, ImportOptions.defaults(), steps.step(1, "people"));
                importer.importFile(source.resolve("contacts.csv"), DataTable.CRISP_CONTACTS, ImportOptions.defaults(),
                        steps.step(2, "contacts"));
                importer.importFile(source.resolve("tests.csv"), DataTable.CRISP_TESTS, ImportOptions.defaults(), steps.step(3, "tests"));
                new CrispService(ws).train(MarketplaceSample.SEED, CrispService.DEFAULT_SWEEPS, WORKFORCE_EM_ITERATIONS, null, null,
                        steps.step(4, "training infection risk"));
            });
        });
    }

    private static Workspace sessions(Path folder, ImportHooks hooks, ProgressMonitor monitor) throws IOException {
        SampleSteps steps = new SampleSteps(monitor, 3);
        return SampleFolder.make(folder, empty -> {
            Path source = empty.resolve("source");
            steps.step(0, "generating app sessions");
            new SessionSampler(new SessionSampler.Config(SESSION_COUNT, 42, WORLD_SEED), PostalDirectory.load()).write(source);
            return SampleFolder.filled(empty, ws -> {
                new CsvImporter(ws, hooks.all()).importFile(source.resolve("sessions.csv"), DataTable.SESSIONS, ImportOptions.defaults(),
                        steps.step(1, "sessions"));
                new SlowNetworkTrainer().trainAndSave(ws, SlowNetworkTrainer.Options.defaults(MarketplaceSample.SEED),
                        steps.step(2, "training slow networks"));
            });
        });
    }
}
