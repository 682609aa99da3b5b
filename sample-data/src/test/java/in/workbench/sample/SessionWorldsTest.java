package in.workbench.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.evaluation.BinaryMetrics;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.imports.ImportSummary;
import in.workbench.analytics.network.SessionStore;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionWorldsTest {

    static PostalDirectory directory;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        directory = PostalDirectory.load();
    }

    ImportSummary importInto(Path ws, Path csv) {
        try (Workspace w = Workspace.open(ws)) {
            return new CsvImporter(w, List.of(SessionStore.outcomesHook())).importFile(csv, DataTable.SESSIONS, ImportOptions.defaults(),
                    ProgressMonitor.NONE);
        }
    }

    @Test
    void sampleSessionsImportWithOnlyThePlantedDefectsRejectedAndAreDeterministic() throws Exception {
        SessionSampler.Config config = new SessionSampler.Config(6_000, 14, 9);
        new SessionSampler(config, directory).write(dir.resolve("a"));
        new SessionSampler(config, directory).write(dir.resolve("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/sessions.csv")), Files.readAllBytes(dir.resolve("b/sessions.csv")));
        List<SessionSampler.Generated> generated = new SessionSampler(config, directory).generate();
        long planted = generated.stream().filter(g -> g.defect() != null).count();
        ImportSummary s = importInto(dir.resolve("ws"), dir.resolve("a/sessions.csv"));
        assertEquals(planted, s.rejected());
        assertEquals(6_000 - planted, s.imported());
        double[] p = generated.stream().filter(g -> g.pageLoad() != null).mapToDouble(SessionSampler.Generated::pSlow).toArray();
        double share = generated.stream().filter(g -> g.pageLoad() != null && g.pageLoad() > SessionSampler.THRESHOLD_MS).count() / (double) p.length;
        assertEquals(BinaryMetrics.meanPredicted(p), share, 0.01, "the truth file's probabilities match the outcomes drawn");
        assertTrue(share > 0.05 && share < 0.4, "slow share " + share);
    }

    @Test
    void bundledSessionsAreTheGeneratorsOwnInAFolderOfTheirOwn() throws Exception {
        new SessionSampler(SessionSampler.Config.bundled(), directory).write(dir.resolve("generated"));
        Path copied = BundledSample.copySessionsTo(dir.resolve("bundled"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("generated/sessions.csv")), Files.readAllBytes(copied),
                "the bundled sessions.csv is SessionSampler.Config.bundled()'s output; regenerate it with generate-sample if the generator changed");
        assertTrue(BundledSample.files().stream().noneMatch(f -> f.fileName().contains("sessions")), "the marketplace sample stays small");
    }

    @Test
    void simulatorSessionsAllImportAndCarryTheirTrueProbability() throws Exception {
        CellularSimulator sim = new CellularSimulator(new CellularSimulator.Config(400, 10, 5), directory);
        sim.write(dir.resolve("sim"));
        List<CellularSimulator.Session> sessions = sim.simulate();
        ImportSummary s = importInto(dir.resolve("ws2"), dir.resolve("sim/sessions.csv"));
        assertEquals(0, s.rejected());
        assertEquals(sessions.size(), s.imported());
        double meanP = sessions.stream().mapToDouble(CellularSimulator.Session::pSlow).average().orElseThrow();
        long slow = sessions.stream().filter(x -> Integer.parseInt(x.line().split(",", -1)[12]) > CellularSimulator.SLOW_MS).count();
        assertEquals(meanP, slow / (double) sessions.size(), 0.02);
    }
}
