package in.workbench.views.regional;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small helpers to build read-only tables of records. Used on the JavaFX thread. */
final class Tables {

    private Tables() {
    }

    /** Adds a column showing {@code value} of each row. */
    static <T> TableColumn<T, Object> column(TableView<T> table, String title, double width, Function<T, Object> value) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        table.getColumns().add(c);
        return c;
    }

    static String percent(double v) {
        return Double.isNaN(v) ? "" : String.format("%.1f %%", 100 * v);
    }

    static String decimal(double v) {
        return Double.isNaN(v) ? "" : String.format("%.2f", v);
    }
}
