package in.workbench.app.bench;

import java.lang.management.ManagementFactory;

/**
 * The machine a benchmark runs on: its load average (printed beside figures, since the build
 * machine is shared and wall-clock figures are upper bounds), its cores and memory, and CPU time,
 * which the neighbours' load does not inflate. Stateless and thread-safe.
 */
final class Machine {

    private Machine() {
    }

    /** The one-minute load average, or a negative number where the system does not tell. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** "load average 1.3", for progress lines and notes beside a figure. */
    static String load() {
        return String.format("load average %.1f", loadAverage());
    }

    /** Processors available to the JVM. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The maximum heap in MB. */
    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /** CPU time this process has used, all threads together, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time in nanoseconds that running the work on this thread takes. */
    static long threadCpuNanos(Runnable work) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        work.run();
        return threads.getCurrentThreadCpuTime() - c0;
    }

    /** One line naming the machine: cores, memory, OS, JVM, maximum heap. */
    static String description() {
        long totalMb = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            totalMb = os.getTotalMemorySize() / (1024 * 1024);
        }
        return String.format("Machine: %d cores, %,d MB memory, %s %s (%s), %s %s, max heap %,d MB.", cores(), totalMb,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), maxHeapMb());
    }
}
