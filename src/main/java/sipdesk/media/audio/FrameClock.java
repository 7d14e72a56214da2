package sipdesk.media.audio;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The device clock of a device without one (no sound card, a file): a deadline every 20 ms on the
 * monotonic clock. Each deadline is the previous one plus the period, never "now plus the period",
 * so waking late does not make the schedule drift; after a stall longer than {@link #MAX_BEHIND_FRAMES}
 * frames (a suspended VM, a debugger) it starts afresh from now instead of sending a burst.
 */
public final class FrameClock {

    public static final int MAX_BEHIND_FRAMES = 10;

    private final long periodNanos;
    private final LongSupplier nanoTime;
    private long deadline;
    private boolean started;

    public FrameClock(int periodMs) {
        this(periodMs * 1_000_000L, System::nanoTime);
    }

    FrameClock(long periodNanos, LongSupplier nanoTime) {
        if (periodNanos <= 0) throw new IllegalArgumentException("period " + periodNanos);
        this.periodNanos = periodNanos;
        this.nanoTime = nanoTime;
    }

    /**
     * Waits until the next frame is due and returns its deadline. The first call returns at once
     * and starts the schedule.
     */
    public long awaitNextFrame() {
        long now = nanoTime.getAsLong();
        if (!started) {
            started = true;
            deadline = now;
            return deadline;
        }
        deadline += periodNanos;
        if (now - deadline > MAX_BEHIND_FRAMES * periodNanos) {
            deadline = now;
        }
        while (now < deadline) {
            LockSupport.parkNanos(deadline - now);
            now = nanoTime.getAsLong();
        }
        return deadline;
    }

    public long periodNanos() {
        return periodNanos;
    }
}
