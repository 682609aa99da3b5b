package in.workbench.views.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void walksForwardToTheLastPartPageAndNoFurther() {
        Paging paging = new Paging(200);
        paging.setTotal(450);

        assertTrue(paging.next());
        assertTrue(paging.next());
        assertEquals(400, paging.offset());
        assertEquals("401–450 of 450", paging.rangeText().get());
        assertFalse(paging.next(), "the last page has no next page");
        assertEquals(400, paging.offset());
    }

    @Test
    void walksBackToTheFirstPageAndNoFurther() {
        Paging paging = new Paging(100);
        paging.setTotal(1_234);
        paging.next();

        assertTrue(paging.previous());
        assertEquals(0, paging.offset());
        assertFalse(paging.previous(), "the first page has no previous page");
        assertEquals("1–100 of 1,234", paging.rangeText().get());
    }

    @Test
    void firstGoesBackToTheStartAfterAFilterChange() {
        Paging paging = new Paging(10);
        paging.setTotal(95);
        paging.next();
        paging.next();

        paging.first();

        assertEquals(0, paging.offset());
        assertEquals("1–10 of 95", paging.rangeText().get());
    }

    @Test
    void emptyTableHasOnePageAndSaysSo() {
        Paging paging = new Paging(200);

        assertFalse(paging.next());
        assertFalse(paging.previous());
        assertEquals("0 of 0", paging.rangeText().get());
    }

    @Test
    void tableOfExactlyOnePageHasNoNextPage() {
        Paging paging = new Paging(200);
        paging.setTotal(200);

        assertFalse(paging.next());
        assertEquals("1–200 of 200", paging.rangeText().get());
    }

    @Test
    void refusesAPageOfNoRows() {
        assertThrows(IllegalArgumentException.class, () -> new Paging(0));
    }

    @Test
    void reloadsThePageOnlyWhenItMoved() {
        Paging paging = new Paging(100);
        paging.setTotal(150);
        int[] reloads = new int[1];

        paging.previous(() -> reloads[0]++);
        assertEquals(0, reloads[0], "no page before the first");
        paging.next(() -> reloads[0]++);
        paging.next(() -> reloads[0]++);
        assertEquals(1, reloads[0], "one move forward, then the last page");
        assertEquals(100, paging.offset());
        paging.previous(() -> reloads[0]++);
        assertEquals(2, reloads[0]);
        assertEquals(0, paging.offset());
    }
}
