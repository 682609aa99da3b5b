package in.workbench.views.addresses;

import in.workbench.analytics.address.AddressScore;
import in.workbench.views.shell.WorkspaceScreen;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Check an address: type or paste an address (and optionally its city, state and pincode) and see
 * its score, flag, reasons and parts update as you type — the check analysts run when an address is
 * created. Typing is debounced (250 ms); scoring runs off the JavaFX thread. Used on the JavaFX thread.
 */
public final class CheckAddressView extends WorkspaceScreen<CheckAddressViewModel> {

    private final VBox root = new VBox(10);
    private final Label score = new Label();
    private final ProgressBar gauge = new ProgressBar(0);
    private final VBox reasons = new VBox(2);
    private final VBox parts = new VBox();
    private final Label message = new Label();

    public CheckAddressView(CheckAddressViewModel model) {
        super("Check an address", model, (m, ws) -> m.session().open(ws));
        build();
    }

    @Override
    public Node view() {
        return root;
    }

    private void build() {
        root.setPadding(new Insets(12));
        Label heading = new Label("Check an address");
        heading.getStyleClass().add("title-3");
        TextArea text = new TextArea();
        text.setId("checkText");
        text.setPromptText("Flat 302, Sai Residency, 5th Cross, Malleswaram, Bengaluru 560003");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        TextField city = field("checkCity", "city (optional)");
        TextField state = field("checkState", "state (optional)");
        TextField pincode = field("checkPincode", "pincode");
        pincode.setPrefColumnCount(8);
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> model.check());
        text.textProperty().bindBidirectional(model.textProperty());
        city.textProperty().bindBidirectional(model.cityProperty());
        state.textProperty().bindBidirectional(model.stateProperty());
        pincode.textProperty().bindBidirectional(model.pincodeProperty());
        for (var p : java.util.List.of(model.textProperty(), model.cityProperty(), model.stateProperty(), model.pincodeProperty())) {
            p.addListener((o, a, b) -> debounce.playFromStart());
        }
        HBox fields = new HBox(8, city, state, pincode);
        score.setId("checkScore");
        score.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        gauge.setPrefWidth(300);
        HBox scoreRow = new HBox(12, score, gauge);
        scoreRow.setAlignment(Pos.CENTER_LEFT);
        message.setId("checkMessage");
        message.setWrapText(true);
        reasons.setId("checkReasons");
        Label why = new Label("What lowers the score (biggest effect first)");
        why.setStyle("-fx-font-weight: bold;");
        Label read = new Label("How the address was read");
        read.setStyle("-fx-font-weight: bold;");
        VBox result = new VBox(8, scoreRow, why, reasons, read, parts);
        result.visibleProperty().bind(model.resultProperty().isNotNull());
        message.textProperty().bind(model.messageProperty());
        root.getChildren().addAll(heading, text, fields, message, result);
        model.resultProperty().addListener((o, a, b) -> show(b));
        model.check();
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private void show(AddressScore s) {
        reasons.getChildren().clear();
        parts.getChildren().clear();
        if (s == null) {
            return;
        }
        score.setText(String.format("%.2f — %s", s.score(), s.flagged() ? "flagged: likely not delivered" : "likely delivered"));
        score.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold; -fx-text-fill: " + (s.flagged() ? "#cf222e" : "#1a7f37") + ";");
        gauge.setProgress(s.score());
        if (s.reasons().isEmpty()) {
            reasons.getChildren().add(new Label("Nothing to fix: the address has every part the model looks for."));
        }
        for (String r : s.reasons()) {
            Label l = new Label("• " + r);
            l.setWrapText(true);
            reasons.getChildren().add(l);
        }
        GridPane grid = AddressesView.partsGrid(s.parts());
        parts.getChildren().add(grid);
    }
}
