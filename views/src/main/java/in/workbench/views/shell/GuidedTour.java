package in.workbench.views.shell;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The short tour a new analyst sees on first run: one card per main screen, shown over the
 * window while that screen is selected, with Back, Next and "Don't show this again". Steps whose
 * screen the window does not have are skipped. Keyboard: Right or Enter next, Left back, Escape
 * closes. Used on the JavaFX thread.
 */
public final class GuidedTour {

    /** One stop of the tour: the screen to show and what to say about it. */
    public record Step(String screenTitle, String heading, String text) {
    }

    private final List<Step> steps;
    private final Consumer<Step> showScreen;
    private final Consumer<Boolean> onClose;
    private final VBox card = new VBox(8);
    private final Label counter = new Label();
    private final Label heading = new Label();
    private final Label text = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final CheckBox dontShow = new CheckBox("Don't show this again");
    private final StackPane layer = new StackPane();
    private int index;

    /**
     * @param steps the stops, in order (only those whose screen exists)
     * @param showScreen selects a step's screen
     * @param onClose called once when the tour closes, with whether the analyst asked never to see it again
     */
    public GuidedTour(List<Step> steps, Consumer<Step> showScreen, Consumer<Boolean> onClose) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a tour needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.showScreen = showScreen;
        this.onClose = onClose;
        build();
    }

    private void build() {
        counter.getStyleClass().add("text-muted");
        heading.getStyleClass().add("title-3");
        heading.setId("tourHeading");
        text.setWrapText(true);
        text.setId("tourText");
        Button close = new Button("Close");
        close.setId("tourClose");
        back.setId("tourBack");
        next.setId("tourNext");
        next.setDefaultButton(false);
        next.getStyleClass().add("accent");
        dontShow.setId("tourDontShow");
        back.setOnAction(e -> go(index - 1));
        next.setOnAction(e -> {
            if (index == steps.size() - 1) {
                close();
            } else {
                go(index + 1);
            }
        });
        close.setOnAction(e -> close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, dontShow, spacer, close, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        card.getChildren().setAll(counter, heading, text, buttons);
        card.setPadding(new Insets(16));
        card.setMaxSize(460, Region.USE_PREF_SIZE);
        card.setPrefWidth(460);
        card.setId("tourCard");
        card.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-accent-emphasis; "
                + "-fx-border-width: 2; -fx-background-radius: 8; -fx-border-radius: 8; "
                + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.35), 18, 0, 0, 4);");
        layer.getChildren().setAll(card);
        StackPane.setAlignment(card, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(card, new Insets(0, 24, 48, 0));
        layer.setPickOnBounds(false);
        card.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.ENTER) {
                next.fire();
            } else if (e.getCode() == KeyCode.LEFT && index > 0) {
                go(index - 1);
            } else {
                return;
            }
            e.consume();
        });
    }

    /** The overlay to put above the window's content; transparent to clicks outside the card. */
    public StackPane layer() {
        return layer;
    }

    /** Starts at the first step. */
    public void start() {
        go(0);
        next.requestFocus();
    }

    /** The step shown now. */
    public Step current() {
        return steps.get(index);
    }

    /** Whether the tour is still showing. */
    public boolean isShowing() {
        return layer.getParent() != null && layer.isVisible();
    }

    private void go(int i) {
        index = Math.max(0, Math.min(i, steps.size() - 1));
        Step s = steps.get(index);
        counter.setText("Tour · " + (index + 1) + " of " + steps.size());
        heading.setText(s.heading());
        text.setText(s.text());
        back.setDisable(index == 0);
        next.setText(index == steps.size() - 1 ? "Finish" : "Next");
        showScreen.accept(s);
    }

    private void close() {
        if (!layer.isVisible()) {
            return;
        }
        layer.setVisible(false);
        if (layer.getParent() instanceof StackPane parent) {
            parent.getChildren().remove(layer);
        }
        onClose.accept(dontShow.isSelected());
    }
}
