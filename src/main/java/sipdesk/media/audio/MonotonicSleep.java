package sipdesk.media.audio;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Linux's {@code clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline)}: one system call sleeps
 * until an absolute deadline of the clock {@link System#nanoTime()} reads on Linux, with no mutex and
 * condition variable on the way (parkNanos goes through pthread_cond_timedwait) and no spin after it.
 * With the 1 ns timer slack of RealtimePriority the timer fires at the deadline; what remains is the
 * wake-up latency. Measured on the 2-vCPU VM (src/bench FrameWaitBench, SCHED_FIFO, 20 s): 26 us of
 * CPU per frame, late by median 31 us, p99 74 us; parkNanos then a 0.1 ms spin took 89 us per frame
 * for a median of 3 us, p99 45 us. Tens of microseconds do not matter to a 20 ms frame, three times
 * the CPU does, so there is no spin here.
 *
 * <p>JNA direct mapping, primitive arguments and one preallocated timespec per clock: a frame
 * allocates nothing. One per thread.
 */
final class MonotonicSleep implements DeadlineWait {

    private static final int CLOCK_MONOTONIC = 1;
    private static final int TIMER_ABSTIME = 1;
    private static final int EINTR = 4;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    /** struct timespec { time_t tv_sec; long tv_nsec; }: two C longs (glibc's 32-bit legacy symbol and 64-bit). */
    private final Memory timespec = new Memory(2L * Native.LONG_SIZE);
    /**
     * The same memory, written through a direct buffer: Memory.setLong is a JNI call each, two a frame,
     * where a buffer's putLong compiles to one store.
     */
    private final ByteBuffer fields = timespec.getByteBuffer(0, timespec.size()).order(ByteOrder.nativeOrder());

    private static native int clock_nanosleep(int clock, int flags, Pointer request, Pointer remain);

    private static native int clock_gettime(int clock, Pointer time);

    /**
     * Null when this machine can sleep this way: Linux, libc reachable, and CLOCK_MONOTONIC the clock
     * of {@link System#nanoTime()} (within a millisecond); else why not.
     */
    static String unusableBecause() {
        if (!Platform.isLinux()) return "not Linux";
        MonotonicSleep probe = new MonotonicSleep();
        long before = System.nanoTime();
        if (clock_gettime(CLOCK_MONOTONIC, probe.timespec) != 0) return "clock_gettime failed";
        long after = System.nanoTime();
        long monotonic = probe.read();
        if (monotonic < before - 1_000_000 || monotonic > after + 1_000_000) {
            return "System.nanoTime() is not CLOCK_MONOTONIC here";
        }
        probe.write(after); // already past: returns at once
        int error = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, probe.timespec, null);
        return error == 0 ? null : "clock_nanosleep: error " + error;
    }

    @Override
    public void until(long deadlineNanos, long nowNanos) {
        int error = sleepUntil(deadlineNanos);
        // A signal handler cuts the sleep short (EINTR); the absolute deadline stays as it was.
        while (error == EINTR) error = sleepUntil(deadlineNanos);
        long now = System.nanoTime();
        if (now < deadlineNanos) ParkThenSpin.REAL.until(deadlineNanos, now); // never early, whatever the kernel said
    }

    /** One sleep to {@code deadlineNanos} of {@link System#nanoTime()}: 0, or the kernel's error number. */
    int sleepUntil(long deadlineNanos) {
        write(deadlineNanos);
        return clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, timespec, null);
    }

    void write(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long rest = Math.floorMod(nanos, NANOS_PER_SECOND);
        if (Native.LONG_SIZE == 8) {
            fields.putLong(0, seconds);
            fields.putLong(8, rest);
        } else {
            fields.putInt(0, (int) seconds);
            fields.putInt(4, (int) rest);
        }
    }

    long read() {
        return Native.LONG_SIZE == 8 ? fields.getLong(0) * NANOS_PER_SECOND + fields.getLong(8)
                : fields.getInt(0) * NANOS_PER_SECOND + fields.getInt(4);
    }
}
