package sipdesk.media.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import sipdesk.media.RealtimePriority;

/**
 * The floor of this machine for a Java 20 ms loop, not a test: one thread that does nothing but wait
 * for absolute 20 ms deadlines (parkNanos until {@code lead} before each, then spin), as FrameClock
 * does, with or without real-time scheduling. Prints |interval - 20 ms| median/p99/max (as MediaBench
 * and src/bench/c/pacing_reference.c do), how late parkNanos returned, and the thread's CPU.
 * Usage: {@code PacingReference SECONDS LEAD_US rt|other}.
 */
public final class PacingReference {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        long leadNanos = Long.parseLong(args[1]) * 1000;
        boolean rt = args.length > 2 && args[2].equals("rt");
        Thread t = Thread.ofPlatform().name("media-reference").start(() -> loop(seconds, leadNanos, rt));
        t.join();
    }

    private static void loop(int seconds, long leadNanos, boolean rt) {
        String policy = rt ? RealtimePriority.forCurrentThread().describe() : "ordinary priority";
        var threads = ManagementFactory.getThreadMXBean();
        int n = seconds * 50;
        long[] starts = new long[n];
        double[] parkLate = new double[n];
        long cpu = threads.getCurrentThreadCpuTime();
        long deadline = System.nanoTime();
        for (int i = 0; i < n; i++) {
            deadline += 20_000_000L;
            long now = System.nanoTime();
            while (deadline - now > leadNanos) {
                long target = deadline - leadNanos;
                LockSupport.parkNanos(target - now);
                now = System.nanoTime();
                parkLate[i] = Math.max(0, now - target) / 1e3;
            }
            while (now < deadline) {
                Thread.onSpinWait();
                now = System.nanoTime();
            }
            starts[i] = now;
        }
        double cpuPerMinute = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / (seconds / 60.0);
        double[] dev = new double[n - 1];
        for (int i = 1; i < n; i++) dev[i - 1] = Math.abs((starts[i] - starts[i - 1]) / 1e6 - 20);
        Arrays.sort(dev);
        Arrays.sort(parkLate);
        System.out.printf(Locale.ROOT, "Java reference loop, %s, spin lead %d us, %d s: |interval - 20 ms| median %.3f, "
                + "p99 %.3f, max %.3f ms; parkNanos returned late by median %.0f, p99 %.0f, max %.0f us; "
                + "CPU %.3f s per minute%n", policy, leadNanos / 1000, seconds, pct(dev, 50), pct(dev, 99),
                dev[dev.length - 1], pct(parkLate, 50), pct(parkLate, 99), parkLate[n - 1], cpuPerMinute);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
