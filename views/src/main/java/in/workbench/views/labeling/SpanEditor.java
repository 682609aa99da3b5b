package in.workbench.views.labeling;

import in.workbench.analytics.segmentation.SegmentLabel;
import in.workbench.analytics.segmentation.Segmentation;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Correcting the segmentation of the address shown: one span selected at a time, its label
 * changed up or down the label list, its right end moved a token at a time. Remembers whether the
 * analyst changed anything, so that only corrected segments are saved with the label.
 *
 * <p>Used on the JavaFX thread only.
 */
public final class SpanEditor {

    private final ObjectProperty<Segmentation> segmentation = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private boolean edited;

    /** Shows a segmentation with its first span selected; {@code edited} when it carries an analyst's corrections. */
    public void show(Segmentation s, boolean edited) {
        this.edited = edited;
        segmentation.set(s);
        selected.set(s == null || s.segments().isEmpty() ? -1 : 0);
    }

    /** Selects the span {@code step} places on, wrapping round. */
    public void move(int step) {
        Segmentation s = segmentation.get();
        if (s != null && !s.segments().isEmpty()) {
            selected.set(Math.floorMod(selected.get() + step, s.segments().size()));
        }
    }

    /** Gives the selected span the next ({@code down}) or previous label. */
    public void relabel(boolean down) {
        Segmentation s = segmentation.get();
        int i = selected.get();
        if (s == null || i < 0 || i >= s.segments().size()) {
            return;
        }
        SegmentLabel old = s.segments().get(i).label();
        change(s.relabel(i, down ? old.next() : old.previous()), s.segments().get(i).firstToken());
    }

    /** Moves the selected span's right end one token right ({@code grow}) or left. */
    public void moveEdge(boolean grow) {
        Segmentation s = segmentation.get();
        int i = selected.get();
        if (s == null || i < 0 || i >= s.segments().size()) {
            return;
        }
        change(s.moveRightEdge(i, grow), s.segments().get(i).firstToken());
    }

    private void change(Segmentation changed, int token) {
        edited = true;
        segmentation.set(changed);
        var segs = changed.segments();
        int at = segs.isEmpty() ? -1 : 0;
        for (int k = 0; k < segs.size(); k++) {
            if (segs.get(k).firstToken() <= token && token <= segs.get(k).lastToken()) {
                at = k;
                break;
            }
        }
        selected.set(at);
    }

    /** True when the analyst corrected the segmentation shown. */
    public boolean edited() {
        return edited;
    }

    /** The corrected segments as saved with a label, or null when nothing was corrected. */
    public String corrected() {
        return edited && segmentation.get() != null ? segmentation.get().format() : null;
    }

    public ObjectProperty<Segmentation> segmentationProperty() {
        return segmentation;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }
}
