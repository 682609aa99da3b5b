package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void medianAndRangeOfAnOddCountAreTheMiddleAndTheEnds() {
        Samples s = Samples.of(9, 1, 5, 3, 7);
        assertEquals(5, s.median());
        assertEquals(1, s.min());
        assertEquals(9, s.max());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, Samples.of(4, 1, 3, 2).median());
    }

    @Test
    void percentileTakesTheRankBelowTheExactPosition() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        Samples s = Samples.of(values);
        assertEquals(50, s.percentile(0.5));
        assertEquals(99, s.percentile(0.99));
        assertEquals(1, s.percentile(0));
        assertEquals(100, s.percentile(1));
        assertThrows(IllegalArgumentException.class, () -> s.percentile(1.5));
    }

    @Test
    void refusesToSummariseNoSamples() {
        assertThrows(IllegalArgumentException.class, () -> Samples.of());
    }

    @Test
    void warmUpPassesAreRunButNotKept() throws Exception {
        AtomicInteger pass = new AtomicInteger();
        Samples s = Samples.collect(2, 3, pass::incrementAndGet);
        assertEquals(5, pass.get());
        assertEquals(3, s.count());
        assertEquals(3, s.min(), "passes 1 and 2 were the warm-up");
        assertEquals(5, s.max());
    }

    @Test
    void interleavedPassesKeepEachFigureApart() throws Exception {
        AtomicInteger pass = new AtomicInteger();
        Samples[] s = Samples.collectEach(1, 3, 2, () -> {
            int p = pass.incrementAndGet();
            return new double[] {p, 10 * p};
        });
        assertEquals(2, s.length);
        assertArrayEquals(new double[] {3, 30}, new double[] {s[0].median(), s[1].median()});
        assertEquals(2, s[0].min());
        assertEquals(40, s[1].max());
    }

    @Test
    void eachItemIsTimedOnceAfterTheWarmUp() {
        List<Integer> seen = new ArrayList<>();
        Samples s = Samples.millisEach(4, 2, seen::add);
        assertEquals(List.of(0, 1, 0, 1, 2, 3), seen);
        assertEquals(4, s.count());
    }
}
