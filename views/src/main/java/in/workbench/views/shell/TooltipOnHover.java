package in.workbench.views.shell;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first reaches their node, not when the screen is built. Each
 * {@link Tooltip} is a popup window with a scene of its own, styled when it is made: the screens held
 * about 300 (four per chart card, one per state on each of six maps), and making them was a seventh of
 * the JavaFX thread's work at start-up (decision 0026, fourth addendum). The tooltip shows as before:
 * it is installed on the pointer's entry, and JavaFX shows it after the usual delay as the pointer moves.
 * Used on the JavaFX thread.
 */
public final class TooltipOnHover {

    private TooltipOnHover() {
    }

    /** Installs the tooltip {@code make} gives on {@code node} the first time the pointer enters it. */
    public static void install(Node node, Supplier<Tooltip> make) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, make.get());
            }
        });
    }
}
