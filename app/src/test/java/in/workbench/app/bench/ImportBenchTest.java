package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportBenchTest {

    @Test
    void everyPathRunsFirstInOneOfThreeRounds() {
        assertEquals(List.of("workbench", "CSVREAD", "H2 alone"), ImportBench.order(0));
        Set<String> firsts = new HashSet<>();
        for (int r = 0; r < 3; r++) {
            List<String> o = ImportBench.order(r);
            assertEquals(Set.of("workbench", "CSVREAD", "H2 alone"), Set.copyOf(o), "each round runs all three");
            firsts.add(o.get(0));
        }
        assertEquals(3, firsts.size());
        assertEquals(ImportBench.order(0), ImportBench.order(3));
    }

    @Test
    void aRoundsRatiosAreRatesOverTheReference() {
        ImportBench.Round r = new ImportBench.Round(60_000, 100_000, 75_000);
        assertEquals(0.6, r.workbenchToCsvRead(), 1e-12);
        assertEquals(0.75, r.h2AloneToCsvRead(), 1e-12);
        assertEquals(0.8, r.workbenchToH2Alone(), 1e-12);
    }
}
