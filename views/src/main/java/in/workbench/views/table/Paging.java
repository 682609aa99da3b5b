package in.workbench.views.table;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * Where a paged table stands: the index of the page's first row, the number of rows that match,
 * and the moves between pages. Every screen whose table reads a page at a time from the database
 * (Data browser, Addresses, Catalog, Packaging) keeps one; its view model reloads the page when a
 * move says it moved, and its view shows {@link #rangeText()}.
 *
 * <p>Not thread-safe: used on the JavaFX thread, like the view model that owns it.
 */
public final class Paging {

    private final int pageSize;
    private final LongProperty offset = new SimpleLongProperty();
    private final LongProperty total = new SimpleLongProperty();
    private final StringBinding rangeText;

    /** Paging {@code pageSize} rows at a time, on the first page of an empty table. */
    public Paging(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one row, not " + pageSize);
        }
        this.pageSize = pageSize;
        this.rangeText = Bindings.createStringBinding(() -> range(offset.get(), total.get(), pageSize), offset, total);
    }

    /** Rows per page. */
    public int pageSize() {
        return pageSize;
    }

    /** The index (from 0) of the page's first row. */
    public long offset() {
        return offset.get();
    }

    /** The number of rows that match, as last read. */
    public long total() {
        return total.get();
    }

    /** Records the number of rows that match (read with the page). */
    public void setTotal(long rows) {
        total.set(rows);
    }

    /** Goes back to the first page (after a filter, search or sort change). */
    public void first() {
        offset.set(0);
    }

    /** Moves to the next page; false, and nothing moves, on the last page. */
    public boolean next() {
        if (offset.get() + pageSize >= total.get()) {
            return false;
        }
        offset.set(offset.get() + pageSize);
        return true;
    }

    /** Moves to the previous page; false, and nothing moves, on the first page. */
    public boolean previous() {
        if (offset.get() == 0) {
            return false;
        }
        offset.set(Math.max(0, offset.get() - pageSize));
        return true;
    }

    /** Moves to the next page and reloads there with {@code reload}; on the last page nothing happens. */
    public void next(Runnable reload) {
        if (next()) {
            reload.run();
        }
    }

    /** Moves to the previous page and reloads there with {@code reload}; on the first page nothing happens. */
    public void previous(Runnable reload) {
        if (previous()) {
            reload.run();
        }
    }

    /** The page's first row index, observable. */
    public LongProperty offsetProperty() {
        return offset;
    }

    /** The number of matching rows, observable. */
    public LongProperty totalProperty() {
        return total;
    }

    /** The rows shown, as the status line reads them: {@code "201–400 of 1,234"}, or {@code "0 of 0"}. */
    public StringBinding rangeText() {
        return rangeText;
    }

    /** The rows shown from {@code offset} of {@code total} at {@code pageSize} a page: {@code "201–400 of 1,234"}. */
    public static String range(long offset, long total, int pageSize) {
        if (total == 0) {
            return "0 of 0";
        }
        return String.format(Locale.ROOT, "%,d–%,d of %,d", offset + 1, Math.min(total, offset + pageSize), total);
    }
}
