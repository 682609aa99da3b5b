package in.workbench.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest used heap seen while a benchmark runs: a daemon thread samples it every 20 ms from
 * {@link #start()} to {@link #stop()}. One instance measures one stretch; {@link #peak()} may be read
 * from any thread.
 */
final class PeakHeap {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
        sample();
    }

    /** The peak in bytes. */
    long peak() {
        return peak.get();
    }

    /** The peak in MB. */
    long peakMb() {
        return peak() / (1024 * 1024);
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }
}
