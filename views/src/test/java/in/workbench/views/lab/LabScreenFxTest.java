package in.workbench.views.lab;

import in.workbench.views.Screenshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.imports.ImportOptions;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.task.ProgressMonitor;
import in.workbench.analytics.workspace.DataTable;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Model lab screen runs the late-delivery template on a small workspace, headless; screenshots under target/screenshots. */
class LabScreenFxTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static final FxRobot robot = new FxRobot();

    /** A small shipping world where remote states and heavy parcels arrive late more often. */
    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ws = Workspace.open(dir.resolve("ws"));
        Random r = new Random(11);
        String[] states = {"Maharashtra", "Karnataka", "Assam", "Manipur", "Delhi"};
        StringBuilder products = new StringBuilder("product_id,title,category,price_inr,weight_g,fragile\n");
        for (int i = 0; i < 30; i++) {
            products.append(String.format(Locale.ROOT, "P%02d,Item %d,%s,%d,%d,%s%n", i, i, i % 3 == 0 ? "Home" : "Fashion",
                    200 + 50 * i, 100 + 150 * i, i % 4 == 0));
        }
        StringBuilder addresses = new StringBuilder("address_id,address_text,city,state\n");
        for (int i = 0; i < 60; i++) {
            addresses.append(String.format(Locale.ROOT, "A%02d,House %d,City%d,%s%n", i, i, i % 7, states[i % states.length]));
        }
        StringBuilder shipments = new StringBuilder("shipment_id,order_date,product_id,address_id,package_type,quantity,ship_cost_inr,"
                + "promised_days,delivered_days,attempts,status\n");
        for (int i = 0; i < 900; i++) {
            int p = r.nextInt(30);
            int a = r.nextInt(60);
            boolean remote = a % states.length == 2 || a % states.length == 3;
            int promised = remote ? 6 : 3;
            double delay = -0.6 + r.nextGaussian() + (remote ? 1.3 : 0) + p * 0.03;
            String status = r.nextDouble() < 0.05 ? "undeliverable" : r.nextDouble() < 0.05 ? "returned" : "delivered";
            String delivered = status.equals("undeliverable") ? "" : String.valueOf(Math.max(1, promised + (int) Math.round(delay)));
            shipments.append(String.format(Locale.ROOT, "S%04d,%s,P%02d,A%02d,box,1,%.2f,%d,%s,1,%s%n", i,
                    LocalDate.of(2026, 1, 1).plusDays(i / 5), p, a, 40 + p * 2.0, promised, delivered, status));
        }
        CsvImporter importer = new CsvImporter(ws);
        importer.importFile(write("catalog.csv", products), DataTable.PRODUCTS, ImportOptions.defaults(), ProgressMonitor.NONE);
        importer.importFile(write("addresses.csv", addresses), DataTable.ADDRESSES, ImportOptions.defaults(), ProgressMonitor.NONE);
        importer.importFile(write("shipments.csv", shipments), DataTable.SHIPMENTS, ImportOptions.defaults(), ProgressMonitor.NONE);
    }

    static Path write(String name, StringBuilder text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text.toString());
        return f;
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
    void lateDeliveryTemplateTrainsComparesSavesAndScores() throws Exception {
        AtomicReference<LabView> view = new AtomicReference<>();
        AtomicReference<LabViewModel> model = new AtomicReference<>();
        AtomicReference<StackPane> root = new AtomicReference<>();
        robot.interact(() -> {
            model.set(new LabViewModel(new SameThreadTaskRunner(), e -> {
                throw new AssertionError(e);
            }));
            view.set(new LabView(model.get()));
            root.set(new StackPane(view.get().view()));
        });
        FxToolkit.setupStage(s -> {
            s.setScene(new javafx.scene.Scene(root.get(), 1400, 900));
            s.show();
        });
        robot.interact(() -> view.get().onWorkspaceChanged(ws));
        assertTrue(model.get().tables().contains("late_delivery"), model.get().tables().toString());
        robot.interact(() -> robot.lookup("#labTemplate").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(model.get().resultProperty().get());
        @SuppressWarnings("unchecked")
        TableView<?> metrics = robot.lookup("#labMetrics").queryAs(TableView.class);
        assertEquals(2, metrics.getItems().size());
        assertTrue(model.get().resultProperty().get().keptResult().metric("auc") > 0.6,
                String.valueOf(model.get().resultProperty().get().keptResult().metric("auc")));
        assertTrue(robot.lookup("#labStatus").queryAs(Label.class).getText().contains("kept: auc"));
        screenshot(root.get(), "model-lab-late-delivery");
        robot.interact(() -> robot.lookup("#labSave").queryAs(Button.class).fire());
        robot.interact(() -> robot.lookup("#labScore").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.get().statusProperty().get().contains("open the view scored_late_delivery"), model.get().statusProperty().get());
        assertTrue(new LabStore(ws).tablesAndViews().contains("scored_late_delivery"));
        screenshot(root.get(), "model-lab-scored");
    }

    @Test
    void aTableImportedLaterAppearsInTheListWithoutLosingTheTableChosen() throws Exception {
        AtomicReference<LabViewModel> model = new AtomicReference<>();
        robot.interact(() -> {
            model.set(new LabViewModel(new SameThreadTaskRunner(), e -> {
                throw new AssertionError(e);
            }));
            model.get().setWorkspace(ws);
            model.get().tableProperty().set("shipments");
        });
        assertTrue(!model.get().tables().contains("returns_later"));
        Path file = write("returns_later.csv", new StringBuilder("sku,returned\nP01,yes\nP02,no\n"));
        new in.workbench.analytics.lab.GenericTableImporter(new LabStore(ws)).importFile(
                new in.workbench.analytics.lab.GenericTableImporter.Request(file, "returns_later", null, java.util.Map.of(), null),
                ProgressMonitor.NONE);
        robot.interact(() -> model.get().refreshTables());
        assertTrue(model.get().tables().contains("returns_later"), model.get().tables().toString());
        assertEquals("shipments", model.get().tableProperty().get());
    }
}
