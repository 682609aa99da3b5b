package in.workbench.app.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void threadCpuTimeGrowsWithWorkDoneOnThisThread() {
        long[] sink = new long[1];
        long cpu = Machine.threadCpuNanos(() -> {
            for (long i = 0; i < 50_000_000L; i++) {
                sink[0] += i ^ (i >>> 3);
            }
        });
        assertTrue(cpu > 0, "busy work on this thread costs CPU time");
        assertTrue(sink[0] != 0);
    }

    @Test
    void machineLineNamesCoresAndTheMaximumHeap() {
        String line = Machine.description();
        assertTrue(line.startsWith("Machine: " + Machine.cores() + " cores"), line);
        assertTrue(line.contains("max heap"), line);
    }

    @Test
    void loadNoteSaysItIsTheLoadAverage() {
        assertTrue(Machine.load().startsWith("load average "), Machine.load());
    }
}
