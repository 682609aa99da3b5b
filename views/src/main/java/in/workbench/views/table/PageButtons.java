package in.workbench.views.table;

import javafx.scene.control.Button;

/**
 * The ◀ and ▶ buttons of a paged table: the same glyphs on every screen whose table pages from the
 * database ({@link Paging}), each calling its view model's move. Used on the JavaFX thread.
 *
 * @param previous the button to the page before
 * @param next the button to the page after
 */
public record PageButtons(Button previous, Button next) {

    /** Buttons that call {@code previousPage} and {@code nextPage} (the view model's moves). */
    public static PageButtons of(Runnable previousPage, Runnable nextPage) {
        Button previous = new Button("◀");
        previous.setOnAction(e -> previousPage.run());
        Button next = new Button("▶");
        next.setOnAction(e -> nextPage.run());
        return new PageButtons(previous, next);
    }
}
