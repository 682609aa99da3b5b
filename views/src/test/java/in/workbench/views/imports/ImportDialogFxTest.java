package in.workbench.views.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.imports.ColumnType;
import in.workbench.analytics.imports.CsvImporter;
import in.workbench.analytics.lab.GenericTableImporter;
import in.workbench.analytics.lab.LabColumn;
import in.workbench.analytics.lab.LabStore;
import in.workbench.analytics.workspace.Workspace;
import in.workbench.views.Screenshots;
import in.workbench.views.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** File ▸ Import… as a table of its own, headless: types confirmed on the screen; screenshots under target/screenshots. */
class ImportDialogFxTest {

    @TempDir
    static Path dir;
    static Workspace ws;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        ws = Workspace.open(dir.resolve("ws"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        ws.close();
    }

    @Test
    void aTableOfItsOwnIsImportedWithTheTypesConfirmedOnTheScreen() throws Exception {
        Path file = dir.resolve("returns.csv");
        Files.writeString(file, """
                Return No,Pincode,Refund INR,Returned On,Opened,Reason
                R1,560001,499.50,2026-01-02,yes,size too small
                R2,110001,120,2026-01-03,no,damaged
                R3,400001,80,2026-01-04,n/a,changed mind
                R4,682001,75.25,2026-01-05,no,damaged
                R5,700001,1299,2026-01-06,yes,late
                """);
        AtomicReference<ImportDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            ImportViewModel model = new ImportViewModel(new CsvImporter(ws), new GenericTableImporter(new LabStore(ws)),
                    new SameThreadTaskRunner(), e -> {
                        throw new AssertionError(e);
                    });
            dialog.set(new ImportDialog(model, null, runId -> { }));
            dialog.get().stage().setWidth(1340);
            dialog.get().show();
        });
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> type = robot.lookup("#importType").queryAs(ComboBox.class);
            type.setValue(ImportDialog.OWN_TABLE);
            robot.lookup("#importPath").queryAs(TextField.class).setText(file.toString());
            robot.lookup("#loadPreview").queryButton().fire();
        });
        assertEquals("returns", robot.lookup("#tableName").queryAs(TextField.class).getText());
        @SuppressWarnings("unchecked")
        ComboBox<ColumnType> pincode = robot.lookup("#columnType-Pincode").queryAs(ComboBox.class);
        assertEquals(ColumnType.INTEGER, pincode.getValue(), "pincodes look like whole numbers");
        assertEquals("inferred from 5 rows; e.g. 560001, 110001, 400001, 682001, 700001",
                robot.lookup("#sampleNote-Pincode").queryAs(Label.class).getText());
        robot.interact(() -> {
            pincode.setValue(ColumnType.TEXT);
            @SuppressWarnings("unchecked")
            ComboBox<ColumnType> opened = robot.lookup("#columnType-Opened").queryAs(ComboBox.class);
            opened.setValue(ColumnType.BOOLEAN);
            @SuppressWarnings("unchecked")
            ComboBox<String> id = robot.lookup("#tableId").queryAs(ComboBox.class);
            id.setValue("Return No");
        });
        assertEquals("1 of 5 sample rows would be rejected: 'n/a' is not true/false, yes/no, y/n or 1/0",
                robot.lookup("#sampleNote-Opened").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#runImport").queryAs(Button.class).isDisabled());
        Screenshots.write(robot, dialog.get().stage().getScene().getRoot(), "import-table-of-its-own");

        robot.interact(() -> robot.lookup("#runImport").queryButton().fire());
        assertTrue(robot.lookup("#importSummary").queryAs(Label.class).getText().startsWith("Imported 4 table rows; 1 rejected"),
                robot.lookup("#importSummary").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#showRejected").queryAs(Button.class).isVisible());
        LabStore.TableEntry entry = new LabStore(ws).table("returns").orElseThrow();
        assertEquals("return_no", entry.idColumn());
        assertEquals(List.of(ColumnType.TEXT, ColumnType.TEXT, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.BOOLEAN, ColumnType.TEXT),
                entry.columns().stream().map(LabColumn::type).toList());
        Screenshots.write(robot, dialog.get().stage().getScene().getRoot(), "import-table-of-its-own-done");
    }
}
