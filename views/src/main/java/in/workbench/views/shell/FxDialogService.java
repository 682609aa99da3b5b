package in.workbench.views.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialogs over the main window. An error shows one plain sentence; "Details" expands the stack
 * trace with a button that copies it. Must be called on the JavaFX thread.
 */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String sentence, Throwable cause) {
        LOG.error(sentence, cause);
        Alert alert = new Alert(Alert.AlertType.ERROR, sentence, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Workbench");
        alert.setHeaderText(null);
        if (cause != null) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setPrefRowCount(12);
            Button copy = new Button("Copy details");
            copy.setOnAction(ev -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(sentence + "\n\n" + trace);
                Clipboard.getSystemClipboard().setContent(content);
            });
            alert.getDialogPane().setExpandableContent(new VBox(6, details, copy));
        }
        alert.getDialogPane().setMinWidth(520);
        alert.show();
    }

    @Override
    public void showInformation(String title, String sentence) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, sentence, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.show();
    }
}
