package sipdesk.media.audio;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import sipdesk.media.RealtimePriority;

/**
 * The frame clock's ways of waiting, side by side, not a test: one thread per run waits for absolute
 * 20 ms deadlines and does nothing else. Prints how late each wait returned (median, p99, max), the
 * thread's CPU per minute and its allocation. Waits: {@code park-spin} (parkNanos to 0.1 ms before,
 * then spin: the fallback), {@code park} (no spin), {@code sleep} (clock_nanosleep to the deadline:
 * the default on Linux), {@code sleep-spin} (clock_nanosleep to 0.1 ms before, then spin).
 * Usage: {@code FrameWaitBench SECONDS rt|other WAIT...}.
 */
public final class FrameWaitBench {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        boolean rt = args[1].equals("rt");
        for (int i = 2; i < args.length; i++) {
            String wait = args[i];
            Thread t = Thread.ofPlatform().name("frame-wait-" + wait).start(() -> run(seconds, rt, wait));
            t.join();
        }
    }

    private static DeadlineWait wait(String name) {
        MonotonicSleep sleep = new MonotonicSleep();
        return switch (name) {
            case "park-spin" -> DeadlineWait.ParkThenSpin.REAL;
            case "park" -> new DeadlineWait.ParkThenSpin(0, System::nanoTime, LockSupport::parkNanos);
            case "sleep" -> sleep;
            case "sleep-spin" -> new DeadlineWait.ParkThenSpin(FrameClock.SPIN_NANOS, System::nanoTime,
                    nanos -> sleep.sleepUntil(System.nanoTime() + nanos));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void run(int seconds, boolean rt, String name) {
        String policy = rt ? RealtimePriority.forCurrentThread().describe() : "ordinary priority";
        DeadlineWait wait = wait(name);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        int n = seconds * 50;
        double[] lateUs = new double[n];
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getThreadAllocatedBytes(self);
        long deadline = System.nanoTime();
        for (int i = 0; i < n; i++) {
            deadline += 20_000_000L;
            wait.until(deadline, System.nanoTime());
            lateUs[i] = (System.nanoTime() - deadline) / 1e3;
        }
        double cpuPerMinute = (threads.getCurrentThreadCpuTime() - cpu) / 1e9 / (seconds / 60.0);
        allocated = threads.getThreadAllocatedBytes(self) - allocated;
        Arrays.sort(lateUs);
        System.out.printf(Locale.ROOT, "%-10s %s, %d s: late by median %.1f, p99 %.1f, max %.1f us; min %.1f us; "
                + "CPU %.4f s/min (%.1f us per frame); %d bytes allocated%n", name, policy, seconds, pct(lateUs, 50),
                pct(lateUs, 99), lateUs[n - 1], lateUs[0], cpuPerMinute, cpuPerMinute / 60 / 50 * 1e6, allocated);
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
