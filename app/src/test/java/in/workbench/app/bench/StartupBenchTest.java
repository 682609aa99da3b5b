package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupBenchTest {

    @Test
    void aTaskLineKeepsCommasInItsTitle() {
        StartupBench.Task t = StartupBench.Task.parse("1200, 4300,850,Ranking 'kurta, red' for Delhi");
        assertEquals(new StartupBench.Task("Ranking 'kurta, red' for Delhi", 1200, 4300, 850), t);
    }

    @Test
    void theTasksThatEndedLastComeFirst() {
        StartupBench.Start s = new StartupBench.Start(1, 2, 3, 7, 0.5, List.of(new StartupBench.Task("a", 0, 10, 4),
                new StartupBench.Task("b", 5, 30, 20), new StartupBench.Task("c", 1, 20, -1)), List.of());
        assertEquals(List.of("b", "c"), s.lastEnded(2).stream().map(StartupBench.Task::title).toList());
    }

    @Test
    void theTasksCpuTimeLeavesOutTasksWhoseTimeIsUnknown() {
        StartupBench.Start s = new StartupBench.Start(1, 2, 3, 7, 0.5, List.of(new StartupBench.Task("a", 0, 10, 4),
                new StartupBench.Task("b", 5, 30, 20), new StartupBench.Task("c", 1, 20, -1)), List.of("5,main entered"));
        assertEquals(24, s.tasksCpuMillis());
    }

    @Test
    void theBareWindowsMedianIsTheStartWithTheMiddleFrameTime() {
        StartupBench.Report r = new StartupBench.Report(null, List.of(), List.of(new StartupBench.Bare(1300, 1900),
                new StartupBench.Bare(1100, 1700), new StartupBench.Bare(1200, 1500)), 0, 0, 0);
        assertEquals(new StartupBench.Bare(1200, 1500), r.medianBare());
    }
}
