package in.workbench.views.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import in.workbench.analytics.address.AddressParser;
import in.workbench.analytics.geo.PostalDirectory;
import in.workbench.analytics.segmentation.Segmentation;
import in.workbench.analytics.segmentation.WeakLabeler;
import org.junit.jupiter.api.Test;

class SpanEditorTest {

    static Segmentation weak(String text) {
        if (LabelingViewModelTest.parser == null) {
            LabelingViewModelTest.parser = new AddressParser(PostalDirectory.load());
        }
        return new WeakLabeler(LabelingViewModelTest.parser).label(text, "560034");
    }

    @Test
    void onlyACorrectedSegmentationIsSavedWithTheLabel() {
        SpanEditor editor = new SpanEditor();
        Segmentation s = weak("Flat 12, Green Park Road, Koramangala, Bengaluru 560034");
        editor.show(s, false);
        assertEquals(0, editor.selectedProperty().get());
        assertNull(editor.corrected(), "nothing corrected, nothing saved");
        editor.move(1);
        assertEquals(1, editor.selectedProperty().get());
        editor.relabel(true);
        assertTrue(editor.edited());
        assertNotEquals(s.format(), editor.corrected());
        editor.show(s, false);
        assertFalse(editor.edited(), "the next address starts uncorrected");
    }

    @Test
    void selectionWrapsRoundAndMovingAnEdgeKeepsTheSameSpanSelected() {
        SpanEditor editor = new SpanEditor();
        Segmentation s = weak("House 4, MG Road, Bengaluru 560034");
        editor.show(s, false);
        int n = s.segments().size();
        editor.move(-1);
        assertEquals(n - 1, editor.selectedProperty().get());
        editor.move(1);
        assertEquals(0, editor.selectedProperty().get());
        int first = s.segments().get(0).firstToken();
        editor.moveEdge(true);
        var now = editor.segmentationProperty().get().segments().get(editor.selectedProperty().get());
        assertEquals(first, now.firstToken(), "the span that grew is still the one selected");
        assertTrue(now.lastToken() > s.segments().get(0).lastToken() || s.segments().size() == 1);
    }

    @Test
    void anEmptyScreenIgnoresSpanKeys() {
        SpanEditor editor = new SpanEditor();
        editor.show(null, false);
        editor.move(1);
        editor.relabel(true);
        editor.moveEdge(true);
        assertEquals(-1, editor.selectedProperty().get());
        assertNull(editor.corrected());
    }
}
