package in.workbench.views.crisp;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.crisp.CrispService;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the Infection risk screen, headless, on a small trained workspace; screenshots under target/screenshots. */
class CrispScreenFxTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ws = Workspace.open(dir.resolve("ws"));
        StringBuilder people = new StringBuilder("person_id,site,site_type,shift,team\n");
        StringBuilder contacts = new StringBuilder("person_a,person_b,day,duration_min,distance_m,setting\n");
        for (int i = 0; i < 60; i++) {
            people.append("E").append(i).append(i < 30 ? ",BLR-FC1,warehouse" : ",BLR-DS01,delivery_station").append(",early,T")
                    .append(i / 6).append('\n');
        }
        for (int d = 1; d <= 20; d++) {
            for (int i = 0; i < 60; i++) {
                contacts.append("E").append(i).append(",E").append((i + 1 + d % 5) % 60).append(String.format(",2026-03-%02d,", d))
                        .append(20 + (i * d) % 200).append(i % 3 == 0 ? ",1" : ",3").append(i % 2 == 0 ? ",indoor" : ",outdoor").append('\n');
            }
        }
        String tests = "person_id,day,result,reason\nE5,2026-03-08,positive,symptoms\nE6,2026-03-10,positive,contact\n"
                + "E7,2026-03-10,negative,contact\nE40,2026-03-12,negative,screening\n";
        CsvImporter importer = new CsvImporter(ws);
        for (Object[] f : new Object[][] {{"people", people}, {"contacts", contacts}, {"tests", tests}}) {
            Path p = dir.resolve(f[0] + ".csv");
            Files.writeString(p, f[1].toString());
            importer.importFile(p, DataTable.byImportType((String) f[0]).orElseThrow(), ImportOptions.defaults(), ProgressMonitor.NONE);
        }
        new CrispService(ws).train(5, 10, 3, null, null, ProgressMonitor.NONE);
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    static void screenshot(Node node, String name) throws Exception {
        Screenshots.write(robot, node, name);
    }

    @Test
    void showsRankingPersonCurveAndWhatTransmits() throws Exception {
        AtomicReference<CrispView> view = new AtomicReference<>();
        AtomicReference<StackPane> root = new AtomicReference<>();
        Path export = dir.resolve("ranking.csv");
        robot.interact(() -> {
            view.set(new CrispView(new CrispViewModel(new SameThreadTaskRunner(), e -> {
                throw new AssertionError(e);
            }), name -> export));
            root.set(new StackPane(view.get().view()));
        });
        FxToolkit.setupStage(s -> {
            s.setScene(new javafx.scene.Scene(root.get(), 1280, 760));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.get().onWorkspaceChanged(ws));
        CrispViewModel m = view.get().model();
        assertEquals(60, m.ranking().size());
        assertTrue(m.ranking().get(0).risk() >= m.ranking().get(59).risk(), "highest risk first");
        assertTrue(m.summary().get().contains("pseudonymous"));
        screenshot(root.get(), "crisp-ranking");
        robot.interact(() -> m.testNext().set(true));
        assertTrue(m.ranking().get(0).testValue() >= m.ranking().get(59).testValue(), "highest test value first");
        robot.interact(() -> m.site().set("BLR-DS01"));
        assertEquals(30, m.ranking().size());
        robot.interact(() -> m.export(export, f -> { }));
        assertTrue(Files.readString(dir.resolve("ranking.csv.provenance.json")).contains("Health data"));
        robot.interact(() -> {
            m.person().set("E6");
            view.get().showTab(1);
        });
        assertFalse(m.encounters().isEmpty());
        assertFalse(m.personDays().isEmpty(), "a positive person has state probabilities by day");
        screenshot(root.get(), "crisp-person");
        robot.interact(() -> view.get().showTab(2));
        assertEquals(20, m.curve().size());
        screenshot(root.get(), "crisp-curve");
        robot.interact(() -> view.get().showTab(3));
        assertEquals(16, m.transmission().size());
        screenshot(root.get(), "crisp-what-transmits");
    }
}
